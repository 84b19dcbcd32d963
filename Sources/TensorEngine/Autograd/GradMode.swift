import Synchronization

/// Whether operations record the autograd graph (`torch.is_grad_enabled()`).
///
/// PyTorch keeps this per thread. The tutor runs all user code on one
/// interpreter thread at a time, so one process-wide flag is enough; it is
/// atomic so the UI thread may read it safely.
public enum GradMode {
    private static let enabled = Atomic<Bool>(true)

    public static var isEnabled: Bool {
        get { enabled.load(ordering: .relaxed) }
        set { enabled.store(newValue, ordering: .relaxed) }
    }

    /// Runs `body` with grad mode set to `mode`, restoring the previous mode
    /// afterwards (also when `body` throws): `torch.no_grad()` and `torch.enable_grad()`.
    public static func with<R, E: Error>(_ mode: Bool, _ body: () throws(E) -> R) throws(E) -> R {
        let previous = isEnabled
        isEnabled = mode
        defer { isEnabled = previous }
        return try body()
    }
}
