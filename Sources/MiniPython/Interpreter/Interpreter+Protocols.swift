/// The object protocols every builtin relies on: truth, length, iteration, membership and
/// hashing. Each has fast paths for the builtin types and falls back to the special methods.
extension Interpreter {
    // MARK: - Truth and length

    /// `bool(v)`
    public func isTrue(_ v: PyValue) throws(PyError) -> Bool {
        switch v {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return !i.isZero
        case .float(let d): return d != 0
        case .str(let s): return !s.isEmpty
        case .object(let o):
            if !o.type.isHeapType {
                if let l = o as? PyList { return !l.items.isEmpty }
                if let t = o as? PyTuple { return !t.items.isEmpty }
                if let d = o as? PyDict { return d.count > 0 }
                if let s = o as? PySet { return s.count > 0 }
            }
            if let method = o.type.lookup("__bool__"), !method.isNone {
                let result = try call(try bind(method, to: v, o.type), Arguments())
                guard case .bool(let b) = result else {
                    throw PyError.typeError("__bool__ should return bool, returned \(result.type.name)")
                }
                return b
            }
            if o.type.lookup("__len__") != nil { return try length(v) > 0 }
            return true
        }
    }

    /// `len(v)`
    public func length(_ v: PyValue) throws(PyError) -> Int {
        switch v {
        case .str(let s): return s.unicodeScalars.count
        case .object(let o):
            if !o.type.isHeapType, let n = try nativeLength(o) { return n }
            if let method = o.type.lookup("__len__"), !method.isNone {
                let result = try call(try bind(method, to: v, o.type), Arguments())
                guard case .int(let n) = result else {
                    if case .bool(let b) = result { return b ? 1 : 0 }
                    throw PyError.typeError("'\(result.type.name)' object cannot be interpreted as an integer")
                }
                guard let count = n.asInt else { throw PyError.overflowError("cannot fit 'int' into an index-sized integer") }
                if count < 0 { throw PyError.valueError("__len__() should return >= 0") }
                return count
            }
        default: break
        }
        throw PyError.typeError("object of type '\(v.type.name)' has no len()")
    }

    /// The length of a builtin container (by storage, whatever its type); nil otherwise.
    func nativeLength(_ o: PyObject) throws(PyError) -> Int? {
        if let l = o as? PyList { return l.items.count }
        if let t = o as? PyTuple { return t.items.count }
        if let d = o as? PyDict { return d.count }
        if let s = o as? PySet { return s.count }
        if let v = o as? PyDictView { return v.source.count }
        if let r = o as? PyRange {
            guard let n = r.count else { throw PyError.overflowError("Python int too large to convert to C ssize_t") }
            return n
        }
        return nil
    }

    // MARK: - Iteration

    /// Whether `iter(v)` would succeed.
    public func isIterable(_ v: PyValue) -> Bool {
        if case .str = v { return true }
        guard case .object(let o) = v else { return false }
        if o is PyList || o is PyTuple || o is PyDict || o is PySet || o is PyRange || o is PyIterator
            || o is PyGenerator || o is PyDictView {
            return true
        }
        if let m = o.type.lookup("__iter__"), !m.isNone { return true }
        if let m = o.type.lookup("__getitem__"), !m.isNone { return true }
        return false
    }

    /// `iter(v)`: an iterator object.
    public func iter(_ v: PyValue) throws(PyError) -> PyValue {
        if case .object(let o) = v {
            if o is PyIterator || o is PyGenerator { return v }
            if !o.type.isHeapType, let native = try nativeIterator(v) { return .object(native) }
            if true {
                if let method = o.type.lookup("__iter__"), !method.isNone {
                    let it = try call(try bind(method, to: v, o.type), Arguments())
                    guard it.type.lookup("__next__") != nil || it.as(PyIterator.self) != nil || it.as(PyGenerator.self) != nil else {
                        throw PyError.typeError("iter() returned non-iterator of type '\(it.type.name)'")
                    }
                    return it
                }
            }
        }
        if let native = try nativeIterator(v) { return .object(native) }
        if case .object(let o) = v, let getitem = o.type.lookup("__getitem__"), !getitem.isNone {
            // The old sequence protocol: __getitem__(0), (1), ... until IndexError.
            var index = 0
            let bound = try bind(getitem, to: v, o.type)
            return .object(PyIterator(type: .iterator) { (interp) throws(PyError) in
                do throws(PyError) {
                    let item = try interp.call(bound, [PyValue(index)])
                    index += 1
                    return item
                } catch {
                    if error.matches(.indexError) || error.matches(.stopIteration) { return nil }
                    throw error
                }
            })
        }
        throw PyError.typeError("'\(v.type.name)' object is not iterable")
    }

