/// `set` and `frozenset` methods, and the set algebra in CPython's iteration orders.
enum SetMethods {
    static func fill() {
        for type in [PyType.set, .frozenset] {
            let frozen = type === PyType.frozenset
            if frozen {
                type.addStaticMethod("__new__(cls, iterable=(), /)") { (interp, args) throws(PyError) in
                    guard let cls = args[0].as(PyType.self) else { throw PyError.typeError("frozenset.__new__(X): X is not a type object") }
                    let s = PySet(type: cls)
                    try interp.setUpdate(s, args[1])
                    return .object(s)
                }
                type.addMethod("__hash__(self, /)") { (interp, args) throws(PyError) in PyValue(try interp.hash(args[0])) }
            } else {
                type.addStaticMethod("__new__(cls, /, *args, **kwargs)") { (_, args) throws(PyError) in
                    guard let cls = args[0].as(PyType.self) else { throw PyError.typeError("set.__new__(X): X is not a type object") }
                    return .object(PySet(type: cls))
                }
                type.addMethod("__init__(self, iterable=<unset>, /)") { (interp, args) throws(PyError) in
                    let s = try self_(args[0])
                    s.removeAll()
                    if let iterable = args.optional(1) { try interp.setUpdate(s, iterable) }
                    return .none
                }
                type.setMember("__hash__", .none)
            }
            BuiltinTypes.addArithmetic(type, [.bitOr, .bitAnd, .subtract, .bitXor])
            BuiltinTypes.addComparisons(type)
            BuiltinTypes.addContainerProtocol(type, getItem: false)
            BuiltinTypes.addRepr(type) { (interp, v) throws(PyError) in
                let s = try self_(v)
                let name = s.type.name
                if s.count == 0 { return "\(name)()" }
                let isPlain = s.type === PyType.set
                return try interp.reprContainer(s, open: isPlain ? "{" : "\(name)({", close: isPlain ? "}" : "})") { () throws(PyError) in
                    try interp.reprItems(s.elements)
                }
            }
            type.addMethod("copy(self, /)") { (interp, args) throws(PyError) in .object(try interp.setCopy(try self_(args[0]))) }
            type.addRawMethod("union") { (interp, args) throws(PyError) in
                var result = try interp.setCopy(try self_(args.positional[0]))
                for other in args.positional.dropFirst() { result = try interp.setUnion(result, try interp.asSet(other)) }
                return .object(result)
            }
            type.addRawMethod("intersection") { (interp, args) throws(PyError) in
                var result = try interp.setCopy(try self_(args.positional[0]))
                for other in args.positional.dropFirst() { result = try interp.setIntersection(result, try interp.asSet(other)) }
                return .object(result)
            }
            type.addRawMethod("difference") { (interp, args) throws(PyError) in
                var result = try interp.setCopy(try self_(args.positional[0]))
                for other in args.positional.dropFirst() { result = try interp.setDifference(result, try interp.asSet(other)) }
                return .object(result)
            }
            type.addMethod("symmetric_difference(self, other, /)") { (interp, args) throws(PyError) in
                .object(try interp.setSymmetricDifference(try self_(args[0]), try interp.asSet(args[1])))
            }
            type.addMethod("issubset(self, other, /)") { (interp, args) throws(PyError) in
                .bool(try interp.isSubset(try self_(args[0]), try interp.asSet(args[1])))
            }
            type.addMethod("issuperset(self, other, /)") { (interp, args) throws(PyError) in
                .bool(try interp.isSubset(try interp.asSet(args[1]), try self_(args[0])))
            }
            type.addMethod("isdisjoint(self, other, /)") { (interp, args) throws(PyError) in
                let s = try self_(args[0])
                for item in try interp.toArray(args[1]) where try s.contains(item, interp) { return .bool(false) }
                return .bool(true)
            }
            if frozen { continue }
            type.addMethod("add(self, object, /)") { (interp, args) throws(PyError) in
                try self_(args[0]).add(args[1], interp)
                return .none
            }
            type.addMethod("remove(self, object, /)") { (interp, args) throws(PyError) in
                if !(try self_(args[0]).discard(args[1], interp)) { throw PyError.keyError(args[1]) }
                return .none
            }
            type.addMethod("discard(self, object, /)") { (interp, args) throws(PyError) in
                try self_(args[0]).discard(args[1], interp)
                return .none
            }
            type.addMethod("pop(self, /)") { (_, args) throws(PyError) in
                guard let item = try self_(args[0]).popFirst() else { throw PyError.keyError(.str("pop from an empty set")) }
                return item
            }
            type.addMethod("clear(self, /)") { (_, args) throws(PyError) in
                try self_(args[0]).removeAll()
                return .none
            }
            type.addRawMethod("update") { (interp, args) throws(PyError) in
                let s = try self_(args.positional[0])
                for other in args.positional.dropFirst() { try interp.setUpdate(s, other) }
                return .none
            }
            for (name, op) in [("intersection_update", BinaryOperator.bitAnd), ("difference_update", .subtract),
                               ("symmetric_difference_update", .bitXor), ("__iand__", .bitAnd), ("__isub__", .subtract),
                               ("__ixor__", .bitXor), ("__ior__", .bitOr)] {
                type.addRawMethod(name) { (interp, args) throws(PyError) in
                    let s = try self_(args.positional[0])
                    var result = s
                    for other in args.positional.dropFirst() {
                        let o = try interp.asSet(other)
                        switch op {
                        case .bitAnd: result = try interp.setIntersection(result, o)
                        case .subtract: result = try interp.setDifference(result, o)
                        case .bitXor: result = try interp.setSymmetricDifference(result, o)
                        default: result = try interp.setUnion(result, o)
                        }
                    }
                    s.storage = result.storage
                    return name.hasPrefix("__") ? args.positional[0] : .none
                }
            }
        }
    }

