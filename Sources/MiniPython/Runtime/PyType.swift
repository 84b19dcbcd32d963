import Synchronization

/// A Python class: builtin (`int`, `list`, TorchBridge's `Tensor`) or defined by user code.
///
/// Both kinds are the same object, so special-method dispatch is uniform: the interpreter
/// looks a name up along ``mro`` in each class's ``members`` and calls what it finds, whether
/// that is a user `def` (``PyFunction``) or a native ``PyBuiltinFunction``.
///
/// A native type fills ``members`` once, at creation, with builtin functions (methods get
/// `self` as their first positional argument), ``PyProperty`` values and plain values, then
/// is never mutated: builtin types are immutable and shared by every interpreter.
///
/// ```swift
/// let point = PyType(name: "Point", module: "geometry", base: .object) { type in
///     PyPoint(type: type)               // how to allocate an instance
/// }
/// point.addMethod("norm(self)") { interp, args throws(PyError) in ... }
/// ```
public final class PyType: PyObject, @unchecked Sendable {
    /// Bumped whenever a member of any class changes (`setattr(cls, ...)`, `del cls.x`):
    /// every lookup cache (``lookup(_:)`` of classes, the inline caches of compiled code) is
    /// valid only while it stays the same.
    static let epoch = Atomic<Int>(0)

    /// `__name__`
    public let name: String
    /// `__qualname__`
    public var qualname: String
    /// `__module__`: "builtins" for builtin types, "__main__" for the user's classes.
    public var module: String
    /// `__bases__`
    public private(set) var bases: [PyType]
    /// `__mro__`, starting with the type itself (C3 linearization).
    public private(set) var mro: [PyType]
    /// The class namespace, in definition order.
    public private(set) var members: MemberDict
    /// True for classes created by `class` statements: their instances get an attribute dict
    /// and their members may be reassigned.
    public let isHeapType: Bool
    /// False for types that cannot be subclassed (`bool`, `NoneType`, `function`...).
    public var isBaseType: Bool
    /// Allocates a bare instance of a (sub)type: the "solid base" that decides the Swift
    /// class of instances. Inherited from the first base that has one.
    public var allocator: ((PyType) -> PyObject)?
    /// True for a native type created with its own allocator (a Swift layout of its own);
    /// subtypes that only inherit one share their base's layout (`OSError` and `ValueError`
    /// both have `BaseException`'s, so a class may derive from both).
    let definesLayout: Bool
    var isException: Bool { mro.contains { $0 === PyType.baseException } }
    /// Results of ``lookup(_:)`` for a class from a `class` statement, valid at
    /// ``cacheEpoch`` (builtin types are shared between threads and never cache).
    private var lookupCache: [String: PyValue?] = [:]
    private var cacheEpoch = -1

    /// A native type. `allocator` creates instances (nil: inherit the base's).
    public init(name: String, module: String = "builtins", base: PyType?, isBaseType: Bool = true,
                allocator: ((PyType) -> PyObject)? = nil) {
        self.name = name
        self.qualname = name
        self.module = module
        self.bases = base.map { [$0] } ?? []
        self.members = MemberDict()
        self.isHeapType = false
        self.isBaseType = isBaseType
        self.mro = []
        self.allocator = allocator ?? base?.allocator
        self.definesLayout = allocator != nil
        super.init(metatype: nil)
        self.mro = [self] + (base?.mro ?? [])
    }

    /// A native type with several bases (`io.UnsupportedOperation` is an `OSError` and a
    /// `ValueError`); the bases must have a consistent MRO and share one instance layout.
    init(name: String, module: String, bases: [PyType]) {
        self.name = name
        self.qualname = name
        self.module = module
        self.bases = bases
        self.members = MemberDict()
        self.isHeapType = false
        self.isBaseType = true
        self.mro = []
        self.allocator = bases.first?.allocator
        self.definesLayout = false
        super.init(metatype: nil)
        self.mro = (try? PyType.c3(self, bases)) ?? [self] + (bases.first?.mro ?? [])
    }

