/// `container[key]` reads, writes and deletes, with the builtin sequences' index and slice
/// rules (negative indices, clamped slice bounds, negative steps).
extension Interpreter {
    // MARK: - Index conversion

    /// An integer index from an int, a bool or an object with `__index__`.
    public func index(_ v: PyValue, _ what: @autoclosure () -> String) throws(PyError) -> Int {
        switch v {
        case .int(let i):
            guard let n = i.asInt else {
                throw PyError(type: .indexError, message: "cannot fit 'int' into an index-sized integer")
            }
            return n
        case .bool(let b): return b ? 1 : 0
        case .object(let o):
            if let method = o.type.lookup("__index__"), !method.isNone {
                let result = try call(try bind(method, to: v, o.type), Arguments())
                if case .int = result { return try index(result, what()) }
                throw PyError.typeError("__index__ returned non-int (type \(result.type.name))")
            }
        default: break
        }
        throw PyError.typeError(what())
    }

    /// Resolves `slice` against a sequence of `length` items (`slice.indices`).
    public func sliceIndices(_ slice: PySlice, length: Int) throws(PyError) -> SliceIndices {
        func bound(_ v: PyValue) throws(PyError) -> Int? {
            if v.isNone { return nil }
            if case .int(let i) = v, i.asInt == nil { return i.isNegative ? Int.min / 2 : Int.max / 2 }
            return try index(v, "slice indices must be integers or None or have an __index__ method")
        }
        // Like CPython, a step below -sys.maxsize is -sys.maxsize (so `-step` cannot overflow).
        let step = max(try bound(slice.step) ?? 1, -Int.max)
        if step == 0 { throw PyError.valueError("slice step cannot be zero") }
        func adjust(_ value: Int?, _ defaultValue: Int) -> Int {
            guard var v = value else { return defaultValue }
            if v < 0 {
                v += length
                if v < 0 { v = step < 0 ? -1 : 0 }
            } else if v >= length {
                v = step < 0 ? length - 1 : length
            }
            return v
        }
        let start = adjust(try bound(slice.start), step < 0 ? length - 1 : 0)
        let stop = adjust(try bound(slice.stop), step < 0 ? -1 : length)
        var count = 0
        if step > 0, stop > start { count = (stop - start - 1) / step + 1 }
        if step < 0, start > stop { count = (start - stop - 1) / (-step) + 1 }
        return SliceIndices(start: start, stop: stop, step: step, count: count)
    }

    /// A sequence position from `key`, with negative indices counted from the end.
    func sequenceIndex(_ key: PyValue, count: Int, kind: String) throws(PyError) -> Int {
        var i = try index(key, "\(kind) indices must be integers or slices, not \(key.type.name)")
        if i < 0 { i += count }
        guard i >= 0 && i < count else { throw PyError.indexError("\(kind) index out of range") }
        return i
    }

    func sliced<T>(_ items: [T], _ slice: PySlice) throws(PyError) -> [T] {
        let s = try sliceIndices(slice, length: items.count)
        if s.step == 1 { return s.count > 0 ? Array(items[s.start..<(s.start + s.count)]) : [] }
        return s.map { items[$0] }
    }

    // MARK: - Get

    /// `container[key]`
    public func getItem(_ container: PyValue, _ key: PyValue) throws(PyError) -> PyValue {
        switch container {
        case .str(let s):
            let scalars = Array(s.unicodeScalars)
            if let slice = key.as(PySlice.self) {
                var out = String.UnicodeScalarView()
                out.append(contentsOf: try sliced(scalars, slice))
                return .str(String(out))
            }
            let i = try sequenceIndex(key, count: scalars.count, kind: "string")
            return .str(String(scalars[i]))
        case .object(let o):
            if o.type.usesBuiltinFastPaths, let value = try nativeGetItem(o, key) { return value }
            if let method = o.type.lookup("__getitem__"), !method.isNone {
                return try call(try bind(method, to: container, o.type), [key])
            }
            if let type = o as? PyType {
                if type.lookup("__class_getitem__") != nil || !type.isHeapType { return container }
                throw PyError.typeError("type '\(type.name)' is not subscriptable")
            }
        default: break
        }
        throw PyError.typeError("'\(container.type.name)' object is not subscriptable")
    }

