/// What the tutor shows when the terminal is below ``Layout/minimum``.
enum TooSmallScreen {
    static func draw(into canvas: inout Canvas) {
        let size = canvas.size
        let need = Layout.minimum
        let lines = [
            ("terminal too small (need \(need.width)x\(need.height))", Role.failure),
            ("now \(size.width)x\(size.height): enlarge the window, or press q to quit", Role.normal),
        ]
        let top = max(0, size.height / 2 - 1)
        for (offset, (text, role)) in lines.enumerated() {
            let width = TextWidth.of(text)
            canvas.put(text, x: max(0, (size.width - width) / 2), y: top + offset, role: role)
        }
    }
}
