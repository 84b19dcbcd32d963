/// `str` methods. Python strings are sequences of code points, so the methods work on
/// `unicodeScalars`, not Swift `Character`s.
enum StrMethods {
    static func fill() {
        let str = PyType.str
        str.addStaticMethod("__new__(cls, object='', /)") { (interp, args) throws(PyError) in
            guard args[0].as(PyType.self) === PyType.str else {
                throw PyError.notImplementedError(RuntimeUNIMPLEMENTED.subclassingImmediate("str").message)
            }
            return .str(try interp.str(args[1]))
        }
        BuiltinTypes.addArithmetic(str, [.add, .multiply, .modulo])
        BuiltinTypes.addComparisons(str)
        BuiltinTypes.addContainerProtocol(str, getItem: false)
        str.addMethod("__getitem__(self, key, /)") { (interp, args) throws(PyError) in try interp.getItem(args[0], args[1]) }
        BuiltinTypes.addRepr(str) { (interp, v) throws(PyError) in try interp.repr(v) }
        str.addMethod("__str__(self, /)") { (_, args) throws(PyError) in args[0] }
        str.addMethod("__hash__(self, /)") { (interp, args) throws(PyError) in PyValue(try interp.hash(args[0])) }
        str.addMethod("__format__(self, format_spec, /)") { (interp, args) throws(PyError) in
            .str(try interp.formatString(try s(interp, args[0]), try interp.expectStr(args[1], "format_spec")))
        }

        // MARK: Case
        str.addMethod("upper(self, /)") { (interp, args) throws(PyError) in .str(try s(interp, args[0]).uppercased()) }
        str.addMethod("lower(self, /)") { (interp, args) throws(PyError) in .str(try s(interp, args[0]).lowercased()) }
        str.addMethod("casefold(self, /)") { (interp, args) throws(PyError) in .str(try s(interp, args[0]).lowercased()) }
        str.addMethod("swapcase(self, /)") { (interp, args) throws(PyError) in
            var out = ""
            for c in try s(interp, args[0]).unicodeScalars {
                let text = String(c)
                if c.properties.isUppercase { out += text.lowercased() } else if c.properties.isLowercase { out += text.uppercased() } else { out += text }
            }
            return .str(out)
        }
        str.addMethod("title(self, /)") { (interp, args) throws(PyError) in
            var out = ""
            var previousCased = false
            for c in try s(interp, args[0]).unicodeScalars {
                let text = String(c)
                let cased = c.properties.isCased
                if cased { out += previousCased ? text.lowercased() : text.uppercased() } else { out += text }
                previousCased = cased
            }
            return .str(out)
        }
        str.addMethod("capitalize(self, /)") { (interp, args) throws(PyError) in
            let text = try s(interp, args[0])
            guard let first = text.unicodeScalars.first else { return .str("") }
            return .str(String(first).uppercased() + String(text.unicodeScalars.dropFirst()).lowercased())
        }

        // MARK: Predicates
        func predicate(_ name: String, _ test: @escaping ([Unicode.Scalar]) -> Bool) {
            str.addMethod("\(name)(self, /)") { (interp, args) throws(PyError) in .bool(test(Array(try s(interp, args[0]).unicodeScalars))) }
        }
        predicate("isdigit") { !$0.isEmpty && $0.allSatisfy { $0.properties.numericType == .decimal || $0.properties.numericType == .digit } }
        predicate("isdecimal") { !$0.isEmpty && $0.allSatisfy { $0.properties.numericType == .decimal } }
        predicate("isnumeric") { !$0.isEmpty && $0.allSatisfy { $0.properties.numericType != nil } }
        predicate("isalpha") { !$0.isEmpty && $0.allSatisfy { $0.properties.isAlphabetic } }
        predicate("isalnum") { !$0.isEmpty && $0.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil } }
        predicate("isspace") { !$0.isEmpty && $0.allSatisfy(StringSearch.isSpace) }
        predicate("isascii") { $0.allSatisfy { $0.isASCII } }
        predicate("isprintable") { $0.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F } }
        predicate("isupper") { scalars in
            scalars.contains { $0.properties.isCased } && !scalars.contains { $0.properties.isLowercase }
        }
        predicate("islower") { scalars in
            scalars.contains { $0.properties.isCased } && !scalars.contains { $0.properties.isUppercase }
        }
        predicate("istitle") { scalars in
            var previousCased = false, any = false
            for c in scalars {
                if c.properties.isUppercase { if previousCased { return false }; previousCased = true; any = true }
                else if c.properties.isLowercase { if !previousCased { return false }; previousCased = true; any = true }
                else { previousCased = false }
            }
            return any
        }
        predicate("isidentifier") { scalars in
            guard let first = scalars.first, first == "_" || first.properties.isXIDStart else { return false }
            return scalars.dropFirst().allSatisfy { $0 == "_" || $0.properties.isXIDContinue }
        }

        // MARK: Search
        func searchArgs(_ interp: Interpreter, _ args: BoundArguments, _ count: Int) throws(PyError) -> (Int, Int) {
            func clamp(_ v: PyValue?, _ dflt: Int) throws(PyError) -> Int {
                guard let v, !v.isNone else { return dflt }
                var i = try interp.expectInt(v)
                if i < 0 { i = max(0, i + count) }
                return min(i, count)
            }
            return (try clamp(args.optional(2), 0), try clamp(args.optional(3), count))
        }
        for name in ["find", "index", "rfind", "rindex"] {
            str.addMethod("\(name)(self, sub, start=None, end=None, /)") { (interp, args) throws(PyError) in
                let hay = Array(try s(interp, args[0]).unicodeScalars)
                let needle = Array(try interp.expectStr(args[1], "must be str, not \(args[1].type.name)").unicodeScalars)
                let (start, end) = try searchArgs(interp, args, hay.count)
                let found = name.hasPrefix("r") ? StringSearch.rfind(hay, needle, start, end: end)
                    : StringSearch.find(hay, needle, start, end: end)
                if let found { return PyValue(found) }
                if name.hasSuffix("index") { throw PyError.valueError("substring not found") }
                return PyValue(-1)
            }
        }
        str.addMethod("count(self, sub, start=None, end=None, /)") { (interp, args) throws(PyError) in
            let hay = Array(try s(interp, args[0]).unicodeScalars)
            let needle = Array(try interp.expectStr(args[1]).unicodeScalars)
            let (start, end) = try searchArgs(interp, args, hay.count)
            return PyValue(StringSearch.count(hay, needle, start, end: end))
        }
        for name in ["startswith", "endswith"] {
            str.addMethod("\(name)(self, prefix, start=None, end=None, /)") { (interp, args) throws(PyError) in
                let hay = Array(try s(interp, args[0]).unicodeScalars)
                let (start, end) = try searchArgs(interp, args, hay.count)
                var candidates: [PyValue] = [args[1]]
                if let tuple = args[1].as(PyTuple.self) { candidates = tuple.items }
                for candidate in candidates {
                    guard case .str(let p) = candidate else {
                        throw PyError.typeError("\(name) first arg must be str or a tuple of str, not \(candidate.type.name)")
                    }
                    let needle = Array(p.unicodeScalars)
                    guard end - start >= needle.count, start <= end else { continue }
                    let slice = name == "startswith" ? Array(hay[start..<(start + needle.count)]) : Array(hay[(end - needle.count)..<end])
                    if slice == needle { return .bool(true) }
                }
                return .bool(false)
            }
        }

        // MARK: Split and join
        str.addMethod("split(self, /, sep=None, maxsplit=-1)") { (interp, args) throws(PyError) in
            .list(try split(interp, args, fromRight: false).map { .str($0) })
        }
        str.addMethod("rsplit(self, /, sep=None, maxsplit=-1)") { (interp, args) throws(PyError) in
            .list(try split(interp, args, fromRight: true).map { .str($0) })
        }
        str.addMethod("splitlines(self, /, keepends=False)") { (interp, args) throws(PyError) in
            let keep = try interp.isTrue(args[1])
            var lines: [PyValue] = []
            var current = String.UnicodeScalarView()
            let scalars = Array(try s(interp, args[0]).unicodeScalars)
            var i = 0
            while i < scalars.count {
                let c = scalars[i]
                let isBreak = [0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029].contains(c.value)
                if isBreak {
                    var ending = String.UnicodeScalarView([c])
                    if c == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" { ending.append("\n"); i += 1 }
                    if keep { current.append(contentsOf: ending) }
                    lines.append(.str(String(current)))
                    current = String.UnicodeScalarView()
                } else {
                    current.append(c)
                }
                i += 1
            }
            if !current.isEmpty { lines.append(.str(String(current))) }
            return .list(lines)
        }
        str.addMethod("join(self, iterable, /)") { (interp, args) throws(PyError) in
            let separator = try s(interp, args[0])
            var parts: [String] = []
            var index = 0
            try interp.forEach(args[1]) { (item) throws(PyError) in
                guard case .str(let part) = item else {
                    throw PyError.typeError("sequence item \(index): expected str instance, \(item.type.name) found")
                }
                parts.append(part)
                index += 1
                return true
            }
            return .str(parts.joined(separator: separator))
        }
        for name in ["partition", "rpartition"] {
            str.addMethod("\(name)(self, sep, /)") { (interp, args) throws(PyError) in
                let hay = Array(try s(interp, args[0]).unicodeScalars)
                let sep = Array(try interp.expectStr(args[1]).unicodeScalars)
                if sep.isEmpty { throw PyError.valueError("empty separator") }
                let found = name == "partition" ? StringSearch.find(hay, sep, 0) : StringSearch.rfind(hay, sep, 0, end: hay.count)
                guard let at = found else {
                    return name == "partition" ? .tuple([args[0], .str(""), .str("")]) : .tuple([.str(""), .str(""), args[0]])
                }
                return .tuple([.str(text(hay[..<at])), args[1], .str(text(hay[(at + sep.count)...]))])
            }
        }

        // MARK: Strip, pad, replace
        for name in ["strip", "lstrip", "rstrip"] {
            str.addMethod("\(name)(self, chars=None, /)") { (interp, args) throws(PyError) in
                var scalars = Array(try s(interp, args[0]).unicodeScalars)[...]
                let strip: (Unicode.Scalar) -> Bool
                if args.isNone(1) { strip = StringSearch.isSpace } else {
                    let chars = Set(try interp.expectStr(args[1]).unicodeScalars)
                    strip = { chars.contains($0) }
                }
                if name != "rstrip" { while let c = scalars.first, strip(c) { scalars.removeFirst() } }
                if name != "lstrip" { while let c = scalars.last, strip(c) { scalars.removeLast() } }
                return .str(text(scalars))
            }
        }
        for name in ["center", "ljust", "rjust"] {
            str.addMethod("\(name)(self, width, fillchar=' ', /)") { (interp, args) throws(PyError) in
                let scalars = Array(try s(interp, args[0]).unicodeScalars)
                let width = try interp.expectInt(args[1])
                let fillText = try interp.expectStr(args[2])
                guard fillText.unicodeScalars.count == 1, let fill = fillText.unicodeScalars.first else {
                    throw PyError.typeError("The fill character must be exactly one character long")
                }
                let padding = max(0, width - scalars.count)
                if width > Interpreter.maxStringLength { throw PyError.memoryError() }
                var left = 0
                switch name {
                case "center": left = padding / 2 + (padding & width & 1)
                case "rjust": left = padding
                default: left = 0
                }
                var out = String.UnicodeScalarView(repeatElement(fill, count: left))
                out.append(contentsOf: scalars)
                out.append(contentsOf: repeatElement(fill, count: padding - left))
                return .str(String(out))
            }
        }
        str.addMethod("zfill(self, width, /)") { (interp, args) throws(PyError) in
            var scalars = Array(try s(interp, args[0]).unicodeScalars)
            let width = try interp.expectInt(args[1])
            let padding = width - scalars.count
            guard padding > 0 else { return args[0] }
            if width > Interpreter.maxStringLength { throw PyError.memoryError() }
            let signed = scalars.first == "+" || scalars.first == "-"
            scalars.insert(contentsOf: repeatElement(Unicode.Scalar("0"), count: padding), at: signed ? 1 : 0)
            return .str(text(scalars[...]))
        }
        str.addMethod("replace(self, old, new, count=-1, /)") { (interp, args) throws(PyError) in
            let hay = Array(try s(interp, args[0]).unicodeScalars)
            let old = Array(try interp.expectStr(args[1]).unicodeScalars)
            let new = Array(try interp.expectStr(args[2]).unicodeScalars)
            var remaining = try interp.expectInt(args[3])
            if remaining < 0 { remaining = Int.max }
            /// Whether `count` scalars (4 bytes each here) exceed the string size limit.
            func tooLong(_ count: Int) -> Bool { count > Interpreter.maxStringLength / 4 }
            var out: [Unicode.Scalar] = []
            var i = 0
            if old.isEmpty {
                for c in hay {
                    if remaining > 0 {
                        if tooLong(out.count + new.count) { throw PyError.memoryError() }
                        out += new
                        remaining -= 1
                    }
                    out.append(c)
                }
                if remaining > 0 { out += new }
                return .str(text(out[...]))
            }
            while remaining > 0, let found = StringSearch.find(hay, old, i) {
                if tooLong(out.count + found - i + new.count) { throw PyError.memoryError() }
                out += hay[i..<found]
                out += new
                i = found + old.count
                remaining -= 1
            }
            out += hay[i...]
            return .str(text(out[...]))
        }
        str.addMethod("removeprefix(self, prefix, /)") { (interp, args) throws(PyError) in
            let t = try s(interp, args[0]), p = try interp.expectStr(args[1])
            return t.hasPrefix(p) ? .str(String(t.unicodeScalars.dropFirst(p.unicodeScalars.count))) : args[0]
        }
        str.addMethod("removesuffix(self, suffix, /)") { (interp, args) throws(PyError) in
            let t = try s(interp, args[0]), p = try interp.expectStr(args[1])
            return t.hasSuffix(p) && !p.isEmpty ? .str(String(t.unicodeScalars.dropLast(p.unicodeScalars.count))) : args[0]
        }
        str.addMethod("expandtabs(self, /, tabsize=8)") { (interp, args) throws(PyError) in
            let size = try interp.expectInt(args[1])
            var out = "", column = 0
            for c in try s(interp, args[0]).unicodeScalars {
                if c == "\t" {
                    let n = size > 0 ? size - column % size : 0
                    if n > Interpreter.maxStringLength - out.utf8.count { throw PyError.memoryError() }
                    out += String(repeating: " ", count: n)
                    column += n
                } else {
                    out.unicodeScalars.append(c)
                    column = (c == "\n" || c == "\r") ? 0 : column + 1
                }
            }
            return .str(out)
        }

        // MARK: Formatting
        str.addRawMethod("format") { (interp, args) throws(PyError) in
            guard case .str(let template) = args.positional.first ?? .none else {
                throw PyError.typeError("descriptor 'format' requires a 'str' object")
            }
            return .str(try interp.formatTemplate(template, Arguments(Array(args.positional.dropFirst()), keywords: args.keywords)))
        }
        str.addMethod("format_map(self, mapping, /)") { (interp, args) throws(PyError) in
            .str(try interp.formatTemplate(try s(interp, args[0]), Arguments(), mapping: args[1]))
        }
        str.addMethod("encode(self, /, encoding='utf-8', errors='strict')") { (interp, args) throws(PyError) in
            .object(PyBytes(Array(try s(interp, args[0]).utf8)))
        }
    }

    static func s(_ interp: Interpreter, _ v: PyValue) throws(PyError) -> String {
        if case .str(let text) = v { return text }
        throw PyError.typeError("descriptor requires a 'str' object but received a '\(v.type.name)'")
    }

    static func text<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    private static func split(_ interp: Interpreter, _ args: BoundArguments, fromRight: Bool) throws(PyError) -> [String] {
        let scalars = Array(try s(interp, args[0]).unicodeScalars)
        var maxSplit = try interp.expectInt(args[2])
        if maxSplit < 0 { maxSplit = Int.max }
        if args.isNone(1) {
            // Runs of whitespace; no empty strings.
            var words: [ArraySlice<Unicode.Scalar>] = []
            if !fromRight {
                var i = 0
                while i < scalars.count {
                    while i < scalars.count && StringSearch.isSpace(scalars[i]) { i += 1 }
                    if i == scalars.count { break }
                    if words.count == maxSplit {
                        var end = scalars.count
                        while end > i && StringSearch.isSpace(scalars[end - 1]) { end -= 1 }
                        words.append(scalars[i..<end])
                        break
                    }
                    let start = i
                    while i < scalars.count && !StringSearch.isSpace(scalars[i]) { i += 1 }
                    words.append(scalars[start..<i])
                }
                return words.map { text($0) }
            }
            var i = scalars.count
            while i > 0 {
                while i > 0 && StringSearch.isSpace(scalars[i - 1]) { i -= 1 }
                if i == 0 { break }
                if words.count == maxSplit {
                    var start = 0
                    while start < i && StringSearch.isSpace(scalars[start]) { start += 1 }
                    words.append(scalars[start..<i])
                    break
                }
                let end = i
                while i > 0 && !StringSearch.isSpace(scalars[i - 1]) { i -= 1 }
                words.append(scalars[i..<end])
            }
            return words.reversed().map { text($0) }
        }
        let sep = Array(try interp.expectStr(args[1], "must be str or None, not \(args[1].type.name)").unicodeScalars)
        if sep.isEmpty { throw PyError.valueError("empty separator") }
        var parts: [String] = []
        if !fromRight {
            var i = 0
            while parts.count < maxSplit, let found = StringSearch.find(scalars, sep, i) {
                parts.append(text(scalars[i..<found]))
                i = found + sep.count
            }
            parts.append(text(scalars[i...]))
            return parts
        }
        var end = scalars.count
        while parts.count < maxSplit, let found = StringSearch.rfind(scalars, sep, 0, end: end) {
            parts.append(text(scalars[(found + sep.count)..<end]))
            end = found
        }
        parts.append(text(scalars[..<end]))
        return parts.reversed()
    }
}
