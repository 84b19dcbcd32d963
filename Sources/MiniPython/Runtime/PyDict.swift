/// `dict`: insertion-ordered hash map keyed by any hashable Python value.
///
/// Hashing and equality of arbitrary keys may run Python code (`__hash__`, `__eq__`), so the
/// general operations take the ``Interpreter`` and throw; `str` keys have non-throwing fast
/// paths for attribute dicts and native code.
///
/// Also used as the instance attribute dict (`__dict__`) of objects and as module namespaces.
public final class PyDict: PyObject, @unchecked Sendable {
    var storage = DictStorage()

    public init(type: PyType = .dict) {
        super.init(type: type, hasDict: type.isHeapType)
    }

    deinit {
        guard storage.count > 0 else { return }
        var values: [PyValue] = []
        values.reserveCapacity(storage.count * 2)
        for entry in storage.entries {
            if let entry { values.append(entry.key); values.append(entry.value) }
        }
        storage = DictStorage()
        Trashcan.release(consume values)
    }

    /// The number of items.
    public var count: Int { storage.count }

    // MARK: - General keys

    public func get(_ key: PyValue, _ interp: Interpreter) throws(PyError) -> PyValue? {
        if case .str(let s) = key { return get(str: s) }
        let hash = try interp.hash(key)
        guard let index = try storage.find(hash: hash, { (k) throws(PyError) in try interp.keysEqual(k, key) }).entry
        else { return nil }
        return storage.entries[index]?.value
    }

    public func set(_ key: PyValue, _ value: PyValue, _ interp: Interpreter) throws(PyError) {
        if case .str(let s) = key { return set(str: s, value) }
        let hash = try interp.hash(key)
        try storage.insert(key: key, value: value, hash: hash) { (k) throws(PyError) in try interp.keysEqual(k, key) }
    }

    /// Removes the key; returns its value, or nil if it was missing.
    @discardableResult
    public func remove(_ key: PyValue, _ interp: Interpreter) throws(PyError) -> PyValue? {
        let hash = try interp.hash(key)
        return try storage.remove(hash: hash) { (k) throws(PyError) in try interp.keysEqual(k, key) }
    }

    public func contains(_ key: PyValue, _ interp: Interpreter) throws(PyError) -> Bool {
        try get(key, interp) != nil
    }

    // MARK: - String keys

    public func get(str key: String) -> PyValue? {
        let hash = PyHash.string(key)
        let found = storage.find(hash: hash) { k in
            if case .str(let s) = k { return s.utf8.elementsEqual(key.utf8) } else { return false }
        }
        guard let index = found.entry else { return nil }
        return storage.entries[index]?.value
    }

    public func set(str key: String, _ value: PyValue) {
        storage.insert(key: .str(key), value: value, hash: PyHash.string(key)) { k in
            if case .str(let s) = k { return s.utf8.elementsEqual(key.utf8) } else { return false }
        }
    }

    @discardableResult
    public func remove(str key: String) -> PyValue? {
        storage.remove(hash: PyHash.string(key)) { k in
            if case .str(let s) = k { return s.utf8.elementsEqual(key.utf8) } else { return false }
        }
    }

    // MARK: - Whole dict

    /// The live items in insertion order.
    public var items: [(key: PyValue, value: PyValue)] {
        storage.entries.compactMap { $0.map { ($0.key, $0.value) } }
    }

    public var keys: [PyValue] { storage.entries.compactMap { $0?.key } }
    public var values: [PyValue] { storage.entries.compactMap { $0?.value } }

    public func removeAll() { storage = DictStorage() }

    /// A shallow copy with the same type `dict`.
    public func copy() -> PyDict {
        let result = PyDict()
        result.storage = storage
        return result
    }

    /// Removes and returns the last item (`popitem`).
    func popLast() -> (key: PyValue, value: PyValue)? { storage.popLast() }

    /// Bumped by every insertion or removal, for iterators' "changed size" check.
    var version: Int { storage.version }

