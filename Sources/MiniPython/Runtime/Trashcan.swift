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
        var pending: [Any] = []
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
        release(owner: consume items)
    }

    /// Releases `values` with bounded depth when any of them is an object, for a deinit that
    /// has just moved them out of its stored properties (only objects can nest).
    static func releaseIfNested(_ values: consuming [PyValue]) {
        guard values.contains(where: { if case .object = $0 { return true } else { return false } }) else { return }
        release(owner: consume values)
    }

    /// Releases whatever `owner` holds (a generator's unstarted body closure, say) with the same
    /// bounded depth.
    static func release<Owner>(owner: consuming Owner) {
        let s = state
        if s.depth >= maxDepth {
            s.pending.append(owner)
            return
        }
        s.depth += 1
        dispose(owner)
        s.depth -= 1
        guard s.depth == 0, !s.draining, !s.pending.isEmpty else { return }
        s.draining = true
        while let item = s.pending.popLast() { dispose(item) }
        s.draining = false
    }

    /// Drops the last reference to `owner` here, in this call: the optimizer may release a
    /// value as early as its last use, so the release must be a call it cannot move across
    /// the depth bookkeeping.
    @inline(never)
    private static func dispose<Owner>(_ owner: consuming Owner) {
        _ = consume owner
    }
}
