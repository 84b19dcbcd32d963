/// Attribute access: CPython's generic `__getattribute__` (data descriptors, then the
/// instance dict, then other class attributes, then `__getattr__`), attributes of classes,
/// modules and `super` objects, and the descriptor binding of functions, properties,
/// classmethods and staticmethods.
///
/// In CPython: `PyObject_GenericGetAttr` and `type_getattro` in `Objects/`.
extension Interpreter {
    /// `getattr(v, name)`; raises AttributeError with CPython's message.
    public func getAttribute(_ v: PyValue, _ name: String) throws(PyError) -> PyValue {
        if let value = try rawLookupAttribute(v, name) { return value }
        throw attributeError(v, name)
    }

    func attributeError(_ v: PyValue, _ name: String) -> PyError {
        let message: String
        if let type = v.as(PyType.self) {
            message = "type object '\(type.name)' has no attribute '\(name)'"
        } else if let module = v.as(PyModule.self) {
            message = "module '\(module.name)' has no attribute '\(name)'"
        } else {
            message = "'\(v.type.name)' object has no attribute '\(name)'"
        }
        let exc = PyBaseException(type: .attributeError, args: [.str(message)])
        exc.suggestionName = name
        exc.attributeTarget = v
        return PyError(exc)
    }

    /// The attribute, or nil when it does not exist (AttributeError raised by a property or
    /// `__getattr__` also counts as missing, as for `hasattr`).
    public func lookupAttribute(_ v: PyValue, _ name: String) throws(PyError) -> PyValue? {
        do throws(PyError) {
            return try rawLookupAttribute(v, name)
        } catch {
            if error.matches(.attributeError) { return nil }
            throw error
        }
    }

    private func rawLookupAttribute(_ v: PyValue, _ name: String) throws(PyError) -> PyValue? {
        if case .object(let o) = v {
            if let type = o as? PyType { return try typeAttribute(type, name) }
            if let module = o as? PyModule {
                if let value = module.namespace.get(str: name) { return value }
                if name == "__dict__" { return .object(module.namespace) }
                // PEP 562: a module-level `__getattr__` answers names the module lacks.
                if let getattr = module.namespace.get(str: "__getattr__") { return try call(getattr, [.str(name)]) }
            }
            if let sup = o as? PySuper { return try superAttribute(sup, name) }
        }
        let type = v.type
        return try instanceAttribute(v, name, type, InstanceAttribute(type, name))
    }

    /// `object.__getattribute__` for an instance of `type`, with the class-side lookups done
    /// (compiled code keeps them per site, see ``AttributeSite``).
    func instanceAttribute(_ v: PyValue, _ name: String, _ type: PyType,
                           _ resolved: InstanceAttribute) throws(PyError) -> PyValue? {
        if let getattribute = resolved.getattribute {
            do throws(PyError) {
                return try call(getattribute, [v, .str(name)])
            } catch {
                guard error.matches(.attributeError), let getattr = resolved.getattr else { throw error }
                return try call(try bind(getattr, to: v, type), [.str(name)])
            }
        }
        if let attribute = resolved.attribute, resolved.isDataDescriptor { return try bind(attribute, to: v, type) }
        if case .object(let o) = v, let dict = o.dict {
            if let value = dict.get(str: name, hash: resolved.nameHash) { return value }
            if name == "__dict__" { return .object(dict) }
        }
        if let attribute = resolved.attribute { return try bind(attribute, to: v, type) }
        if let getattr = resolved.getattr {
            return try call(try bind(getattr, to: v, type), [.str(name)])
        }
        return nil
    }

    /// Whether a class attribute takes precedence over the instance dict.
    func isDataDescriptor(_ attribute: PyValue) -> Bool { InstanceAttribute.isDataDescriptor(attribute) }

    /// Whether the attribute lookup of `v` follows the instance path (not a class, module
    /// or `super` object, whose attributes have rules of their own).
    static func hasInstanceAttributes(_ v: PyValue) -> Bool {
        guard case .object(let o) = v else { return true }
        return !(o is PyType || o is PyModule || o is PySuper)
    }
}

