/// A size in terminal cells.
public struct Size: Equatable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public var description: String { "\(width)x\(height)" }
}

/// A rectangle of cells: `x`, `y` of its top-left cell, then its size.
public struct Rect: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }

    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }

    /// The rectangle without its first `count` rows.
    func droppingTop(_ count: Int) -> Rect { Rect(x: x, y: y + count, width: width, height: height - count) }

    /// The rectangle without `count` columns on each side.
    func inset(horizontally count: Int) -> Rect { Rect(x: x + count, y: y, width: width - 2 * count, height: height) }
}
