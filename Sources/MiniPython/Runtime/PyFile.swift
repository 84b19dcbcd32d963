#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file object from `open()`: a host file descriptor inside the working directory (see
/// ``HostAccess``), read through a byte buffer, written straight through.
///
/// Text files decode with a ``TextCodec`` and translate newlines like CPython's
/// `TextIOWrapper`; binary files exist (`open(p, 'rb')` works) but cannot be read or written
/// from Python because MiniPython has no `bytes` type. Reads fetch 8 KiB chunks, as CPython's
/// buffered layer does, so a write after a partial read lands where CPython's would (after
/// the chunk) for files of up to one chunk.
///
/// In CPython: `Modules/_io/textio.c`, `bufferedio.c`, `fileio.c`.
public final class PyFile: PyObject, @unchecked Sendable {
    /// How lines end when reading, and what `\n` becomes when writing (`newline=`).
    enum Newline {
        /// `None`: `\r\n` and `\r` read as `\n`; `\n` written as is.
        case universal
        /// `''`: lines end at `\n`, `\r\n` or `\r`, nothing is translated.
        case untranslated
        /// `'\n'`, `'\r'` or `'\r\n'`: lines end there; writes turn `\n` into it.
        case fixed(String)
    }

    static let chunkSize = 8192

    private var fd: Int32
    /// `name`: the path as the program gave it.
    let name: String
    /// `mode`: as given for text files, normalized (`rb+`) for binary ones.
    let mode: String
    let isBinary: Bool
    let isReadable: Bool
    let isWritable: Bool
    /// `encoding` as shown (`UTF-8` by default, else as given).
    let encodingName: String
    let errorsName: String
    let codec: TextCodec
    let newline: Newline
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false

    init(type: PyType, fd: Int32, name: String, mode: String, binary: Bool, readable: Bool, writable: Bool,
         encodingName: String, errorsName: String, codec: TextCodec, newline: Newline) {
        self.fd = fd
        self.name = name
        self.mode = mode
        self.isBinary = binary
        self.isReadable = readable
        self.isWritable = writable
        self.encodingName = encodingName
        self.errorsName = errorsName
        self.codec = codec
        self.newline = newline
        super.init(type: type)
    }

    deinit {
        if fd >= 0 { closeDescriptor(fd) }
    }

    var isClosed: Bool { fd < 0 }
    /// The host descriptor (`fileno()`); nothing in MiniPython accepts one.
    var descriptor: Int32 { fd }
    var isSeekable: Bool { lseek(fd, 0, SEEK_CUR) >= 0 }

    func close() {
        if fd >= 0 { closeDescriptor(fd) }
        fd = -1
        buffer = []
        position = 0
    }

    // MARK: - Checks

    static let closedError = PyError.valueError("I/O operation on closed file.")

    func checkOpen() throws(PyError) {
        if fd < 0 { throw PyFile.closedError }
    }

    func checkReadable() throws(PyError) {
        try checkOpen()
        if !isReadable { throw PyFile.unsupported("not readable") }
    }

    func checkWritable() throws(PyError) {
        try checkOpen()
        if !isWritable { throw PyFile.unsupported("not writable") }
    }

    func checkText() throws(PyError) {
        if isBinary { throw PyError.notImplementedError(RuntimeUNIMPLEMENTED.binaryFiles.message) }
    }

    /// `io.UnsupportedOperation: message`.
    static func unsupported(_ message: String) -> PyError { PyError(type: FileTypes.unsupportedOperation, message: message) }

    // MARK: - Buffer

