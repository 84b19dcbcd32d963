#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `open()`: CPython's argument checks, in CPython's order, then a file inside the working
/// directory (``HostAccess``) as a ``PyFile``.
///
/// In CPython: `_io_open_impl` in `Modules/_io/_iomodule.c`.
/// Docs: https://docs.python.org/3.11/library/functions.html#open
extension Builtins {
    /// What a mode string asks for.
    struct OpenMode {
        var creating = false, reading = false, writing = false, appending = false, updating = false
        var text = false, binary = false

        /// Parses `mode`, raising CPython's ValueErrors.
        init(_ mode: String) throws(PyError) {
            var seen: Set<Character> = []
            for c in mode {
                guard "xrwab+t".contains(c), seen.insert(c).inserted else {
                    throw PyError.valueError("invalid mode: \(pythonRepr(mode))")
                }
                switch c {
                case "x": creating = true
                case "r": reading = true
                case "w": writing = true
                case "a": appending = true
                case "+": updating = true
                case "t": text = true
                default: binary = true
                }
            }
            if text && binary { throw PyError.valueError("can't have text and binary mode at once") }
            if [creating, reading, writing, appending].filter({ $0 }).count > 1 {
                throw PyError.valueError("must have exactly one of create/read/write/append mode")
            }
        }

        var kindCount: Int { [creating, reading, writing, appending].filter { $0 }.count }

        /// The `open(2)` flags.
        var flags: Int32 {
            var flags: Int32 = updating ? O_RDWR : (reading ? O_RDONLY : O_WRONLY)
            if writing { flags |= O_CREAT | O_TRUNC }
            if appending { flags |= O_CREAT | O_APPEND }
            if creating { flags |= O_CREAT | O_EXCL }
            return flags | O_CLOEXEC
        }

        /// `FileIO.mode` plus `b`, which binary file objects show (`'w+b'` shows `'rb+'`).
        var binaryName: String {
            if creating { return updating ? "xb+" : "xb" }
            if appending { return updating ? "ab+" : "ab" }
            if reading || updating { return (reading || updating) && (writing || updating) ? "rb+" : "rb" }
            return "wb"
        }
    }

    static func fillOpen(_ m: PyModule) {
        /// open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)
        m.addFunction("open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)") { (interp, args) throws(PyError) in
            let path = try openPath(interp, args[0])
            guard case .str(let modeText) = args[1] else {
                throw PyError.typeError("open() argument 'mode' must be str, not \(args[1].type.name)")
            }
            let buffering = try interp.expectInt(args[2])
            func optionalText(_ index: Int, _ name: String) throws(PyError) -> String? {
                switch args[index] {
                case .none: return nil
                case .str(let s): return s
                default: throw PyError.typeError("open() argument '\(name)' must be str or None, not \(args[index].type.name)")
                }
            }
            let encoding = try optionalText(3, "encoding")
            let errors = try optionalText(4, "errors")
            let newline = try optionalText(5, "newline")
            let mode = try OpenMode(modeText)
            if mode.binary {
                if encoding != nil { throw PyError.valueError("binary mode doesn't take an encoding argument") }
                if errors != nil { throw PyError.valueError("binary mode doesn't take an errors argument") }
                if newline != nil { throw PyError.valueError("binary mode doesn't take a newline argument") }
            }
            if mode.kindCount != 1 {
                throw PyError.valueError("Must have exactly one of create/read/write/append mode and at most one plus")
            }
            if !(try interp.isTrue(args[6])) { throw PyError.valueError("Cannot use closefd=False with file name") }
            if !args[7].isNone { throw PyError.notImplementedError("open() with an opener is not supported by MiniPython") }

            let resolved = try HostAccess.resolve(path)
            let fd = open(resolved, mode.flags, 0o666)
            if fd < 0 { throw PyError.osError(errno, path) }
            var info = stat()
            if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                _ = close(fd)
                throw PyError.osError(EISDIR, path)
            }
            let file: PyFile
            if mode.binary {
                let type = mode.updating ? FileTypes.bufferedRandom : (mode.reading ? FileTypes.bufferedReader : FileTypes.bufferedWriter)
                file = PyFile(type: type, fd: fd, name: path, mode: mode.binaryName, binary: true,
                              readable: mode.reading || mode.updating, writable: !mode.reading || mode.updating,
                              encodingName: "", errorsName: "", codec: .utf8, newline: .untranslated)
            } else {
                let codec: TextCodec, newlineMode: PyFile.Newline
                do throws(PyError) {
                    (codec, newlineMode) = try textSettings(buffering: buffering, encoding: encoding, errors: errors,
                                                            newline: newline)
                } catch {
                    _ = close(fd)
                    throw error
                }
                file = PyFile(type: FileTypes.textIOWrapper, fd: fd, name: path, mode: modeText, binary: false,
                              readable: mode.reading || mode.updating, writable: !mode.reading || mode.updating,
                              encodingName: encoding ?? "UTF-8", errorsName: errors ?? "strict", codec: codec,
                              newline: newlineMode)
            }
            if mode.appending { file.seekToEnd() }
            return .object(file)
        }
    }

    /// The codec and newline handling of a text file, checked after the file is opened (as
    /// CPython's `TextIOWrapper` does).
    private static func textSettings(buffering: Int, encoding: String?, errors: String?,
                                     newline: String?) throws(PyError) -> (TextCodec, PyFile.Newline) {
        if buffering == 0 { throw PyError.valueError("can't have unbuffered text I/O") }
        let newlineMode: PyFile.Newline
        switch newline {
        case nil: newlineMode = .universal
        case ""?: newlineMode = .untranslated
        case let end? where end == "\n" || end == "\r" || end == "\r\n": newlineMode = .fixed(end)
        case let other?: throw PyError.valueError("illegal newline value: \(other)")
        }
        guard let codec = TextCodec(encoding: encoding ?? "utf-8", errors: errors ?? "strict") else {
            if let errors, TextCodec(encoding: "utf-8", errors: errors) == nil {
                throw PyError(type: .lookupError, message: "unknown error handler name \(pythonRepr(errors))")
            }
            throw PyError(type: .lookupError, message: "unknown encoding: \(encoding ?? "")")
        }
        return (codec, newlineMode)
    }

    /// The path `open()` was given: a `str`, or an object with `__fspath__`. File
    /// descriptors (ints) are host resources and refused.
    private static func openPath(_ interp: Interpreter, _ v: PyValue) throws(PyError) -> String {
        switch v {
        case .str(let s): return s
        case .int, .bool:
            let details = OSErrorDetails(errno: PyValue(Int(EACCES)), strerror: .str(OSErrorMethods.describe(EACCES)),
                                         filename: v)
            let exc = PyBaseException(type: .permissionError, args: [details.errno, details.strerror])
            exc.osDetails = details
            throw PyError(exc)
        default:
            if let fspath = v.type.lookup("__fspath__"), !fspath.isNone {
                let result = try interp.call(try interp.bind(fspath, to: v, v.type), [])
                guard case .str(let s) = result else {
                    throw PyError.typeError("expected \(v.type.name).__fspath__() to return str or bytes, not \(result.type.name)")
                }
                return s
            }
            throw PyError.typeError("expected str, bytes or os.PathLike object, not \(v.type.name)")
        }
    }
}
