/// The types of the objects `open()` returns and their methods: `_io.TextIOWrapper` for text
/// files, `_io.BufferedReader`/`BufferedWriter`/`BufferedRandom` for binary ones (which can
/// be opened, closed and positioned but not read or written: there is no `bytes` type), and
/// `io.UnsupportedOperation`.
///
/// Docs: https://docs.python.org/3.11/library/io.html
enum FileTypes {
    static let textIOWrapper = makeType("TextIOWrapper", text: true)
    static let bufferedReader = makeType("BufferedReader", text: false)
    static let bufferedWriter = makeType("BufferedWriter", text: false)
    static let bufferedRandom = makeType("BufferedRandom", text: false)

    /// `io.UnsupportedOperation`, an `OSError` and a `ValueError` as in CPython.
    static let unsupportedOperation = PyType(name: "UnsupportedOperation", module: "io", bases: [.osError, .valueError])

    private static func makeType(_ name: String, text: Bool) -> PyType {
        let type = PyType(name: name, module: "_io", base: .object, isBaseType: false)
        addCommonMethods(type)
        if text { addTextMethods(type) } else { addBinaryMethods(type) }
        return type
    }

    static func file(_ v: PyValue, _ method: String) throws(PyError) -> PyFile {
        guard let file = v.as(PyFile.self) else {
            throw PyError.typeError("descriptor '\(method)' for '_io.TextIOWrapper' objects doesn't apply to a '\(v.type.name)' object")
        }
        return file
    }

    /// `size` of `read(size)`, `readline(size)`: nil for "everything".
    private static func sizeLimit(_ interp: Interpreter, _ v: PyValue) throws(PyError) -> Int? {
        switch v {
        case .none: return nil
        case .int, .bool:
            let n = try interp.expectInt(v)
            return n < 0 ? nil : n
        default:
            if v.type.lookup("__index__") != nil {
                let n = try interp.expectInt(v)
                return n < 0 ? nil : n
            }
            throw PyError.typeError("argument should be integer or None, not '\(v.type.name)'")
        }
    }

    // MARK: - Every file

    private static func addCommonMethods(_ type: PyType) {
        type.addMethod("close(self, /)") { (_, args) throws(PyError) in
            try file(args[0], "close").close()
            return .none
        }
        type.addProperty("closed") { (_, v) throws(PyError) in .bool(try file(v, "closed").isClosed) }
        type.addProperty("name") { (_, v) throws(PyError) in .str(try file(v, "name").name) }
        type.addProperty("mode") { (_, v) throws(PyError) in .str(try file(v, "mode").mode) }
        type.addMethod("flush(self, /)") { (_, args) throws(PyError) in
            try file(args[0], "flush").checkOpen()
            return .none
        }
        // As in CPython, a closed file answers False for the direction it never had, and its
        // message here has no final period.
        for (name, answer) in [("readable", \PyFile.isReadable), ("writable", \PyFile.isWritable), ("seekable", \PyFile.isSeekable)] {
            type.addMethod("\(name)(self, /)") { (_, args) throws(PyError) in
                let f = try file(args[0], name)
                if name == "readable" && !f.isReadable || name == "writable" && !f.isWritable { return .bool(false) }
                if f.isClosed { throw PyError.valueError("I/O operation on closed file") }
                return .bool(f[keyPath: answer])
            }
        }
        type.addMethod("fileno(self, /)") { (_, args) throws(PyError) in
            let f = try file(args[0], "fileno")
            try f.checkOpen()
            return PyValue(Int(f.descriptor))
        }
        type.addMethod("isatty(self, /)") { (_, args) throws(PyError) in
            try file(args[0], "isatty").checkOpen()
            return .bool(false)
        }
        type.addMethod("tell(self, /)") { (_, args) throws(PyError) in
            let f = try file(args[0], "tell")
            try f.checkOpen()
            return PyValue(try f.tell())
        }
        type.addMethod("seek(self, cookie, whence=0, /)") { (interp, args) throws(PyError) in
            let f = try file(args[0], "seek")
            let offset = try interp.expectInt(args[1])
            let whence = try interp.expectInt(args[2])
            try f.checkOpen()
            guard (0...2).contains(whence) else {
                throw PyError.valueError("invalid whence (\(whence), should be 0, 1 or 2)")
            }
            if !f.isBinary {
                if whence == 1 && offset != 0 { throw PyFile.unsupported("can't do nonzero cur-relative seeks") }
                if whence == 2 && offset != 0 { throw PyFile.unsupported("can't do nonzero end-relative seeks") }
                if whence == 0 && offset < 0 { throw PyError.valueError("negative seek position \(offset)") }
            }
            return PyValue(try f.seek(offset, whence: Int32(whence)))
        }
        type.addMethod("__enter__(self, /)") { (_, args) throws(PyError) in
            try file(args[0], "__enter__").checkOpen()
            return args[0]
        }
        type.addMethod("__exit__(self, /, *args)") { (_, args) throws(PyError) in
            try file(args[0], "__exit__").close()
            return .none
        }
        type.addMethod("__iter__(self, /)") { (_, args) throws(PyError) in
            try file(args[0], "__iter__").checkOpen()
            return args[0]
        }
    }

