// Note [Inline caches]
// Reading `obj.name`, writing it, and calling `obj.name(...)` first ask the class of `obj`
// about `name` (`__getattribute__`/`__setattr__` overrides, a class attribute, whether it is
// a data descriptor): several dictionary lookups along the MRO. The answer depends only on
// the class, so each such site in compiled code keeps the answer for the last class it saw,
// valid while the class is the same object and ``PyType/epoch`` (bumped by any change to
// any class) has not moved. A site then costs an identity check and an atomic load.
//
// A site belongs to the compiled code of one interpreter, and only that interpreter's
// thread (or its generators, which run in turn with it) uses it. The cached class is held
// strongly, so it cannot be freed and replaced by another at the same address.
//
// In CPython: the specializing adaptive interpreter (PEP 659), `LOAD_ATTR_INSTANCE_VALUE`,
// `LOAD_METHOD` and the type version tags of `Objects/typeobject.c`.

/// The cache of one `obj.name` read (see Note [Inline caches]).
final class AttributeSite {
    let name: String
    private var type: PyType?
    private var epoch = -1
    private var resolved: InstanceAttribute?
    private var isInstancePath = false

    init(_ name: String) { self.name = name }

    /// The class-side answer for instances of `type`, or nil when `type`'s instances are
    /// classes, modules or `super` objects (their lookups follow other rules).
    @inline(__always)
    func resolve(_ type: PyType) -> InstanceAttribute? {
        let now = PyType.epoch.load(ordering: .relaxed)
        if self.type !== type || epoch != now {
            self.type = type
            epoch = now
            isInstancePath = AttributeSite.hasInstancePath(type)
            resolved = isInstancePath ? InstanceAttribute(type, name) : nil
        }
        return resolved
    }

    /// False for `type`, module and `super` objects.
    static func hasInstancePath(_ type: PyType) -> Bool {
        !(type.isSubtype(of: .typeType) || type.isSubtype(of: .module) || type === PyType.superType)
    }
}

/// The cache of one `obj.name = value` (see Note [Inline caches]).
final class StoreSite {
    let name: String
    private var type: PyType?
    private var epoch = -1
    private var isPlain = false

    init(_ name: String) { self.name = name }

    /// True when storing into an instance of `type` just sets its `__dict__` entry: an
    /// ordinary instance, no `__setattr__` written in Python, and no property or descriptor
    /// with that name in the class.
    @inline(__always)
    func isPlainStore(_ type: PyType) -> Bool {
        let now = PyType.epoch.load(ordering: .relaxed)
        if self.type !== type || epoch != now {
            self.type = type
            epoch = now
            isPlain = StoreSite.plain(type, name)
        }
        return isPlain
    }

    private static func plain(_ type: PyType, _ name: String) -> Bool {
        guard AttributeSite.hasInstancePath(type) else { return false }
        if let setattr = type.lookup("__setattr__"), setattr.as(PyFunction.self) != nil { return false }
        guard let attribute = type.lookup(name), case .object(let descriptor) = attribute else { return true }
        if descriptor is PyProperty { return false }
        return !(descriptor.type.isHeapType && descriptor.type.lookup("__set__") != nil)
    }
}

/// The cache of one `obj.name(...)` call (see Note [Inline caches]).
final class MethodSite {
    let name: String
    private var type: PyType?
    private var epoch = -1
    private var method: PyValue?

    init(_ name: String) { self.name = name }

    /// The function `obj.name` finds in the class of `obj` when calling it needs no bound
    /// method object (a plain function or native method of an ordinary instance); nil
    /// otherwise.
    @inline(__always)
    func function(_ type: PyType) -> PyValue? {
        let now = PyType.epoch.load(ordering: .relaxed)
        if self.type !== type || epoch != now {
            self.type = type
            epoch = now
            method = nil
            if AttributeSite.hasInstancePath(type), let attribute = type.lookup(name), case .object(let o) = attribute,
               o is PyFunction || o is PyBuiltinFunction {
                method = attribute
            }
        }
        return method
    }
}
