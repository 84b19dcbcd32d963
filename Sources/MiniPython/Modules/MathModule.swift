#if canImport(Glibc)
import Glibc
#endif

/// `math`: the C library's functions with CPython's argument checks and error messages.
/// Docs: https://docs.python.org/3.11/library/math.html
enum MathModule {
    static func make() -> PyModule {
        let m = PyModule(name: "math")
        m["pi"] = .float(Double.pi)
        m["e"] = .float(M_E)
        m["tau"] = .float(2 * Double.pi)
        m["inf"] = .float(.infinity)
        m["nan"] = .float(.nan)

        func unary(_ name: String, domain: ((Double) -> Bool)? = nil, _ f: @escaping (Double) -> Double) {
            m.addFunction("\(name)(x, /)") { (interp, args) throws(PyError) in
                let x = try interp.expectFloat(args[0])
                if let domain, !domain(x) { throw PyError.valueError("math domain error") }
                let r = f(x)
                if r.isInfinite && x.isFinite { throw PyError.overflowError("math range error") }
                return .float(r)
            }
        }
        unary("sqrt", domain: { $0 >= 0 || $0.isNaN }, Glibc.sqrt)
        unary("exp", Glibc.exp)
        unary("expm1", Glibc.expm1)
        unary("log2", domain: { $0 > 0 || $0.isNaN }, Glibc.log2)
        unary("log10", domain: { $0 > 0 || $0.isNaN }, Glibc.log10)
        unary("log1p", domain: { $0 > -1 || $0.isNaN }, Glibc.log1p)
        unary("sin", domain: { !$0.isInfinite }, Glibc.sin)
        unary("cos", domain: { !$0.isInfinite }, Glibc.cos)
        unary("tan", domain: { !$0.isInfinite }, Glibc.tan)
        unary("asin", domain: { abs($0) <= 1 || $0.isNaN }, Glibc.asin)
        unary("acos", domain: { abs($0) <= 1 || $0.isNaN }, Glibc.acos)
        unary("atan", Glibc.atan)
        unary("sinh", Glibc.sinh)
        unary("cosh", Glibc.cosh)
        unary("tanh", Glibc.tanh)
        unary("asinh", Glibc.asinh)
        unary("acosh", domain: { $0 >= 1 || $0.isNaN }, Glibc.acosh)
        unary("atanh", domain: { abs($0) < 1 || $0.isNaN }, Glibc.atanh)
        unary("erf", Glibc.erf)
        unary("erfc", Glibc.erfc)
        unary("gamma", domain: { !($0 <= 0 && $0 == $0.rounded()) }, Glibc.tgamma)
        unary("lgamma", domain: { !($0 <= 0 && $0 == $0.rounded()) }, Glibc.lgamma)
        unary("fabs", Glibc.fabs)
        unary("degrees") { $0 * 180 / Double.pi }
        unary("radians") { $0 * Double.pi / 180 }

        m.addFunction("log(x, base=<unset>, /)") { (interp, args) throws(PyError) in
            func ln(_ v: PyValue) throws(PyError) -> Double {
                if case .int(let i) = v, i.bitLength > 1000 {
                    // Huge ints: log of the top bits plus the shift.
                    let shift = i.bitLength - 64
                    let top = try interp.toDouble(try interp.numbers { () throws(PyNumberError) in try i.shiftedRight(by: PyIntValue(shift)) })
                    return Glibc.log(top) + Double(shift) * M_LN2
                }
                let x = try interp.expectFloat(v)
                guard x > 0 || x.isNaN else { throw PyError.valueError("math domain error") }
                return Glibc.log(x)
            }
            let numerator = try ln(args[0])
            guard let base = args.optional(1) else { return .float(numerator) }
            let denominator = try ln(base)
            if denominator == 0 { throw PyError.zeroDivisionError("float division by zero") }
            return .float(numerator / denominator)
        }
        m.addFunction("pow(x, y, /)") { (interp, args) throws(PyError) in
            let x = try interp.expectFloat(args[0]), y = try interp.expectFloat(args[1])
            if x == 0 && y < 0 { throw PyError.valueError("math domain error") }
            if x < 0 && y != y.rounded() && y.isFinite { throw PyError.valueError("math domain error") }
            let r = Glibc.pow(x, y)
            if r.isInfinite && x.isFinite && y.isFinite { throw PyError.overflowError("math range error") }
            return .float(r)
        }
        m.addFunction("atan2(y, x, /)") { (interp, args) throws(PyError) in
            .float(Glibc.atan2(try interp.expectFloat(args[0]), try interp.expectFloat(args[1])))
        }
        m.addFunction("hypot(*coordinates)") { (interp, args) throws(PyError) in
            var values: [Double] = []
            for v in args.varArgs { values.append(try interp.expectFloat(v)) }
            if values.count == 2 { return .float(Glibc.hypot(values[0], values[1])) }
            return .float(Glibc.sqrt(values.reduce(0) { $0 + $1 * $1 }))
        }
        m.addFunction("copysign(x, y, /)") { (interp, args) throws(PyError) in
            .float(Glibc.copysign(try interp.expectFloat(args[0]), try interp.expectFloat(args[1])))
        }
        m.addFunction("fmod(x, y, /)") { (interp, args) throws(PyError) in
            let x = try interp.expectFloat(args[0]), y = try interp.expectFloat(args[1])
            if y == 0 || x.isInfinite { throw PyError.valueError("math domain error") }
            return .float(Glibc.fmod(x, y))
        }
        for (name, op) in [("floor", 0), ("ceil", 1), ("trunc", 2)] {
            m.addFunction("\(name)(x, /)") { (interp, args) throws(PyError) in
                switch args[0] {
                case .int, .bool: return .int(try interp.expectBigInt(args[0]))
                case .float(let d):
                    return .int(try interp.numbers { () throws(PyNumberError) in
                        op == 0 ? try PyFloatOps.floor(d) : (op == 1 ? try PyFloatOps.ceil(d) : try PyFloatOps.trunc(d))
                    })
                default:
                    if let r = try interp.callSpecial(args[0], "__\(name)__") { return r }
                    let d = try interp.expectFloat(args[0])
                    return .int(try interp.numbers { () throws(PyNumberError) in
                        op == 0 ? try PyFloatOps.floor(d) : (op == 1 ? try PyFloatOps.ceil(d) : try PyFloatOps.trunc(d))
                    })
                }
            }
        }
        m.addFunction("isnan(x, /)") { (interp, args) throws(PyError) in .bool(try interp.expectFloat(args[0]).isNaN) }
        m.addFunction("isinf(x, /)") { (interp, args) throws(PyError) in .bool(try interp.expectFloat(args[0]).isInfinite) }
        m.addFunction("isfinite(x, /)") { (interp, args) throws(PyError) in .bool(try interp.expectFloat(args[0]).isFinite) }
        m.addFunction("isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)") { (interp, args) throws(PyError) in
            let a = try interp.expectFloat(args[0]), b = try interp.expectFloat(args[1])
            let rel = try interp.expectFloat(args[2]), absTol = try interp.expectFloat(args[3])
            if rel < 0 || absTol < 0 { throw PyError.valueError("tolerances must be non-negative") }
            if a == b { return .bool(true) }
            if a.isInfinite || b.isInfinite { return .bool(false) }
            let diff = abs(b - a)
            return .bool(diff <= abs(rel * b) || diff <= abs(rel * a) || diff <= absTol)
        }
        m.addFunction("factorial(n, /)") { (interp, args) throws(PyError) in
            if case .float = args[0] { throw PyError.typeError("'float' object cannot be interpreted as an integer") }
            let n = try interp.expectInt(args[0])
            guard n >= 0 else { throw PyError.valueError("factorial() not defined for negative values") }
            var result = PyIntValue(1)
            if n > 1 {
                for i in 2...n {
                    try interp.checkInterrupt()
                    result = result * PyIntValue(i)
                    if result.bitLength > PyIntValue.maxBitLength { throw PyError.memoryError() }
                }
            }
            return .int(result)
        }
        m.addFunction("gcd(*integers)") { (interp, args) throws(PyError) in
            var g = PyIntValue(0)
            for v in args.varArgs {
                var a = g.magnitude, b = try interp.expectBigInt(v).magnitude
                while !b.isZero {
                    let r = try interp.numbers { () throws(PyNumberError) in try a.modulo(b) }
                    a = b
                    b = r
                }
                g = a
            }
            return .int(g)
        }
        m.addFunction("lcm(*integers)") { (interp, args) throws(PyError) in
            var l = PyIntValue(1)
            for v in args.varArgs {
                let x = try interp.expectBigInt(v).magnitude
                if x.isZero { return PyValue(0) }
                var a = l, b = x
                while !b.isZero {
                    let r = try interp.numbers { () throws(PyNumberError) in try a.modulo(b) }
                    a = b
                    b = r
                }
                l = try interp.numbers { () throws(PyNumberError) in try (l * x).floorDivided(by: a) }
            }
            return .int(l)
        }
        m.addFunction("isqrt(n, /)") { (interp, args) throws(PyError) in
            let n = try interp.expectBigInt(args[0])
            guard !n.isNegative else { throw PyError.valueError("isqrt() argument must be nonnegative") }
            if n.isZero { return PyValue(0) }
            // Newton's method on big ints.
            var x = try interp.numbers { () throws(PyNumberError) in try PyIntValue(1).shiftedLeft(by: PyIntValue((n.bitLength + 1) / 2)) }
            while true {
                let y = try interp.numbers { () throws(PyNumberError) in try (x + n.floorDivided(by: x)).shiftedRight(by: PyIntValue(1)) }
                if !(y < x) { return .int(x) }
                x = y
            }
        }
        m.addFunction("prod(iterable, /, *, start=1)") { (interp, args) throws(PyError) in
            var total = args[1]
            try interp.forEach(args[0]) { (item) throws(PyError) in
                total = try interp.binaryOperation(.multiply, total, item)
                return true
            }
            return total
        }
        m.addFunction("fsum(seq, /)") { (interp, args) throws(PyError) in
            // Shewchuk's exact partial sums, as CPython's math.fsum.
            var partials: [Double] = []
            try interp.forEach(args[0]) { (item) throws(PyError) in
                var x = try interp.expectFloat(item)
                var i = 0
                for var y in partials {
                    if abs(x) < abs(y) { swap(&x, &y) }
                    let hi = x + y
                    let lo = y - (hi - x)
                    if lo != 0 { partials[i] = lo; i += 1 }
                    x = hi
                }
                partials.removeSubrange(i...)
                partials.append(x)
                return true
            }
            var hi = 0.0
            if !partials.isEmpty {
                var n = partials.count - 1
                hi = partials[n]
                var lo = 0.0
                while n > 0 {
                    let x = hi
                    n -= 1
                    let y = partials[n]
                    hi = x + y
                    let yr = hi - x
                    lo = y - yr
                    if lo != 0 { break }
                }
                if n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0)) {
                    let y = lo * 2
                    let x = hi + y
                    let yr = x - hi
                    if y == yr { hi = x }
                }
            }
            return .float(hi)
        }
        m.addFunction("comb(n, k, /)") { (interp, args) throws(PyError) in
            let n = try interp.expectInt(args[0]), k = try interp.expectInt(args[1])
            guard n >= 0, k >= 0 else { throw PyError.valueError("n must be a non-negative integer") }
            if k > n { return PyValue(0) }
            var result = PyIntValue(1)
            for i in 0..<min(k, n - k) {
                try interp.checkInterrupt()
                if result.bitLength > PyIntValue.maxBitLength { throw PyError.memoryError() }
                result = try interp.numbers { () throws(PyNumberError) in try (result * PyIntValue(n - i)).floorDivided(by: PyIntValue(i + 1)) }
            }
            return .int(result)
        }
        m.addFunction("perm(n, k=None, /)") { (interp, args) throws(PyError) in
            let n = try interp.expectInt(args[0])
            let k = args.isNone(1) ? n : try interp.expectInt(args[1])
            guard n >= 0, k >= 0 else { throw PyError.valueError("n must be a non-negative integer") }
            if k > n { return PyValue(0) }
            var result = PyIntValue(1)
            for i in 0..<k {
                try interp.checkInterrupt()
                result = result * PyIntValue(n - i)
                if result.bitLength > PyIntValue.maxBitLength { throw PyError.memoryError() }
            }
            return .int(result)
        }
        m.addFunction("modf(x, /)") { (interp, args) throws(PyError) in
            let x = try interp.expectFloat(args[0])
            let whole = x.rounded(.towardZero)
            return .tuple([.float(x - whole), .float(whole)])
        }
        m.addFunction("frexp(x, /)") { (interp, args) throws(PyError) in
            let x = try interp.expectFloat(args[0])
            if x == 0 || !x.isFinite { return .tuple([.float(x), PyValue(0)]) }
            return .tuple([.float(x.significand / 2 * (x < 0 ? -1 : 1) * (x.sign == .minus ? 1 : 1)), PyValue(Int(x.exponent) + 1)])
        }
        m.addFunction("ldexp(x, i, /)") { (interp, args) throws(PyError) in
            .float(Glibc.ldexp(try interp.expectFloat(args[0]), Int32(clamping: try interp.expectInt(args[1]))))
        }
        m.addFunction("dist(p, q, /)") { (interp, args) throws(PyError) in
            let p = try interp.toArray(args[0]), q = try interp.toArray(args[1])
            guard p.count == q.count else { throw PyError.valueError("both points must have the same number of dimensions") }
            var sum = 0.0
            for (a, b) in zip(p, q) {
                let d = try interp.expectFloat(a) - interp.expectFloat(b)
                sum += d * d
            }
            return .float(Glibc.sqrt(sum))
        }
        return m
    }
}
