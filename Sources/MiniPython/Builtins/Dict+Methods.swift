/// `dict` methods and the `dict_keys`/`dict_values`/`dict_items` views.
enum DictMethods {
    static func fill() {
        let dict = PyType.dict
        dict.addStaticMethod("__new__(cls, /, *args, **kwargs)") { (_, args) throws(PyError) in
            guard let cls = args[0].as(PyType.self) else { throw PyError.typeError("dict.__new__(X): X is not a type object") }
            return .object(PyDict(type: cls))
        }
        dict.addMethod("__init__(self, iterable=<unset>, /, **kwargs)") { (interp, args) throws(PyError) in
            try interp.dictUpdate(try self_(args[0]), args.optional(1), args.varKeywords)
            return .none
        }
        BuiltinTypes.addComparisons(dict)
        BuiltinTypes.addArithmetic(dict, [.bitOr])
        BuiltinTypes.addContainerProtocol(dict)
        dict.setMember("__hash__", .none)
        BuiltinTypes.addRepr(dict) { (interp, v) throws(PyError) in
            let d = try self_(v)
            if d.count == 0 { return "{}" }
            return try interp.reprContainer(d, open: "{", close: "}") { () throws(PyError) in
                var parts: [String] = []
                for (k, value) in d.items { parts.append(try interp.repr(k) + ": " + interp.repr(value)) }
                return parts.joined(separator: ", ")
            }
        }
        dict.addMethod("__setitem__(self, key, value, /)") { (interp, args) throws(PyError) in
            try self_(args[0]).set(args[1], args[2], interp)
            return .none
        }
        dict.addMethod("__delitem__(self, key, /)") { (interp, args) throws(PyError) in
            if try self_(args[0]).remove(args[1], interp) == nil { throw PyError.keyError(args[1]) }
            return .none
        }
        dict.addMethod("__ior__(self, value, /)") { (interp, args) throws(PyError) in
            try interp.dictUpdate(try self_(args[0]), args[1], [])
            return args[0]
        }
        dict.addMethod("__reversed__(self, /)") { (interp, args) throws(PyError) in
            try interp.iter(.list(try self_(args[0]).keys.reversed()))
        }
        dict.addMethod("keys(self, /)") { (_, args) throws(PyError) in .object(PyDictView(try self_(args[0]), .keys)) }
        dict.addMethod("values(self, /)") { (_, args) throws(PyError) in .object(PyDictView(try self_(args[0]), .values)) }
        dict.addMethod("items(self, /)") { (_, args) throws(PyError) in .object(PyDictView(try self_(args[0]), .items)) }
        dict.addMethod("get(self, key, default=None, /)") { (interp, args) throws(PyError) in
            try self_(args[0]).get(args[1], interp) ?? args[2]
        }
        dict.addMethod("pop(self, key, default=<unset>, /)") { (interp, args) throws(PyError) in
            if let value = try self_(args[0]).remove(args[1], interp) { return value }
            if let fallback = args.optional(2) { return fallback }
            throw PyError.keyError(args[1])
        }
        dict.addMethod("popitem(self, /)") { (_, args) throws(PyError) in
            guard let (k, v) = try self_(args[0]).popLast() else { throw PyError.keyError(.str("popitem(): dictionary is empty")) }
            return .tuple([k, v])
        }
        dict.addMethod("setdefault(self, key, default=None, /)") { (interp, args) throws(PyError) in
            let d = try self_(args[0])
            if let value = try d.get(args[1], interp) { return value }
            try d.set(args[1], args[2], interp)
            return args[2]
        }
        dict.addMethod("update(self, other=<unset>, /, **kwargs)") { (interp, args) throws(PyError) in
            try interp.dictUpdate(try self_(args[0]), args.optional(1), args.varKeywords)
            return .none
        }
        dict.addMethod("copy(self, /)") { (_, args) throws(PyError) in .object(try self_(args[0]).copy()) }
        dict.addMethod("clear(self, /)") { (_, args) throws(PyError) in
            try self_(args[0]).removeAll()
            return .none
        }
        dict.addClassMethod("fromkeys(cls, iterable, value=None, /)") { (interp, args) throws(PyError) in
            let result = try interp.call(args[0], Arguments())
            for key in try interp.toArray(args[1]) { try interp.setItem(result, key, args[2]) }
            return result
        }

        for (type, name) in [(PyType.dictKeys, "dict_keys"), (.dictValues, "dict_values"), (.dictItems, "dict_items")] {
            BuiltinTypes.addContainerProtocol(type, getItem: false)
            BuiltinTypes.addRepr(type) { (interp, v) throws(PyError) in
                guard let view = v.as(PyDictView.self) else { return "" }
                return try interp.reprContainer(view, open: "\(name)([", close: "])") { () throws(PyError) in
                    try interp.reprItems(try interp.toArray(v))
                }
            }
            if type !== PyType.dictValues {
                BuiltinTypes.addArithmetic(type, [.bitOr, .bitAnd, .subtract, .bitXor])
                BuiltinTypes.addComparisons(type)
            }
        }
        PyType.dictItems.addMethod("__contains__(self, key, /)") { (interp, args) throws(PyError) in
            guard let view = args[0].as(PyDictView.self), let pair = args[1].as(PyTuple.self), pair.items.count == 2,
                  let value = try view.source.get(pair.items[0], interp) else { return .bool(false) }
            return .bool(try interp.equals(value, pair.items[1]))
        }
    }

    static func self_(_ v: PyValue) throws(PyError) -> PyDict {
        guard let d = v.as(PyDict.self) else { throw PyError.typeError("descriptor requires a 'dict' object but received a '\(v.type.name)'") }
        return d
    }
}

extension Interpreter {
    /// `dict.update(other, **kwargs)`: a mapping, or an iterable of key/value pairs.
    func dictUpdate(_ dict: PyDict, _ other: PyValue?, _ keywords: [(name: String, value: PyValue)]) throws(PyError) {
        if let other {
            if let source = other.as(PyDict.self), !source.type.isHeapType {
                for (k, v) in source.items { try dict.set(k, v, self) }
            } else if other.type.lookup("keys") != nil {
                for (k, v) in try mappingItems(other, context: "") { try dict.set(k, v, self) }
            } else {
                var index = 0
                try forEach(other) { (element) throws(PyError) in
                    guard isIterable(element) else {
                        throw PyError.typeError("cannot convert dictionary update sequence element #\(index) to a sequence")
                    }
                    let pair = try toArray(element)
                    guard pair.count == 2 else {
                        throw PyError.valueError("dictionary update sequence element #\(index) has length \(pair.count); 2 is required")
                    }
                    try dict.set(pair[0], pair[1], self)
                    index += 1
                    return true
                }
            }
        }
        for (k, v) in keywords { dict.set(str: k, v) }
    }
}