    /// Iterators over the builtin containers (by storage, whatever their type).
    func nativeIterator(_ v: PyValue) throws(PyError) -> PyIterator? {
        switch v {
        case .str(let s):
            var iterator = s.unicodeScalars.makeIterator()
            return PyIterator(type: .strIterator) { _ in iterator.next().map { .str(String($0)) } }
        case .object(let o):
            if let list = o as? PyList {
                var i = 0
                return PyIterator(type: .listIterator) { _ in
                    guard i < list.items.count else { return nil }
                    defer { i += 1 }
                    return list.items[i]
                }
            }
            if let tuple = o as? PyTuple {
                var i = 0
                let items = tuple.items
                return PyIterator(type: .tupleIterator) { _ in
                    guard i < items.count else { return nil }
                    defer { i += 1 }
                    return items[i]
                }
            }
            if let range = o as? PyRange {
                guard let count = range.count else {
                    throw PyError.overflowError("Python int too large to convert to C ssize_t")
                }
                var i = 0
                return PyIterator(type: .rangeIterator) { _ in
                    guard i < count else { return nil }
                    defer { i += 1 }
                    return PyValue(range.element(i))
                }
            }
            if let dict = o as? PyDict { return dictIterator(dict, .keys) }
            if let view = o as? PyDictView { return dictIterator(view.source, view.kind) }
            if let set = o as? PySet {
                let elements = set.elements
                let version = set.version
                var i = 0
                return PyIterator(type: .setIterator) { (_) throws(PyError) in
                    if set.version != version { throw PyError.runtimeError("Set changed size during iteration") }
                    guard i < elements.count else { return nil }
                    defer { i += 1 }
                    return elements[i]
                }
            }
            return nil
        default:
            return nil
        }
    }

    private func dictIterator(_ dict: PyDict, _ kind: PyDictView.Kind) -> PyIterator {
        var position = 0
        let count = dict.count
        let type: PyType = kind == .keys ? .dictKeyIterator : (kind == .values ? .dictValueIterator : .dictItemIterator)
        return PyIterator(type: type) { (_) throws(PyError) in
            if dict.count != count { throw PyError.runtimeError("dictionary changed size during iteration") }
            guard let (k, v) = dict.entry(atOrAfter: &position) else { return nil }
            switch kind {
            case .keys: return k
            case .values: return v
            case .items: return .tuple([k, v])
            }
        }
    }

    /// `next(iterator)`: the next item, or nil at the end (StopIteration).
    public func next(_ iterator: PyValue) throws(PyError) -> PyValue? {
        if case .object(let o) = iterator {
            if let native = o as? PyIterator { return try native.next(self) }
            if let generator = o as? PyGenerator { return try generator.next(self) }
            if let method = o.type.lookup("__next__"), !method.isNone {
                do throws(PyError) {
                    return try call(try bind(method, to: iterator, o.type), Arguments())
                } catch {
                    if error.matches(.stopIteration) { return nil }
                    throw error
                }
            }
        }
        throw PyError.typeError("'\(iterator.type.name)' object is not an iterator")
    }

    /// Calls `body` with each item of an iterable; `body` returns false to stop early. Checks
    /// for an interrupt at every item, so native loops (`sum(range(10**12))`) can be stopped.
    public func forEach(_ iterable: PyValue, _ body: (PyValue) throws(PyError) -> Bool) throws(PyError) {
        if case .object(let o) = iterable, !o.type.isHeapType {
            if let list = o as? PyList {
                var i = 0
                while i < list.items.count {
                    try checkInterrupt()
                    if !(try body(list.items[i])) { return }
                    i += 1
                }
                return
            }
            if let tuple = o as? PyTuple {
                for item in tuple.items {
                    try checkInterrupt()
                    if !(try body(item)) { return }
                }
                return
            }
            if let range = o as? PyRange, let count = range.count {
                for i in 0..<count {
                    try checkInterrupt()
                    if !(try body(PyValue(range.element(i)))) { return }
                }
                return
            }
        }
        let iterator = try iter(iterable)
        while let item = try next(iterator) {
            try checkInterrupt()
            if !(try body(item)) { return }
        }
    }

    /// All the items of an iterable.
    public func toArray(_ iterable: PyValue) throws(PyError) -> [PyValue] {
        if case .object(let o) = iterable, !o.type.isHeapType {
            if let list = o as? PyList { return list.items }
            if let tuple = o as? PyTuple { return tuple.items }
            if let range = o as? PyRange {
                guard let count = range.count else { throw PyError.overflowError("Python int too large to convert to C ssize_t") }
                if count > Interpreter.maxSequenceLength { throw PyError.memoryError() }
                return (0..<count).map { PyValue(range.element($0)) }
            }
        }
        var result: [PyValue] = []
        try forEach(iterable) { (item) throws(PyError) in
            result.append(item)
            if result.count > Interpreter.maxSequenceLength { throw PyError.memoryError() }
            return true
        }
        return result
    }

