#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether the calling thread runs in inference mode (`torch.inference_mode()`).
///
/// Storage allocated in inference mode is marked (`Storage.isInference`), so tensors made
/// there report `is_inference()` as in PyTorch, and so do their views; a view of a tensor
/// made outside stays a normal tensor. Grad mode is switched off separately, by the caller.
public enum InferenceMode {
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    public static var isEnabled: Bool {
        get { pthread_getspecific(key) != nil }
        set { pthread_setspecific(key, newValue ? UnsafeRawPointer(bitPattern: 1) : nil) }
    }

    /// Runs `body` with inference mode set to `mode` on the calling thread, restoring the
    /// previous mode afterwards (also when `body` throws).
    public static func with<R, E: Error>(_ mode: Bool, _ body: () throws(E) -> R) throws(E) -> R {
        let previous = isEnabled
        isEnabled = mode
        defer { isEnabled = previous }
        return try body()
    }
}
