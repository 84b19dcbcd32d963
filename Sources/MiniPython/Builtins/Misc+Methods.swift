/// The remaining builtin types: `range`, `slice`, functions and methods, modules,
/// generators and iterators, `property`, `classmethod`, `staticmethod`, `super`, and the
/// iterator-producing builtins that are types (`enumerate`, `zip`, `map`, `filter`, `reversed`).
enum MiscMethods {
    static func fill() {
        fillRangeAndSlice()
        fillFunctions()
        fillDescriptors()
        fillIterators()
    }

    private static func fillRangeAndSlice() {
        let range = PyType.range
        range.addStaticMethod("__new__(cls, start_or_stop, stop=<unset>, step=1, /)") { (interp, args) throws(PyError) in
            func bound(_ v: PyValue) throws(PyError) -> Int {
                if case .int(let i) = v, i.asInt == nil { throw PyError.overflowError("Python int too large to convert to C ssize_t") }
                return try interp.index(v, "'\(v.type.name)' object cannot be interpreted as an integer")
            }
            let start: Int, stop: Int
            if let s = args.optional(2) { start = try bound(args[1]); stop = try bound(s) } else { start = 0; stop = try bound(args[1]) }
            let step = try bound(args[3])
            if step == 0 { throw PyError.valueError("range() arg 3 must not be zero") }
            return .object(PyRange(start: start, stop: stop, step: step))
        }
        BuiltinTypes.addContainerProtocol(range)
        BuiltinTypes.addComparisons(range)
        BuiltinTypes.addRepr(range) { (_, v) throws(PyError) in
            guard let r = v.as(PyRange.self) else { return "" }
            return r.step == 1 ? "range(\(r.start), \(r.stop))" : "range(\(r.start), \(r.stop), \(r.step))"
        }
        range.addMethod("__hash__(self, /)") { (interp, args) throws(PyError) in
            guard let r = args[0].as(PyRange.self) else { return PyValue(0) }
            return PyValue(PyHash.tuple([PyHash.int(r.count ?? 0), PyHash.int(r.start), PyHash.int(r.step)]))
        }
        range.addMethod("__reversed__(self, /)") { (interp, args) throws(PyError) in
            guard let r = args[0].as(PyRange.self), let count = r.count else { return .none }
            var i = count - 1
            return .object(PyIterator(type: .rangeIterator) { _ in
                guard i >= 0 else { return nil }
                defer { i -= 1 }
                return PyValue(r.element(i))
            })
        }
        range.addProperty("start") { (_, v) throws(PyError) in PyValue(v.as(PyRange.self)?.start ?? 0) }
        range.addProperty("stop") { (_, v) throws(PyError) in PyValue(v.as(PyRange.self)?.stop ?? 0) }
        range.addProperty("step") { (_, v) throws(PyError) in PyValue(v.as(PyRange.self)?.step ?? 1) }
        range.addMethod("index(self, value, /)") { (interp, args) throws(PyError) in
            guard let r = args[0].as(PyRange.self), case .int(let i) = args[1], let n = i.asInt,
                  try interp.contains(args[0], args[1]) else {
                throw PyError.valueError("\(try interp.repr(args[1])) is not in range")
            }
            return PyValue((n - r.start) / r.step)
        }
        range.addMethod("count(self, value, /)") { (interp, args) throws(PyError) in
            PyValue(try interp.contains(args[0], args[1]) ? 1 : 0)
        }

        let slice = PyType.slice
        slice.addStaticMethod("__new__(cls, start_or_stop, stop=<unset>, step=None, /)") { (_, args) throws(PyError) in
            if let stop = args.optional(2) { return .object(PySlice(start: args[1], stop: stop, step: args[3])) }
            return .object(PySlice(start: .none, stop: args[1], step: .none))
        }
        BuiltinTypes.addRepr(slice) { (interp, v) throws(PyError) in
            guard let s = v.as(PySlice.self) else { return "" }
            return "slice(\(try interp.repr(s.start)), \(try interp.repr(s.stop)), \(try interp.repr(s.step)))"
        }
        slice.addProperty("start") { (_, v) throws(PyError) in v.as(PySlice.self)?.start ?? .none }
        slice.addProperty("stop") { (_, v) throws(PyError) in v.as(PySlice.self)?.stop ?? .none }
        slice.addProperty("step") { (_, v) throws(PyError) in v.as(PySlice.self)?.step ?? .none }
        slice.addMethod("indices(self, length, /)") { (interp, args) throws(PyError) in
            guard let s = args[0].as(PySlice.self) else { return .none }
            let r = try interp.sliceIndices(s, length: try interp.expectInt(args[1]))
            return .tuple([PyValue(r.start), PyValue(r.stop), PyValue(r.step)])
        }
        BuiltinTypes.addComparisons(slice)
        slice.setMember("__hash__", .none)
    }