/// What the class of an instance says about one attribute name: the class-side half of
/// `object.__getattribute__`, which depends only on the class (see ``AttributeSite``).
final class InstanceAttribute {
    /// A `__getattribute__` written in Python, which replaces the generic lookup.
    let getattribute: PyValue?
    /// The class attribute (`type.lookup(name)`).
    let attribute: PyValue?
    let isDataDescriptor: Bool
    let getattr: PyValue?
    /// ``PyHash/string(_:)`` of the name, for the instance dict.
    let nameHash: Int

    init(_ type: PyType, _ name: String) {
        nameHash = PyHash.string(name)
        if let override = type.lookup("__getattribute__"), override.as(PyFunction.self) != nil {
            getattribute = override
        } else {
            getattribute = nil
        }
        attribute = type.lookup(name)
        isDataDescriptor = attribute.map(InstanceAttribute.isDataDescriptor) ?? false
        getattr = type.lookup("__getattr__")
    }

    static func isDataDescriptor(_ attribute: PyValue) -> Bool {
        guard case .object(let o) = attribute else { return false }
        if o is PyProperty { return true }
        if o is PyFunction || o is PyBuiltinFunction { return false }
        return o.type.isHeapType && (o.type.lookup("__set__") != nil || o.type.lookup("__delete__") != nil)
    }
}

extension Interpreter {

    /// The value of a class attribute seen through an instance (`__get__`).
    func bind(_ attribute: PyValue, to instance: PyValue, _ type: PyType) throws(PyError) -> PyValue {
        guard case .object(let o) = attribute else { return attribute }
        switch o {
        case is PyFunction, is PyBuiltinFunction:
            return .object(PyMethod(function: attribute, selfValue: instance))
        case let property as PyProperty:
            if property.getter.isNone { throw PyError.attributeError("property object has no getter") }
            return try call(property.getter, [instance])
        case let method as PyClassMethod:
            return .object(PyMethod(function: method.function, selfValue: .object(type)))
        case let method as PyStaticMethod:
            return method.function
        default:
            if o.type.isHeapType, let get = o.type.lookup("__get__") {
                return try call(get, [attribute, instance, .object(type)])
            }
            return attribute
        }
    }

    /// `Class.name`: the metatype's data descriptors, then the class's MRO, then the metatype.
    private func typeAttribute(_ type: PyType, _ name: String) throws(PyError) -> PyValue? {
        let meta = type.type
        let metaAttribute = meta.lookup(name)
        if let metaAttribute, isDataDescriptor(metaAttribute) { return try bind(metaAttribute, to: .object(type), meta) }
        if let attribute = type.lookup(name) {
            guard case .object(let o) = attribute else { return attribute }
            switch o {
            case let method as PyClassMethod:
                return .object(PyMethod(function: method.function, selfValue: .object(type)))
            case let method as PyStaticMethod:
                return method.function
            case is PyFunction, is PyBuiltinFunction, is PyProperty:
                return attribute
            default:
                if o.type.isHeapType, let get = o.type.lookup("__get__") {
                    return try call(get, [attribute, .none, .object(type)])
                }
                return attribute
            }
        }
        if let metaAttribute { return try bind(metaAttribute, to: .object(type), meta) }
        return nil
    }

    /// `super().name`: the MRO of the object's type after `thisType`.
    private func superAttribute(_ sup: PySuper, _ name: String) throws(PyError) -> PyValue? {
        let mro = sup.objectType.mro
        if let start = mro.firstIndex(where: { $0 === sup.thisType }) {
            for type in mro[(start + 1)...] {
                guard let attribute = type.members[name] else { continue }
                if sup.object.as(PyType.self) != nil, sup.object.as(PyType.self) === sup.objectType {
                    // super() inside a classmethod: bind classmethods to the class.
                    if let method = attribute.as(PyClassMethod.self) {
                        return .object(PyMethod(function: method.function, selfValue: sup.object))
                    }
                    if let method = attribute.as(PyStaticMethod.self) { return method.function }
                    return attribute
                }
                return try bind(attribute, to: sup.object, sup.objectType)
            }
        }
        if name == "__class__" { return .object(PyType.superType) }
        return nil
    }

