import Course
import Dispatch
import Synchronization

/// Saves the learner's progress on a background queue, so the two disk flushes of an atomic
/// save (tens of milliseconds on a slow disk) never delay a key or a frame.
///
/// Saves run in order, each writing a whole file, so the file always holds a complete
/// progress, the newest one once ``flush()`` returns.
final class ProgressSaver: Sendable {
    /// Used only on `queue` after start-up.
    private let store: ProgressStore
    private let queue = DispatchQueue(label: "pytorch-tutor.progress")
    private let failure = Mutex<String?>(nil)
    /// The last progress handed to the queue (UI thread only).
    private let submitted = Mutex<Progress?>(nil)

    /// The progress file's path.
    var file: String { store.file }

    init(store: ProgressStore) { self.store = store }

    /// Queues a save of `progress` unless it equals the last one queued.
    func save(_ progress: Progress) {
        let changed = submitted.withLock { last in
            defer { last = progress }
            return last != progress
        }
        guard changed else { return }
        queue.async { [self] in
            if let error = store.save(progress) { failure.withLock { $0 = error } }
        }
    }

    /// The error of a failed save since the last call, if any.
    func takeFailure() -> String? { failure.withLock { error in defer { error = nil }; return error } }

    /// Waits until every queued save is on disk.
    func flush() { queue.sync {} }
}
