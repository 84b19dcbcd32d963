#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `body` on a new thread with a 64 MiB stack and waits for it.
///
/// The parser is recursive descent: every bracket level nests about 25 calls, and CPython
/// allows 200 levels. A test runner's or a dispatch worker's thread may have only 512 KiB, so
/// parsing always runs on a thread of its own. Depth limits (`Parser.nest()`,
/// `Parser.openBracket()`) keep the recursion well inside this stack, so no input overflows it.
func withLargeStack<T>(_ body: () -> T) -> T {
    withoutActuallyEscaping(body) { escapable in
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
