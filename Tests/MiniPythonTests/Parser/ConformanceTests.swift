import Testing
import MiniPython
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every program of the shared conformance corpus must parse. The corpus lives in `shared/`
/// next to the repository folder (`<x>/main` and `<x>/shared`), or one level further up for a
/// worktree (`<x>/wt/name` and `<x>/shared`); it is found from this file's path, and without it
/// the test is skipped with a message.
@Suite struct ConformanceTests {
    /// `<repo>/Tests/MiniPythonTests/Parser/ConformanceTests.swift` -> `<repo>/../shared/conformance/cases`
    /// or `<repo>/../../shared/conformance/cases`.
    static let casesDirectory: String? = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts.removeLast(5)  // file, Parser, MiniPythonTests, Tests, repo
        for _ in 0..<2 where !parts.isEmpty {
            let directory = parts.joined(separator: "/") + "/shared/conformance/cases"
            if access(directory, F_OK) == 0 { return directory }
            parts.removeLast()
        }
        return nil
    }()

    static var programs: [String] {
        guard let directory = casesDirectory, let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasSuffix(".py") { names.append(name) }
        }
        return names.sorted()
    }

    @Test(.enabled(if: casesDirectory != nil, "shared/conformance/cases not found next to the repository"))
    func corpusIsPresent() {
        #expect(!Self.programs.isEmpty)
    }

    /// A program must parse, unless its `.err` file expects a syntax error: then it must fail
    /// with exactly that last line (`SyntaxError: expected ':'`).
    @Test(arguments: programs)
    func programParses(_ name: String) throws {
        let path = Self.casesDirectory! + "/" + name
        let source = try #require(readFile(path))
        let expected = readFile(String(path.dropLast(3)) + ".err")?
            .split(separator: "\n").last.map(String.init)
            .flatMap { $0.contains("SyntaxError") || $0.contains("IndentationError") || $0.contains("TabError") ? $0 : nil }
        do {
            _ = try Parser.parseModule(source, filename: name)
            if let expected { Issue.record("expected \(expected)") }
        } catch {
            if let expected {
                #expect(error.description == expected)
            } else {
                Issue.record("\(error.formatted())")
            }
        }
    }
}

/// The contents of a UTF-8 text file, or nil if it cannot be read.
func readFile(_ path: String) -> String? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count <= 0 { break }
        bytes += buffer[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
}
