#if canImport(Glibc)
import Glibc
#endif

// Note [Trashcan]
// Freeing a deeply nested structure (a list inside a list, 10**6 levels; a long linked list
// of objects) releases each level from the deinit of the level above, so a naive deinit
// recurses as deep as the structure and overflows the native stack. Like CPython's
// "trashcan" (`Py_TRASHCAN_BEGIN` in `Include/cpython/object.h`), containers count nested
// deinits per thread; below a fixed depth they free their items in place, beyond it they
// park the items in a per-thread list that the outermost deinit drains in a loop.

/// Bounded-depth deallocation of container items (see Note [Trashcan]).
enum Trashcan {
    private final class State {
        var depth = 0
        var pending: [PyValue] = []
        var draining = false
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { raw in
            if let raw { Unmanaged<AnyObject>.fromOpaque(raw).release() }
        }
        return key
    }()

    private static var state: State {
        if let raw = pthread_getspecific(key) {
            return Unmanaged<State>.fromOpaque(raw).takeUnretainedValue()
        }
        let state = State()
        pthread_setspecific(key, Unmanaged.passRetained(state).toOpaque())
        return state
    }

    static let maxDepth = 200

    /// Releases `items` (called from a container's deinit, with the items moved out of the
    /// container first: see the comment in `PyList.deinit`).
    static func release(_ items: consuming [PyValue]) {
        if items.isEmpty { return }
        let s = state
        if s.depth >= maxDepth {
            s.pending.append(contentsOf: items)
            return
        }
        s.depth += 1
        dispose(items)
        s.depth -= 1
        guard s.depth == 0, !s.draining, !s.pending.isEmpty else { return }
        s.draining = true
        while let item = s.pending.popLast() { dispose([item]) }
        s.draining = false
    }

    /// Drops the last reference to `items` here, in this call: the optimizer may release a
    /// value as early as its last use, so the release must be a call it cannot move across
    /// the depth bookkeeping.
    @inline(never)
    private static func dispose(_ items: consuming [PyValue]) {
        _ = consume items
    }
}
