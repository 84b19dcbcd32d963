#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What an `OSError` knows about the failed system call. CPython keeps these in slots; the
/// message is `[Errno 2] No such file or directory: 'x'` (or `... 'a' -> 'b'` with two paths).
struct OSErrorDetails {
    var errno: PyValue
    var strerror: PyValue
    var filename: PyValue = .none
    var filename2: PyValue = .none

    /// `str(e)` when errno and strerror (or a filename) are set; nil: the ordinary message.
    /// `str` and `repr` convert values as the builtins do.
    func message(str: (PyValue) throws(PyError) -> String,
                 repr: (PyValue) throws(PyError) -> String) throws(PyError) -> String? {
        let head = "[Errno \(try str(errno))] \(try str(strerror))"
        if !filename.isNone {
            if !filename2.isNone { return "\(head): \(try repr(filename)) -> \(try repr(filename2))" }
            return "\(head): \(try repr(filename))"
        }
        return errno.isNone || strerror.isNone ? nil : head
    }
}

extension PyError {
    /// The `OSError` subclass CPython raises for a failed call on `path` (the path as the
    /// user wrote it): `FileNotFoundError: [Errno 2] No such file or directory: 'x'`.
    public static func osError(_ code: Int32, _ path: String? = nil, _ path2: String? = nil) -> PyError {
        let exc = PyBaseException(type: OSErrorMethods.subclass(forErrno: Int(code)) ?? .osError,
                                  args: [PyValue(Int(code)), .str(OSErrorMethods.describe(code))])
        exc.osDetails = OSErrorDetails(errno: PyValue(Int(code)), strerror: .str(OSErrorMethods.describe(code)),
                                       filename: path.map { .str($0) } ?? .none,
                                       filename2: path2.map { .str($0) } ?? .none)
        return PyError(exc)
    }
}

/// `OSError(errno, strerror[, filename[, winerror[, filename2]]])`: the attributes, the
/// message, and the choice of subclass by errno (`OSError(2, 'x')` is a FileNotFoundError).
enum OSErrorMethods {
    static func fill() {
        let type = PyType.osError
        type.addStaticMethod("__new__(cls, /, *args, **kwargs)") { (_, args) throws(PyError) in
            guard var cls = args[0].as(PyType.self) else { throw PyError.typeError("OSError.__new__(X): X is not a type object") }
            let given = args.varArgs
            if cls === PyType.osError, (2...5).contains(given.count), case .int(let code) = given[0],
               let n = code.asInt, let sub = subclass(forErrno: n) {
                cls = sub
            }
            let exc = PyBaseException(type: cls, args: given)
            configure(exc, given)
            return .object(exc)
        }
        type.addMethod("__init__(self, /, *args, **kwargs)") { (_, args) throws(PyError) in
            configure(try ExceptionMethods.self_(args[0]), args.varArgs)
            return .none
        }
        type.addMethod("__str__(self, /)") { (interp, args) throws(PyError) in
            let exc = try ExceptionMethods.self_(args[0])
            if let text = try exc.osDetails?.message(str: { (v) throws(PyError) in try interp.str(v) },
                                                     repr: { (v) throws(PyError) in try interp.repr(v) }) {
                return .str(text)
            }
            switch exc.args.count {
            case 0: return .str("")
            case 1: return .str(try interp.str(exc.args[0]))
            default: return .str(try interp.repr(.tuple(exc.args)))
            }
        }
        func field(_ name: String, _ path: WritableKeyPath<OSErrorDetails, PyValue>) {
            type.addProperty(name, get: { (_, v) throws(PyError) in try ExceptionMethods.self_(v).osDetails?[keyPath: path] ?? .none },
                             set: { (_, v, value) throws(PyError) in
                                 let exc = try ExceptionMethods.self_(v)
                                 var details = exc.osDetails ?? OSErrorDetails(errno: .none, strerror: .none)
                                 details[keyPath: path] = value
                                 exc.osDetails = details
                             })
        }
        field("errno", \.errno)
        field("strerror", \.strerror)
        field("filename", \.filename)
        field("filename2", \.filename2)
    }

    /// CPython's `OSError.__init__`: two to five arguments set the details, and from three on
    /// `args` keeps only errno and strerror.
    private static func configure(_ exc: PyBaseException, _ given: [PyValue]) {
        exc.args = given
        guard (2...5).contains(given.count) else { return }
        var details = OSErrorDetails(errno: given[0], strerror: given[1])
        if given.count >= 3 {
            details.filename = given[2]
            if given.count == 5 { details.filename2 = given[4] }
            exc.args = Array(given.prefix(2))
        }
        exc.osDetails = details
    }

    /// The builtin subclass for an errno, as in CPython's `errnomap`.
    static func subclass(forErrno code: Int) -> PyType? {
        switch Int32(truncatingIfNeeded: code) {
        case ENOENT: return .fileNotFoundError
        case EEXIST: return .fileExistsError
        case EACCES, EPERM: return .permissionError
        case EISDIR: return .isADirectoryError
        case ENOTDIR: return .notADirectoryError
        default: return nil
        }
    }

    /// The C library's text for an errno (`No such file or directory`), as CPython prints it.
    static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "Unknown error \(code)" }
        return String(cString: text)
    }
}
