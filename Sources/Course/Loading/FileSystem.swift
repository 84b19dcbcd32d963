#if canImport(Glibc)
import Glibc
#endif

/// The few file operations the course needs, on plain libc (the tutor avoids Foundation for
/// its start-up time).
public enum FileSystem {
    /// The whole file as UTF-8 text, or nil when it cannot be read.
    public static func readText(_ path: String) -> String? {
        guard let handle = fopen(path, "rb") else { return nil }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&chunk, 1, chunk.count, handle)
            if n <= 0 { break }
            bytes += chunk[0..<n]
        }
        if ferror(handle) != 0 { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes `text` to `path`, replacing it.
    ///
    /// - Returns: the system's error message on failure.
    public static func writeText(_ text: String, to path: String) -> String? {
        guard let handle = fopen(path, "wb") else { return String(cString: strerror(errno)) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
        let failed = written != bytes.count
        let message = failed ? String(cString: strerror(errno)) : nil
        if fclose(handle) != 0 && !failed { return String(cString: strerror(errno)) }
        return message
    }

    /// Replaces `path` with `text` so that a crash at any moment leaves either the old file or
    /// the new one, never a mix: writes `path.tmp-PID`, flushes it to disk, renames it over
    /// `path`, and flushes the folder so the rename itself is durable.
    ///
    /// - Parameter durable: false skips the two flushes (about 10 ms each on a slow disk) for
    ///   data whose loss in a power cut is harmless: the rename still replaces the file whole.
    /// - Returns: the system's error message on failure (`path` is then unchanged).
    public static func writeAtomically(_ text: String, to path: String, durable: Bool = true) -> String? {
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        let bytes = Array(text.utf8)
        var offset = 0
        var failure: String?
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
                failure = String(cString: strerror(errno))
                break
            }
            offset += n
        }
        if failure == nil && durable && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil && rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            return failure
        }
        let directory = durable ? open(directory(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
        return nil
    }

    /// Renames a file; returns the system's error message on failure.
    public static func move(_ path: String, to destination: String) -> String? {
        rename(path, destination) == 0 ? nil : String(cString: strerror(errno))
    }

    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// The names in a folder (without `.` and `..`), sorted; nil when it cannot be listed.
    public static func contents(of directory: String) -> [String]? {
        guard let dir = opendir(directory) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    public static func isFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Creates a folder and its missing parents (like `mkdir -p`).
    ///
    /// - Returns: whether the folder exists afterwards.
    @discardableResult
    public static func createDirectories(_ path: String) -> Bool {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part + "/"
            if !isDirectory(prefix) { mkdir(prefix, 0o755) }
        }
        return isDirectory(path)
    }

    /// `a/b` from `a` and `b` (`b` when it is absolute or `a` is empty).
    public static func join(_ directory: String, _ name: String) -> String {
        if directory.isEmpty || name.hasPrefix("/") { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The folder part of a path (`.` for a bare name).
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