    /// The (key, value) pairs of a mapping: a dict, or anything with `keys()` and `__getitem__`.
    func mappingItems(_ mapping: PyValue, context: String) throws(PyError) -> [(PyValue, PyValue)] {
        if let dict = mapping.as(PyDict.self), !dict.type.isHeapType { return dict.items.map { ($0.key, $0.value) } }
        guard mapping.type.lookup("keys") != nil else { throw PyError.typeError(context) }
        var result: [(PyValue, PyValue)] = []
        for key in try toArray(try callMethod(mapping, "keys", Arguments())) {
            result.append((key, try getItem(mapping, key)))
        }
        return result
    }

    // MARK: - Membership

    /// `item in container`
    public func contains(_ container: PyValue, _ item: PyValue) throws(PyError) -> Bool {
        if case .object(let o) = container, !o.type.isHeapType, let found = try nativeContains(o, item) { return found }
        if case .object(let o) = container, let method = o.type.lookup("__contains__"), !method.isNone {
            return try isTrue(try call(try bind(method, to: container, o.type), [item]))
        }
        switch container {
        case .str(let s):
            guard case .str(let sub) = item else {
                throw PyError.typeError("'in <string>' requires string as left operand, not \(item.type.name)")
            }
            return sub.isEmpty || StringSearch.find(Array(s.unicodeScalars), Array(sub.unicodeScalars), 0) != nil
        case .object:
            break
        default: break
        }
        return try iterativeContains(container, item)
    }

    /// `item in container` by iterating and comparing.
    func iterativeContains(_ container: PyValue, _ item: PyValue) throws(PyError) -> Bool {
        guard isIterable(container) else {
            throw PyError.typeError("argument of type '\(container.type.name)' is not iterable")
        }
        var found = false
        try forEach(container) { (x) throws(PyError) in
            if try equals(x, item) { found = true; return false }
            return true
        }
        return found
    }

    /// Membership in a builtin container (by storage); nil for other objects.
    func nativeContains(_ o: PyObject, _ item: PyValue) throws(PyError) -> Bool? {
                if let dict = o as? PyDict { return try dict.contains(item, self) }
                if let set = o as? PySet { return try set.contains(item, self) }
                if let list = o as? PyList {
                    for x in list.items where try equals(x, item) { return true }
                    return false
                }
                if let tuple = o as? PyTuple {
                    for x in tuple.items where try equals(x, item) { return true }
                    return false
                }
                if let range = o as? PyRange, case .int(let big) = item, let n = big.asInt {
                    guard let count = range.count, count > 0 else { return false }
                    let offset = n &- range.start
                    if offset % range.step != 0 { return false }
                    let index = offset / range.step
                    return index >= 0 && index < count
                }
                if let view = o as? PyDictView, view.kind == .keys { return try view.source.contains(item, self) }
        return nil
    }

    // MARK: - Hashing

    /// `hash(v)`; `TypeError: unhashable type: 'list'` for mutable containers.
    public func hash(_ v: PyValue) throws(PyError) -> Int {
        switch v {
        case .none: return 0x5f3759df
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return i.pyHash
        case .float(let d): return PyFloatOps.hash(d)
        case .str(let s): return PyHash.string(s)
        case .object(let o):
            if !o.type.isHeapType {
                if let tuple = o as? PyTuple {
                    try checkStack()
                    var hashes: [Int] = []
                    for item in tuple.items { hashes.append(try hash(item)) }
                    return PyHash.tuple(hashes)
                }
                if let set = o as? PySet, set.isFrozen {
                    return PyHash.frozenset(set.storage.activeEntries.map { $0.1 })
                }
            }
            guard let method = o.type.lookup("__hash__") else { return PyHash.identity(o) }
            if method.isNone { throw PyError.typeError("unhashable type: '\(o.type.name)'") }
            if let builtin = method.as(PyBuiltinFunction.self), builtin.name == "__hash__", builtin.ownerName == "object" {
                return PyHash.identity(o)
            }
            let result = try call(try bind(method, to: v, o.type), Arguments())
            switch result {
            case .int(let i): return i.asInt.map { PyHash.fix($0) } ?? i.pyHash
            case .bool(let b): return b ? 1 : 0
            default: throw PyError.typeError("__hash__ method should return an integer")
            }
        }
    }
}
