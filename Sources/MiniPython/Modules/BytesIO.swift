/// `io.BytesIO`: a binary stream in memory, for `torch.save(obj, buffer)` and
/// `torch.load(buffer)` without touching the file system.
/// Docs: https://docs.python.org/3.11/library/io.html#io.BytesIO
public final class PyBytesIO: PyObject, @unchecked Sendable {
    /// The buffer's contents.
    public var buffer: [UInt8]
    /// The stream position (may lie past the end, as after `seek(100)`).
    public var position = 0
    public private(set) var isClosed = false

    public init(_ initial: [UInt8] = []) {
        buffer = initial
        super.init(type: PyBytesIO.type, hasDict: false)
    }

    /// Writes at the position (zero-filling a gap), as `BytesIO.write` does.
    public func write(_ data: [UInt8]) throws(PyError) {
        try checkOpen()
        if position > buffer.count { buffer += [UInt8](repeating: 0, count: position - buffer.count) }
        let end = position + data.count
        if end > buffer.count { buffer += [UInt8](repeating: 0, count: end - buffer.count) }
        buffer.replaceSubrange(position..<end, with: data)
        position = end
    }

    /// Reads up to `count` bytes (all the rest when nil) from the position.
    public func read(_ count: Int? = nil) throws(PyError) -> [UInt8] {
        try checkOpen()
        guard position < buffer.count else { return [] }
        let end = count.map { min(buffer.count, position + $0) } ?? buffer.count
        defer { position = end }
        return Array(buffer[position..<end])
    }

    func checkOpen() throws(PyError) {
        if isClosed { throw PyError.valueError("I/O operation on closed file.") }
    }

    /// `io.BytesIO`
    public static let type: PyType = {
        let type = PyType(name: "BytesIO", module: "_io", base: .object, isBaseType: false)
        func stream(_ v: PyValue) throws(PyError) -> PyBytesIO {
            guard let s = v.as(PyBytesIO.self) else {
                throw PyError.typeError("descriptor for '_io.BytesIO' objects doesn't apply to a '\(v.type.name)' object")
            }
            return s
        }
        type.addStaticMethod("__new__(cls, initial_bytes=None)") { (interp, args) throws(PyError) in
            if args[1].isNone { return .object(PyBytesIO()) }
            guard let b = args[1].as(PyBytes.self) else {
                throw PyError.typeError("a bytes-like object is required, not '\(args[1].type.name)'")
            }
            return .object(PyBytesIO(b.bytes))
        }
        type.addMethod("__init__(self, initial_bytes=None)") { (_, _) throws(PyError) in .none }
        type.addMethod("write(self, b, /)") { (_, args) throws(PyError) in
            guard let b = args[1].as(PyBytes.self) else {
                throw PyError.typeError("a bytes-like object is required, not '\(args[1].type.name)'")
            }
            try stream(args[0]).write(b.bytes)
            return PyValue(b.bytes.count)
        }
        type.addMethod("read(self, size=-1, /)") { (interp, args) throws(PyError) in
            let n = args[1].isNone ? -1 : try interp.expectInt(args[1])
            return .object(PyBytes(try stream(args[0]).read(n < 0 ? nil : n)))
        }
        type.addMethod("getvalue(self, /)") { (_, args) throws(PyError) in
            let s = try stream(args[0])
            try s.checkOpen()
            return .object(PyBytes(s.buffer))
        }
        type.addMethod("seek(self, pos, whence=0, /)") { (interp, args) throws(PyError) in
            let s = try stream(args[0])
            try s.checkOpen()
            let offset = try interp.expectInt(args[1]), whence = try interp.expectInt(args[2])
            switch whence {
            case 0:
                guard offset >= 0 else { throw PyError.valueError("negative seek value \(offset)") }
                s.position = offset
            case 1: s.position = max(0, s.position + offset)
            case 2: s.position = max(0, s.buffer.count + offset)
            default: throw PyError.valueError("invalid whence (\(whence), should be 0, 1 or 2)")
            }
            return PyValue(s.position)
        }
        type.addMethod("tell(self, /)") { (_, args) throws(PyError) in
            let s = try stream(args[0])
            try s.checkOpen()
            return PyValue(s.position)
        }
        type.addMethod("truncate(self, size=None, /)") { (interp, args) throws(PyError) in
            let s = try stream(args[0])
            try s.checkOpen()
            let size = args[1].isNone ? s.position : try interp.expectInt(args[1])
            if size < s.buffer.count { s.buffer.removeSubrange(max(0, size)...) }
            return PyValue(size)
        }
        for name in ["readable", "writable", "seekable"] {
            type.addMethod("\(name)(self, /)") { (_, args) throws(PyError) in
                try stream(args[0]).checkOpen()
                return .bool(true)
            }
        }
        type.addMethod("flush(self, /)") { (_, args) throws(PyError) in
            try stream(args[0]).checkOpen()
            return .none
        }
        type.addMethod("close(self, /)") { (_, args) throws(PyError) in
            try stream(args[0]).isClosed = true
            return .none
        }
        type.addProperty("closed") { (_, v) throws(PyError) in .bool(try stream(v).isClosed) }
        type.addMethod("__enter__(self, /)") { (_, args) throws(PyError) in
            try stream(args[0]).checkOpen()
            return args[0]
        }
        type.addMethod("__exit__(self, *args)") { (_, args) throws(PyError) in
            try stream(args[0]).isClosed = true
            return .bool(false)
        }
        return type
    }()
}
