/// `repr()`, `str()` and `format()`: the builtin types' text forms (exactly CPython's) and
/// dispatch to `__repr__`, `__str__` and `__format__`.
extension Interpreter {
    /// `repr(v)`
    public func repr(_ v: PyValue) throws(PyError) -> String {
        switch v {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return try numbers { () throws(PyNumberError) in try PyNumberFormat.repr(i) }
        case .float(let d): return PyNumberFormat.repr(d)
        case .str(let s): return pythonRepr(s)
        case .object(let o):
            guard let method = o.type.lookup("__repr__") else { return defaultRepr(o) }
            let result = try call(try bind(method, to: v, o.type), Arguments())
            guard case .str(let text) = result else {
                throw PyError.typeError("__repr__ returned non-string (type \(result.type.name))")
            }
            return text
        }
    }

    /// `str(v)`
    public func str(_ v: PyValue) throws(PyError) -> String {
        switch v {
        case .str(let s): return s
        case .object(let o):
            guard let method = o.type.lookup("__str__"),
                  !(method.as(PyBuiltinFunction.self)?.ownerName == "object") else { return try repr(v) }
            let result = try call(try bind(method, to: v, o.type), Arguments())
            guard case .str(let text) = result else {
                throw PyError.typeError("__str__ returned non-string (type \(result.type.name))")
            }
            return text
        default: return try repr(v)
        }
    }

    /// `format(v, spec)`
    public func format(_ v: PyValue, _ spec: String) throws(PyError) -> String {
        switch v {
        case .int(let i): return try numbers { () throws(PyNumberError) in try PyNumberFormat.format(i, spec) }
        case .bool(let b):
            if spec.isEmpty { return b ? "True" : "False" }
            return try numbers { () throws(PyNumberError) in try PyNumberFormat.format(PyIntValue(b ? 1 : 0), spec) }
        case .float(let d): return try numbers { () throws(PyNumberError) in try PyNumberFormat.format(d, spec) }
        case .str(let s): return try formatString(s, spec)
        case .none: if spec.isEmpty { return "None" }
        case .object(let o):
            if let method = o.type.lookup("__format__"),
               !(method.as(PyBuiltinFunction.self)?.ownerName == "object") {
                let result = try call(try bind(method, to: v, o.type), [.str(spec)])
                guard case .str(let text) = result else {
                    throw PyError.typeError("__format__ must return a str, not \(result.type.name)")
                }
                return text
            }
            if spec.isEmpty { return try str(v) }
        }
        throw PyError.typeError("unsupported format string passed to \(v.type.name).__format__")
    }

    /// Runs numeric-core code, turning its errors into Python exceptions.
    func numbers<T>(_ body: () throws(PyNumberError) -> T) throws(PyError) -> T {
        do throws(PyNumberError) { return try body() } catch { throw PyError(numberError: error) }
    }

    /// The format mini-language for strings: fill, alignment, width, precision (truncation).
    func formatString(_ s: String, _ spec: String) throws(PyError) -> String {
        if spec.isEmpty { return s }
        let parsed = try numbers { () throws(PyNumberError) in
            try PyNumberFormat.FormatSpec(parsing: spec, typeName: "str", defaultAlign: "<")
        }
        if let type = parsed.type, type != "s" {
            throw PyError.valueError("Unknown format code '\(Character(type))' for object of type 'str'")
        }
        if parsed.sign != nil { throw PyError.valueError("Sign not allowed in string format specifier") }
        if parsed.alternate { throw PyError.valueError("Alternate form (#) not allowed in string format specifier") }
        if parsed.align == "=" { throw PyError.valueError("'=' alignment not allowed in string format specifier") }
        if parsed.grouping != nil { throw PyError.valueError("Cannot specify ',' with 's'.") }
        var scalars = Array(s.unicodeScalars)
        if parsed.precision >= 0 && scalars.count > parsed.precision { scalars = Array(scalars.prefix(parsed.precision)) }
        let padding = max(0, parsed.width - scalars.count)
        var left = 0, right = 0
        switch parsed.align {
        case ">": left = padding
        case "^": left = padding / 2; right = padding - left
        default: right = padding
        }
        var out = String.UnicodeScalarView()
        for _ in 0..<left { out.append(parsed.fill) }
        out.append(contentsOf: scalars)
        for _ in 0..<right { out.append(parsed.fill) }
        return String(out)
    }

    /// `<__main__.A object at 0x7f...>`
    func defaultRepr(_ o: PyObject) -> String {
        "<\(qualifiedName(o.type)) object at \(o.addressString)>"
    }

    /// `module.Qualname`, or just the name for builtins.
    func qualifiedName(_ type: PyType) -> String {
        type.module == "builtins" ? type.qualname : "\(type.module).\(type.qualname)"
    }