    // MARK: - Setting and deleting

    /// `setattr(v, name, value)`
    public func setAttribute(_ v: PyValue, _ name: String, _ value: PyValue) throws(PyError) {
        if case .object(let o) = v {
            if let type = o as? PyType {
                guard type.isHeapType else {
                    throw PyError.typeError("cannot set '\(name)' attribute of immutable type '\(type.name)'")
                }
                if let meta = type.type.lookup(name), let property = meta.as(PyProperty.self), !property.setter.isNone {
                    _ = try call(property.setter, [v, value])
                    return
                }
                type.setMember(name, value)
                return
            }
            if let module = o as? PyModule {
                module.namespace.set(str: name, value)
                return
            }
        }
        let type = v.type
        if let setattr = type.lookup("__setattr__"), setattr.as(PyFunction.self) != nil {
            _ = try call(setattr, [v, .str(name), value])
            return
        }
        try genericSetAttribute(v, name, value)
    }

    /// `object.__setattr__`: data descriptors, then the instance dict.
    func genericSetAttribute(_ v: PyValue, _ name: String, _ value: PyValue) throws(PyError) {
        let type = v.type
        if let attribute = type.lookup(name), case .object(let descriptor) = attribute {
            if let property = descriptor as? PyProperty {
                if property.setter.isNone {
                    throw PyError.attributeError("property '\(propertyName(property, name))' of '\(type.name)' object has no setter")
                }
                _ = try call(property.setter, [v, value])
                return
            }
            if descriptor.type.isHeapType, let set = descriptor.type.lookup("__set__") {
                _ = try call(set, [attribute, v, value])
                return
            }
        }
        guard case .object(let o) = v, let dict = o.dict else {
            if type.lookup(name) != nil {
                throw PyError.attributeError("'\(type.name)' object attribute '\(name)' is read-only")
            }
            throw attributeError(v, name)
        }
        dict.set(str: name, value)
    }

    private func propertyName(_ property: PyProperty, _ fallback: String) -> String {
        if let f = property.getter.as(PyFunction.self) { return f.name }
        return fallback
    }

    /// `delattr(v, name)`
    public func deleteAttribute(_ v: PyValue, _ name: String) throws(PyError) {
        if case .object(let o) = v {
            if let type = o as? PyType {
                guard type.isHeapType else {
                    throw PyError.typeError("cannot delete '\(name)' attribute of immutable type '\(type.name)'")
                }
                if type.removeMember(name) == nil { throw attributeError(v, name) }
                return
            }
            if let module = o as? PyModule {
                if module.namespace.remove(str: name) == nil { throw attributeError(v, name) }
                return
            }
        }
        let type = v.type
        if let delattr = type.lookup("__delattr__"), delattr.as(PyFunction.self) != nil {
            _ = try call(delattr, [v, .str(name)])
            return
        }
        try genericDeleteAttribute(v, name)
    }

    func genericDeleteAttribute(_ v: PyValue, _ name: String) throws(PyError) {
        if let attribute = v.type.lookup(name), let property = attribute.as(PyProperty.self) {
            if property.deleter.isNone {
                throw PyError.attributeError("property '\(propertyName(property, name))' of '\(v.type.name)' object has no deleter")
            }
            _ = try call(property.deleter, [v])
            return
        }
        guard case .object(let o) = v, let dict = o.dict, dict.remove(str: name) != nil else {
            throw attributeError(v, name)
        }
    }

    // MARK: - dir

    /// `dir(v)`: sorted attribute names of the object, its class and bases.
    public func directory(of v: PyValue) throws(PyError) -> [String] {
        var names: Set<String> = []
        if case .object(let o) = v {
            if let module = o as? PyModule {
                for key in module.namespace.keys { if case .str(let s) = key { names.insert(s) } }
                return names.sorted()
            }
            if let type = o as? PyType {
                for t in type.mro { names.formUnion(t.members.keys) }
                return names.sorted()
            }
            if let dict = o.dict { for key in dict.keys { if case .str(let s) = key { names.insert(s) } } }
        }
        for t in v.type.mro { names.formUnion(t.members.keys) }
        return names.sorted()
    }
}