    private static func fillFunctions() {
        let function = PyType.function
        BuiltinTypes.addRepr(function) { (_, v) throws(PyError) in
            guard let f = v.as(PyFunction.self) else { return "" }
            return "<function \(f.qualname) at \(f.addressString)>"
        }
        function.addProperty("__name__", get: { (_, v) throws(PyError) in .str(v.as(PyFunction.self)?.name ?? "") },
                             set: { (interp, v, value) throws(PyError) in v.as(PyFunction.self)?.name = try interp.expectStr(value) })
        function.addProperty("__qualname__", get: { (_, v) throws(PyError) in .str(v.as(PyFunction.self)?.qualname ?? "") },
                             set: { (interp, v, value) throws(PyError) in v.as(PyFunction.self)?.qualname = try interp.expectStr(value) })
        function.addProperty("__doc__", get: { (_, v) throws(PyError) in v.as(PyFunction.self)?.doc ?? .none },
                             set: { (_, v, value) throws(PyError) in v.as(PyFunction.self)?.doc = value })
        function.addProperty("__module__", get: { (_, v) throws(PyError) in .str(v.as(PyFunction.self)?.module ?? "") },
                             set: { (interp, v, value) throws(PyError) in v.as(PyFunction.self)?.module = try interp.expectStr(value) })
        function.addProperty("__defaults__") { (_, v) throws(PyError) in
            guard let f = v.as(PyFunction.self) else { return .none }
            let defaults = f.signature.parameters.compactMap { p -> PyValue? in
                if p.kind != .keywordOnly, case .value(let d) = p.defaultValue { return d }
                return nil
            }
            return defaults.isEmpty ? .none : .tuple(defaults)
        }
        function.addMethod("__get__(self, instance, owner=None, /)") { (_, args) throws(PyError) in
            args[1].isNone ? args[0] : .object(PyMethod(function: args[0], selfValue: args[1]))
        }

        let builtin = PyType.builtinFunction
        BuiltinTypes.addRepr(builtin) { (interp, v) throws(PyError) in
            guard let f = v.as(PyBuiltinFunction.self) else { return "" }
            if let owner = f.ownerName { return "<method '\(f.name)' of '\(owner)' objects>" }
            return "<built-in function \(f.name)>"
        }
        builtin.addProperty("__name__") { (_, v) throws(PyError) in .str(v.as(PyBuiltinFunction.self)?.name ?? "") }
        builtin.addProperty("__qualname__") { (_, v) throws(PyError) in
            guard let f = v.as(PyBuiltinFunction.self) else { return .str("") }
            return .str(f.ownerName.map { "\($0).\(f.name)" } ?? f.name)
        }
        builtin.addProperty("__doc__") { _, _ in .none }
        builtin.addProperty("__module__") { (_, v) throws(PyError) in v.as(PyBuiltinFunction.self)?.module.map { .str($0) } ?? .none }

        let method = PyType.method
        BuiltinTypes.addRepr(method) { (interp, v) throws(PyError) in
            guard let m = v.as(PyMethod.self) else { return "" }
            if let b = m.function.as(PyBuiltinFunction.self) {
                if let type = m.selfValue.as(PyType.self) { return "<built-in method \(b.name) of type object at \(type.addressString)>" }
                let address = m.selfValue.object?.addressString ?? "0x0"
                return "<built-in method \(b.name) of \(m.selfValue.type.name) object at \(address)>"
            }
            let name = m.function.as(PyFunction.self)?.qualname ?? "?"
            return "<bound method \(name) of \(try interp.repr(m.selfValue))>"
        }
        method.addProperty("__self__") { (_, v) throws(PyError) in v.as(PyMethod.self)?.selfValue ?? .none }
        method.addProperty("__func__") { (_, v) throws(PyError) in v.as(PyMethod.self)?.function ?? .none }
        method.addProperty("__name__") { (interp, v) throws(PyError) in
            guard let m = v.as(PyMethod.self) else { return .none }
            return try interp.getAttribute(m.function, "__name__")
        }
        method.addProperty("__doc__") { (interp, v) throws(PyError) in
            guard let m = v.as(PyMethod.self) else { return .none }
            return try interp.getAttribute(m.function, "__doc__")
        }

        BuiltinTypes.addRepr(.module) { (_, v) throws(PyError) in
            guard let m = v.as(PyModule.self) else { return "" }
            return m.name == "__main__" ? "<module '__main__'>" : "<module '\(m.name)' (built-in)>"
        }
        BuiltinTypes.addRepr(.cell) { (_, v) throws(PyError) in "<cell at \(v.object?.addressString ?? "")>" }
    }