    /// Repr of a container's items with the `[...]` guard against self-reference.
    func reprContainer(_ o: PyObject, open: String, close: String, _ body: () throws(PyError) -> String) throws(PyError) -> String {
        let id = ObjectIdentifier(o)
        if reprGuard.contains(id) { return open + "..." + close }
        try checkStack()
        reprGuard.insert(id)
        defer { reprGuard.remove(id) }
        return open + (try body()) + close
    }

    func reprItems(_ items: [PyValue]) throws(PyError) -> String {
        var parts: [String] = []
        parts.reserveCapacity(items.count)
        for item in items { parts.append(try repr(item)) }
        return parts.joined(separator: ", ")
    }

    /// `ascii()`: the repr with non-ASCII characters escaped.
    func asciiEscaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII { out.unicodeScalars.append(scalar); continue }
            let v = scalar.value
            if v <= 0xFF { out += "\\x" + String(v, radix: 16).leftPadded(to: 2) }
            else if v <= 0xFFFF { out += "\\u" + String(v, radix: 16).leftPadded(to: 4) }
            else { out += "\\U" + String(v, radix: 16).leftPadded(to: 8) }
        }
        return out
    }

    // MARK: - printf-style formatting

    /// `template % values`
    func percentFormat(_ template: String, _ values: PyValue) throws(PyError) -> String {
        if template.contains("%("), let mapping = values.object, !(mapping is PyTuple), mapping.type.lookup("__getitem__") != nil {
            return try percentFormatMapping(template, values)
        }
        let items: [PyValue]
        if let tuple = values.as(PyTuple.self) { items = tuple.items } else { items = [values] }
        var args: [PyPercentArgument] = []
        for item in items { args.append(try percentArgument(item)) }
        return try numbers { () throws(PyNumberError) in try PyNumberFormat.percentFormat(template, args) }
    }

    private func percentArgument(_ v: PyValue) throws(PyError) -> PyPercentArgument {
        switch v {
        case .int(let i): return .int(i)
        case .bool(let b): return .bool(b)
        case .float(let d): return .float(d)
        case .str(let s): return .string(s)
        case .none, .object:
            if case .object(let o) = v, o.type.lookup("__index__") != nil || o.type.lookup("__float__") != nil {
                if let i = try? callSpecial(v, "__index__"), case .int(let n) = i { return .int(n) }
                if let f = try? callSpecial(v, "__float__"), case .float(let d) = f { return .float(d) }
            }
            return .object(str: try str(v), repr: try repr(v), typeName: v.type.name)
        }
    }

    /// `'%(name)s' % {'name': ...}`
    private func percentFormatMapping(_ template: String, _ mapping: PyValue) throws(PyError) -> String {
        let s = Array(template.unicodeScalars)
        var out = ""
        var i = 0
        while i < s.count {
            guard s[i] == "%" else { out.unicodeScalars.append(s[i]); i += 1; continue }
            i += 1
            guard i < s.count else { throw PyError.valueError("incomplete format") }
            if s[i] == "%" { out += "%"; i += 1; continue }
            guard s[i] == "(" else { throw PyError.typeError("format requires a mapping") }
            var depth = 1
            var key = String.UnicodeScalarView()
            i += 1
            while i < s.count {
                if s[i] == "(" { depth += 1 } else if s[i] == ")" { depth -= 1; if depth == 0 { break } }
                key.append(s[i])
                i += 1
            }
            guard i < s.count else { throw PyError.valueError("incomplete format key") }
            i += 1
            var spec = PyPercentSpec(conversion: "s")
            while i < s.count, "-+ #0".unicodeScalars.contains(s[i]) {
                switch s[i] {
                case "-": spec.leftAdjust = true
                case "+": spec.plusSign = true
                case " ": spec.blank = true
                case "#": spec.alternate = true
                default: spec.zeroPad = true
                }
                i += 1
            }
            func number() -> Int? {
                var v: Int?
                while i < s.count, let d = Int(String(s[i])), s[i].isASCII {
                    v = (v ?? 0) &* 10 &+ d
                    i += 1
                }
                return v
            }
            if let w = number() { spec.width = w }
            if i < s.count, s[i] == "." {
                i += 1
                spec.precision = number() ?? 0
            }
            guard i < s.count else { throw PyError.valueError("incomplete format") }
            spec.conversion = Character(s[i])
            i += 1
            let value = try getItem(mapping, .str(String(key)))
            let argument = try percentArgument(value)
            out += try numbers { () throws(PyNumberError) in try PyNumberFormat.percentFormat(spec, argument) }
        }
        return out
    }
}
