import MiniPython
import NeuralNet
import TensorEngine

/// Converts Python objects to and from ``TorchValue``, the Python-free model of what
/// `torch.save` stores (in NeuralNet).
///
/// Saving accepts what checkpoints hold: tensors and `nn.Parameter`s, None, bools, ints,
/// floats, strings, tuples, lists, dicts, `collections.OrderedDict` (with its attributes,
/// such as a state_dict's `_metadata`), sets, dtypes, `torch.Size` and devices. Loading
/// returns the same types; a tensor object saved twice loads as one object.
enum SavedValue {
    // MARK: - Python to TorchValue

    static func torchValue(_ v: PyValue, _ interp: Interpreter, depth: Int = 0) throws(PyError) -> TorchValue {
        guard depth <= TorchFile.maxDepth else {
            throw PyError(type: .recursionError, message: "maximum recursion depth exceeded while pickling an object")
        }
        switch v {
        case .none: return .none
        case .bool(let b): return .bool(b)
        case .int(let i):
            if let small = i.asInt { return .int(small) }
            let big = i.bigValue
            return .bigInt(negative: big.isNegative, magnitude: big.limbs)
        case .float(let d): return .float(d)
        case .str(let s): return .string(s)
        case .object(let object): return try torchValue(object, interp, depth)
        }
    }

    private static func torchValue(_ object: PyObject, _ interp: Interpreter, _ depth: Int) throws(PyError) -> TorchValue {
        func items(_ values: [PyValue]) throws(PyError) -> [TorchValue] {
            var out: [TorchValue] = []
            out.reserveCapacity(values.count)
            for item in values { out.append(try torchValue(item, interp, depth: depth + 1)) }
            return out
        }
        let type = object.type
        if let tensor = object as? PyTensor {
            if type === TensorType.type { return .tensor(tensor.tensor, isParameter: false) }
            if let parameter = parameterType(interp), type.isSubtype(of: parameter) { return .tensor(tensor.tensor, isParameter: true) }
        } else if let tuple = object as? PyTuple {
            if type === PyType.tuple { return .tuple(try items(tuple.items)) }
            if type === TorchSize.type { return .size(try tuple.items.map { (d) throws(PyError) in try interp.expectInt(d) }) }
        } else if let list = object as? PyList, type === PyType.list {
            return .list(try items(list.items))
        } else if let dict = object as? PyDict {
            let ordered = orderedDictType(interp)
            if type === PyType.dict || type === ordered {
                var result = TorchDict(isOrdered: type === ordered)
                for (key, value) in dict.items {
                    result.items.append((try torchValue(key, interp, depth: depth + 1), try torchValue(value, interp, depth: depth + 1)))
                }
                for (name, value) in dict.dict?.items ?? [] {
                    guard case .str(let name) = name else { continue }
                    result.attributes.append((name, try torchValue(value, interp, depth: depth + 2)))
                }
                return .dict(result)
            }
        } else if let set = object as? PySet, type === PyType.set {
            return .set(try items(set.elements))
        } else if let dtype = object as? PyDType {
            return .dtype(dtype.shortName)
        } else if let device = object as? PyDevice {
            return .device(device.text)
        } else if type.isHeapType, let dict = object.dict {
            return try instance(object, dict, interp, depth)
        }
        throw PyError.notImplementedError("torch.save in pytorch-tutor stores tensors, numbers, strings, tuples, lists, dicts and sets, not '\(type.name)' objects (save model.state_dict() rather than the model itself)")
    }

    /// An instance of a class defined in Python (a whole `nn.Module`), pickled by reference
    /// to its class, with its `__dict__` as state, as CPython's protocol 2 pickles objects.
    private static func instance(_ object: PyObject, _ dict: PyDict, _ interp: Interpreter, _ depth: Int) throws(PyError) -> TorchValue {
        let type = object.type
        if type.qualname.contains("<locals>") {
            throw PyError.attributeError("Can't pickle local object '\(type.qualname)'")
        }
        var state = PyValue.object(dict)
        if type.lookup("__getstate__")?.as(PyFunction.self) != nil {
            state = try interp.callMethod(.object(object), "__getstate__", Arguments())
        }
        let module = type.module == "torch.nn" ? NNClassPaths.module(of: type.qualname) ?? type.module : type.module
        return .object(TorchObject(module: module, name: type.qualname, state: try torchValue(state, interp, depth: depth + 1)))
    }

    // MARK: - TorchValue to Python

