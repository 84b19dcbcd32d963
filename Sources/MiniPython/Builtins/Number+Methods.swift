/// `int`, `bool` and `float`: constructors, methods and the numeric special methods.
enum NumberMethods {
    static let arithmetic: [BinaryOperator] = [.add, .subtract, .multiply, .divide, .floorDivide, .modulo, .power,
                                               .leftShift, .rightShift, .bitAnd, .bitOr, .bitXor]

    static func fill() {
        fillInt()
        fillFloat()
    }

    private static func fillInt() {
        let int = PyType.int
        int.addStaticMethod("__new__(cls, x=<unset>, /, base=<unset>)") { (interp, args) throws(PyError) in
            guard args[0].as(PyType.self) === PyType.int else {
                throw PyError.notImplementedError(RuntimeUNIMPLEMENTED.subclassingImmediate("int").message)
            }
            guard let x = args.optional(1) else {
                if args.optional(2) != nil { throw PyError.typeError("int() missing string argument") }
                return PyValue(0)
            }
            return try interp.makeInt(x, base: args.optional(2))
        }
        BuiltinTypes.addArithmetic(int, arithmetic)
        BuiltinTypes.addComparisons(int)
        BuiltinTypes.addRepr(int) { (interp, v) throws(PyError) in try interp.repr(v) }
        int.addMethod("__format__(self, format_spec, /)") { (interp, args) throws(PyError) in
            .str(try interp.format(args[0], try interp.expectStr(args[1], "format_spec")))
        }
        int.addMethod("__hash__(self, /)") { (interp, args) throws(PyError) in PyValue(try interp.hash(args[0])) }
        int.addMethod("__bool__(self, /)") { (interp, args) throws(PyError) in .bool(try interp.isTrue(args[0])) }
        int.addMethod("__index__(self, /)") { (interp, args) throws(PyError) in .int(try interp.expectBigInt(args[0])) }
        int.addMethod("__int__(self, /)") { (interp, args) throws(PyError) in .int(try interp.expectBigInt(args[0])) }
        int.addMethod("__float__(self, /)") { (interp, args) throws(PyError) in .float(try interp.expectFloat(args[0])) }
        int.addMethod("__neg__(self, /)") { (interp, args) throws(PyError) in try interp.unaryOperation(.minus, args[0]) }
        int.addMethod("__pos__(self, /)") { (interp, args) throws(PyError) in try interp.unaryOperation(.plus, args[0]) }
        int.addMethod("__invert__(self, /)") { (interp, args) throws(PyError) in try interp.unaryOperation(.invert, args[0]) }
        int.addMethod("__abs__(self, /)") { (interp, args) throws(PyError) in .int(try interp.expectBigInt(args[0]).magnitude) }
        int.addMethod("__round__(self, ndigits=None, /)") { (interp, args) throws(PyError) in
            let value = try interp.expectBigInt(args[0])
            if args.isNone(1) { return .int(value) }
            let digits = try interp.expectBigInt(args[1])
            return .int(try interp.numbers { () throws(PyNumberError) in try value.rounded(ndigits: digits) })
        }
        for name in ["__trunc__", "__floor__", "__ceil__", "conjugate"] {
            int.addMethod("\(name)(self, /)") { (interp, args) throws(PyError) in .int(try interp.expectBigInt(args[0])) }
        }
        int.addMethod("bit_length(self, /)") { (interp, args) throws(PyError) in PyValue(try interp.expectBigInt(args[0]).bitLength) }
        int.addMethod("bit_count(self, /)") { (interp, args) throws(PyError) in PyValue(try interp.expectBigInt(args[0]).bitCount) }
        int.addMethod("as_integer_ratio(self, /)") { (interp, args) throws(PyError) in
            .tuple([.int(try interp.expectBigInt(args[0])), PyValue(1)])
        }
        int.addProperty("real") { (interp, v) throws(PyError) in .int(try interp.expectBigInt(v)) }
        int.addProperty("imag") { _, _ in PyValue(0) }
        int.addProperty("numerator") { (interp, v) throws(PyError) in .int(try interp.expectBigInt(v)) }
        int.addProperty("denominator") { _, _ in PyValue(1) }

        let bool = PyType.bool
        bool.addStaticMethod("__new__(cls, x=False, /)") { (interp, args) throws(PyError) in .bool(try interp.isTrue(args[1])) }
        BuiltinTypes.addRepr(bool) { (_, v) throws(PyError) in if case .bool(let b) = v { return b ? "True" : "False" } else { return "" } }
        for op in [BinaryOperator.bitAnd, .bitOr, .bitXor] { BuiltinTypes.addArithmetic(bool, [op]) }
    }

