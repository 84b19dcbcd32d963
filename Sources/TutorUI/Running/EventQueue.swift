import Synchronization

/// The worker's events on their way to the UI thread: appended on the worker, drained by the
/// main loop, which the ``Waker`` rouses from its wait for keys.
final class EventQueue: Sendable {
    private let events = Mutex<[WorkerEvent]>([])
    private let waker: Waker

    init(waker: Waker) { self.waker = waker }

    func push(_ event: WorkerEvent) {
        events.withLock { queue in
            // Consecutive prints merge, so a chatty loop costs one event per frame, not per line.
            if case .output(.stdout(let more)) = event, case .output(.stdout(let text))? = queue.last {
                queue[queue.count - 1] = .output(.stdout(text + more))
            } else {
                queue.append(event)
            }
        }
        waker.wake()
    }

    /// Everything queued so far, oldest first.
    func drain() -> [WorkerEvent] {
        events.withLock { queue in
            defer { queue.removeAll(keepingCapacity: true) }
            return queue
        }
    }
}
