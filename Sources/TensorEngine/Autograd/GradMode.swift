import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether operations record the autograd graph (`torch.is_grad_enabled()`).
///
/// PyTorch keeps this per thread. The tutor runs all user code on one
/// interpreter thread at a time, so a process-wide flag holds the mode set with
/// `isEnabled`; it is atomic so the UI thread may read it safely. `with` (used
/// by `torch.no_grad()` and inside ops that compute without recording) sets a
/// per-thread override instead, so an op running on one thread never switches
/// recording off for another (tests run on several threads at once).
public enum GradMode {
    private static let enabled = Atomic<Bool>(true)

    /// The calling thread's override: no value (the default) defers to `enabled`.
    private static let overrideKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()
    private static var threadOverride: Bool? {
        get {
            guard let p = pthread_getspecific(overrideKey) else { return nil }
            return Int(bitPattern: p) == 1
        }
        set {
            pthread_setspecific(overrideKey, newValue.flatMap { UnsafeRawPointer(bitPattern: $0 ? 1 : 2) })
        }
    }

    public static var isEnabled: Bool {
        get { threadOverride ?? enabled.load(ordering: .relaxed) }
        set {
            if threadOverride != nil { threadOverride = newValue } else { enabled.store(newValue, ordering: .relaxed) }
        }
    }

    /// Runs `body` with grad mode set to `mode` on the calling thread, restoring
    /// the previous mode afterwards (also when `body` throws): `torch.no_grad()`
    /// and `torch.enable_grad()`.
    public static func with<R, E: Error>(_ mode: Bool, _ body: () throws(E) -> R) throws(E) -> R {
        let previous = threadOverride
        threadOverride = mode
        defer { threadOverride = previous }
        return try body()
    }
}
