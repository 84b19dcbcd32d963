import MiniPython

/// What Tab completes at the end of a REPL line: the partial word and the names it may
/// become, found with ``SafeLookup`` (no code of the learner runs).
public struct Completion: Equatable, Sendable {
    /// The partial name before the cursor (`sh` in `x.sh`).
    public var word: String
    /// The candidates, sorted; empty when nothing matches.
    public var candidates: [String]

    public init(word: String, candidates: [String]) {
        self.word = word
        self.candidates = candidates
    }

    /// The longest text every candidate starts with (at least ``word``).
    public var commonPrefix: String {
        guard var prefix = candidates.first else { return word }
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix.count > word.count ? prefix : word
    }

    /// Python's keywords (`keyword.kwlist`), completed like names.
    static let keywords = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
        "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
        "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]

    /// The dotted name at the end of `text` (`x.sh` in `print(x.sh`), split at its dots;
    /// nil when the text does not end in one (after a string, a number or a space).
    public static func dottedName(atEndOf text: String) -> [String]? {
        let tail = text.reversed().prefix { $0 == "." || $0 == "_" || $0.isLetter || $0.isNumber }
        let name = String(tail.reversed())
        guard let first = name.first, first != ".", !first.isNumber else { return nil }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.dropLast().allSatisfy({ !$0.isEmpty && !($0.first?.isNumber ?? true) }) else { return nil }
        return parts
    }

    /// The completion of the dotted name at the end of `text`, or nil when there is none to
    /// complete.
    static func complete(_ text: String, in interpreter: Interpreter) -> Completion? {
        guard let parts = dottedName(atEndOf: text), let word = parts.last else { return nil }
        let names: [String]
        if parts.count == 1 {
            var all = Set(keywords)
            for module in [interpreter.mainModule, interpreter.builtinsModule] {
                for key in module.namespace.keys { if case .str(let name) = key { all.insert(name) } }
            }
            names = Array(all)
        } else {
            guard let base = SafeLookup.resolve(Array(parts.dropLast()), in: interpreter) else {
                return Completion(word: word, candidates: [])
            }
            names = SafeLookup.names(of: base, in: interpreter)
        }
        // Private names only when the learner typed the underscore.
        let candidates = names.filter { $0.hasPrefix(word) && (word.hasPrefix("_") || !$0.hasPrefix("_")) }.sorted()
        return Completion(word: word, candidates: candidates)
    }
}
