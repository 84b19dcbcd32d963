#if canImport(Glibc)
import Glibc
#endif

/// The process's standard output and error, the default sinks of an ``Interpreter``.
/// Standard output is buffered (flushed before anything goes to standard error, and by
/// ``flush()``); standard error is written through.
public enum StandardStreams {
    private final class Buffer: @unchecked Sendable {
        var bytes: [UInt8] = []
    }
    private static let buffer = Buffer()

    /// Writes text to file descriptor 1 (buffered) or 2 (after flushing 1).
    public static func write(_ text: String, to fd: Int32) {
        if fd == 1 {
            buffer.bytes.append(contentsOf: text.utf8)
            if buffer.bytes.count >= 1 << 16 || isInteractive { flush() }
        } else {
            flush()
            writeAll(Array(text.utf8), to: fd)
        }
    }

    /// Set for the REPL: standard output is written through so prompts and output interleave.
    nonisolated(unsafe) public static var isInteractive = false

    /// Writes the buffered standard output.
    public static func flush() {
        guard !buffer.bytes.isEmpty else { return }
        let bytes = buffer.bytes
        buffer.bytes.removeAll(keepingCapacity: true)
        writeAll(bytes, to: 1)
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n <= 0 {
                if n < 0 && errno == EINTR { continue }
                return
            }
            offset += n
        }
    }
}