    private static func fillFloat() {
        let float = PyType.float
        float.addStaticMethod("__new__(cls, x=0.0, /)") { (interp, args) throws(PyError) in
            guard args[0].as(PyType.self) === PyType.float else {
                throw PyError.notImplementedError(RuntimeUNIMPLEMENTED.subclassingImmediate("float").message)
            }
            return .float(try interp.makeFloat(args[1]))
        }
        BuiltinTypes.addArithmetic(float, [.add, .subtract, .multiply, .divide, .floorDivide, .modulo, .power])
        BuiltinTypes.addComparisons(float)
        BuiltinTypes.addRepr(float) { (interp, v) throws(PyError) in try interp.repr(v) }
        float.addMethod("__format__(self, format_spec, /)") { (interp, args) throws(PyError) in
            .str(try interp.format(args[0], try interp.expectStr(args[1], "format_spec")))
        }
        float.addMethod("__hash__(self, /)") { (interp, args) throws(PyError) in PyValue(try interp.hash(args[0])) }
        float.addMethod("__bool__(self, /)") { (interp, args) throws(PyError) in .bool(try interp.isTrue(args[0])) }
        float.addMethod("__float__(self, /)") { (interp, args) throws(PyError) in .float(try interp.expectFloat(args[0])) }
        float.addMethod("__int__(self, /)") { (interp, args) throws(PyError) in
            let d = try interp.expectFloat(args[0])
            return .int(try interp.numbers { () throws(PyNumberError) in try PyFloatOps.trunc(d) })
        }
        float.addMethod("__neg__(self, /)") { (interp, args) throws(PyError) in try interp.unaryOperation(.minus, args[0]) }
        float.addMethod("__pos__(self, /)") { (interp, args) throws(PyError) in try interp.unaryOperation(.plus, args[0]) }
        float.addMethod("__abs__(self, /)") { (interp, args) throws(PyError) in .float(abs(try interp.expectFloat(args[0]))) }
        float.addMethod("__round__(self, ndigits=None, /)") { (interp, args) throws(PyError) in
            let d = try interp.expectFloat(args[0])
            if args.isNone(1) { return .int(try interp.numbers { () throws(PyNumberError) in try PyFloatOps.round(d) }) }
            let digits = try interp.expectBigInt(args[1])
            return .float(try interp.numbers { () throws(PyNumberError) in try PyFloatOps.round(d, ndigits: digits) })
        }
        float.addMethod("__trunc__(self, /)") { (interp, args) throws(PyError) in
            let d = try interp.expectFloat(args[0])
            return .int(try interp.numbers { () throws(PyNumberError) in try PyFloatOps.trunc(d) })
        }
        float.addMethod("__floor__(self, /)") { (interp, args) throws(PyError) in
            let d = try interp.expectFloat(args[0])
            return .int(try interp.numbers { () throws(PyNumberError) in try PyFloatOps.floor(d) })
        }
        float.addMethod("__ceil__(self, /)") { (interp, args) throws(PyError) in
            let d = try interp.expectFloat(args[0])
            return .int(try interp.numbers { () throws(PyNumberError) in try PyFloatOps.ceil(d) })
        }
        float.addMethod("is_integer(self, /)") { (interp, args) throws(PyError) in
            .bool(PyFloatOps.isInteger(try interp.expectFloat(args[0])))
        }
        float.addMethod("conjugate(self, /)") { (interp, args) throws(PyError) in .float(try interp.expectFloat(args[0])) }
        float.addProperty("real") { (interp, v) throws(PyError) in .float(try interp.expectFloat(v)) }
        float.addProperty("imag") { _, _ in .float(0) }
    }
}

extension Interpreter {
    /// `int(x)` / `int(x, base)`
    func makeInt(_ x: PyValue, base: PyValue?) throws(PyError) -> PyValue {
        if let base {
            guard case .str(let s) = x else { throw PyError.typeError("int() can't convert non-string with explicit base") }
            let b = try expectInt(base)
            return .int(try numbers { () throws(PyNumberError) in try PyIntValue.parse(s, base: b) })
        }
        switch x {
        case .int: return x
        case .bool(let b): return PyValue(b ? 1 : 0)
        case .float(let d): return .int(try numbers { () throws(PyNumberError) in try PyFloatOps.trunc(d) })
        case .str(let s): return .int(try numbers { () throws(PyNumberError) in try PyIntValue.parse(s, base: 10) })
        case .none: break
        case .object(let o):
            for name in ["__int__", "__index__", "__trunc__"] where o.type.lookup(name) != nil {
                if let r = try callSpecial(x, name) {
                    if case .int = r { return r }
                    throw PyError.typeError("\(name) returned non-int (type \(r.type.name))")
                }
            }
        }
        throw PyError.typeError("int() argument must be a string, a bytes-like object or a real number, not '\(x.type.name)'")
    }

    /// `float(x)`
    func makeFloat(_ x: PyValue) throws(PyError) -> Double {
        switch x {
        case .float(let d): return d
        case .int(let i): return try toDouble(i)
        case .bool(let b): return b ? 1 : 0
        case .str(let s):
            return try numbers { () throws(PyNumberError) in try PyFloatOps.parse(s) }
        case .object(let o):
            if o.type.lookup("__float__") != nil || o.type.lookup("__index__") != nil { return try expectFloat(x) }
        default: break
        }
        throw PyError.typeError("float() argument must be a string or a real number, not '\(x.type.name)'")
    }
}