    /// A class from a `class` statement (or 3-argument `type()`); throws TypeError when no
    /// consistent method resolution order exists.
    init(heapTypeNamed name: String, qualname: String, module: String, bases: [PyType],
         members: MemberDict) throws(PyError) {
        self.name = name
        self.qualname = qualname
        self.module = module
        self.bases = bases.isEmpty ? [PyType.object] : bases
        self.members = members
        self.isHeapType = true
        self.isBaseType = true
        self.mro = []
        self.allocator = nil
        self.definesLayout = false
        super.init(metatype: nil)
        for base in self.bases where !base.isBaseType {
            throw PyError.typeError("type '\(base.name)' is not an acceptable base type")
        }
        self.mro = try PyType.c3(self, self.bases)
        self.allocator = try PyType.solidAllocator(self.bases)
    }

    /// True for the builtin types themselves: the interpreter may use its native fast paths
    /// (subscripts, concatenation) on their instances. Native types of other modules that
    /// subclass a builtin (`torch.Size` is a tuple) go through their special methods instead.
    public var usesBuiltinFastPaths: Bool { !isHeapType && module == "builtins" }

    // MARK: - Lookup

    /// Finds `name` along the MRO (`_PyType_Lookup`).
    public func lookup(_ name: String) -> PyValue? {
        guard isHeapType else { return lookupInMRO(name) }
        let now = PyType.epoch.load(ordering: .relaxed)
        if cacheEpoch != now {
            lookupCache.removeAll(keepingCapacity: true)
            cacheEpoch = now
        }
        if let cached = lookupCache[name] { return cached }
        let found = lookupInMRO(name)
        lookupCache[name] = .some(found)
        return found
    }

    private func lookupInMRO(_ name: String) -> PyValue? {
        for type in mro {
            if let value = type.members[name] { return value }
        }
        return nil
    }

    /// Finds `name` along the MRO and says which class defines it.
    func lookupWithOwner(_ name: String) -> (PyValue, PyType)? {
        for type in mro {
            if let value = type.members[name] { return (value, type) }
        }
        return nil
    }

    /// `issubclass(self, other)`.
    public func isSubtype(of other: PyType) -> Bool {
        if self === other { return true }
        return mro.contains { $0 === other }
    }

    // MARK: - Building native types

    /// Sets a member (for native types, only while building them; for user classes,
    /// `setattr(cls, ...)`).
    public func setMember(_ name: String, _ value: PyValue) {
        members[name] = value
        PyType.epoch.add(1, ordering: .relaxed)
    }

    func removeMember(_ name: String) -> PyValue? {
        defer { PyType.epoch.add(1, ordering: .relaxed) }
        return members.removeValue(forKey: name)
    }

    /// Adds a method bound by `signature`, e.g. `"append(self, object, /)"`.
    public func addMethod(_ signature: String,
                          _ body: @escaping (Interpreter, BoundArguments) throws(PyError) -> PyValue) {
        let function = PyBuiltinFunction(signature: signature, owner: self, body)
        members[function.name] = .object(function)
    }

    /// Adds a method that takes its raw ``Arguments`` (self first) without a signature.
    public func addRawMethod(_ name: String,
                             _ body: @escaping (Interpreter, Arguments) throws(PyError) -> PyValue) {
        members[name] = .object(PyBuiltinFunction(name: name, owner: self, call: body))
    }

    /// Adds a `staticmethod` (no `self`), e.g. `dict.fromkeys` is a classmethod, `str.maketrans` static.
    public func addStaticMethod(_ signature: String,
                                _ body: @escaping (Interpreter, BoundArguments) throws(PyError) -> PyValue) {
        let function = PyBuiltinFunction(signature: signature, owner: self, body)
        members[function.name] = .object(PyStaticMethod(.object(function)))
    }