    private static func fillDescriptors() {
        let property = PyType.property
        property.addStaticMethod("__new__(cls, /, *args, **kwargs)") { (_, args) throws(PyError) in
            guard let cls = args[0].as(PyType.self) else { throw PyError.typeError("property.__new__(X): X is not a type object") }
            return .object(PyProperty(type: cls))
        }
        property.addMethod("__init__(self, fget=None, fset=None, fdel=None, doc=None)") { (interp, args) throws(PyError) in
            guard let p = args[0].as(PyProperty.self) else { return .none }
            p.getter = args[1]
            p.setter = args[2]
            p.deleter = args[3]
            p.doc = args[4].isNone && !args[1].isNone ? (try interp.lookupAttribute(args[1], "__doc__") ?? .none) : args[4]
            return .none
        }
        for (name, index) in [("getter", 0), ("setter", 1), ("deleter", 2)] {
            property.addMethod("\(name)(self, function, /)") { (_, args) throws(PyError) in
                guard let p = args[0].as(PyProperty.self) else { return .none }
                let copy = PyProperty(type: p.type, get: p.getter, set: p.setter, delete: p.deleter, doc: p.doc)
                switch index {
                case 0: copy.getter = args[1]
                case 1: copy.setter = args[1]
                default: copy.deleter = args[1]
                }
                return .object(copy)
            }
        }
        property.addProperty("fget") { (_, v) throws(PyError) in v.as(PyProperty.self)?.getter ?? .none }
        property.addProperty("fset") { (_, v) throws(PyError) in v.as(PyProperty.self)?.setter ?? .none }
        property.addProperty("__doc__") { (_, v) throws(PyError) in v.as(PyProperty.self)?.doc ?? .none }
        property.addMethod("__get__(self, instance, owner=None, /)") { (interp, args) throws(PyError) in
            guard let p = args[0].as(PyProperty.self) else { return .none }
            if args[1].isNone { return args[0] }
            return try interp.call(p.getter, [args[1]])
        }

        PyType.staticmethod.addStaticMethod("__new__(cls, function, /)") { (_, args) throws(PyError) in
            .object(PyStaticMethod(args[1]))
        }
        PyType.classmethod.addStaticMethod("__new__(cls, function, /)") { (_, args) throws(PyError) in
            .object(PyClassMethod(args[1]))
        }
        PyType.staticmethod.addProperty("__func__") { (_, v) throws(PyError) in v.as(PyStaticMethod.self)?.function ?? .none }
        PyType.classmethod.addProperty("__func__") { (_, v) throws(PyError) in v.as(PyClassMethod.self)?.function ?? .none }

        PyType.superType.addStaticMethod("__new__(cls, type=<unset>, object_or_type=<unset>, /)") { (interp, args) throws(PyError) in
            guard let type = args.optional(1)?.as(PyType.self) else {
                throw PyError.runtimeError("super(): no arguments")
            }
            guard let object = args.optional(2) else {
                throw PyError.notImplementedError(RuntimeUNIMPLEMENTED.oneArgumentSuper.message)
            }
            return try interp.makeSuper(type, object)
        }
        BuiltinTypes.addRepr(.superType) { (interp, v) throws(PyError) in
            guard let s = v.as(PySuper.self) else { return "" }
            return "<super: <class '\(s.thisType.name)'>, <\(s.objectType.name) object>>"
        }
    }

