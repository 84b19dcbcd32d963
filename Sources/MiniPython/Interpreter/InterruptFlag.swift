import Synchronization

/// A thread-safe "stop now" request: set by a SIGINT handler or the UI, checked by the
/// interpreter at every loop iteration and call, which then raises `KeyboardInterrupt`.
public final class InterruptFlag: Sendable {
    /// 0: clear, 1: set (cleared when raised), 2: set until ``clear()`` (see ``setPersistent()``).
    private let state = Atomic<UInt8>(0)

    public init() {}

    /// Asks the running code to stop (async-signal-safe: a single atomic store).
    public func set() { state.store(1, ordering: .relaxed) }

    /// A hard stop, e.g. for a time budget: every later check raises `KeyboardInterrupt`
    /// again, so code that catches it cannot keep running; lasts until ``clear()``.
    public func setPersistent() { state.store(2, ordering: .relaxed) }

    /// Clears the request, e.g. before running the next REPL entry.
    public func clear() { state.store(0, ordering: .relaxed) }

    public var isSet: Bool { state.load(ordering: .relaxed) != 0 }

    /// Returns true once per request (every time for a persistent one), clearing it.
    func take() -> Bool {
        let value = state.load(ordering: .relaxed)
        if value == 2 { return true }
        return value == 1 && state.compareExchange(expected: 1, desired: 0, ordering: .relaxed).exchanged
    }
}
