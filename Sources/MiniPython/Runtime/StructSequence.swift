/// Named tuples made by native modules (`sys.version_info`, `sys.float_info`): tuples whose
/// items also have names, printed as `sys.float_info(max=..., ...)`.
///
/// In CPython: `Objects/structseq.c`.
enum StructSequence {
    /// A tuple subtype `module.name` with one read-only property per field.
    static func makeType(_ name: String, module: String, fields: [String]) -> PyType {
        let type = PyType(name: name, module: module, base: .tuple, isBaseType: false)
        for (i, field) in fields.enumerated() {
            type.addProperty(field) { (_, v) throws(PyError) in
                guard let tuple = v.as(PyTuple.self), i < tuple.items.count else {
                    throw PyError.typeError("descriptor '\(field)' for '\(module).\(name)' objects doesn't apply to a '\(v.type.name)' object")
                }
                return tuple.items[i]
            }
        }
        BuiltinTypes.addRepr(type) { (interp, v) throws(PyError) in
            let items = v.as(PyTuple.self)?.items ?? []
            var parts: [String] = []
            for (field, item) in zip(fields, items) { parts.append("\(field)=\(try interp.repr(item))") }
            return "\(module).\(name)(\(parts.joined(separator: ", ")))"
        }
        return type
    }

    /// An instance of a type from ``makeType(_:module:fields:)``.
    static func make(_ type: PyType, _ values: [PyValue]) -> PyValue {
        .object(PyTuple(type: type, values))
    }
}
