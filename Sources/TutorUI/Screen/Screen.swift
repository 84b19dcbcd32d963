/// Where the tutor draws and where its input comes from: the real terminal
/// (``CursesScreen``) or memory (``MemoryScreen``, for snapshot tests).
public protocol Screen: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    /// Shows a frame. Backends write only the cells that changed since the last frame.
    func present(_ canvas: Canvas)
    /// Waits up to `timeout` milliseconds for input (or until ``Waker/wake()``); nil if none.
    func nextKey(timeout: Int) -> Key?
    /// Hands the terminal back (to run `$EDITOR`, or for Ctrl-Z) until ``resume()``.
    func suspend()
    /// Takes the terminal again and redraws everything at the next ``present(_:)``.
    func resume()
    /// Wakes ``nextKey(timeout:)`` from another thread (the code worker has news).
    var waker: Waker { get }
}

/// A thread-safe way to interrupt a screen's wait for input.
public protocol Waker: Sendable {
    func wake()
}
