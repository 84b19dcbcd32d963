/// A generator: from a generator function (its body runs on a thread, see Note [Generators])
/// or a generator expression (a resumable native step function).
public final class PyGenerator: PyObject, @unchecked Sendable {
    enum State { case created, suspended, running, finished }

    public let name: String
    public let qualname: String
    private var state = State.created
    /// The body of a generator function; returns the `return` value.
    private var body: ((Interpreter, GeneratorChannel) throws(PyError) -> PyValue)?
    /// The step function of a generator expression; nil when exhausted.
    private var step: ((Interpreter) throws(PyError) -> PyValue?)?
    private var channel: GeneratorChannel?
    /// The value of the `return` statement that ended the generator (`StopIteration.value`).
    public private(set) var returnValue = PyValue.none

    init(name: String, qualname: String, body: @escaping (Interpreter, GeneratorChannel) throws(PyError) -> PyValue) {
        self.name = name
        self.qualname = qualname
        self.body = body
        super.init(type: .generator)
    }

    init(name: String, step: @escaping (Interpreter) throws(PyError) -> PyValue?) {
        self.name = name
        self.qualname = name
        self.step = step
        super.init(type: .generator)
    }

    deinit {
        channel?.kill()
        // An unstarted generator's body holds its arguments, which may be generators in turn
        // (`x = g(x)` in a loop): see Note [Trashcan].
        if body != nil || step != nil { Trashcan.release(owner: (body.take(), step.take())) }
    }

    /// The next value, or nil when the generator is exhausted.
    public func next(_ interp: Interpreter) throws(PyError) -> PyValue? {
        switch state {
        case .finished: return nil
        case .running: throw PyError(type: .valueError, message: "generator already executing")
        case .created, .suspended: break
        }
        try interp.enterCall()
        defer { interp.depth -= 1 }
        state = .running
        if let step {
            do throws(PyError) {
                if let value = try step(interp) {
                    state = .suspended
                    return value
                }
            } catch {
                finish()
                throw error
            }
            finish()
            return nil
        }
        let event: GeneratorChannel.Event
        if let channel {
            event = channel.resume(interp)
        } else {
            let channel = GeneratorChannel()
            self.channel = channel
            guard let body else { return nil }
            event = try channel.start(interp) {
                channel.bodyStarted(interp)
                do throws(PyError) {
                    channel.bodyFinished(.returned(try body(interp, channel)))
                } catch {
                    if error.matches(.stopIteration) {
                        let replacement = PyError(type: .runtimeError, message: "generator raised StopIteration")
                        replacement.exception.cause = error.exception
                        replacement.exception.context = error.exception
                        channel.bodyFinished(.raised(replacement))
                    } else {
                        channel.bodyFinished(.raised(error))
                    }
                }
            }
        }
        switch event {
        case .yielded(let value):
            state = .suspended
            return value
        case .returned(let value):
            returnValue = value
            finish()
            return nil
        case .raised(let error):
            finish()
            throw error
        }
    }

    private func finish() {
        state = .finished
        body = nil
        step = nil
    }
}