    /// The Python object for a loaded value; `tensors` keeps one Python object per loaded tensor.
    static func python(_ value: TorchValue, _ interp: Interpreter, _ tensors: inout [ObjectIdentifier: PyValue]) throws(PyError) -> PyValue {
        switch value {
        case .none: return .none
        case .bool(let b): return .bool(b)
        case .int(let i): return PyValue(i)
        case .bigInt(let negative, let magnitude): return .int(PyIntValue(BigInt(limbs: magnitude, negative: negative)))
        case .float(let d): return .float(d)
        case .string(let s): return .str(s)
        case .tuple(let items):
            var out: [PyValue] = []
            for item in items { out.append(try python(item, interp, &tensors)) }
            return .tuple(out)
        case .list(let items):
            var out: [PyValue] = []
            for item in items { out.append(try python(item, interp, &tensors)) }
            return .list(out)
        case .set(let items):
            let set = PySet()
            for item in items { _ = try set.add(try python(item, interp, &tensors), interp) }
            return .object(set)
        case .dict(let dict):
            let result: PyDict
            if dict.isOrdered, let ordered = orderedDictType(interp),
               let made = try interp.call(.object(ordered), []).as(PyDict.self) {
                result = made
            } else {
                result = PyDict()
            }
            for (key, item) in dict.items { try result.set(try python(key, interp, &tensors), try python(item, interp, &tensors), interp) }
            for (name, item) in dict.attributes { result.dict?.set(str: name, try python(item, interp, &tensors)) }
            return .object(result)
        case .tensor(let tensor, let isParameter):
            if let known = tensors[ObjectIdentifier(tensor)] { return known }
            var object = PyValue.tensor(tensor)
            if isParameter, let parameter = parameterType(interp) {
                object = try interp.call(.object(parameter), [object, .bool(tensor.requiresGrad)])
            }
            tensors[ObjectIdentifier(tensor)] = object
            return object
        case .dtype(let name):
            guard let dtype = PyDType.attributes.first(where: { $0.0 == name })?.1 else {
                throw PyError.notImplementedError("dtype torch.\(name) is not supported by pytorch-tutor (supported: float32, float64, int64, int32, uint8, bool)")
            }
            return .object(dtype)
        case .size(let dims): return TorchSize.make(dims)
        case .device(let text): return .object(try PyDevice.parse(text, index: nil))
        case .object(let object): return try instance(object, interp, &tensors)
        }
    }

    /// `cls.__new__(cls, *arguments)` for the class the file names, then its state through
    /// `__setstate__` or into its `__dict__`, as unpickling does. The class must be defined
    /// (in `__main__`, or by a module the tutor provides), as in PyTorch.
    private static func instance(_ object: TorchObject, _ interp: Interpreter, _ tensors: inout [ObjectIdentifier: PyValue]) throws(PyError) -> PyValue {
        let cls = try savedClass(object.module, object.name, interp)
        var arguments: [PyValue] = [.object(cls)]
        for argument in object.arguments { arguments.append(try python(argument, interp, &tensors)) }
        let instance = try interp.call(try interp.getAttribute(.object(cls), "__new__"), arguments)
        guard let saved = object.state else { return instance }
        let state = try python(saved, interp, &tensors)
        if cls.lookup("__setstate__") != nil {
            _ = try interp.callMethod(instance, "__setstate__", Arguments([state]))
            return instance
        }
        guard let stateDict = state.as(PyDict.self), let dict = instance.object?.dict else {
            throw PyError.typeError("state is not a dictionary")
        }
        for (key, value) in stateDict.items { try dict.set(key, value, interp) }
        return instance
    }

    /// The class `module.name` of a saved object. PyTorch's layers live in submodules of
    /// `torch.nn` (`torch.nn.modules.linear`); the tutor defines them all in `torch.nn`.
    private static func savedClass(_ module: String, _ name: String, _ interp: Interpreter) throws(PyError) -> PyType {
        let owner = module == "__main__" ? interp.mainModule
            : try interp.importModule(module.hasPrefix("torch.nn.modules.") ? "torch.nn" : module)
        guard let value = owner[name] else {
            throw PyError.attributeError("Can't get attribute '\(name)' on \(try interp.repr(.object(owner)))")
        }
        guard let cls = value.as(PyType.self) else {
            throw TorchErrors.notInTutor("torch.load of \(module).\(name), which is not a class,")
        }
        return cls
    }

    // MARK: - Classes defined in Python

    /// `collections.OrderedDict` of this interpreter.
    static func orderedDictType(_ interp: Interpreter) -> PyType? {
        (try? interp.importModule("collections"))?["OrderedDict"]?.as(PyType.self)
    }

    /// `torch.nn.Parameter`, once `torch.nn` defines it: parameters are saved with
    /// `_rebuild_parameter` and load back as instances of it (plain tensors until then).
    static func parameterType(_ interp: Interpreter) -> PyType? {
        (try? interp.importModule("torch.nn"))?["Parameter"]?.as(PyType.self)
    }
}