    /// The item at a raw entry position (for iterators), skipping deleted slots.
    func entry(atOrAfter position: inout Int) -> (key: PyValue, value: PyValue)? {
        while position < storage.entries.count {
            defer { position += 1 }
            if let e = storage.entries[position] { return (e.key, e.value) }
        }
        return nil
    }
}

/// The compact, insertion-ordered open-addressing table behind ``PyDict`` (CPython's
/// `dictobject.c` layout: a sparse index table pointing into a dense entry array).
struct DictStorage {
    struct Entry {
        var key: PyValue
        var value: PyValue
        var hash: Int
    }

    static let emptySlot = -1
    static let dummySlot = -2

    var entries: [Entry?] = []
    var indices: [Int] = []
    private(set) var count = 0
    private(set) var version = 0

    /// Finds the entry for `hash` whose key satisfies `matches`; also returns the slot where
    /// a new key would go.
    func find<E: Error>(hash: Int, _ matches: (PyValue) throws(E) -> Bool) throws(E) -> (slot: Int, entry: Int?) {
        if indices.isEmpty { return (-1, nil) }
        let mask = indices.count - 1
        var i = hash & mask
        var perturb = UInt(bitPattern: hash)
        var freeSlot = -1
        while true {
            let ix = indices[i]
            if ix == DictStorage.emptySlot { return (freeSlot >= 0 ? freeSlot : i, nil) }
            if ix == DictStorage.dummySlot {
                if freeSlot < 0 { freeSlot = i }
            } else if entries[ix]?.hash == hash, let key = entries[ix]?.key, try matches(key) {
                // Fields are read in place: copying a whole entry would retain its value too.
                return (i, ix)
            }
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ Int(truncatingIfNeeded: perturb)) & mask
        }
    }

    mutating func insert<E: Error>(key: PyValue, value: PyValue, hash: Int,
                                   _ matches: (PyValue) throws(E) -> Bool) throws(E) {
        var found = try find(hash: hash, matches)
        if let index = found.entry {
            entries[index]!.value = value
            return
        }
        if (entries.count + 1) * 3 >= indices.count * 2 {
            rebuild(capacity: max(8, (count + 1) * 3))
            found = find(hash: hash) { _ in false }
        }
        indices[found.slot] = entries.count
        entries.append(Entry(key: key, value: value, hash: hash))
        count += 1
        version += 1
    }

    mutating func remove<E: Error>(hash: Int, _ matches: (PyValue) throws(E) -> Bool) throws(E) -> PyValue? {
        let found = try find(hash: hash, matches)
        guard let index = found.entry else { return nil }
        let old = entries[index]?.value
        entries[index] = nil
        indices[found.slot] = DictStorage.dummySlot
        count -= 1
        version += 1
        if entries.count > 16 && count * 4 < entries.count { rebuild(capacity: max(8, count * 3)) }
        return old
    }

    mutating func popLast() -> (key: PyValue, value: PyValue)? {
        while let last = entries.last {
            guard let entry = last else {
                entries.removeLast()
                continue
            }
            _ = remove(hash: entry.hash) { k in k.isIdentical(to: entry.key) }
            return (entry.key, entry.value)
        }
        return nil
    }

    /// Compacts the entries and rebuilds the index table with room for `capacity` items.
    private mutating func rebuild(capacity: Int) {
        var size = 8
        while size < capacity { size <<= 1 }
        let live = entries.compactMap { $0 }
        entries = live
        indices = Array(repeating: DictStorage.emptySlot, count: size)
        let mask = size - 1
        for (n, entry) in live.enumerated() {
            var i = entry.hash & mask
            var perturb = UInt(bitPattern: entry.hash)
            while indices[i] != DictStorage.emptySlot {
                perturb >>= 5
                i = (i &* 5 &+ 1 &+ Int(truncatingIfNeeded: perturb)) & mask
            }
            indices[i] = n
        }
    }
}
