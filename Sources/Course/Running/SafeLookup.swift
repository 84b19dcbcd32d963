import MiniPython

/// Finds what a dotted name (`model.fc1.weight`) refers to in a session without running the
/// learner's code: module and class namespaces, instance dicts (and an `nn.Module`'s
/// children and parameters), and class members. A property is read only when its getter is
/// native (a tensor's `shape`); a getter written in Python, `__getattr__` and
/// `__getattribute__` never run, so a Tab or a `?` cannot loop or change anything.
enum SafeLookup {
    /// The dicts where `nn.Module` keeps the attributes its `__getattr__` finds.
    static let moduleHolders = ["_modules", "_parameters", "_buffers"]

    /// The value of `path` (`["torch", "nn", "Linear"]`), or nil when it cannot be found
    /// safely.
    static func resolve(_ path: [String], in interpreter: Interpreter) -> PyValue? {
        guard let first = path.first,
              var value = interpreter.mainModule[first] ?? interpreter.builtinsModule[first] else { return nil }
        for name in path.dropFirst() {
            guard let next = attribute(of: value, name, in: interpreter) else { return nil }
            value = next
        }
        return value
    }

    /// `value.name`, looked up without running Python code.
    static func attribute(of value: PyValue, _ name: String, in interpreter: Interpreter) -> PyValue? {
        if let module = value.as(PyModule.self) { return module[name] }
        if let type = value.as(PyType.self) { return type.mro.lazy.compactMap { $0.members[name] }.first }
        if case .object(let object) = value, let dict = object.dict {
            if let found = dict.get(str: name) { return found }
            for holder in moduleHolders {
                if let found = dict.get(str: holder)?.as(PyDict.self)?.get(str: name) { return found }
            }
        }
        guard let member = value.type.lookup(name) else { return nil }
        if let property = member.as(PyProperty.self) {
            guard property.getter.as(PyBuiltinFunction.self) != nil else { return nil }
            return try? interpreter.call(property.getter, [value])
        }
        if member.as(PyFunction.self) != nil || member.as(PyBuiltinFunction.self) != nil {
            return .object(PyMethod(function: member, selfValue: value))
        }
        return member
    }

    /// The names `dir(value)` lists, plus an `nn.Module`'s children, parameters and buffers.
    static func names(of value: PyValue, in interpreter: Interpreter) -> [String] {
        var names = Set((try? interpreter.directory(of: value)) ?? [])
        if value.as(PyModule.self) == nil, case .object(let object) = value, let dict = object.dict {
            for holder in moduleHolders {
                for key in dict.get(str: holder)?.as(PyDict.self)?.keys ?? [] {
                    if case .str(let name) = key { names.insert(name) }
                }
            }
        }
        return names.sorted()
    }
}