    /// The builtin containers' `__getitem__`; nil when `o` is not one of them.
    func nativeGetItem(_ o: PyObject, _ key: PyValue) throws(PyError) -> PyValue? {
        if let list = o as? PyList {
            if let slice = key.as(PySlice.self) { return .list(try sliced(list.items, slice)) }
            return list.items[try sequenceIndex(key, count: list.items.count, kind: "list")]
        }
        if let tuple = o as? PyTuple {
            if let slice = key.as(PySlice.self) { return .tuple(try sliced(tuple.items, slice)) }
            return tuple.items[try sequenceIndex(key, count: tuple.items.count, kind: "tuple")]
        }
        if let dict = o as? PyDict {
            if let value = try dict.get(key, self) { return value }
            if o.type.isHeapType || o.type !== PyType.dict, let missing = o.type.lookup("__missing__") {
                return try call(try bind(missing, to: .object(o), o.type), [key])
            }
            throw PyError.keyError(key)
        }
        if let range = o as? PyRange {
            guard let count = range.count else { throw PyError.overflowError("Python int too large to convert to C ssize_t") }
            if let slice = key.as(PySlice.self) {
                let s = try sliceIndices(slice, length: count)
                let start = range.element(s.start)
                return .object(PyRange(start: start, stop: start &+ s.count &* range.step &* s.step,
                                       step: range.step &* s.step))
            }
            return PyValue(range.element(try sequenceIndex(key, count: count, kind: "range object")))
        }
        return nil
    }

    // MARK: - Set

    /// `container[key] = value`
    public func setItem(_ container: PyValue, _ key: PyValue, _ value: PyValue) throws(PyError) {
        if case .object(let o) = container {
            if !o.type.isHeapType, try nativeSetItem(o, key, value) { return }
            if let method = o.type.lookup("__setitem__"), !method.isNone {
                _ = try call(try bind(method, to: container, o.type), [key, value])
                return
            }
        }
        throw PyError.typeError("'\(container.type.name)' object does not support item assignment")
    }

    func nativeSetItem(_ o: PyObject, _ key: PyValue, _ value: PyValue) throws(PyError) -> Bool {
        if let list = o as? PyList {
            if let slice = key.as(PySlice.self) {
                let newItems = try toArray(value)
                let s = try sliceIndices(slice, length: list.items.count)
                if s.step == 1 {
                    let end = max(s.start, s.start + s.count)
                    list.items.replaceSubrange(s.start..<end, with: newItems)
                } else {
                    guard newItems.count == s.count else {
                        throw PyError.valueError("attempt to assign sequence of size \(newItems.count) to extended slice of size \(s.count)")
                    }
                    for (i, position) in s.enumerated() { list.items[position] = newItems[i] }
                }
                return true
            }
            var i = try index(key, "list indices must be integers or slices, not \(key.type.name)")
            if i < 0 { i += list.items.count }
            guard i >= 0 && i < list.items.count else { throw PyError.indexError("list assignment index out of range") }
            list.items[i] = value
            return true
        }
        if let dict = o as? PyDict {
            try dict.set(key, value, self)
            return true
        }
        return false
    }

    // MARK: - Delete

    /// `del container[key]`
    public func deleteItem(_ container: PyValue, _ key: PyValue) throws(PyError) {
        if case .object(let o) = container {
            if !o.type.isHeapType, try nativeDeleteItem(o, key) { return }
            if let method = o.type.lookup("__delitem__"), !method.isNone {
                _ = try call(try bind(method, to: container, o.type), [key])
                return
            }
        }
        throw PyError.typeError("'\(container.type.name)' object doesn't support item deletion")
    }

    func nativeDeleteItem(_ o: PyObject, _ key: PyValue) throws(PyError) -> Bool {
        if let list = o as? PyList {
            if let slice = key.as(PySlice.self) {
                let s = try sliceIndices(slice, length: list.items.count)
                let doomed = Set(s.map { $0 })
                list.items = list.items.enumerated().filter { !doomed.contains($0.offset) }.map(\.element)
                return true
            }
            var i = try index(key, "list indices must be integers or slices, not \(key.type.name)")
            if i < 0 { i += list.items.count }
            guard i >= 0 && i < list.items.count else { throw PyError.indexError("list assignment index out of range") }
            list.items.remove(at: i)
            return true
        }
        if let dict = o as? PyDict {
            if try dict.remove(key, self) == nil { throw PyError.keyError(key) }
            return true
        }
        return false
    }
}
