#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `body` on a new thread with a 64 MiB stack and waits for it, or right here if the
/// current thread has that much stack left (the interpreter's 512 MiB thread).
///
/// The parser is recursive descent: every bracket level nests about 25 calls, and CPython
/// allows 200 levels. A test runner's or a dispatch worker's thread may have only 512 KiB, so
/// parsing runs on a thread of its own unless the current one is large enough. Depth limits
/// (`Parser.nest()`, `Parser.openBracket()`) keep the recursion well inside this stack, so no
/// input overflows it.
func withLargeStack<T>(_ body: () -> T) -> T {
    if remainingStack() >= 64 << 20 { return body() }
    return withoutActuallyEscaping(body) { escapable in
        var result: T?
        let work = StackWork { result = escapable() }
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, 64 << 20)
        let context = Unmanaged.passRetained(work).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let created = pthread_create(&thread, &attributes, { raw in
            Unmanaged<StackWork>.fromOpaque(raw!).takeRetainedValue().run()
            return nil
        }, context)
        guard created == 0 else {
            // No thread (resource limits): run here; the depth limits still apply.
            Unmanaged<StackWork>.fromOpaque(context).release()
            return escapable()
        }
        #if canImport(Glibc)
        pthread_join(thread, nil)
        #else
        pthread_join(thread!, nil)
        #endif
        return result!
    }
}

/// The work handed to the thread. The caller reads the result only after `pthread_join`, so
/// nothing is accessed concurrently.
private final class StackWork: @unchecked Sendable {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}

/// Bytes of stack left below the current frame on this thread (0 if unknown).
private func remainingStack() -> UInt {
    let limit = Interpreter.currentStackLimit()
    guard limit != 0 else { return 0 }
    var marker: UInt8 = 0
    let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    return here > limit ? here - limit : 0
}
