/// The frame and marker characters of a chart, in Unicode or plain ASCII.
struct Glyphs {
    let vertical: Character
    let horizontal: Character
    let corner: Character
    let tick: Character
    /// A tick on the x axis line.
    let xTick: Character
    let gridHorizontal: Character
    let gridVertical: Character
    let legendLine: Character
    /// ASCII markers, one per series (Unicode charts tell series apart by colour).
    let markers: [Character]
    let unicode: Bool

    static let unicode = Glyphs(vertical: "│", horizontal: "─", corner: "└", tick: "┤", xTick: "┬",
                                gridHorizontal: "┈", gridVertical: "┊", legendLine: "━",
                                markers: ["*", "+", "o", "x", "#", "%", "@", "="], unicode: true)
    static let ascii = Glyphs(vertical: "|", horizontal: "-", corner: "+", tick: "|", xTick: "+",
                              gridHorizontal: ".", gridVertical: ".", legendLine: "*",
                              markers: ["*", "+", "o", "x", "#", "%", "@", "="], unicode: false)

    static func forTier(_ tier: ColorTier) -> Glyphs { tier.isUnicode ? .unicode : .ascii }

    /// The ASCII marker of series `index`.
    func marker(_ index: Int) -> Character { markers[((index % markers.count) + markers.count) % markers.count] }
}
