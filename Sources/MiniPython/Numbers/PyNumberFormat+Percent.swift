/// An argument to printf-style `%` formatting.
public enum PyPercentArgument: Sendable, Equatable {
    /// A Python `int`.
    case int(PyIntValue)
    /// A Python `bool` (an int subclass: `%d` gives `1`, `%s` gives `True`).
    case bool(Bool)
    /// A Python `float`.
    case float(Double)
    /// A Python `str`.
    case string(String)
    /// Any other object, given as its `str()`, `repr()` and type name.
    case object(str: String, repr: String, typeName: String)

    var typeName: String {
        switch self {
        case .int: return "int"
        case .bool: return "bool"
        case .float: return "float"
        case .string: return "str"
        case .object(_, _, let t): return t
        }
    }
}

/// One parsed `%` conversion specifier, e.g. `%-08.3f`.
public struct PyPercentSpec: Sendable, Equatable {
    /// `-` flag.
    public var leftAdjust = false
    /// `+` flag.
    public var plusSign = false
    /// space flag.
    public var blank = false
    /// `#` flag.
    public var alternate = false
    /// `0` flag.
    public var zeroPad = false
    /// Minimum width, -1 if absent.
    public var width = -1
    /// Precision, -1 if absent.
    public var precision = -1
    /// Conversion character (`d i u o x X e E f F g G c r s a`).
    public var conversion: Character = "s"

    /// Creates a specifier.
    public init(conversion: Character, width: Int = -1, precision: Int = -1,
                leftAdjust: Bool = false, plusSign: Bool = false, blank: Bool = false,
                alternate: Bool = false, zeroPad: Bool = false) {
        self.conversion = conversion
        self.width = width
        self.precision = precision
        self.leftAdjust = leftAdjust
        self.plusSign = plusSign
        self.blank = blank
        self.alternate = alternate
        self.zeroPad = zeroPad
    }
}

extension PyNumberFormat {
    /// `template % tuple(args)` for positional conversions (mapping keys `%(name)s` are
    /// the interpreter's business and raise `TypeError: format requires a mapping`).
    public static func percentFormat(_ template: String, _ args: [PyPercentArgument]) throws(PyNumberError) -> String {
        let s = Array(template.unicodeScalars)
        var out = String.UnicodeScalarView()
        var argIndex = 0
        var i = 0
        func nextArg() throws(PyNumberError) -> PyPercentArgument {
            guard argIndex < args.count else { throw .type("not enough arguments for format string") }
            argIndex += 1
            return args[argIndex - 1]
        }
        func starValue() throws(PyNumberError) -> Int {
            let a = try nextArg()
            switch a {
            case .int(let v): guard let n = v.asInt else { throw .overflow("Python int too large to convert to C ssize_t") }
                return n
            case .bool(let b): return b ? 1 : 0
            default: throw .type("* wants int")
            }
        }
        while i < s.count {
            let c = s[i]
            if c != "%" {
                out.append(c)
                i += 1
                continue
            }
            i += 1
            if i < s.count && s[i] == "%" {
                out.append("%")
                i += 1
                continue
            }
            if i < s.count && s[i] == "(" { throw .type("format requires a mapping") }
            var spec = PyPercentSpec(conversion: "s")
            flags: while i < s.count {
                switch s[i] {
                case "-": spec.leftAdjust = true
                case "+": spec.plusSign = true
                case " ": spec.blank = true
                case "#": spec.alternate = true
                case "0": spec.zeroPad = true
                default: break flags
                }
                i += 1
            }
            if i < s.count && s[i] == "*" {
                var w = try starValue()
                if w < 0 {
                    if w == Int.min { throw .value("width too big") }
                    spec.leftAdjust = true
                    w = -w
                }
                spec.width = w
                i += 1
            } else {
                var w = -1
                while i < s.count, s[i].value >= 48 && s[i].value <= 57 {
                    let (m, o1) = max(w, 0).multipliedReportingOverflow(by: 10)
                    let (a, o2) = m.addingReportingOverflow(Int(s[i].value - 48))
                    if o1 || o2 { throw .value("width too big") }
                    w = a
                    i += 1
                }
                spec.width = w
            }
            if i < s.count && s[i] == "." {
                i += 1
                if i < s.count && s[i] == "*" {
                    spec.precision = max(0, try starValue())
                    i += 1
                } else {
                    var p = 0
                    while i < s.count, s[i].value >= 48 && s[i].value <= 57 {
                        let (m, o1) = p.multipliedReportingOverflow(by: 10)
                        let (a, o2) = m.addingReportingOverflow(Int(s[i].value - 48))
                        if o1 || o2 { throw .value("precision too big") }
                        p = a
                        i += 1
                    }
                    spec.precision = p
                }
            }
            if i < s.count && (s[i] == "h" || s[i] == "l" || s[i] == "L") { i += 1 }
            guard i < s.count else { throw .value("incomplete format") }
            let conv = s[i]
            let index = i
            i += 1
            let arg = try nextArg()
            switch conv {
            case "d", "i", "u", "o", "x", "X", "e", "E", "f", "F", "g", "G", "c", "r", "s", "a":
                spec.conversion = Character(conv)
                out.append(contentsOf: try percentFormat(spec, arg).unicodeScalars)
            default:
                let shown = conv.value > 32 && conv.value < 127 ? String(Character(conv)) : "?"
                throw .value("unsupported format character '\(shown)' (0x\(String(conv.value, radix: 16))) at index \(index)")
            }
        }
        if argIndex < args.count { throw .type("not all arguments converted during string formatting") }
        return String(out)
    }

