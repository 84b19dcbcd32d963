/// `bytes`: an immutable sequence of byte values, what `io.BytesIO.getvalue()` and `read()`
/// return (so `torch.save` into a buffer can be measured and copied). Literals (`b'PK'`), `bytes(n)`,
/// `bytes(iterable_of_ints)`, `bytes(str, encoding)` and `str.encode()` make them too.
/// Docs: https://docs.python.org/3.11/library/stdtypes.html#bytes
public final class PyBytes: PyObject, @unchecked Sendable {
    public let bytes: [UInt8]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        super.init(type: PyBytes.type)
    }

    /// `builtins.bytes`
    public static let type: PyType = {
        let type = PyType(name: "bytes", module: "builtins", base: .object, isBaseType: false)
        type.addStaticMethod("__new__(cls, source=None, encoding=None, errors=None)") { (interp, args) throws(PyError) in
            .object(PyBytes(try contents(of: args[1], encoding: args[2], interp)))
        }
        type.addMethod("__len__(self, /)") { (_, args) throws(PyError) in PyValue(try receiver(args[0]).count) }
        type.addMethod("__getitem__(self, key, /)") { (interp, args) throws(PyError) in
            let b = try receiver(args[0])
            if let slice = args[1].as(PySlice.self) {
                let indices = try interp.sliceIndices(slice, length: b.count)
                return .object(PyBytes(indices.map { b[$0] }))
            }
            var i = try interp.index(args[1], "byte indices must be integers or slices, not \(args[1].type.name)")
            if i < 0 { i += b.count }
            guard i >= 0 && i < b.count else { throw PyError.indexError("index out of range") }
            return PyValue(Int(b[i]))
        }
        type.addMethod("__iter__(self, /)") { (_, args) throws(PyError) in
            let b = try receiver(args[0])
            var i = 0
            return .object(PyIterator(type: .iterator) { _ in
                guard i < b.count else { return nil }
                defer { i += 1 }
                return PyValue(Int(b[i]))
            })
        }
        type.addMethod("__eq__(self, other, /)") { (_, args) throws(PyError) in
            guard let a = args[0].as(PyBytes.self), let b = args[1].as(PyBytes.self) else { return .notImplemented }
            return .bool(a.bytes == b.bytes)
        }
        type.addMethod("__ne__(self, other, /)") { (_, args) throws(PyError) in
            guard let a = args[0].as(PyBytes.self), let b = args[1].as(PyBytes.self) else { return .notImplemented }
            return .bool(a.bytes != b.bytes)
        }
        type.addMethod("__hash__(self, /)") { (_, args) throws(PyError) in
            PyValue(PyHash.string(String(decoding: try receiver(args[0]), as: UTF8.self)))
        }
        type.addMethod("__add__(self, other, /)") { (_, args) throws(PyError) in
            guard let a = args[0].as(PyBytes.self), let b = args[1].as(PyBytes.self) else { return .notImplemented }
            return .object(PyBytes(a.bytes + b.bytes))
        }
        type.addMethod("__repr__(self, /)") { (_, args) throws(PyError) in .str(pythonRepr(try receiver(args[0]))) }
        type.addMethod("hex(self, /)") { (_, args) throws(PyError) in
            .str(try receiver(args[0]).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined())
        }
        type.addMethod("decode(self, encoding='utf-8', errors='strict')") { (_, args) throws(PyError) in
            let b = try receiver(args[0])
            guard let text = String(validating: b, as: UTF8.self) else {
                throw PyError.valueError("'utf-8' codec can't decode bytes")
            }
            return .str(text)
        }
        return type
    }()

    static func receiver(_ v: PyValue) throws(PyError) -> [UInt8] {
        guard let b = v.as(PyBytes.self) else {
            throw PyError.typeError("descriptor for 'bytes' objects doesn't apply to a '\(v.type.name)' object")
        }
        return b.bytes
    }

    /// The bytes `bytes(source, encoding)` holds.
    static func contents(of source: PyValue, encoding: PyValue, _ interp: Interpreter) throws(PyError) -> [UInt8] {
        switch source {
        case .none: return []
        case .str(let s):
            guard !encoding.isNone else { throw PyError.typeError("string argument without an encoding") }
            return Array(s.utf8)
        case .int, .bool:
            let n = try interp.expectInt(source)
            guard n >= 0 else { throw PyError.valueError("negative count") }
            return [UInt8](repeating: 0, count: n)
        default:
            if let b = source.as(PyBytes.self) { return b.bytes }
            var out: [UInt8] = []
            for item in try interp.toArray(source) {
                let v = try interp.expectInt(item)
                guard (0...255).contains(v) else { throw PyError.valueError("bytes must be in range(0, 256)") }
                out.append(UInt8(v))
            }
            return out
        }
    }
}
