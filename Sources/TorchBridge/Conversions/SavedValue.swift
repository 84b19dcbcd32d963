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
        }
        throw PyError.notImplementedError("torch.save in pytorch-tutor stores tensors, numbers, strings, tuples, lists, dicts and sets, not '\(type.name)' objects (save model.state_dict() rather than the model itself)")
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
        }
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
