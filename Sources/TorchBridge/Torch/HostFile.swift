#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MiniPython

/// Whole-file reads and writes with CPython's and PyTorch's error wording. Paths must have
/// been through ``HostAccess/resolve(_:)``; messages show the path as the user wrote it.
enum HostFile {
    /// The bytes of a file, or CPython's `open()` error (`FileNotFoundError: [Errno 2] ...`).
    static func contents(of path: String, shownAs shown: String) throws(PyError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw osError(errno, shown) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw osError(errno, shown) }
        if st.st_mode & S_IFMT == S_IFDIR { throw osError(EISDIR, shown) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(st.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw osError(errno, shown)
            }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<n])
        }
    }

    /// Writes `bytes` as a new file (truncating an old one), with PyTorch's writer errors.
    static func create(_ path: String, with bytes: [UInt8], shownAs shown: String) throws(PyError) {
        // PyTorch checks the parent folder the user named before creating the file.
        if let slash = shown.lastIndex(of: "/"), slash != shown.startIndex, let resolvedSlash = path.lastIndex(of: "/") {
            var st = stat()
            guard stat(String(path[..<resolvedSlash]), &st) == 0, st.st_mode & S_IFMT == S_IFDIR else {
                throw PyError.runtimeError("Parent directory \(shown[..<slash]) does not exist.")
            }
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw PyError.runtimeError("open file failed with strerror: \(message(errno))") }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw PyError.runtimeError("PytorchStreamWriter failed writing file \(shown): \(message(errno))")
            }
            written += n
        }
    }

    private static func message(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// CPython's `OSError` subclass and text for an errno.
    private static func osError(_ code: Int32, _ path: String) -> PyError {
        let type: PyType
        switch code {
        case ENOENT: type = .fileNotFoundError
        case EACCES, EPERM: type = .permissionError
        case EISDIR: type = PyType.exceptionType(named: "IsADirectoryError") ?? .osError
        default: type = .osError
        }
        return PyError(type: type, message: "[Errno \(code)] \(message(code)): \(pythonRepr(path))")
    }
}
