/// `list` methods, and the stable sort shared with `sorted()`.
enum ListMethods {
    static func fill() {
        let list = PyType.list
        list.addStaticMethod("__new__(cls, /, *args, **kwargs)") { (_, args) throws(PyError) in
            guard let cls = args[0].as(PyType.self) else { throw PyError.typeError("list.__new__(X): X is not a type object") }
            return .object(PyList(type: cls, []))
        }
        list.addMethod("__init__(self, iterable=(), /)") { (interp, args) throws(PyError) in
            let l = try self_(args[0])
            l.items = try interp.toArray(args[1])
            return .none
        }
        BuiltinTypes.addArithmetic(list, [.add, .multiply])
        BuiltinTypes.addComparisons(list)
        BuiltinTypes.addContainerProtocol(list)
        list.setMember("__hash__", .none)
        BuiltinTypes.addRepr(list) { (interp, v) throws(PyError) in
            let l = try self_(v)
            return try interp.reprContainer(l, open: "[", close: "]") { () throws(PyError) in try interp.reprItems(l.items) }
        }
        list.addMethod("__setitem__(self, key, value, /)") { (interp, args) throws(PyError) in
            _ = try interp.nativeSetItem(try self_(args[0]), args[1], args[2])
            return .none
        }
        list.addMethod("__delitem__(self, key, /)") { (interp, args) throws(PyError) in
            _ = try interp.nativeDeleteItem(try self_(args[0]), args[1])
            return .none
        }
        list.addMethod("__iadd__(self, value, /)") { (interp, args) throws(PyError) in
            try self_(args[0]).items += try interp.toArray(args[1])
            return args[0]
        }
        list.addMethod("__imul__(self, value, /)") { (interp, args) throws(PyError) in
            let l = try self_(args[0])
            l.items = try interp.repeated(l.items, args[1])
            return args[0]
        }
        list.addMethod("__reversed__(self, /)") { (_, args) throws(PyError) in
            let l = try self_(args[0])
            var i = l.items.count - 1
            return .object(PyIterator(type: .listReverseIterator) { _ in
                guard i >= 0, i < l.items.count else { return nil }
                defer { i -= 1 }
                return l.items[i]
            })
        }
        list.addMethod("append(self, object, /)") { (_, args) throws(PyError) in
            let l = try self_(args[0])
            if l.items.count >= Interpreter.maxSequenceLength { throw PyError.memoryError() }
            l.items.append(args[1])
            return .none
        }
        list.addMethod("extend(self, iterable, /)") { (interp, args) throws(PyError) in
            let l = try self_(args[0])
            l.items += try interp.toArray(args[1])
            return .none
        }
        list.addMethod("insert(self, index, object, /)") { (interp, args) throws(PyError) in
            let l = try self_(args[0])
            var i = try interp.expectInt(args[1])
            if i < 0 { i = max(0, i + l.items.count) }
            l.items.insert(args[2], at: min(i, l.items.count))
            return .none
        }
        list.addMethod("pop(self, index=-1, /)") { (interp, args) throws(PyError) in
            let l = try self_(args[0])
            if l.items.isEmpty { throw PyError.indexError("pop from empty list") }
            var i = try interp.expectInt(args[1])
            if i < 0 { i += l.items.count }
            guard i >= 0 && i < l.items.count else { throw PyError.indexError("pop index out of range") }
            return l.items.remove(at: i)
        }
        list.addMethod("remove(self, value, /)") { (interp, args) throws(PyError) in
            let l = try self_(args[0])
            for (i, item) in l.items.enumerated() where try interp.equals(item, args[1]) {
                l.items.remove(at: i)
                return .none
            }
            throw PyError.valueError("list.remove(x): x not in list")
        }
        list.addMethod("index(self, value, start=0, stop=9223372036854775807, /)") { (interp, args) throws(PyError) in
            let l = try self_(args[0])
            let (start, stop) = try bounds(interp, args, l.items.count)
            if start < stop {
                for i in start..<stop where try interp.equals(l.items[i], args[1]) { return PyValue(i) }
            }
            throw PyError.valueError("\(try interp.repr(args[1])) is not in list")
        }
        list.addMethod("count(self, value, /)") { (interp, args) throws(PyError) in
            var n = 0
            for item in try self_(args[0]).items where try interp.equals(item, args[1]) { n += 1 }
            return PyValue(n)
        }
        list.addMethod("sort(self, /, *, key=None, reverse=False)") { (interp, args) throws(PyError) in
            let l = try self_(args[0])
            l.items = try interp.sorted(l.items, key: args[1], reverse: try interp.isTrue(args[2]))
            return .none
        }
        list.addMethod("reverse(self, /)") { (_, args) throws(PyError) in
            try self_(args[0]).items.reverse()
            return .none
        }
        list.addMethod("copy(self, /)") { (_, args) throws(PyError) in .list(try self_(args[0]).items) }
        list.addMethod("clear(self, /)") { (_, args) throws(PyError) in
            try self_(args[0]).items.removeAll()
            return .none
        }
    }

