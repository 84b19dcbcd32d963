#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one gate between user code and the host file system. Programs may read and write
/// files only inside the working directory the tutor was started in; every path a builtin,
/// `os` function, `torch.save` or `torch.load` touches goes through `resolve` first.
public enum HostAccess {
    /// The absolute, symlink-free form of `path` when it lies inside the working directory
    /// (the directory itself included); otherwise CPython's
    /// `PermissionError: [Errno 13] Permission denied: 'path'`. A path that does not exist
    /// yet is judged by its deepest existing ancestor, so `..` and symlinks cannot escape.
    public static func resolve(_ path: String) throws(PyError) -> String {
        guard !path.isEmpty, !path.utf8.contains(0) else {
            throw PyError(type: .fileNotFoundError, message: "[Errno 2] No such file or directory: \(quoted(path))")
        }
        guard let root = realPath(currentDirectory()) else { throw denied(path) }
        let absolute = path.hasPrefix("/") ? path : currentDirectory() + "/" + path
        guard let resolved = resolveExistingPrefix(absolute) else { throw denied(path) }
        guard resolved == root || resolved.hasPrefix(root == "/" ? "/" : root + "/") else { throw denied(path) }
        return resolved
    }

    static func denied(_ path: String) -> PyError {
        PyError(type: .permissionError, message: "[Errno 13] Permission denied: \(quoted(path))")
    }

    static func quoted(_ path: String) -> String { pythonRepr(path) }

    static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Resolves the longest existing prefix with `realpath` and appends the rest, rejecting
    /// `..` in the part that does not exist (it could climb out once created).
    static func resolveExistingPrefix(_ absolute: String) -> String? {
        var components = absolute.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var missing: [String] = []
        while true {
            let candidate = "/" + components.joined(separator: "/")
            if let real = realPath(candidate) {
                if missing.contains("..") { return nil }
                let rest = missing.reversed().filter { $0 != "." }
                if rest.isEmpty { return real }
                return (real == "/" ? "" : real) + "/" + rest.joined(separator: "/")
            }
            guard let last = components.popLast() else { return nil }
            missing.append(last)
        }
    }
}
