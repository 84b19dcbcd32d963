import Testing
import MiniPython
#if canImport(Glibc)
import Glibc
#endif

/// jlox-style program tests: every `Programs/<feature>/*.py` file states its expected output
/// inline, and each was checked against CPython 3.11 (`Programs/verify.py`):
///
///     print(1 + 2)  # expect: 3
///     x = [][0]     # expect error: IndexError: list index out of range
///
/// `# expect: text` is one line of stdout, in order; `# expect error: Type: message` is the
/// last line of the traceback of the uncaught exception that ends the program.
/// In Crafting Interpreters: `tool/bin/test.dart`.
@Suite struct ProgramTests {
    static let directory: String = {
        var path = #filePath
        for _ in 0..<2 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path + "/Programs"
    }()

    /// `feature/name.py` for every program.
    static func allPrograms() -> [String] {
        var result: [String] = []
        for feature in listDirectory(directory).sorted() {
            for file in listDirectory(directory + "/" + feature).sorted() where file.hasSuffix(".py") {
                result.append(feature + "/" + file)
            }
        }
        return result
    }

    @Test(arguments: allPrograms())
    func program(_ name: String) throws {
        let source = try #require(readText(ProgramTests.directory + "/" + name))
        var expected: [String] = []
        var expectedError: String?
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if let range = line.range(of: "# expect: ") {
                expected.append(String(line[range.upperBound...]))
            } else if let range = line.range(of: "# expect error: ") {
                expectedError = String(line[range.upperBound...])
            }
        }
        let result = runProgram(source, filename: name)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.dropLast(lines.last == "" ? 1 : 0)) == expected, "\(name)")
        #expect(result.errorLine == expectedError, "\(name): \(result.traceback ?? "no exception")")
    }

    @Test func everyFeatureHasPrograms() {
        #expect(ProgramTests.allPrograms().count > 50)
    }
}

func listDirectory(_ path: String) -> [String] {
    guard let dir = opendir(path) else { return [] }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        if name != "." && name != ".." { names.append(name) }
    }
    return names
}

func readText(_ path: String) -> String? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&chunk, 1, chunk.count, file)
        if n <= 0 { break }
        bytes += chunk[0..<n]
    }
    return String(decoding: bytes, as: UTF8.self)
}
