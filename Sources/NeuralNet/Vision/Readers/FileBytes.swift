#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads for the dataset readers. Callers pass paths the host already approved
/// (TorchBridge resolves every user path through `HostAccess`).
public enum FileBytes {
    /// Whether `path` names an existing regular file.
    public static func isFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// The contents of the file at `path`.
    public static func read(_ path: String) throws(VisionError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let code = errno
            let kind: VisionError.Kind = code == ENOENT ? .fileNotFound : .io
            throw VisionError(kind, "[Errno \(code)] \(String(cString: strerror(code))): '\(path)'")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw VisionError(.io, "[Errno 21] Is a directory: '\(path)'")
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return systemRead(fd, base + done, buffer.count - done)
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw VisionError(.io, "could not read all of '\(path)'") }
            done += n
        }
        return bytes
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#elseif canImport(Darwin)
private let systemRead = Darwin.read
#endif
