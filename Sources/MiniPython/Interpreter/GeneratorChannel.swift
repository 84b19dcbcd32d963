#if canImport(Glibc)
import Glibc
#endif

// Note [Generators]
// A generator function's body runs on its own thread, and `yield` hands values over with two
// semaphores, so only one of the two threads runs at any time and the interpreter stays
// single-threaded in effect (each hand-off is a happens-before edge). The alternative, a
// resumable evaluator, would have to turn every statement kind into an explicit state
// machine; the thread keeps the evaluator a plain recursive tree walk and the generator
// semantics exact (yield anywhere, inside try/with/loops, `yield from`, return values).
//
// Costs and limits: creating a generator starts a thread (tens of microseconds) and each
// `next` is two context switches (a few microseconds), so generator *expressions*, the hot
// case (`sum(x * x for x in xs)`), do not use threads: they are a resumable iterator over
// their `for`/`if` clauses (see `Interpreter+Generators.swift`).
//
// The generator thread uses the interpreter's stack check with its own stack bounds
// (`stackLimit` is swapped at every hand-off). An abandoned generator (freed before it is
// exhausted) is killed when it is deallocated: its thread is resumed with a kill request,
// `yield` throws a PyError marked `isGeneratorKill`, which `try`/`with` let through without
// running handlers or `finally` (CPython would run `finally` blocks with GeneratorExit; we do
// not run Python code from a deinit), and the thread is joined.

/// The hand-off between a generator's consumer and the thread running its body.
final class GeneratorChannel: @unchecked Sendable {
    enum Request { case resume, kill }
    enum Event { case yielded(PyValue), returned(PyValue), raised(PyError) }

    private let toGenerator: UnsafeMutablePointer<sem_t>
    private let toConsumer: UnsafeMutablePointer<sem_t>
    var request = Request.resume
    var event = Event.returned(.none)
    /// How many handled exceptions the consumer had when it resumed the generator.
    var consumerHandlingCount = 0
    /// The generator thread's lowest safe stack address.
    var generatorStackLimit: UInt = 0
    private var thread: pthread_t?
    private(set) var isFinished = false

    init() {
        toGenerator = .allocate(capacity: 1)
        toConsumer = .allocate(capacity: 1)
        sem_init(toGenerator, 0, 0)
        sem_init(toConsumer, 0, 0)
    }

    deinit {
        sem_destroy(toGenerator)
        sem_destroy(toConsumer)
        toGenerator.deallocate()
        toConsumer.deallocate()
    }

    // MARK: - Consumer side

    /// Starts the body on a new thread and waits for its first event.
    func start(_ interp: Interpreter, _ body: @escaping () -> Void) throws(PyError) -> Event {
        final class Box: @unchecked Sendable {
            let body: () -> Void
            init(_ body: @escaping () -> Void) { self.body = body }
        }
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, 64 << 20)
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        // Save the consumer's state before the body can run and change it.
        let saved = ConsumerState(interp)
        var handle = pthread_t()
        let result = pthread_create(&handle, &attributes, { raw in
            // Signals go to the interpreter's own thread, never to generator threads.
            var signals = sigset_t()
            sigfillset(&signals)
            pthread_sigmask(SIG_BLOCK, &signals, nil)
            let box = Unmanaged<AnyObject>.fromOpaque(raw!).takeRetainedValue() as! Box
            box.body()
            return nil
        }, box)
        guard result == 0 else {
            Unmanaged<AnyObject>.fromOpaque(box).release()
            throw PyError.runtimeError("can't start new thread")
        }
        thread = handle
        return waitForEvent(interp, saved)
    }

    /// Resumes the body and waits until it yields, returns or raises.
    func resume(_ interp: Interpreter) -> Event {
        request = .resume
        consumerHandlingCount = interp.handling.count
        let saved = ConsumerState(interp)
        sem_post(toGenerator)
        return waitForEvent(interp, saved)
    }

    /// What the generator thread changes in the interpreter while it runs.
    private struct ConsumerState {
        let stackLimit: UInt
        let handling: [PyBaseException]
        let frame: Frame?
        init(_ interp: Interpreter) {
            stackLimit = interp.stackLimit
            handling = interp.handling
            frame = interp.currentFrame
        }
    }

    private func waitForEvent(_ interp: Interpreter, _ saved: ConsumerState) -> Event {
        while sem_wait(toConsumer) != 0 {}
        interp.stackLimit = saved.stackLimit
        interp.handling = saved.handling
        interp.currentFrame = saved.frame
        if case .yielded = event {} else { finish() }
        return event
    }

    /// Kills a suspended generator (see Note [Generators]) and waits for its thread.
    func kill() {
        guard thread != nil, !isFinished else { return }
        // The generator thread unwinds without touching the interpreter's state (see `yield`),
        // so this is safe even after the interpreter itself is gone.
        request = .kill
        sem_post(toGenerator)
        while sem_wait(toConsumer) != 0 {}
        finish()
    }

    private func finish() {
        isFinished = true
        if let thread {
            pthread_join(thread, nil)
            self.thread = nil
        }
    }

    // MARK: - Generator side

    /// Called on the generator thread when the body starts.
    func bodyStarted(_ interp: Interpreter) {
        generatorStackLimit = Interpreter.currentStackLimit()
        interp.stackLimit = generatorStackLimit
        consumerHandlingCount = interp.handling.count
    }

    /// `yield value`: hands the value to the consumer and waits to be resumed.
    func yield(_ value: PyValue, _ interp: Interpreter) throws(PyError) -> PyValue {
        let own = interp.handling.count > consumerHandlingCount
            ? Array(interp.handling[consumerHandlingCount...]) : []
        event = .yielded(value)
        sem_post(toConsumer)
        while sem_wait(toGenerator) != 0 {}
        if case .kill = request {
            var error = PyError(type: .generatorExit, message: "")
            error.isGeneratorKill = true
            throw error
        }
        interp.stackLimit = generatorStackLimit
        interp.handling += own
        return .none
    }

    /// Called on the generator thread as the body ends.
    func bodyFinished(_ event: Event) {
        self.event = event
        sem_post(toConsumer)
    }
}
