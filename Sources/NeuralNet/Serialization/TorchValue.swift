import TensorEngine

/// What `torch.save` stores and `torch.load` returns, without Python: tensors, the
/// containers and scalars of checkpoints, and the few torch objects they hold.
///
/// TorchBridge converts Python objects to and from this model; ``TorchFile`` converts it to
/// and from the `.pt` format. A tree, at most ``TorchFile/maxDepth`` deep. One `Tensor`
/// object reached twice is saved once and loads back as one object.
public indirect enum TorchValue {
    case none
    case bool(Bool)
    case int(Int)
    /// An int outside 64 bits: sign and magnitude, 64-bit limbs least significant first.
    case bigInt(negative: Bool, magnitude: [UInt64])
    case float(Double)
    case string(String)
    case tuple([TorchValue])
    case list([TorchValue])
    case dict(TorchDict)
    /// A Python `set`.
    case set([TorchValue])
    /// A tensor; `requiresGrad` travels on the tensor. A parameter is an `nn.Parameter`.
    case tensor(Tensor, isParameter: Bool)
    /// A `torch.dtype` by its name (`float32`), including dtypes the engine lacks.
    case dtype(String)
    /// A `torch.Size`.
    case size([Int])
    /// A `torch.device` by its text (`cpu`, `cuda:0`).
    case device(String)
    /// An instance of a Python class, such as a whole `nn.Module` (`torch.save(model, f)`).
    case object(TorchObject)
}

/// An instance of a class named by its module and name, pickled as Python pickles plain
/// objects: `cls.__new__(cls, *arguments)`, then its state (usually its `__dict__`) set on it.
/// Only `torch.load(weights_only=False)` returns these; the class must exist when loading.
public struct TorchObject {
    /// The class's module (`__main__`, `torch.nn.modules.linear`).
    public var module: String
    /// The class's name (`Net`).
    public var name: String
    /// The arguments of `__new__` (empty for ordinary classes).
    public var arguments: [TorchValue]
    /// The state given to `__setstate__`, or merged into the instance's `__dict__`.
    public var state: TorchValue?

    public init(module: String, name: String, arguments: [TorchValue] = [], state: TorchValue? = nil) {
        self.module = module
        self.name = name
        self.arguments = arguments
        self.state = state
    }
}

/// A `dict` or `collections.OrderedDict`, in insertion order.
public struct TorchDict {
    public var items: [(key: TorchValue, value: TorchValue)]
    /// True for `collections.OrderedDict` (every `state_dict()`).
    public var isOrdered: Bool
    /// Instance attributes of an OrderedDict, such as the `_metadata` of a `state_dict()`.
    public var attributes: [(name: String, value: TorchValue)]

    public init(_ items: [(key: TorchValue, value: TorchValue)] = [], isOrdered: Bool = false,
                attributes: [(name: String, value: TorchValue)] = []) {
        self.items = items
        self.isOrdered = isOrdered
        self.attributes = attributes
    }
}