    /// Formats one argument for one `%` conversion (CPython `unicode_format_arg_format`
    /// + `unicode_format_arg_output`).
    public static func percentFormat(_ spec: PyPercentSpec, _ arg: PyPercentArgument) throws(PyNumberError) -> String {
        let conv = spec.conversion
        if spec.width > maxWidth { throw .memory }
        var numeric = false
        let body: String
        switch conv {
        case "s", "r", "a":
            switch arg {
            case .int(let v): body = try v.toDecimalString()
            case .bool(let b): body = b ? "True" : "False"
            case .float(let d): body = repr(d)
            case .string(let t): body = conv == "s" ? t : PyIntValue.pythonRepr(t)
            case .object(let st, let rp, _): body = conv == "s" ? st : rp
            }
        case "d", "i", "u", "o", "x", "X":
            numeric = true
            let value: PyIntValue
            switch arg {
            case .int(let v): value = v
            case .bool(let b): value = PyIntValue(b)
            case .float(let d):
                if conv == "o" || conv == "x" || conv == "X" {
                    throw .type("%\(conv) format: an integer is required, not float")
                }
                value = try PyIntValue(truncating: d)
            default:
                if conv == "o" || conv == "x" || conv == "X" {
                    throw .type("%\(conv) format: an integer is required, not \(arg.typeName)")
                }
                throw .type("%\(conv) format: a real number is required, not \(arg.typeName)")
            }
            body = try formatLong(value, alternate: spec.alternate, precision: spec.precision, type: conv)
        case "e", "E", "f", "F", "g", "G":
            numeric = true
            let d: Double
            switch arg {
            case .int(let v): d = try v.toDouble()
            case .bool(let b): d = b ? 1 : 0
            case .float(let x): d = x
            default: throw .type("must be real number, not \(arg.typeName)")
            }
            if spec.precision > maxPrecision { throw .value("precision too big") }
            body = doubleToString(d, code: conv, precision: spec.precision < 0 ? 6 : spec.precision,
                                  alternate: spec.alternate)
        case "c":
            switch arg {
            case .string(let t) where t.unicodeScalars.count == 1:
                body = t
            case .int, .bool:
                let v: PyIntValue
                if case .int(let x) = arg { v = x } else if case .bool(let b) = arg { v = PyIntValue(b) } else { v = .zero }
                guard let x = v.asInt, x >= 0, x <= 0x10ffff else { throw .overflow("%c arg not in range(0x110000)") }
                body = String(Character(Unicode.Scalar(UInt32(x)) ?? "\u{FFFD}"))
            default:
                throw .type("%c requires int or char")
            }
        default:
            throw .value("unsupported format character '\(conv)'")
        }
        return percentOutput(Array(body.unicodeScalars), spec: spec, numeric: numeric)
    }

    /// `_PyUnicode_FormatLong`: digits with optional `0x`/`0o` prefix and precision zeros.
    static func formatLong(_ v: PyIntValue, alternate: Bool, precision: Int, type: Character) throws(PyNumberError) -> String {
        var digits: String
        var prefix = ""
        switch type {
        case "o": digits = v.magnitude.toString(radix: 8); prefix = alternate ? "0o" : ""
        case "x": digits = v.magnitude.toString(radix: 16); prefix = alternate ? "0x" : ""
        case "X": digits = v.magnitude.toString(radix: 16, uppercase: true); prefix = alternate ? "0X" : ""
        default: digits = try v.magnitude.toDecimalString()
        }
        if precision > digits.utf8.count {
            if precision > maxPrecision { throw .value("precision too big") }
            digits = String(repeating: "0", count: precision - digits.utf8.count) + digits
        }
        return (v.isNegative ? "-" : "") + prefix + digits
    }

    static func percentOutput(_ str: [Unicode.Scalar], spec: PyPercentSpec, numeric: Bool) -> String {
        let conv = spec.conversion
        let fill: Unicode.Scalar = (numeric && spec.zeroPad) ? "0" : " "
        var len = str.count
        var width = spec.width
        if (width == -1 || width <= len) && (spec.precision == -1 || spec.precision >= len)
            && !(spec.plusSign || spec.blank) {
            return String(String.UnicodeScalarView(str))
        }
        if conv == "s" || conv == "r" || conv == "a" {
            if spec.precision >= 0 && len > spec.precision { len = spec.precision }
        }
        var out = String.UnicodeScalarView()
        var pindex = 0
        var signChar: Unicode.Scalar? = nil
        if numeric {
            let ch = str.first
            if ch == "-" || ch == "+" {
                signChar = ch
                len -= 1
                pindex += 1
            } else if spec.plusSign {
                signChar = "+"
            } else if spec.blank {
                signChar = " "
            }
        }
        if width < len { width = len }
        if let sc = signChar {
            if fill != " " { out.append(sc) }
            if width > len { width -= 1 }
        }
        let hasPrefix = spec.alternate && (conv == "x" || conv == "X" || conv == "o") && len >= 2
        if hasPrefix {
            if fill != " " {
                out.append(str[pindex])
                out.append(str[pindex + 1])
                pindex += 2
            }
            width -= 2
            if width < 0 { width = 0 }
            len -= 2
        }
        if width > len && !spec.leftAdjust {
            out.append(contentsOf: repeatElement(fill, count: width - len))
            width = len
        }
        if fill == " " {
            if let sc = signChar { out.append(sc) }
            if hasPrefix {
                out.append(str[pindex])
                out.append(str[pindex + 1])
                pindex += 2
            }
        }
        if len > 0 { out.append(contentsOf: str[pindex..<(pindex + len)]) }
        if width > len { out.append(contentsOf: repeatElement(" ", count: width - len)) }
        return String(out)
    }
}
