import Synchronization

/// A thread-safe "stop now" request: set by a SIGINT handler or the UI, checked by the
/// interpreter at every loop iteration and call, which then raises `KeyboardInterrupt`.
public final class InterruptFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    /// Asks the running code to stop (async-signal-safe: a single atomic store).
    public func set() { flag.store(true, ordering: .relaxed) }

    /// Clears the request, e.g. before running the next REPL entry.
    public func clear() { flag.store(false, ordering: .relaxed) }

    public var isSet: Bool { flag.load(ordering: .relaxed) }

    /// Returns true once per request, clearing it.
    func take() -> Bool { flag.exchange(false, ordering: .relaxed) }
}