    // MARK: - Text files

    private static func addTextMethods(_ type: PyType) {
        type.addProperty("encoding") { (_, v) throws(PyError) in .str(try file(v, "encoding").encodingName) }
        type.addProperty("errors") { (_, v) throws(PyError) in .str(try file(v, "errors").errorsName) }
        type.addMethod("read(self, size=-1, /)") { (interp, args) throws(PyError) in
            let f = try file(args[0], "read")
            try f.checkReadable()
            return .str(try f.readText(limit: try sizeLimit(interp, args[1]), line: false))
        }
        type.addMethod("readline(self, size=-1, /)") { (interp, args) throws(PyError) in
            let f = try file(args[0], "readline")
            let limit = try sizeLimit(interp, args[1])
            try f.checkReadable()
            return .str(try f.readText(limit: limit, line: true))
        }
        type.addMethod("readlines(self, hint=-1, /)") { (interp, args) throws(PyError) in
            let f = try file(args[0], "readlines")
            let hint = try sizeLimit(interp, args[1]) ?? 0
            try f.checkReadable()
            var lines: [PyValue] = []
            var total = 0
            while true {
                try interp.checkInterrupt()
                let line = try f.readText(limit: nil, line: true)
                if line.isEmpty { break }
                lines.append(.str(line))
                total += line.unicodeScalars.count
                if hint > 0 && total >= hint { break }
            }
            return .list(lines)
        }
        type.addMethod("__next__(self, /)") { (_, args) throws(PyError) in
            let f = try file(args[0], "__next__")
            try f.checkReadable()
            let line = try f.readText(limit: nil, line: true)
            if line.isEmpty { throw PyError.stopIteration() }
            return .str(line)
        }
        type.addMethod("write(self, text, /)") { (_, args) throws(PyError) in
            let f = try file(args[0], "write")
            guard case .str(let text) = args[1] else {
                throw PyError.typeError("write() argument must be str, not \(args[1].type.name)")
            }
            try f.checkWritable()
            try f.writeText(text)
            return PyValue(text.unicodeScalars.count)
        }
        type.addMethod("writelines(self, lines, /)") { (interp, args) throws(PyError) in
            let f = try file(args[0], "writelines")
            try f.checkOpen()
            try interp.forEach(args[1]) { (line) throws(PyError) in
                guard case .str(let text) = line else {
                    throw PyError.typeError("write() argument must be str, not \(line.type.name)")
                }
                try f.checkWritable()
                try f.writeText(text)
                return true
            }
            return .none
        }
        BuiltinTypes.addRepr(type) { (interp, v) throws(PyError) in
            let f = try file(v, "__repr__")
            return "<_io.TextIOWrapper name=\(try interp.repr(.str(f.name))) mode=\(try interp.repr(.str(f.mode))) encoding=\(try interp.repr(.str(f.encodingName)))>"
        }
    }

    // MARK: - Binary files

    private static func addBinaryMethods(_ type: PyType) {
        for name in ["read", "readline", "readlines", "write", "writelines", "__next__"] {
            type.addRawMethod(name) { (_, args) throws(PyError) in
                guard let first = args.positional.first else {
                    throw PyError.typeError("descriptor '\(name)' of '_io.\(type.name)' object needs an argument")
                }
                let f = try file(first, name)
                try f.checkOpen()
                try f.checkText()
                return .none
            }
        }
        BuiltinTypes.addRepr(type) { (interp, v) throws(PyError) in
            "<_io.\(type.name) name=\(try interp.repr(.str(try file(v, "__repr__").name)))>"
        }
    }
}

