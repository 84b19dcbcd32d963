/// The bodies of the builtin functions, each under its Python signature.
extension Builtins {
    /// `divmod(x, y)` (a function, not a closure over the module: the module must not keep
    /// itself alive, and user code may delete or replace `builtins.divmod`).
    static func divmod(_ interp: Interpreter, _ x: PyValue, _ y: PyValue) throws(PyError) -> PyValue {
        switch (x, y) {
        case (.int(let a), .int(let b)):
            let (q, r) = try interp.numbers { () throws(PyNumberError) in try a.divMod(b) }
            return .tuple([.int(q), .int(r)])
        case (.int, .float), (.float, .int), (.float, .float):
            let a = try interp.expectFloat(x), b = try interp.expectFloat(y)
            let (q, r) = try interp.numbers { () throws(PyNumberError) in try PyFloatOps.divMod(a, b) }
            return .tuple([.float(q), .float(r)])
        default:
            if let method = x.type.lookup("__divmod__") {
                let r = try interp.call(try interp.bind(method, to: x, x.type), [y])
                if !r.isNotImplemented { return r }
            }
            if let method = y.type.lookup("__rdivmod__") {
                let r = try interp.call(try interp.bind(method, to: y, y.type), [x])
                if !r.isNotImplemented { return r }
            }
            if case .bool = x {
                return try divmod(interp, PyValue(try interp.expectInt(x)), y)
            }
            throw PyError.typeError("unsupported operand type(s) for divmod(): '\(x.type.name)' and '\(y.type.name)'")
        }
    }

