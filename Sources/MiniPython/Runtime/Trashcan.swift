#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Note [Trashcan]
// Freeing a container frees its items, which free theirs: Swift releases recursively, so the
// head of a list nested a million deep (`a = [a]` in a loop) or of a long linked list of
// objects would overflow the native stack when it is freed. As CPython's trashcan
// (`Py_TRASHCAN_BEGIN`), a list, tuple or dict freed while `maxDepth` container deallocations
// are already running on the thread hands its items to the thread's pending list instead of
// freeing them; the outermost deallocation then frees the pending items one at a time, each
// again at most `maxDepth` deep.

/// Per-thread state of the container deallocations running (see Note [Trashcan]).
final class Trashcan {
    static let maxDepth = 64

    private var depth = 0
    private var pending: [PyValue] = []

    /// Frees a list's or tuple's items (called from `deinit`).
    static func free(_ items: inout [PyValue]) {
        let can = current
        if can.depth >= maxDepth {
            can.pending.append(contentsOf: items)
            items = []
            return
        }
        can.enter()
        items = []
        can.leave()
    }

    /// Frees a dict's keys and values (called from `deinit`).
    static func free(_ storage: inout DictStorage) {
        let can = current
        if can.depth >= maxDepth {
            for case let entry? in storage.entries {
                can.pending.append(entry.key)
                can.pending.append(entry.value)
            }
            storage = DictStorage()
            return
        }
        can.enter()
        storage = DictStorage()
        can.leave()
    }

    private func enter() { depth += 1 }

    private func leave() {
        if depth == 1 {
            // The outermost deallocation: free what deeper ones put aside.
            while !pending.isEmpty { _ = pending.removeLast() }
        }
        depth -= 1
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { raw in
            if let raw { Unmanaged<Trashcan>.fromOpaque(raw).release() }
        }
        return key
    }()

    private static var current: Trashcan {
        if let raw = pthread_getspecific(key) { return Unmanaged<Trashcan>.fromOpaque(raw).takeUnretainedValue() }
        let can = Trashcan()
        pthread_setspecific(key, Unmanaged.passRetained(can).toOpaque())
        return can
    }
}
