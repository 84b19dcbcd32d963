/// A screen in memory: it keeps the last frame and plays back queued keys, so tests can
/// drive the tutor and compare whole screens as text (like tig's and htop's screen tests).
public final class MemoryScreen: Screen {
    public var size: Size
    /// The last frame presented.
    public private(set) var frame: Canvas
    /// Keys ``nextKey(timeout:)`` returns, first one first.
    public var pendingKeys: [Key] = []
    public let waker: Waker = NoWaker()
    /// How many times the screen was suspended (editor runs, Ctrl-Z).
    public private(set) var suspensions = 0

    public init(size: Size) {
        self.size = size
        frame = Canvas(size: size)
    }

    public func present(_ canvas: Canvas) { frame = canvas }

    public func nextKey(timeout: Int) -> Key? {
        pendingKeys.isEmpty ? nil : pendingKeys.removeFirst()
    }

    public func suspend() { suspensions += 1 }
    public func resume() {}

    private struct NoWaker: Waker {
        func wake() {}
    }
}