    private static func fillIterators() {
        let iteratorTypes: [PyType] = [.listIterator, .listReverseIterator, .tupleIterator, .strIterator, .rangeIterator,
                                       .dictKeyIterator, .dictValueIterator, .dictItemIterator, .setIterator,
                                       .callableIterator, .iterator, .enumerate, .zip, .map, .filter, .reversed, .generator]
        for type in iteratorTypes {
            type.addMethod("__iter__(self, /)") { (_, args) throws(PyError) in args[0] }
            type.addMethod("__next__(self, /)") { (interp, args) throws(PyError) in
                guard let value = try interp.next(args[0]) else {
                    let returned = args[0].as(PyGenerator.self)?.returnValue ?? .none
                    throw PyError.stopIteration(returned)
                }
                return value
            }
            if type !== PyType.generator {
                BuiltinTypes.addRepr(type) { (_, v) throws(PyError) in "<\(type.name) object at \(v.object?.addressString ?? "")>" }
            }
        }
        BuiltinTypes.addRepr(.generator) { (_, v) throws(PyError) in
            guard let g = v.as(PyGenerator.self) else { return "" }
            return "<generator object \(g.qualname) at \(g.addressString)>"
        }
        PyType.generator.addMethod("close(self, /)") { _, _ in .none }
        PyType.generator.addMethod("send(self, value, /)") { (interp, args) throws(PyError) in
            guard args[1].isNone else {
                throw PyError.notImplementedError(RuntimeUNIMPLEMENTED.generatorSend.message)
            }
            guard let value = try interp.next(args[0]) else { throw PyError.stopIteration() }
            return value
        }
        PyType.generator.addProperty("__name__") { (_, v) throws(PyError) in .str(v.as(PyGenerator.self)?.name ?? "") }

        PyType.enumerate.addStaticMethod("__new__(cls, iterable, start=0)") { (interp, args) throws(PyError) in
            let iterator = try interp.iter(args[1])
            var count = try interp.expectBigInt(args[2])
            return .object(PyIterator(type: .enumerate) { (interp) throws(PyError) in
                guard let item = try interp.next(iterator) else { return nil }
                defer { count = count + PyIntValue(1) }
                return .tuple([.int(count), item])
            })
        }
        PyType.zip.addStaticMethod("__new__(cls, /, *iterables, strict=False)") { (interp, args) throws(PyError) in
            var iterators: [PyValue] = []
            for iterable in args.varArgs { iterators.append(try interp.iter(iterable)) }
            let strict = try interp.isTrue(args["strict"])
            return .object(PyIterator(type: .zip) { (interp) throws(PyError) in
                if iterators.isEmpty { return nil }
                var items: [PyValue] = []
                for (i, iterator) in iterators.enumerated() {
                    guard let item = try interp.next(iterator) else {
                        if strict && i > 0 { throw PyError.valueError("zip() argument \(i + 1) is shorter than argument 1") }
                        return nil
                    }
                    items.append(item)
                }
                return .tuple(items)
            })
        }
        PyType.map.addStaticMethod("__new__(cls, function, iterable, /, *iterables)") { (interp, args) throws(PyError) in
            var iterators: [PyValue] = [try interp.iter(args[2])]
            for iterable in args.varArgs { iterators.append(try interp.iter(iterable)) }
            let function = args[1]
            return .object(PyIterator(type: .map) { (interp) throws(PyError) in
                var items: [PyValue] = []
                for iterator in iterators {
                    guard let item = try interp.next(iterator) else { return nil }
                    items.append(item)
                }
                return try interp.call(function, items)
            })
        }
        PyType.filter.addStaticMethod("__new__(cls, function, iterable, /)") { (interp, args) throws(PyError) in
            let iterator = try interp.iter(args[2])
            let function = args[1]
            return .object(PyIterator(type: .filter) { (interp) throws(PyError) in
                while let item = try interp.next(iterator) {
                    let keep = function.isNone ? item : try interp.call(function, [item])
                    if try interp.isTrue(keep) { return item }
                }
                return nil
            })
        }
        PyType.reversed.addStaticMethod("__new__(cls, sequence, /)") { (interp, args) throws(PyError) in
            let sequence = args[1]
            if let method = sequence.type.lookup("__reversed__"), !method.isNone {
                return try interp.call(try interp.bind(method, to: sequence, sequence.type), Arguments())
            }
            guard sequence.type.lookup("__getitem__") != nil, sequence.type.lookup("__len__") != nil else {
                throw PyError.typeError("'\(sequence.type.name)' object is not reversible")
            }
            var i = try interp.length(sequence) - 1
            return .object(PyIterator(type: .reversed) { (interp) throws(PyError) in
                guard i >= 0 else { return nil }
                defer { i -= 1 }
                return try interp.getItem(sequence, PyValue(i))
            })
        }
    }
}
