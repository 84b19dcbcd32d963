/// `str.format`: replacement fields `{name.attr[key]!conv:spec}` with automatic or manual
/// numbering and nested fields inside the spec.
///
/// In CPython: `Objects/stringlib/unicode_format.h`.
extension Interpreter {
    func formatTemplate(_ template: String, _ args: Arguments, mapping: PyValue? = nil) throws(PyError) -> String {
        var autoIndex = 0
        var numbering: Bool?  // true: automatic, false: manual
        return try formatTemplate(Array(template.unicodeScalars), args, mapping, &autoIndex, &numbering, depth: 2)
    }

    private func formatTemplate(_ s: [Unicode.Scalar], _ args: Arguments, _ mapping: PyValue?, _ autoIndex: inout Int,
                                _ numbering: inout Bool?, depth: Int) throws(PyError) -> String {
        if depth < 0 { throw PyError.valueError("Max string recursion exceeded") }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "}" {
                if i + 1 < s.count && s[i + 1] == "}" { out.append("}"); i += 2; continue }
                throw PyError.valueError("Single '}' encountered in format string")
            }
            guard c == "{" else { out.append(c); i += 1; continue }
            if i + 1 < s.count && s[i + 1] == "{" { out.append("{"); i += 2; continue }
            // Find the matching close brace, allowing nested braces in the spec.
            var level = 1
            var j = i + 1
            while j < s.count {
                if s[j] == "{" { level += 1 } else if s[j] == "}" { level -= 1; if level == 0 { break } }
                j += 1
            }
            guard j < s.count else { throw PyError.valueError("expected '}' before end of string") }
            let field = Array(s[(i + 1)..<j])
            i = j + 1
            // Split field into name, conversion, spec.
            var nameEnd = 0
            var bracket = false
            while nameEnd < field.count {
                let f = field[nameEnd]
                if f == "[" { bracket = true } else if f == "]" { bracket = false }
                if !bracket && (f == "!" || f == ":") { break }
                nameEnd += 1
            }
            let name = Array(field[..<nameEnd])
            var conversion: Unicode.Scalar?
            var specScalars: [Unicode.Scalar] = []
            var k = nameEnd
            if k < field.count && field[k] == "!" {
                guard k + 1 < field.count else { throw PyError.valueError("end of string while looking for conversion specifier") }
                conversion = field[k + 1]
                k += 2
                if k < field.count && field[k] != ":" { throw PyError.valueError("expected ':' after conversion specifier") }
            }
            if k < field.count && field[k] == ":" { specScalars = Array(field[(k + 1)...]) }
            var value = try resolveField(name, args, mapping, &autoIndex, &numbering)
            switch conversion {
            case nil: break
            case "r": value = .str(try repr(value))
            case "s": value = .str(try str(value))
            case "a": value = .str(asciiEscaped(try repr(value)))
            case let other?:
                throw PyError.valueError("Unknown conversion specifier \(Character(other))")
            }
            let spec = specScalars.contains("{")
                ? try formatTemplate(specScalars, args, mapping, &autoIndex, &numbering, depth: depth - 1)
                : StrMethods.text(specScalars)
            out.append(contentsOf: try format(value, spec).unicodeScalars)
        }
        return String(out)
    }

    private func resolveField(_ name: [Unicode.Scalar], _ args: Arguments, _ mapping: PyValue?, _ autoIndex: inout Int,
                              _ numbering: inout Bool?) throws(PyError) -> PyValue {
        var i = 0
        var first = String.UnicodeScalarView()
        while i < name.count && name[i] != "." && name[i] != "[" { first.append(name[i]); i += 1 }
        let key = String(first)
        var value: PyValue
        if key.isEmpty {
            if numbering == false { throw PyError.valueError("cannot switch from manual field specification to automatic field numbering") }
            numbering = true
            guard autoIndex < args.positional.count else {
                throw PyError.indexError("Replacement index \(autoIndex) out of range for positional args tuple")
            }
            value = args.positional[autoIndex]
            autoIndex += 1
        } else if let n = Int(key) {
            if numbering == true { throw PyError.valueError("cannot switch from automatic field numbering to manual field specification") }
            numbering = false
            guard n < args.positional.count else {
                throw PyError.indexError("Replacement index \(n) out of range for positional args tuple")
            }
            value = args.positional[n]
        } else if let mapping {
            value = try getItem(mapping, .str(key))
        } else {
            guard let v = args.keyword(key) else { throw PyError.keyError(.str(key)) }
            value = v
        }
        while i < name.count {
            if name[i] == "." {
                i += 1
                var attr = String.UnicodeScalarView()
                while i < name.count && name[i] != "." && name[i] != "[" { attr.append(name[i]); i += 1 }
                value = try getAttribute(value, String(attr))
            } else if name[i] == "[" {
                i += 1
                var item = String.UnicodeScalarView()
                while i < name.count && name[i] != "]" { item.append(name[i]); i += 1 }
                i += 1
                let itemKey = String(item)
                value = try getItem(value, Int(itemKey).map { PyValue($0) } ?? .str(itemKey))
            } else {
                throw PyError.valueError("Only '.' or '[' may follow ']' in format field specifier")
            }
        }
        return value
    }
}
