/// The `---` block that opens a lesson: `id`, `title`, `module` and `order`, one
/// `key: value` per line (a small YAML subset that Markdown viewers show as a table).
///
/// ```
/// ---
/// id: tensor-basics
/// title: Basic tensor operations
/// module: 1
/// order: 3
/// ---
/// ```
struct FrontMatter {
    var id: String
    var title: String
    var module: Int
    var order: Int
    /// The index of the line after the closing `---`.
    var bodyStart: Int

    static let keys = ["id", "title", "module", "order"]

    /// Reads the block at the top of `lines`.
    ///
    /// - Throws: ``LessonError`` naming the line of a missing block, an unknown or repeated
    ///   key, a missing key, or a value of the wrong kind.
    init(lines: [Substring], file: String) throws(LessonError) {
        func fail(_ line: Int, _ message: String) -> LessonError {
            LessonError(file: file, line: line, message: message)
        }
        guard let first = lines.first, first.trimmingSpaces == "---" else {
            throw fail(1, "a lesson starts with a front-matter block: '---', then id, title, module and order, then '---'")
        }
        var values: [String: (value: String, line: Int)] = [:]
        var index = 1
        while true {
            guard index < lines.count else { throw fail(1, "front-matter block is never closed (missing '---')") }
            let line = lines[index].trimmingSpaces
            index += 1
            if line == "---" { break }
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw fail(index, "front-matter line should be 'key: value'")
            }
            let key = String(line[..<colon].trimmingSpaces)
            guard FrontMatter.keys.contains(key) else {
                throw fail(index, "unknown front-matter key '\(key)' (expected id, title, module, order)")
            }
            guard values[key] == nil else { throw fail(index, "front-matter key '\(key)' appears twice") }
            values[key] = (FrontMatter.unquoted(line[line.index(after: colon)...].trimmingSpaces), index)
        }
        for key in FrontMatter.keys where values[key] == nil {
            throw fail(1, "front matter has no '\(key)'")
        }
        let id = values["id"]!
        guard FrontMatter.isKebabCase(id.value) else {
            throw fail(id.line, "lesson id '\(id.value)' should be kebab-case: lowercase letters, digits and '-'")
        }
        let title = values["title"]!
        guard !title.value.isEmpty else { throw fail(title.line, "lesson title is empty") }
        func number(_ key: String, _ range: ClosedRange<Int>) throws(LessonError) -> Int {
            let entry = values[key]!
            guard let value = Int(entry.value), range.contains(value) else {
                throw fail(entry.line, "'\(key)' should be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(entry.value)'")
            }
            return value
        }
        self.id = id.value
        self.title = title.value
        self.module = try number("module", 1...99)
        self.order = try number("order", 0...999)
        self.bodyStart = index
    }

    private static func unquoted(_ value: Substring) -> String {
        if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
            return String(value.dropFirst().dropLast())
        }
        return String(value)
    }

    private static func isKebabCase(_ id: String) -> Bool {
        !id.isEmpty && !id.hasPrefix("-") && !id.hasSuffix("-") && !id.contains("--")
            && id.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }
}
