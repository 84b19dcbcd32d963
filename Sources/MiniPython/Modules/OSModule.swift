#if canImport(Glibc)
import Glibc
#endif

/// `os` and `os.path`: the few path helpers tutorial code uses. Programs cannot list or
/// change the file system beyond this.
enum OSModule {
    static func make() -> PyModule {
        let m = PyModule(name: "os")
        m["sep"] = .str("/")
        m["name"] = .str("posix")
        m["environ"] = .object(PyDict())
        m.addFunction("getcwd()") { _, _ in
            var buffer = [CChar](repeating: 0, count: 4096)
            guard getcwd(&buffer, buffer.count) != nil else { return .str(".") }
            return .str(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        m.addFunction("cpu_count()") { _, _ in PyValue(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
        return m
    }

    static func makePath() -> PyModule {
        let m = PyModule(name: "os.path")
        m["sep"] = .str("/")
        m.addFunction("exists(path, /)") { (interp, args) throws(PyError) in
            .bool(access(try interp.expectStr(args[0], "path"), F_OK) == 0)
        }
        m.addFunction("isfile(path, /)") { (interp, args) throws(PyError) in
            var st = stat()
            guard stat(try interp.expectStr(args[0], "path"), &st) == 0 else { return .bool(false) }
            return .bool(st.st_mode & S_IFMT == S_IFREG)
        }
        m.addFunction("isdir(path, /)") { (interp, args) throws(PyError) in
            var st = stat()
            guard stat(try interp.expectStr(args[0], "path"), &st) == 0 else { return .bool(false) }
            return .bool(st.st_mode & S_IFMT == S_IFDIR)
        }
        m.addFunction("join(a, /, *p)") { (interp, args) throws(PyError) in
            var path = try interp.expectStr(args[0], "path")
            for part in args.varArgs {
                let p = try interp.expectStr(part, "path")
                if p.hasPrefix("/") { path = p } else if path.isEmpty || path.hasSuffix("/") { path += p } else { path += "/" + p }
            }
            return .str(path)
        }
        m.addFunction("basename(p, /)") { (interp, args) throws(PyError) in
            let p = try interp.expectStr(args[0], "path")
            return .str(p.lastIndex(of: "/").map { String(p[p.index(after: $0)...]) } ?? p)
        }
        m.addFunction("dirname(p, /)") { (interp, args) throws(PyError) in
            let p = try interp.expectStr(args[0], "path")
            guard let i = p.lastIndex(of: "/") else { return .str("") }
            let head = String(p[..<i])
            return .str(head.isEmpty ? "/" : head)
        }
        m.addFunction("splitext(p, /)") { (interp, args) throws(PyError) in
            let p = try interp.expectStr(args[0], "path")
            let base = p.lastIndex(of: "/").map { p.index(after: $0) } ?? p.startIndex
            if let dot = p[base...].lastIndex(of: "."), dot > base, p[base..<dot].contains(where: { $0 != "." }) {
                return .tuple([.str(String(p[..<dot])), .str(String(p[dot...]))])
            }
            return .tuple([.str(p), .str("")])
        }
        return m
    }
}