    static func self_(_ v: PyValue) throws(PyError) -> PyList {
        guard let l = v.as(PyList.self) else { throw PyError.typeError("descriptor requires a 'list' object but received a '\(v.type.name)'") }
        return l
    }

    /// `start`/`stop` arguments of `index`, clamped like slice bounds.
    static func bounds(_ interp: Interpreter, _ args: BoundArguments, _ count: Int) throws(PyError) -> (Int, Int) {
        func clamp(_ v: PyValue) throws(PyError) -> Int {
            var i: Int
            if case .int(let big) = v, big.asInt == nil { i = big.isNegative ? Int.min / 2 : Int.max / 2 } else { i = try interp.expectInt(v) }
            if i < 0 { i = max(0, i + count) }
            return min(i, count)
        }
        return (try clamp(args[2]), try clamp(args[3]))
    }
}

extension Interpreter {
    /// A stable merge sort by `key` (a callable or None), as `sorted()` and `list.sort()`.
    public func sorted(_ items: [PyValue], key: PyValue = .none, reverse: Bool = false) throws(PyError) -> [PyValue] {
        var keys = items
        if !key.isNone {
            keys = []
            keys.reserveCapacity(items.count)
            for item in items { keys.append(try call(key, [item])) }
        }
        var order = Array(0..<items.count)
        var buffer = order
        func less(_ a: Int, _ b: Int) throws(PyError) -> Bool {
            reverse ? try lessThan(keys[b], keys[a]) : try lessThan(keys[a], keys[b])
        }
        func mergeSort(_ lo: Int, _ hi: Int) throws(PyError) {
            if hi - lo < 2 { return }
            if hi - lo <= 8 {
                // Insertion sort for short runs (stable).
                for i in (lo + 1)..<hi {
                    let x = order[i]
                    var j = i
                    while j > lo, try less(x, order[j - 1]) { order[j] = order[j - 1]; j -= 1 }
                    order[j] = x
                }
                return
            }
            let mid = (lo + hi) / 2
            try mergeSort(lo, mid)
            try mergeSort(mid, hi)
            if !(try less(order[mid], order[mid - 1])) { return }
            var i = lo, j = mid, k = lo
            while i < mid && j < hi {
                if try less(order[j], order[i]) { buffer[k] = order[j]; j += 1 } else { buffer[k] = order[i]; i += 1 }
                k += 1
            }
            while i < mid { buffer[k] = order[i]; i += 1; k += 1 }
            while j < hi { buffer[k] = order[j]; j += 1; k += 1 }
            for x in lo..<hi { order[x] = buffer[x] }
        }
        try mergeSort(0, items.count)
        return order.map { items[$0] }
    }
}

/// `tuple` methods.
enum TupleMethods {
    static func fill() {
        let tuple = PyType.tuple
        tuple.addStaticMethod("__new__(cls, iterable=(), /)") { (interp, args) throws(PyError) in
            guard let cls = args[0].as(PyType.self) else { throw PyError.typeError("tuple.__new__(X): X is not a type object") }
            if cls === PyType.tuple, let t = args[1].as(PyTuple.self), t.type === PyType.tuple { return args[1] }
            return .object(PyTuple(type: cls, try interp.toArray(args[1])))
        }
        BuiltinTypes.addArithmetic(tuple, [.add, .multiply])
        BuiltinTypes.addComparisons(tuple)
        BuiltinTypes.addContainerProtocol(tuple)
        tuple.addMethod("__hash__(self, /)") { (interp, args) throws(PyError) in
            guard let t = args[0].as(PyTuple.self) else { return PyValue(0) }
            var hashes: [Int] = []
            for item in t.items { hashes.append(try interp.hash(item)) }
            return PyValue(PyHash.tuple(hashes))
        }
        BuiltinTypes.addRepr(tuple) { (interp, v) throws(PyError) in
            guard let t = v.as(PyTuple.self) else { return "" }
            if t.items.isEmpty { return "()" }
            return try interp.reprContainer(t, open: "(", close: t.items.count == 1 ? ",)" : ")") { () throws(PyError) in
                try interp.reprItems(t.items)
            }
        }
        tuple.addMethod("index(self, value, start=0, stop=9223372036854775807, /)") { (interp, args) throws(PyError) in
            guard let t = args[0].as(PyTuple.self) else { return PyValue(-1) }
            let (start, stop) = try ListMethods.bounds(interp, args, t.items.count)
            if start < stop {
                for i in start..<stop where try interp.equals(t.items[i], args[1]) { return PyValue(i) }
            }
            throw PyError.valueError("tuple.index(x): x not in tuple")
        }
        tuple.addMethod("count(self, value, /)") { (interp, args) throws(PyError) in
            var n = 0
            for item in args[0].as(PyTuple.self)?.items ?? [] where try interp.equals(item, args[1]) { n += 1 }
            return PyValue(n)
        }
    }
}