    static func fillFunctions(_ m: PyModule) {
        /// print(*objects, sep=' ', end='\n', file=None, flush=False)
        m.addFunction("print(*objects, sep=None, end=None, file=None, flush=False)") { (interp, args) throws(PyError) in
            func text(_ v: PyValue, _ name: String, _ dflt: String) throws(PyError) -> String {
                switch v {
                case .none: return dflt
                case .str(let s): return s
                default: throw PyError.typeError("\(name) must be None or a string, not \(v.type.name)")
                }
            }
            let sep = try text(args["sep"], "sep", " ")
            let end = try text(args["end"], "end", "\n")
            var out = ""
            for (i, item) in args.varArgs.enumerated() {
                if i > 0 { out += sep }
                out += try interp.str(item)
            }
            out += end
            let file = args["file"]
            if file.isNone { interp.writeStdout(out) } else { _ = try interp.callMethod(file, "write", Arguments([.str(out)])) }
            return .none
        }
        /// len(obj, /)
        m.addFunction("len(obj, /)") { (interp, args) throws(PyError) in PyValue(try interp.length(args[0])) }
        /// repr(obj, /)
        m.addFunction("repr(obj, /)") { (interp, args) throws(PyError) in .str(try interp.repr(args[0])) }
        /// ascii(obj, /)
        m.addFunction("ascii(obj, /)") { (interp, args) throws(PyError) in .str(interp.asciiEscaped(try interp.repr(args[0]))) }
        /// format(value, format_spec='', /)
        m.addFunction("format(value, format_spec='', /)") { (interp, args) throws(PyError) in
            .str(try interp.format(args[0], try interp.expectStr(args[1], "format() argument 2")))
        }
        /// sorted(iterable, /, *, key=None, reverse=False)
        m.addFunction("sorted(iterable, /, *, key=None, reverse=False)") { (interp, args) throws(PyError) in
            .list(try interp.sorted(try interp.toArray(args[0]), key: args[1], reverse: try interp.isTrue(args[2])))
        }
        m.addFunction("min(*args, key=None, default=<unset>)") { (interp, args) throws(PyError) in
            try minMax(interp, args, "min", wantLess: true)
        }
        m.addFunction("max(*args, key=None, default=<unset>)") { (interp, args) throws(PyError) in
            try minMax(interp, args, "max", wantLess: false)
        }
        /// sum(iterable, /, start=0)
        m.addFunction("sum(iterable, /, start=0)") { (interp, args) throws(PyError) in
            var total = args[1]
            if case .str = total { throw PyError.typeError("sum() can't sum strings [use ''.join(seq) instead]") }
            try interp.forEach(args[0]) { (item) throws(PyError) in
                total = try interp.binaryOperation(.add, total, item)
                return true
            }
            return total
        }
        m.addFunction("abs(x, /)") { (interp, args) throws(PyError) in
            switch args[0] {
            case .int(let i): return .int(i.magnitude)
            case .float(let d): return .float(abs(d))
            case .bool(let b): return PyValue(b ? 1 : 0)
            default:
                if let r = try interp.callSpecial(args[0], "__abs__") { return r }
                throw PyError.typeError("bad operand type for abs(): '\(args[0].type.name)'")
            }
        }
        m.addFunction("round(number, ndigits=None)") { (interp, args) throws(PyError) in
            guard let method = args[0].type.lookup("__round__") else {
                throw PyError.typeError("type \(args[0].type.name) doesn't define __round__ method")
            }
            let bound = try interp.bind(method, to: args[0], args[0].type)
            return args.isNone(1) ? try interp.call(bound, Arguments()) : try interp.call(bound, [args[1]])
        }
        m.addFunction("any(iterable, /)") { (interp, args) throws(PyError) in
            var result = false
            try interp.forEach(args[0]) { (item) throws(PyError) in
                if try interp.isTrue(item) { result = true; return false }
                return true
            }
            return .bool(result)
        }
        m.addFunction("all(iterable, /)") { (interp, args) throws(PyError) in
            var result = true
            try interp.forEach(args[0]) { (item) throws(PyError) in
                if !(try interp.isTrue(item)) { result = false; return false }
                return true
            }
            return .bool(result)
        }
        m.addFunction("divmod(x, y, /)") { (interp, args) throws(PyError) in try divmod(interp, args[0], args[1]) }
        m.addFunction("pow(base, exp, mod=None)") { (interp, args) throws(PyError) in
            if args.isNone(2) { return try interp.binaryOperation(.power, args[0], args[1]) }
            guard case .int(let b) = args[0], case .int(let e) = args[1], case .int(let mod) = args[2] else {
                throw PyError.typeError("pow() 3rd argument not allowed unless all arguments are integers")
            }
            return .int(try interp.numbers { () throws(PyNumberError) in try b.power(e, modulo: mod) })
        }
        m.addFunction("chr(i, /)") { (interp, args) throws(PyError) in
            let i = try interp.expectInt(args[0])
            guard i >= 0, i < 0x110000 else { throw PyError.valueError("chr() arg not in range(0x110000)") }
            guard let scalar = Unicode.Scalar(UInt32(i)) else { return .str("\u{FFFD}") }
            return .str(String(scalar))
        }
        m.addFunction("ord(c, /)") { (interp, args) throws(PyError) in
            guard case .str(let s) = args[0] else {
                throw PyError.typeError("ord() expected string of length 1, but \(args[0].type.name) found")
            }
            let scalars = s.unicodeScalars
            guard scalars.count == 1, let first = scalars.first else {
                throw PyError.typeError("ord() expected a character, but string of length \(scalars.count) found")
            }
            return PyValue(Int(first.value))
        }
        m.addFunction("hex(number, /)") { (interp, args) throws(PyError) in .str(try interp.expectBigInt(args[0]).toString(radix: 16, prefix: true)) }
        m.addFunction("oct(number, /)") { (interp, args) throws(PyError) in .str(try interp.expectBigInt(args[0]).toString(radix: 8, prefix: true)) }
        m.addFunction("bin(number, /)") { (interp, args) throws(PyError) in .str(try interp.expectBigInt(args[0]).toString(radix: 2, prefix: true)) }
        m.addFunction("id(obj, /)") { (interp, args) throws(PyError) in
            if case .object(let o) = args[0] { return PyValue(o.identity) }
            return PyValue(try interp.hash(args[0]) & 0xFFFF_FFFF | 0x7000_0000_0000)
        }
        m.addFunction("hash(obj, /)") { (interp, args) throws(PyError) in PyValue(try interp.hash(args[0])) }
        m.addFunction("callable(obj, /)") { (interp, args) throws(PyError) in
            guard case .object(let o) = args[0] else { return .bool(false) }
            return .bool(o is PyFunction || o is PyBuiltinFunction || o is PyMethod || o is PyType || o.type.lookup("__call__") != nil)
        }
        m.addFunction("isinstance(obj, class_or_tuple, /)") { (interp, args) throws(PyError) in
            .bool(try classMatches(args[0].type, args[1], "isinstance"))
        }
        m.addFunction("issubclass(cls, class_or_tuple, /)") { (interp, args) throws(PyError) in
            guard let cls = args[0].as(PyType.self) else { throw PyError.typeError("issubclass() arg 1 must be a class") }
            return .bool(try classMatches(cls, args[1], "issubclass"))
        }
        m.addFunction("getattr(object, name, default=<unset>, /)") { (interp, args) throws(PyError) in
            guard case .str(let name) = args[1] else {
                throw PyError.typeError("attribute name must be string, not '\(args[1].type.name)'")
            }
            if let fallback = args.optional(2) { return try interp.lookupAttribute(args[0], name) ?? fallback }
            return try interp.getAttribute(args[0], name)
        }
        m.addFunction("hasattr(obj, name, /)") { (interp, args) throws(PyError) in
            guard case .str(let name) = args[1] else {
                throw PyError.typeError("attribute name must be string, not '\(args[1].type.name)'")
            }
            return .bool(try interp.lookupAttribute(args[0], name) != nil)
        }
        m.addFunction("setattr(obj, name, value, /)") { (interp, args) throws(PyError) in
            guard case .str(let name) = args[1] else {
                throw PyError.typeError("attribute name must be string, not '\(args[1].type.name)'")
            }
            try interp.setAttribute(args[0], name, args[2])
            return .none
        }
        m.addFunction("delattr(obj, name, /)") { (interp, args) throws(PyError) in
            guard case .str(let name) = args[1] else {
                throw PyError.typeError("attribute name must be string, not '\(args[1].type.name)'")
            }
            try interp.deleteAttribute(args[0], name)
            return .none
        }
        m.addFunction("iter(object, sentinel=<unset>, /)") { (interp, args) throws(PyError) in
            guard let sentinel = args.optional(1) else { return try interp.iter(args[0]) }
            let callable = args[0]
            return .object(PyIterator(type: .callableIterator) { (interp) throws(PyError) in
                let value = try interp.call(callable, Arguments())
                return try interp.equals(value, sentinel) ? nil : value
            })
        }
        m.addFunction("next(iterator, default=<unset>, /)") { (interp, args) throws(PyError) in
            let iterator = args[0]
            let isIterator: Bool
            if case .object(let o) = iterator {
                isIterator = o is PyIterator || o is PyGenerator || o.type.lookup("__next__") != nil
            } else {
                isIterator = false
            }
            guard isIterator else { throw PyError.typeError("'\(iterator.type.name)' object is not an iterator") }
            if let value = try interp.next(iterator) { return value }
            if let fallback = args.optional(1) { return fallback }
            throw PyError.stopIteration(iterator.as(PyGenerator.self)?.returnValue ?? .none)
        }
        /// __import__(name, globals=None, locals=None, fromlist=(), level=0): the same registry
        /// as the `import` statement, so it reaches the same modules and no others.
        m.addFunction("__import__(name, globals=None, locals=None, fromlist=(), level=0)") { (interp, args) throws(PyError) in
            guard case .str(let name) = args[0] else { throw PyError.typeError("module name must be str, not \(args[0].type.name)") }
            let level = try interp.expectInt(args[4])
            if level < 0 { throw PyError.valueError("level must be >= 0") }
            if level > 0 { throw PyError(type: .importError, message: "attempted relative import with no known parent package") }
            if name.isEmpty { throw PyError.valueError("Empty module name") }
            let module = try interp.importModule(name)
            if try interp.isTrue(args[3]) { return .object(module) }
            return .object(try interp.importModule(String(name.prefix { $0 != "." })))
        }
        m.addFunction("globals()") { (interp, _) throws(PyError) in
            .object(interp.currentFrame?.globals ?? interp.mainModule.namespace)
        }
        m.addFunction("locals()") { (interp, _) throws(PyError) in .object(interp.localsDict()) }
        m.addFunction("vars(object=<unset>, /)") { (interp, args) throws(PyError) in
            guard let object = args.optional(0) else { return .object(interp.localsDict()) }
            if let dict = try interp.lookupAttribute(object, "__dict__") { return dict }
            throw PyError.typeError("vars() argument must have __dict__ attribute")
        }
        m.addFunction("dir(object=<unset>, /)") { (interp, args) throws(PyError) in
            guard let object = args.optional(0) else {
                return .list(interp.localsDict().keys.sorted { a, b in
                    if case .str(let x) = a, case .str(let y) = b { return x < y }
                    return false
                })
            }
            return .list(try interp.directory(of: object).map { .str($0) })
        }
        m.addFunction("input(prompt='', /)") { (interp, args) throws(PyError) in
            interp.writeStdout(try interp.str(args[0]))
            guard let line = interp.readLine() else { throw PyError(type: .eofError, message: "EOF when reading a line") }
            return .str(line)
        }
        for name in ["exit", "quit"] {
            m.addFunction("\(name)(code=None)") { (_, args) throws(PyError) in
                throw PyError(PyBaseException(type: .systemExit, args: args[0].isNone ? [] : [args[0]]))
            }
        }
    }

