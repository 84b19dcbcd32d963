import Course

/// The REPL's earlier lines, kept across runs in a file of the state folder: one line per
/// entry, oldest first, at most ``limit`` entries (the oldest go first).
struct ReplHistory {
    static let limit = 1_000
    /// Where the lines are saved; nil keeps them in memory only.
    let file: String?
    private(set) var entries: [String]

    init(file: String?) {
        self.file = file
        let text = file.flatMap(FileSystem.readText) ?? ""
        entries = Array(text.split(separator: "\n").map(String.init).suffix(ReplHistory.limit))
    }

    /// Adds a line (not a repeat of the last one) and saves the history.
    ///
    /// - Returns: the system's error message when it could not be saved.
    mutating func add(_ line: String) -> String? {
        guard !line.isEmpty, entries.last != line, !line.contains("\n") else { return nil }
        entries.append(line)
        if entries.count > ReplHistory.limit { entries.removeFirst(entries.count - ReplHistory.limit) }
        guard let file else { return nil }
        FileSystem.createDirectories(FileSystem.directory(of: file))
        return FileSystem.writeAtomically(entries.joined(separator: "\n") + "\n", to: file, durable: false)
    }
}
