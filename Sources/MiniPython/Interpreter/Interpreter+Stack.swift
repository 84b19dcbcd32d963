#if canImport(Glibc)
import Glibc
#endif

// Note [Interpreter stack]
// Compiled code (closures calling closures) uses the native stack for every Python call
// (several Swift frames per Python frame, large ones in debug builds). The recursion limit (1000, like
// CPython) bounds Python depth; in addition every call compares the stack pointer with
// `stackLimit`, the lowest address of the current thread's stack plus a safety margin, so a
// program can never overflow the stack whatever the thread it runs on. `runOnLargeStack`
// gives the interpreter a 512 MB stack so the recursion limit, not the stack, is what a
// program hits.

/// glibc's `pthread_getattr_np` (declared here because Swift imports `pthread.h` without
/// `_GNU_SOURCE`).
@_silgen_name("pthread_getattr_np")
private func pthreadGetAttrNP(_ thread: pthread_t, _ attributes: UnsafeMutablePointer<pthread_attr_t>) -> Int32

extension Interpreter {
    /// Bytes kept free below the limit for native code called between checks.
    static let stackMargin: UInt = 256 * 1024

    /// The lowest safe address of the calling thread's stack, or 0 if unknown.
    static func currentStackLimit() -> UInt {
        var attributes = pthread_attr_t()
        guard pthreadGetAttrNP(pthread_self(), &attributes) == 0 else { return 0 }
        defer { pthread_attr_destroy(&attributes) }
        var address: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attributes, &address, &size) == 0, let address else { return 0 }
        let low = UInt(bitPattern: address)
        let margin = min(stackMargin, UInt(size) / 4)
        return low + margin
    }

    /// Runs `body` on a new thread with a `size`-byte stack and waits for it.
    public static func runOnLargeStack(size: Int = 512 << 20, _ body: @escaping () -> Void) {
        final class Box: @unchecked Sendable {
            let body: () -> Void
            init(_ body: @escaping () -> Void) { self.body = body }
        }
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, size)
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(&thread, &attributes, { raw in
            let box = Unmanaged<AnyObject>.fromOpaque(raw!).takeRetainedValue() as! Box
            box.body()
            return nil
        }, box)
        if result != 0 {
            Unmanaged<AnyObject>.fromOpaque(box).release()
            body()
            return
        }
        pthread_join(thread, nil)
    }

    /// Re-reads the stack limit: call it when the interpreter moves to another thread.
    public func adoptCurrentThread() {
        stackLimit = Interpreter.currentStackLimit()
    }
}
