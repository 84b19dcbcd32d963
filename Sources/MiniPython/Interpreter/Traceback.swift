/// Prints uncaught exceptions the way CPython 3.11 does: the chained exceptions first, then
/// `Traceback (most recent call last):`, one `File "x.py", line N, in f` entry per frame with
/// its stripped source line, and `Type: message` (plus "Did you mean" hints).
///
/// In CPython: `Lib/traceback.py` (`TracebackException.format`) and `Python/suggestions.c`.
extension Interpreter {
    /// The full report for an uncaught exception, ending with a newline.
    public func formatTraceback(_ error: PyError) -> String {
        var seen: Set<ObjectIdentifier> = []
        return format(error.exception, &seen)
    }

    private func format(_ exc: PyBaseException, _ seen: inout Set<ObjectIdentifier>) -> String {
        seen.insert(ObjectIdentifier(exc))
        var out = ""
        if let cause = exc.cause, !seen.contains(ObjectIdentifier(cause)) {
            out += format(cause, &seen)
            out += "\nThe above exception was the direct cause of the following exception:\n\n"
        } else if let context = exc.context, !exc.suppressContext, !seen.contains(ObjectIdentifier(context)) {
            out += format(context, &seen)
            out += "\nDuring handling of the above exception, another exception occurred:\n\n"
        }
        if !exc.traceback.isEmpty {
            out += "Traceback (most recent call last):\n"
            for entry in exc.traceback.reversed() {
                out += "  File \"\(entry.filename)\", line \(entry.line), in \(entry.function)\n"
                if let lines = sourceLines[entry.filename], entry.line >= 1, entry.line <= lines.count {
                    let text = lines[entry.line - 1].drop { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }
                    var trimmed = Substring(text)
                    while let last = trimmed.last, last == " " || last == "\r" || last == "\t" { trimmed.removeLast() }
                    if !trimmed.isEmpty { out += "    \(trimmed)\n" }
                }
            }
        }
        if let syntax = exc.syntaxError {
            return out + syntax.formatted() + "\n"
        }
        return out + exceptionLine(exc) + "\n"
    }

    /// `ValueError: message`, `KeyError: 'k'`, or just the type name for an empty message.
    func exceptionLine(_ exc: PyBaseException) -> String {
        var name = exc.type.qualname
        if exc.type.module != "builtins" && exc.type.module != "__main__" { name = exc.type.module + "." + name }
        var message: String
        do throws(PyError) {
            message = try str(.object(exc))
        } catch {
            message = "<exception str() failed>"
        }
        if let hint = suggestion(for: exc) { message += ". Did you mean: '\(hint)'?" }
        return message.isEmpty ? name : "\(name): \(message)"
    }

    // MARK: - Suggestions

    private func suggestion(for exc: PyBaseException) -> String? {
        guard let name = exc.suggestionName else { return nil }
        if exc.type.isSubtype(of: .nameError) {
            for group in exc.nameCandidates {
                if let found = Interpreter.closestName(to: name, in: group) { return found }
            }
            return nil
        }
        if exc.type.isSubtype(of: .attributeError), let target = exc.attributeTarget {
            return Interpreter.closestName(to: name, in: (try? directory(of: target)) ?? [])
        }
        return nil
    }

    /// CPython's `calculate_suggestions`: the closest candidate within a third of the edit cost.
    static func closestName(to name: String, in candidates: [String]) -> String? {
        guard candidates.count < 750 else { return nil }
        let target = Array(name.utf8)
        var best: String?
        var bestDistance = Int.max
        for candidate in candidates where candidate != name {
            let item = Array(candidate.utf8)
            var maxDistance = (target.count + item.count + 3) * 2 / 6
            maxDistance = min(maxDistance, bestDistance - 1)
            let distance = levenshtein(target, item, maxCost: maxDistance)
            if distance > maxDistance { continue }
            if best == nil || distance < bestDistance {
                best = candidate
                bestDistance = distance
            }
        }
        return best
    }

    private static func levenshtein(_ aIn: [UInt8], _ bIn: [UInt8], maxCost: Int) -> Int {
        let moveCost = 2
        var a = aIn[...]
        var b = bIn[...]
        if a == b { return 0 }
        while let x = a.first, let y = b.first, x == y { a.removeFirst(); b.removeFirst() }
        while let x = a.last, let y = b.last, x == y { a.removeLast(); b.removeLast() }
        if a.isEmpty || b.isEmpty { return (a.count + b.count) * moveCost }
        if a.count > 40 || b.count > 40 { return maxCost + 1 }
        if b.count < a.count { swap(&a, &b) }
        if (b.count - a.count) * moveCost > maxCost { return maxCost + 1 }
        let aa = Array(a), bb = Array(b)
        var buffer = (0..<aa.count).map { ($0 + 1) * moveCost }
        var result = 0
        for (bIndex, code) in bb.enumerated() {
            var distance = bIndex * moveCost
            result = distance
            var minimum = Int.max
            for index in 0..<aa.count {
                let substitute = distance + substitutionCost(code, aa[index])
                distance = buffer[index]
                let insertDelete = min(result, distance) + moveCost
                result = min(insertDelete, substitute)
                buffer[index] = result
                if result < minimum { minimum = result }
            }
            if minimum > maxCost { return maxCost + 1 }
        }
        return result
    }

    private static func substitutionCost(_ a: UInt8, _ b: UInt8) -> Int {
        if a & 31 != b & 31 { return 2 }
        if a == b { return 0 }
        func lower(_ c: UInt8) -> UInt8 { c >= 65 && c <= 90 ? c + 32 : c }
        return lower(a) == lower(b) ? 1 : 2
    }
}
