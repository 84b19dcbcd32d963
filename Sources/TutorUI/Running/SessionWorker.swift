#if canImport(Glibc)
import Glibc
#endif
import Course
import Dispatch
import MiniPython
import Synchronization

/// Runs lesson code on its own thread, one ``LessonSession`` per lesson (a notebook kernel
/// each), one job at a time, so the UI thread stays free for keys, scrolling and resizes.
final class SessionWorker: Sendable {
    /// Stops the running job with `KeyboardInterrupt` (Ctrl-C, Esc).
    let interrupt = InterruptFlag()
    private let events: EventQueue
    private let jobs = Mutex<[Job]>([])
    private let available = DispatchSemaphore(value: 0)
    /// Whether the thread runs (it starts with the first job).
    private let started = Atomic<Bool>(false)

    init(events: EventQueue) {
        self.events = events
    }

    /// Queues a job; its events follow in the queue.
    func submit(_ job: Job) {
        jobs.withLock { $0.append(job) }
        available.signal()
        if !started.exchange(true, ordering: .relaxed) { spawnThread { [self] in loop() } }
    }

    private func loop() {
        TerminalGuard.blockOnThisThread()
        var sessions: [String: LessonSession] = [:]
        while true {
            available.wait()
            guard let job = jobs.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) else { continue }
            let session = sessions[job.lesson.id] ?? LessonSession(lesson: job.lesson, interrupt: interrupt, showsPlots: true) { [events] in
                events.push(.output($0))
            }
            sessions[job.lesson.id] = session
            events.push(.started(job.id))
            let outcome: JobOutcome
            switch job.kind {
            case .step(let step): outcome = .ran(session.run(step: step))
            case .exercise(let exercise, let code, let filename, let firstLine):
                outcome = .checked(session.check(exercise, code: code, filename: filename, firstLine: firstLine))
            case .repl(let source): outcome = .ran(session.runInteractive(source))
            case .complete(let text): outcome = .completed(session.complete(text))
            case .help(let name): outcome = .helped(session.help(for: name))
            case .catchUp(let step, let code): outcome = .ran(code.map { session.run($0) } ?? session.run(step: step))
            }
            events.push(.finished(job.id, outcome))
        }
    }
}

/// Starts a detached thread with a stack large enough for the interpreter
/// (see MiniPython's Note [Interpreter stack]).
private func spawnThread(stackSize: Int = 512 << 20, _ body: @escaping @Sendable () -> Void) {
    final class Box {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, stackSize)
    pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
    let box = Unmanaged.passRetained(Box(body)).toOpaque()
    var thread = pthread_t()
    if pthread_create(&thread, &attributes, { raw in
        Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue().body()
        return nil
    }, box) != 0 {
        Unmanaged<Box>.fromOpaque(box).release()
    }
}
