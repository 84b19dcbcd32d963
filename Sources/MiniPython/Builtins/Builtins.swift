/// The `builtins` module: the names every program sees without importing anything.
///
/// Shaped like Violet's builtins: the names and registration here, the bodies in
/// `Builtins+Functions.swift`, the gaps in `Builtins+UNIMPLEMENTED.swift`.
/// Docs: https://docs.python.org/3.11/library/functions.html
enum Builtins {
    static func fill(_ module: PyModule) {
        let types: [PyType] = [.object, .typeType, .int, .float, .bool, .str, .list, .tuple, .dict, .set, .frozenset,
                               .range, .slice, .property, .staticmethod, .classmethod, .superType, .enumerate, .zip,
                               .map, .filter, .reversed]
        for type in types { module[type.name] = .object(type) }
        module["bytes"] = .object(PyBytes.type)
        for type in PyType.builtinExceptions { module[type.name] = .object(type) }
        module["IOError"] = .object(PyType.osError)
        module["EnvironmentError"] = .object(PyType.osError)
        module["NotImplemented"] = .notImplemented
        module["Ellipsis"] = .ellipsis
        module["__debug__"] = .bool(true)
        module["None"] = PyValue.none
        module["True"] = .bool(true)
        module["False"] = .bool(false)
        fillFunctions(module)
        fillOpen(module)
        fillUnimplemented(module)
    }
}
