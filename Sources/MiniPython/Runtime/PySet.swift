/// `set` and `frozenset` (the type decides which; a frozenset is never mutated after creation).
public final class PySet: PyObject, @unchecked Sendable {
    var storage = SetStorage()

    public init(type: PyType = .set) {
        super.init(type: type, hasDict: type.isHeapType)
    }

    deinit {
        // `frozenset([frozenset([...])])` nests like a list: see Note [Trashcan].
        guard storage.table.contains(where: { if case .active(.object, _) = $0 { return true } else { return false } }) else { return }
        var taken = SetStorage()
        swap(&taken, &storage)
        Trashcan.release(owner: consume taken)
    }

    public var count: Int { storage.used }
    public var isFrozen: Bool { type.isSubtype(of: .frozenset) }

    /// The elements in table order (the order CPython iterates and prints them).
    public var elements: [PyValue] { storage.elements }

    @discardableResult
    public func add(_ key: PyValue, _ interp: Interpreter) throws(PyError) -> Bool {
        let hash = try interp.hash(key)
        return try storage.add(key, hash: hash) { (k) throws(PyError) in try interp.keysEqual(k, key) }
    }

    public func contains(_ key: PyValue, _ interp: Interpreter) throws(PyError) -> Bool {
        let hash = try interp.hash(key)
        return try storage.find(hash: hash) { (k) throws(PyError) in try interp.keysEqual(k, key) } != nil
    }

    @discardableResult
    public func discard(_ key: PyValue, _ interp: Interpreter) throws(PyError) -> Bool {
        let hash = try interp.hash(key)
        return try storage.discard(hash: hash) { (k) throws(PyError) in try interp.keysEqual(k, key) }
    }

    func popFirst() -> PyValue? { storage.pop() }

    /// Adds every element of another set, reusing its hashes (CPython's `set_merge`).
    func merge(_ other: PySet, _ interp: Interpreter) throws(PyError) {
        try storage.merge(other.storage) { (a, b) throws(PyError) in try interp.keysEqual(a, b) }
    }

    func removeAll() { storage = SetStorage() }

    var version: Int { storage.version }
}

/// CPython's set hash table (`Objects/setobject.c`): open addressing with 9 linear probes
/// before each perturbed jump, 8 slots to start, resized to hold 4x the items when 60% full.
/// Copying its probe sequence and resize policy is what makes `print({3, 1, 2})` show
/// `{1, 2, 3}` here as in CPython.
struct SetStorage {
    enum Slot {
        case empty
        case dummy
        case active(PyValue, hash: Int)
    }

    static let linearProbes = 9
    static let minSize = 8

    var table = [Slot](repeating: .empty, count: minSize)
    var fill = 0
    var used = 0
    var finger = 0
    var version = 0

    var mask: Int { table.count - 1 }

    var elements: [PyValue] {
        table.compactMap { if case .active(let k, _) = $0 { return k } else { return nil } }
    }

    var activeEntries: [(PyValue, Int)] {
        table.compactMap { if case .active(let k, let h) = $0 { return (k, h) } else { return nil } }
    }

    /// The slot holding an equal key, if any.
    func find<E: Error>(hash: Int, _ matches: (PyValue) throws(E) -> Bool) throws(E) -> Int? {
        let mask = self.mask
        var i = hash & mask
        var perturb = UInt(bitPattern: hash)
        while true {
            let probes = i + SetStorage.linearProbes <= mask ? SetStorage.linearProbes : 0
            for j in i...(i + probes) {
                switch table[j] {
                case .empty: return nil
                case .dummy: break
                case .active(let key, let h): if h == hash, try matches(key) { return j }
                }
            }
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ Int(truncatingIfNeeded: perturb)) & mask
        }
    }

    /// `set_add_entry`; returns false if an equal key was already there.
    mutating func add<E: Error>(_ key: PyValue, hash: Int, _ matches: (PyValue) throws(E) -> Bool) throws(E) -> Bool {
        let mask = self.mask
        var i = hash & mask
        var perturb = UInt(bitPattern: hash)
        var freeSlot: Int?
        while true {
            let probes = i + SetStorage.linearProbes <= mask ? SetStorage.linearProbes : 0
            for j in i...(i + probes) {
                switch table[j] {
                case .empty:
                    version += 1
                    used += 1
                    if let freeSlot {
                        table[freeSlot] = .active(key, hash: hash)
                        return true
                    }
                    fill += 1
                    table[j] = .active(key, hash: hash)
                    if fill * 5 >= mask * 3 { resize(minUsed: used > 50000 ? used * 2 : used * 4) }
                    return true
                case .dummy:
                    if freeSlot == nil { freeSlot = j }
                case .active(let k, let h):
                    if h == hash {
                        if k.isIdentical(to: key) { return false }
                        if try matches(k) { return false }
                    }
                }
            }
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ Int(truncatingIfNeeded: perturb)) & mask
        }
    }

    mutating func discard<E: Error>(hash: Int, _ matches: (PyValue) throws(E) -> Bool) throws(E) -> Bool {
        guard let slot = try find(hash: hash, matches) else { return false }
        table[slot] = .dummy
        used -= 1
        version += 1
        return true
    }

    mutating func pop() -> PyValue? {
        guard used > 0 else { return nil }
        var i = finger & mask
        while true {
            if case .active(let key, _) = table[i] {
                table[i] = .dummy
                used -= 1
                version += 1
                finger = i + 1
                return key
            }
            i = (i + 1) & mask
        }
    }

    /// `set_merge`: adds the entries of `other` (with their stored hashes).
    mutating func merge<E: Error>(_ other: SetStorage, _ equal: (PyValue, PyValue) throws(E) -> Bool) throws(E) {
        if other.used == 0 { return }
        if (fill + other.used) * 5 >= mask * 3 { resize(minUsed: (used + other.used) * 2) }
        if fill == 0 && mask == other.mask && other.fill == other.used {
            table = other.table
            fill = other.fill
            used = other.used
            version += 1
            return
        }
        if fill == 0 {
            for (key, hash) in other.activeEntries { insertClean(key, hash: hash) }
            fill = other.used
            used = other.used
            version += 1
            return
        }
        for (key, hash) in other.activeEntries {
            _ = try add(key, hash: hash) { (k) throws(E) in try equal(k, key) }
        }
    }

    /// `set_table_resize`
    private mutating func resize(minUsed: Int) {
        var size = SetStorage.minSize
        while size <= minUsed { size <<= 1 }
        let old = table
        table = [Slot](repeating: .empty, count: size)
        fill = used
        for slot in old {
            if case .active(let key, let hash) = slot { insertClean(key, hash: hash) }
        }
    }

    /// `set_insert_clean`: the table has no dummies and no equal key.
    private mutating func insertClean(_ key: PyValue, hash: Int) {
        let mask = self.mask
        var i = hash & mask
        var perturb = UInt(bitPattern: hash)
        while true {
            if case .empty = table[i] {
                table[i] = .active(key, hash: hash)
                return
            }
            if i + SetStorage.linearProbes <= mask {
                for j in (i + 1)...(i + SetStorage.linearProbes) {
                    if case .empty = table[j] {
                        table[j] = .active(key, hash: hash)
                        return
                    }
                }
            }
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ Int(truncatingIfNeeded: perturb)) & mask
        }
    }
}
