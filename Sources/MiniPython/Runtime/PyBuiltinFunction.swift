/// A function implemented in Swift: a builtin (`len`), a method of a native type
/// (`list.append`, where `self` arrives as the first positional argument), or a function of
/// a native module (`math.sqrt`, `torch.zeros`).
///
/// Prefer the signature-string initializer: it binds arguments with ``Signature`` so every
/// native function reports argument errors the same way.
public final class PyBuiltinFunction: PyObject, @unchecked Sendable {
    public let name: String
    /// The module for `<built-in function f>` reprs and pickling-like introspection.
    public var module: String?
    /// The class it is a method of (`<method 'append' of 'list' objects>`).
    public let ownerName: String?
    public let signature: Signature?
    let body: (Interpreter, Arguments) throws(PyError) -> PyValue

    /// A function taking raw arguments.
    public init(name: String, owner: PyType? = nil,
                call: @escaping (Interpreter, Arguments) throws(PyError) -> PyValue) {
        self.name = name
        self.ownerName = owner?.name
        self.signature = nil
        self.body = call
        super.init(type: .builtinFunction)
    }

    /// A function whose arguments are bound to `signature` (Python syntax) before `body` runs.
    public init(signature text: String, owner: PyType? = nil, module: String? = nil,
                _ body: @escaping (Interpreter, BoundArguments) throws(PyError) -> PyValue) {
        var signature = Signature(text)
        let plainName = signature.name
        signature.isNative = true
        if let owner {
            signature.name = "\(owner.name).\(plainName)"
            signature.hasSelf = signature.parameters.first.map { $0.name == "self" || $0.name == "cls" } ?? false
        }
        self.name = plainName
        self.module = module
        self.ownerName = owner?.name
        self.signature = signature
        self.body = { (interp, args) throws(PyError) in try body(interp, try signature.bind(args)) }
        super.init(type: .builtinFunction)
    }

    /// `function` as seen from Python (name, owner, module, signature for help) with its calls
    /// going through `call` instead, which may call `function` itself (how a profiler times
    /// every call of a function without changing what it shows).
    public init(wrapping function: PyBuiltinFunction,
                call: @escaping (Interpreter, Arguments) throws(PyError) -> PyValue) {
        self.name = function.name
        self.module = function.module
        self.ownerName = function.ownerName
        self.signature = function.signature
        self.body = call
        super.init(type: .builtinFunction)
    }

    /// Calls the function.
    public func call(_ interp: Interpreter, _ args: Arguments) throws(PyError) -> PyValue {
        try body(interp, args)
    }
}

/// A function bound to an object: `obj.method` (for user functions and native methods alike).
public final class PyMethod: PyObject, @unchecked Sendable {
    public let function: PyValue
    public let selfValue: PyValue

    public init(function: PyValue, selfValue: PyValue) {
        self.function = function
        self.selfValue = selfValue
        super.init(type: .method)
    }
}

/// `property(fget, fset, fdel, doc)`: a data descriptor.
public final class PyProperty: PyObject, @unchecked Sendable {
    public var getter: PyValue
    public var setter: PyValue
    public var deleter: PyValue
    public var doc: PyValue

    public init(type: PyType = .property, get: PyValue = .none, set: PyValue? = nil, delete: PyValue? = nil,
                doc: PyValue = .none) {
        self.getter = get
        self.setter = set ?? .none
        self.deleter = delete ?? .none
        self.doc = doc
        super.init(type: type, hasDict: type.isHeapType)
    }

    deinit {
        let parts = [getter, setter, deleter, doc]
        (getter, setter, deleter, doc) = (.none, .none, .none, .none)
        Trashcan.releaseIfNested(consume parts)
    }
}

/// `staticmethod(f)`
public final class PyStaticMethod: PyObject, @unchecked Sendable {
    public var function: PyValue
    public init(type: PyType = .staticmethod, _ function: PyValue) {
        self.function = function
        super.init(type: type)
    }
    public convenience init(_ function: PyValue) { self.init(type: .staticmethod, function) }
}

/// `classmethod(f)`
public final class PyClassMethod: PyObject, @unchecked Sendable {
    public var function: PyValue
    public init(type: PyType = .classmethod, _ function: PyValue) {
        self.function = function
        super.init(type: type)
    }
    public convenience init(_ function: PyValue) { self.init(type: .classmethod, function) }
}

/// `super(type, obj)`: attribute lookup starting after `thisType` in the MRO of `obj`'s type.
final class PySuper: PyObject, @unchecked Sendable {
    let thisType: PyType
    /// The instance (or the class, for classmethods).
    let object: PyValue
    /// The type whose MRO is searched.
    let objectType: PyType

    init(thisType: PyType, object: PyValue, objectType: PyType) {
        self.thisType = thisType
        self.object = object
        self.objectType = objectType
        super.init(type: .superType)
    }
}