    static func self_(_ v: PyValue) throws(PyError) -> PySet {
        guard let s = v.as(PySet.self) else { throw PyError.typeError("descriptor requires a 'set' object but received a '\(v.type.name)'") }
        return s
    }
}

extension Interpreter {
    /// Adds the items of an iterable (`set_update_internal`).
    func setUpdate(_ set: PySet, _ iterable: PyValue) throws(PyError) {
        if let other = iterable.as(PySet.self) {
            try set.merge(other, self)
            return
        }
        try forEach(iterable) { (item) throws(PyError) in
            try set.add(item, self)
            return true
        }
    }

    func asSet(_ v: PyValue) throws(PyError) -> PySet {
        if let s = v.as(PySet.self) { return s }
        let s = PySet()
        try setUpdate(s, v)
        return s
    }

    /// A new set of the same kind with the same elements.
    func setCopy(_ s: PySet) throws(PyError) -> PySet {
        let result = PySet(type: s.type.isSubtype(of: .frozenset) ? .frozenset : .set)
        try result.merge(s, self)
        return result
    }

    func setUnion(_ a: PySet, _ b: PySet) throws(PyError) -> PySet {
        let result = try setCopy(a)
        try result.merge(b, self)
        return result
    }

    func setIntersection(_ a: PySet, _ b: PySet) throws(PyError) -> PySet {
        let result = PySet(type: a.type.isSubtype(of: .frozenset) ? .frozenset : .set)
        var (big, small) = (a, b)
        if small.count > big.count { swap(&big, &small) }
        for (key, hash) in small.storage.activeEntries {
            if try big.storage.find(hash: hash, { (k) throws(PyError) in try keysEqual(k, key) }) != nil {
                _ = try result.storage.add(key, hash: hash) { (k) throws(PyError) in try keysEqual(k, key) }
            }
        }
        return result
    }

    func setDifference(_ a: PySet, _ b: PySet) throws(PyError) -> PySet {
        if (a.count >> 2) > b.count {
            let result = try setCopy(a)
            for (key, hash) in b.storage.activeEntries {
                _ = try result.storage.discard(hash: hash) { (k) throws(PyError) in try keysEqual(k, key) }
            }
            return result
        }
        let result = PySet(type: a.type.isSubtype(of: .frozenset) ? .frozenset : .set)
        for (key, hash) in a.storage.activeEntries {
            if try b.storage.find(hash: hash, { (k) throws(PyError) in try keysEqual(k, key) }) == nil {
                _ = try result.storage.add(key, hash: hash) { (k) throws(PyError) in try keysEqual(k, key) }
            }
        }
        return result
    }

    func setSymmetricDifference(_ a: PySet, _ b: PySet) throws(PyError) -> PySet {
        let result = try setCopy(a)
        for (key, hash) in b.storage.activeEntries {
            if !(try result.storage.discard(hash: hash, { (k) throws(PyError) in try keysEqual(k, key) })) {
                _ = try result.storage.add(key, hash: hash) { (k) throws(PyError) in try keysEqual(k, key) }
            }
        }
        return result
    }

    func isSubset(_ a: PySet, _ b: PySet) throws(PyError) -> Bool {
        guard a.count <= b.count else { return false }
        for item in a.elements where !(try b.contains(item, self)) { return false }
        return true
    }
}
