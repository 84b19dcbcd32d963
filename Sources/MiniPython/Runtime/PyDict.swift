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
        // Only objects can nest (see Note [Trashcan]); a dict of numbers and strings (most
        // instance dicts) is freed right here.
        guard storage.entries.contains(where: { entry in
            if case .object = entry.value { return true }
            if case .object = entry.key { return true }
            return false
        }) else { return }
        var values: [PyValue] = []
        values.reserveCapacity(storage.count * 2)
        for entry in storage.entries where entry.isLive {
            values.append(entry.key)
            values.append(entry.value)
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
        return storage.entries[index].value
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
        get(str: key, hash: PyHash.string(key))
    }

    /// `get(str:)` with the key's ``PyHash/string(_:)`` computed ahead (compiled code knows
    /// the hashes of the attribute names it uses).
    func get(str key: String, hash: Int) -> PyValue? {
        guard let index = storage.entry(str: key, hash: hash) else { return nil }
        return storage.entries[index].value
    }

    public func set(str key: String, _ value: PyValue) {
        set(str: key, value, hash: PyHash.string(key))
    }

    /// `set(str:_:)` with the key's hash computed ahead (see ``get(str:hash:)``).
    func set(str key: String, _ value: PyValue, hash: Int) {
        // Equal hashes of the UTF-8 bytes make == exact here (see `DictStorage.entry`).
        storage.insert(key: .str(key), value: value, hash: hash) { k in
            if case .str(let s) = k { return s == key } else { return false }
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
        storage.entries.compactMap { $0.isLive ? ($0.key, $0.value) : nil }
    }

    public var keys: [PyValue] { storage.entries.compactMap { $0.isLive ? $0.key : nil } }
    public var values: [PyValue] { storage.entries.compactMap { $0.isLive ? $0.value : nil } }

    public func removeAll() {
        // The version keeps counting up: caches remember versions (see ``GlobalSite``).
        let version = storage.version
        storage = DictStorage()
        storage.version = version + 1
    }

    /// A shallow copy with the same type `dict`.
    public func copy() -> PyDict {
        let result = PyDict()
        result.storage = storage
        return result
    }

    /// Removes and returns the last item (`popitem`).
    func popLast() -> (key: PyValue, value: PyValue)? { storage.popLast() }

    /// Bumped by every insertion or removal, for iterators' "changed size" check and the
    /// caches of global names: while it holds, every key keeps its entry position.
    var version: Int { storage.version }

    /// The entry position of string key `key`, to read its value later with
    /// ``value(atEntry:)`` while ``version`` is unchanged.
    func entryPosition(str key: String) -> Int? {
        storage.find(hash: PyHash.string(key)) { k in
            if case .str(let s) = k { return s.utf8.elementsEqual(key.utf8) } else { return false }
        }.entry
    }

    /// The current value at an entry position from ``entryPosition(str:)``.
    func value(atEntry position: Int) -> PyValue? {
        position < storage.entries.count && storage.entries[position].isLive ? storage.entries[position].value : nil
    }

    /// Replaces the value at a live entry position from ``entryPosition(str:)``; false when
    /// there is no entry there.
    func setValue(_ value: PyValue, atEntry position: Int) -> Bool {
        guard position < storage.entries.count, storage.entries[position].isLive else { return false }
        storage.entries[position].value = value
        return true
    }

    /// The item at a raw entry position (for iterators), skipping deleted slots.
    func entry(atOrAfter position: inout Int) -> (key: PyValue, value: PyValue)? {
        while position < storage.entries.count {
            defer { position += 1 }
            if storage.entries[position].isLive { return (storage.entries[position].key, storage.entries[position].value) }
        }
        return nil
    }
}

/// The compact, insertion-ordered open-addressing table behind ``PyDict`` (CPython's
/// `dictobject.c` layout: a sparse index table pointing into a dense entry array).
struct DictStorage {
    /// An item; a removed one stays as a dead entry (no key or value) until the next
    /// rebuild, so positions of the others do not move. Entries are not optionals: reading
    /// one field of an optional entry would copy the whole entry, key and value included.
    struct Entry {
        var key: PyValue
        var value: PyValue
        var hash: Int
        var isLive = true
    }

    static let emptySlot = -1
    static let dummySlot = -2

    var entries: [Entry] = []
    var indices: [Int] = []
    private(set) var count = 0
    var version = 0

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
            } else if entries[ix].hash == hash, try matches(entries[ix].key) {
                // Fields are read in place: copying a whole entry would retain its value too.
                return (i, ix)
            }
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ Int(truncatingIfNeeded: perturb)) & mask
        }
    }

    /// The entry of string key `key` (the common lookup of attribute and global names).
    func entry(str key: String, hash: Int) -> Int? {
        if indices.isEmpty { return nil }
        let mask = indices.count - 1
        var i = hash & mask
        var perturb = UInt(bitPattern: hash)
        while true {
            let ix = indices[i]
            if ix == DictStorage.emptySlot { return nil }
            // Python compares code points, Swift's == canonical equivalence; with equal
            // 61-bit hashes of the UTF-8 bytes the two agree (distinct byte sequences that are
            // canonically equivalent would also need colliding hashes), and == is one
            // comparison for the identical short strings attribute names are.
            if ix != DictStorage.dummySlot, entries[ix].hash == hash, case .str(let s) = entries[ix].key, s == key {
                return ix
            }
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ Int(truncatingIfNeeded: perturb)) & mask
        }
    }

    mutating func insert<E: Error>(key: PyValue, value: PyValue, hash: Int,
                                   _ matches: (PyValue) throws(E) -> Bool) throws(E) {
        var found = try find(hash: hash, matches)
        if let index = found.entry {
            entries[index].value = value
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
        let old = entries[index].value
        entries[index] = Entry(key: .none, value: .none, hash: 0, isLive: false)
        indices[found.slot] = DictStorage.dummySlot
        count -= 1
        version += 1
        if entries.count > 16 && count * 4 < entries.count { rebuild(capacity: max(8, count * 3)) }
        return old
    }

    mutating func popLast() -> (key: PyValue, value: PyValue)? {
        while let entry = entries.last {
            guard entry.isLive else {
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
        let live = entries.filter(\.isLive)
        entries = live
        indices = .filled(DictStorage.emptySlot, count: size)
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