    /// Adds a `classmethod` whose first argument is the class.
    public func addClassMethod(_ signature: String,
                               _ body: @escaping (Interpreter, BoundArguments) throws(PyError) -> PyValue) {
        let function = PyBuiltinFunction(signature: signature, owner: self, body)
        members[function.name] = .object(PyClassMethod(.object(function)))
    }

    /// Adds a read-only (or, with `set`, writable) property computed by Swift closures.
    public func addProperty(_ name: String,
                            get: @escaping (Interpreter, PyValue) throws(PyError) -> PyValue,
                            set: ((Interpreter, PyValue, PyValue) throws(PyError) -> Void)? = nil) {
        let getter = PyBuiltinFunction(name: name, owner: self) { (interp, args) throws(PyError) in
            try get(interp, args.positional[0])
        }
        var setter: PyValue?
        if let set {
            setter = .object(PyBuiltinFunction(name: name, owner: self) { (interp, args) throws(PyError) in
                try set(interp, args.positional[0], args.positional[1])
                return .none
            })
        }
        members[name] = .object(PyProperty(get: .object(getter), set: setter, delete: nil, doc: .none))
    }

    // MARK: - MRO

    /// C3 linearization, with CPython's error message.
    private static func c3(_ type: PyType, _ bases: [PyType]) throws(PyError) -> [PyType] {
        var sequences = bases.map { $0.mro } + [bases]
        var result: [PyType] = [type]
        while true {
            sequences.removeAll { $0.isEmpty }
            if sequences.isEmpty { return result }
            var candidate: PyType?
            for sequence in sequences {
                let head = sequence[0]
                if !sequences.contains(where: { $0.dropFirst().contains { $0 === head } }) {
                    candidate = head
                    break
                }
            }
            guard let next = candidate else {
                let names = bases.map { $0.name }.joined(separator: ", ")
                throw PyError.typeError("Cannot create a consistent method resolution order (MRO) for bases \(names)")
            }
            result.append(next)
            for i in sequences.indices where sequences[i].first === next { sequences[i].removeFirst() }
        }
    }

    /// The allocator of the bases; two different native layouts cannot be combined.
    private static func solidAllocator(_ bases: [PyType]) throws(PyError) -> ((PyType) -> PyObject)? {
        var chosen: PyType?
        for base in bases {
            guard let solid = base.solidBase else { continue }
            if let current = chosen, current !== solid {
                if solid.isSubtype(of: current) { chosen = solid } else if !current.isSubtype(of: solid) {
                    throw PyError.typeError("multiple bases have instance lay-out conflict")
                }
            } else {
                chosen = solid
            }
        }
        return chosen?.allocator
    }

    /// The nearest class along the MRO that is native and defines how instances are stored.
    var solidBase: PyType? {
        mro.first { !$0.isHeapType && $0.definesLayout && $0 !== PyType.object }
    }
}

/// The members of a class, in definition order.
public struct MemberDict: Sequence {
    private var storage: [String: Int] = [:]
    private var entries: [(key: String, value: PyValue)?] = []

    public init() {}

    public subscript(key: String) -> PyValue? {
        get { storage[key].flatMap { entries[$0]?.value } }
        set {
            if let newValue {
                if let i = storage[key] { entries[i] = (key, newValue) } else {
                    storage[key] = entries.count
                    entries.append((key, newValue))
                }
            } else {
                _ = removeValue(forKey: key)
            }
        }
    }

    @discardableResult
    public mutating func removeValue(forKey key: String) -> PyValue? {
        guard let i = storage.removeValue(forKey: key) else { return nil }
        let old = entries[i]?.value
        entries[i] = nil
        return old
    }

    public var keys: [String] { entries.compactMap { $0?.key } }

    public func makeIterator() -> some IteratorProtocol<(key: String, value: PyValue)> {
        entries.lazy.compactMap { $0 }.makeIterator()
    }
}