    /// `isinstance`/`issubclass` against a class or a (nested) tuple of classes.
    private static func classMatches(_ type: PyType, _ spec: PyValue, _ function: String) throws(PyError) -> Bool {
        if let cls = spec.as(PyType.self) { return type.isSubtype(of: cls) }
        if let tuple = spec.as(PyTuple.self) {
            for item in tuple.items where try classMatches(type, item, function) { return true }
            return false
        }
        throw PyError.typeError("\(function)() arg 2 must be a type, a tuple of types, or a union")
    }

    /// `min()` and `max()`: one iterable, or several arguments; `key` and `default`.
    private static func minMax(_ interp: Interpreter, _ args: BoundArguments, _ name: String, wantLess: Bool) throws(PyError) -> PyValue {
        let items: [PyValue]
        if args.varArgs.isEmpty {
            throw PyError.typeError("\(name) expected at least 1 argument, got 0")
        } else if args.varArgs.count == 1 {
            items = try interp.toArray(args.varArgs[0])
        } else {
            if args.optional("default") != nil {
                throw PyError.typeError("Cannot specify a default for \(name)() with multiple positional arguments")
            }
            items = args.varArgs
        }
        guard var best = items.first else {
            if let fallback = args.optional("default") { return fallback }
            throw PyError.valueError("\(name)() arg is an empty sequence")
        }
        let key = args["key"]
        var bestKey = key.isNone ? best : try interp.call(key, [best])
        for item in items.dropFirst() {
            let itemKey = key.isNone ? item : try interp.call(key, [item])
            let better = wantLess ? try interp.lessThan(itemKey, bestKey) : try interp.lessThan(bestKey, itemKey)
            if better {
                best = item
                bestKey = itemKey
            }
        }
        return best
    }
}

extension Interpreter {
    /// `locals()`: the current function's variables, or the module/class namespace.
    func localsDict() -> PyDict {
        guard let f = currentFrame else { return mainModule.namespace }
        switch f.code.kind {
        case .module, .classBody: return f.namespace
        default:
            let dict = PyDict()
            for (i, name) in f.code.fastNames.enumerated() { if let v = f.fast[i] { dict.set(str: name, v) } }
            for (i, name) in f.code.cellNames.enumerated() where i < f.cells.count {
                if let v = f.cells[i].value { dict.set(str: name, v) }
            }
            return dict
        }
    }
}
