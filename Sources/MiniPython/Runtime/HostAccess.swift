#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The one gate between user code and the host file system. Programs may read and write
/// files only inside the working directory the tutor was started in; every path a builtin,
/// `os` function, `torch.save` or `torch.load` touches goes through `resolve` first.
public enum HostAccess {
    /// The absolute, symlink-free form of `path` when it lies inside the working directory
    /// (the directory itself included); otherwise CPython's
    /// `PermissionError: [Errno 13] Permission denied: 'path'`. A path that does not exist
    /// yet is judged by its deepest existing ancestor, so `..` and symlinks cannot escape.
    public static func resolve(_ path: String) throws(PyError) -> String {
        if path.utf8.contains(0) { throw PyError.valueError("embedded null byte") }
        if path.isEmpty { throw PyError.osError(ENOENT, path) }
        guard let root = realPath(currentDirectory()) else { throw denied(path) }
        let absolute = path.hasPrefix("/") ? path : currentDirectory() + "/" + path
        guard let resolved = resolveExistingPrefix(absolute) else { throw denied(path) }
        guard resolved == root || resolved.hasPrefix(root == "/" ? "/" : root + "/") else { throw denied(path) }
        return resolved
    }

    static func denied(_ path: String) -> PyError { PyError.osError(EACCES, path) }

    private static let confinement = Mutex<String?>(nil)

    /// Makes `directory` (absolute) the programs' working directory for the rest of the
    /// process instead of the real one: relative paths resolve against it and nothing
    /// outside it is reachable. For hosts that must not let programs touch their own working
    /// directory (the fuzz target runs random programs).
    public static func confine(to directory: String) {
        confinement.withLock { $0 = directory }
    }

    /// The directory programs work in: the process's working directory unless confined.
    static func currentDirectory() -> String {
        if let confined = confinement.withLock({ $0 }) { return confined }
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
    /// `..` in the part that does not exist (it could climb out once created) and a dangling
    /// symlink (creating the file would follow it to wherever it points).
    static func resolveExistingPrefix(_ absolute: String) -> String? {
        var components = absolute.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var missing: [String] = []
        while true {
            let candidate = "/" + components.joined(separator: "/")
            guard let real = realPath(candidate) else {
                var entry = stat()
                if lstat(candidate, &entry) == 0 { return nil }
                guard let last = components.popLast() else { return nil }
                missing.append(last)
                continue
            }
            if missing.contains("..") { return nil }
            let rest = missing.reversed().filter { $0 != "." }
            if rest.isEmpty { return real }
            return (real == "/" ? "" : real) + "/" + rest.joined(separator: "/")
        }
    }
}