    /// Reads the next chunk into the buffer; false at end of file.
    private func fill() throws(PyError) -> Bool {
        if atEnd { return false }
        var chunk = [UInt8](repeating: 0, count: PyFile.chunkSize)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw PyError.osError(errno)
            }
            if n == 0 {
                atEnd = true
                return false
            }
            if buffer.count + n > Interpreter.maxStringLength { throw PyError.memoryError() }
            buffer.append(contentsOf: chunk[0..<n])
            return true
        }
    }

    /// The byte at `index` of the buffer, reading more when needed; nil at end of file.
    private func byte(at index: Int) throws(PyError) -> UInt8? {
        while index >= buffer.count {
            if !(try fill()) { return nil }
        }
        return buffer[index]
    }

    /// Drops the read-ahead (before a write or seek): the descriptor's position stays where
    /// the last chunk ended, as in CPython.
    private func discardReadAhead() {
        buffer.removeAll(keepingCapacity: true)
        position = 0
        atEnd = false
    }

    // MARK: - Reading text

    /// Up to `limit` characters (all when nil), stopping after the first line end when
    /// `line` is set; "" at end of file.
    func readText(limit: Int?, line: Bool) throws(PyError) -> String {
        if position >= PyFile.chunkSize {
            buffer.removeFirst(position)
            position = 0
        }
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var i = position
        var count = 0
        func room(_ n: Int) -> Bool { limit.map { count + n <= $0 } ?? true }
        while room(1), let b = try byte(at: i) {
            var isLineEnd = false
            switch newline {
            case .universal:
                isLineEnd = b == lf || b == cr
                i += isLineEnd ? 1 : codec.width(ofCharacterStartingWith: b)
                count += 1
                if b == cr, try byte(at: i) == lf { i += 1 }
            case .untranslated:
                isLineEnd = b == lf || b == cr
                i += isLineEnd ? 1 : codec.width(ofCharacterStartingWith: b)
                count += 1
                if b == cr, room(1), try byte(at: i) == lf {
                    i += 1
                    count += 1
                }
            case .fixed(let end):
                if end == "\r\n", b == cr, room(2), try byte(at: i + 1) == lf {
                    i += 2
                    count += 2
                    isLineEnd = true
                } else {
                    isLineEnd = (b == lf && end == "\n") || (b == cr && end == "\r")
                    i += isLineEnd ? 1 : codec.width(ofCharacterStartingWith: b)
                    count += 1
                }
            }
            // A character may continue past the loaded bytes.
            _ = try byte(at: i - 1)
            if line && isLineEnd { break }
        }
        let end = min(i, buffer.count)
        var text = try codec.decode(buffer[position..<end])
        position = end
        if case .universal = newline, text.utf8.contains(cr) { text = text.replacingCRLF() }
        return text
    }

    // MARK: - Writing text

    /// Encodes and writes `text`, turning `\n` into the file's newline.
    func writeText(_ text: String) throws(PyError) {
        var text = text
        if case .fixed(let end) = newline, end != "\n", text.utf8.contains(UInt8(ascii: "\n")) {
            text = text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: end)
        }
        try writeBytes(try codec.encode(text))
    }

    private func writeBytes(_ bytes: [UInt8]) throws(PyError) {
        discardReadAhead()
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw PyError.osError(errno)
            }
            written += n
        }
    }

    // MARK: - Position

    /// The byte offset of the next character to read (`tell()`).
    func tell() throws(PyError) -> Int {
        let raw = lseek(fd, 0, SEEK_CUR)
        if raw < 0 { throw PyError.osError(errno) }
        return Int(raw) - (buffer.count - position)
    }

    /// Moves to `offset` from the start (0), the current position (1) or the end (2).
    func seek(_ offset: Int, whence: Int32) throws(PyError) -> Int {
        let target: Int
        if whence == SEEK_CUR {
            target = try tell() + offset
            discardReadAhead()
            let result = lseek(fd, off_t(target), SEEK_SET)
            if result < 0 { throw PyError.osError(errno) }
            return Int(result)
        }
        target = offset
        discardReadAhead()
        let result = lseek(fd, off_t(target), whence)
        if result < 0 { throw PyError.osError(errno) }
        return Int(result)
    }

    /// Moves to the end (for append mode, where CPython reports the end as the position).
    func seekToEnd() {
        _ = lseek(fd, 0, SEEK_END)
    }
}

private func closeDescriptor(_ fd: Int32) {
    _ = close(fd)
}

extension String {
    /// `\r\n` and lone `\r` as `\n` (universal newlines).
    func replacingCRLF() -> String {
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" {
                out.append("\n")
                previousCR = true
                continue
            }
            if scalar == "\n" && previousCR {
                previousCR = false
                continue
            }
            previousCR = false
            out.append(scalar)
        }
        return String(out)
    }
}
