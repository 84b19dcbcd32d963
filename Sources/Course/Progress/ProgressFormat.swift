/// The progress file's text: a header, one line per record, and an `end` line, so a file cut
/// short is told apart from a complete one.
///
/// ```text
/// pytorch-tutor progress 1
/// current tensor-basics 3
/// step tensor-basics 2 passed 3 1 code=y\x20=\x20x\n files=...
/// end
/// ```
/// Fields are separated by single spaces; text fields (`code=`, `file=`) escape backslash,
/// space, newline, tab and other control characters, so every record is one line.
enum ProgressFormat {
    static let header = "pytorch-tutor progress 1"

    static func encode(_ progress: Progress) -> String {
        var lines = [header]
        if let current = progress.current { lines.append("current \(current.lesson) \(current.step)") }
        let places = progress.steps.keys.sorted { ($0.lesson, $0.step) < ($1.lesson, $1.step) }
        for place in places {
            guard let step = progress.steps[place] else { continue }
            var line = "step \(place.lesson) \(place.step) \(step.status.rawValue) \(step.attempts) \(step.hintsUsed)"
            if let code = step.code { line += " code=" + escape(code) }
            if let file = step.codeFile { line += " file=" + escape(file) }
            lines.append(line)
        }
        lines.append("end")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Parses a progress file; the error names the line that is wrong.
    static func decode(_ text: String) -> Result<Progress, ProgressFormatError> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard lines.first == Substring(header) else { return .failure(.init(line: 1, message: "not a progress file")) }
        var progress = Progress()
        var ended = false
        for (index, line) in lines.enumerated().dropFirst() {
            let number = index + 1
            if ended { return .failure(.init(line: number, message: "text after the end")) }
            let fields = line.split(separator: " ", omittingEmptySubsequences: false)
            switch fields.first {
            case "end" where fields.count == 1:
                ended = true
            case "current":
                guard fields.count == 3, let step = Int(fields[2]), step >= 0 else {
                    return .failure(.init(line: number, message: "bad current record"))
                }
                progress.current = StepPlace(lesson: String(fields[1]), step: step)
            case "step":
                guard fields.count >= 6, let index = Int(fields[2]), index >= 0, let status = StepProgress.Status(rawValue: String(fields[3])),
                      let attempts = Int(fields[4]), let hints = Int(fields[5]) else {
                    return .failure(.init(line: number, message: "bad step record"))
                }
                var step = StepProgress(status: status, attempts: attempts, hintsUsed: hints)
                for field in fields.dropFirst(6) {
                    if field.hasPrefix("code="), let code = unescape(field.dropFirst(5)) {
                        step.code = code
                    } else if field.hasPrefix("file="), let file = unescape(field.dropFirst(5)) {
                        step.codeFile = file
                    } else {
                        return .failure(.init(line: number, message: "bad field '\(field.prefix(20))'"))
                    }
                }
                progress.steps[StepPlace(lesson: String(fields[1]), step: index)] = step
            default:
                return .failure(.init(line: number, message: "unknown record '\(line.prefix(20))'"))
            }
        }
        guard ended else { return .failure(.init(line: lines.count, message: "the file ends early")) }
        return .success(progress)
    }

    /// One line of text with no spaces: `\\`, `\s`, `\n`, `\t` and `\xHH` for control characters.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case " ": out += "\\s"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7f:
                let hex = String(scalar.value, radix: 16)
                out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The text ``escape(_:)`` made, or nil for a malformed escape.
    static func unescape(_ text: Substring) -> String? {
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\\" else {
                out.append(scalar)
                continue
            }
            switch scalars.next() {
            case "\\": out.append("\\")
            case "s": out.append(" ")
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "x":
                guard let high = scalars.next(), let low = scalars.next(),
                      let value = UInt32(String(high) + String(low), radix: 16), let decoded = Unicode.Scalar(value) else { return nil }
                out.append(decoded)
            default: return nil
            }
        }
        return String(out)
    }
}

/// Why a progress file could not be read.
struct ProgressFormatError: Error, Equatable {
    var line: Int
    var message: String
}
