import Foundation
import Testing
@testable import MiniPython

/// Fixtures produced by CPython 3.11 (`Fixtures/numbers/make_number_fixtures.py`).
enum NumberFixtures {
    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/numbers/numbers.json")

    static func load() throws -> [[Any]] {
        let data = try Data(contentsOf: url)
        return try JSONSerialization.jsonObject(with: data) as! [[Any]]
    }

    /// A decoded fixture value.
    enum Value {
        case int(PyIntValue)
        case float(Double)
        case string(String)
        case bool(Bool)
        case tuple([Value])
    }

    static func decode(_ any: Any) -> Value {
        if let list = any as? [Any] { return .tuple(list.map(decode)) }
        let s = any as! String
        let tag = s.prefix(2)
        let body = String(s.dropFirst(2))
        switch tag {
        case "i:": return .int(try! PyIntValue.parse(body, base: 10, maxDigits: 0))
        case "f:": return .float(Double(bitPattern: UInt64(body, radix: 16)!))
        case "b:": return .bool(body == "True")
        default: return .string(body)
        }
    }

    static func same(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case let (.int(x), .int(y)): return x == y
        case let (.float(x), .float(y)): return (x.isNaN && y.isNaN) || x.bitPattern == y.bitPattern
        case let (.string(x), .string(y)): return x == y
        case let (.bool(x), .bool(y)): return x == y
        case let (.tuple(x), .tuple(y)): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        default: return false
        }
    }

    static func int(_ v: Value) -> PyIntValue {
        if case .int(let i) = v { return i }
        if case .bool(let b) = v { return PyIntValue(b) }
        fatalError("not an int: \(v)")
    }

    static func float(_ v: Value) -> Double {
        if case .float(let d) = v { return d }
        fatalError("not a float: \(v)")
    }

    static func string(_ v: Value) -> String {
        if case .string(let s) = v { return s }
        fatalError("not a string: \(v)")
    }

    static func number(_ n: PyNumber) -> Value {
        switch n {
        case .int(let i): return .int(i)
        case .float(let d): return .float(d)
        }
    }

    /// Runs one operation on decoded arguments.
    static func run(_ op: String, _ a: [Value]) throws(PyNumberError) -> Value {
        switch op {
        case "int_add": return .int(int(a[0]) + int(a[1]))
        case "int_sub": return .int(int(a[0]) - int(a[1]))
        case "int_mul": return .int(int(a[0]) * int(a[1]))
        case "int_floordiv": return .int(try int(a[0]).floorDivided(by: int(a[1])))
        case "int_mod": return .int(try int(a[0]).modulo(int(a[1])))
        case "int_divmod":
            let (q, r) = try int(a[0]).divMod(int(a[1]))
            return .tuple([.int(q), .int(r)])
        case "int_truediv": return .float(try int(a[0]).trueDivided(by: int(a[1])))
        case "int_and": return .int(int(a[0]) & int(a[1]))
        case "int_or": return .int(int(a[0]) | int(a[1]))
        case "int_xor": return .int(int(a[0]) ^ int(a[1]))
        case "int_cmp": return .int(PyIntValue(PyIntValue.compare(int(a[0]), int(a[1]))))
        case "int_pow": return number(try int(a[0]).power(int(a[1])))
        case "int_powmod": return .int(try int(a[0]).power(int(a[1]), modulo: int(a[2])))
        case "int_lshift": return .int(try int(a[0]).shiftedLeft(by: int(a[1])))
        case "int_rshift": return .int(try int(a[0]).shiftedRight(by: int(a[1])))
        case "int_neg": return .int(-int(a[0]))
        case "int_invert": return .int(~int(a[0]))
        case "int_abs": return .int(int(a[0]).magnitude)
        case "int_hash": return .int(PyIntValue(int(a[0]).pyHash))
        case "int_str": return .string(try int(a[0]).toDecimalString())
        case "int_hex": return .string(int(a[0]).toString(radix: 16, prefix: true))
        case "int_oct": return .string(int(a[0]).toString(radix: 8, prefix: true))
        case "int_bin": return .string(int(a[0]).toString(radix: 2, prefix: true))
        case "int_bit_length": return .int(PyIntValue(int(a[0]).bitLength))
        case "int_float": return .float(try int(a[0]).toDouble())
        case "int_round": return .int(try int(a[0]).rounded(ndigits: int(a[1])))
        case "int_parse": return .int(try PyIntValue.parse(string(a[0]), base: int(a[1]).asInt!))
        case "float_floordiv": return .float(try PyFloatOps.floorDivide(float(a[0]), float(a[1])))
        case "float_mod": return .float(try PyFloatOps.modulo(float(a[0]), float(a[1])))
        case "float_divmod":
            let (q, r) = try PyFloatOps.divMod(float(a[0]), float(a[1]))
            return .tuple([.float(q), .float(r)])
        case "float_truediv": return .float(try PyFloatOps.trueDivide(float(a[0]), float(a[1])))
        case "float_pow": return .float(try PyFloatOps.power(float(a[0]), float(a[1])))
        case "float_parse": return .float(try PyFloatOps.parse(string(a[0])))
        case "float_repr": return .string(PyNumberFormat.repr(float(a[0])))
        case "float_hash": return .int(PyIntValue(PyFloatOps.hash(float(a[0]))))
        case "float_int": return .int(try PyIntValue(truncating: float(a[0])))
        case "float_round0": return .int(try PyFloatOps.round(float(a[0])))
        case "float_floor": return .int(try PyFloatOps.floor(float(a[0])))
        case "float_ceil": return .int(try PyFloatOps.ceil(float(a[0])))
        case "float_is_integer": return .bool(PyFloatOps.isInteger(float(a[0])))
        case "float_round": return .float(try PyFloatOps.round(float(a[0]), ndigits: int(a[1])))
        case "cmp_int_float":
            guard let c = PyFloatOps.compare(int(a[0]), float(a[1])) else { return .string("nan") }
            return .int(PyIntValue(c))
        case "format_int": return .string(try PyNumberFormat.format(int(a[0]), string(a[1])))
        case "format_float": return .string(try PyNumberFormat.format(float(a[0]), string(a[1])))
        case "percent":
            guard case .tuple(let items) = a[1] else { fatalError() }
            let args: [PyPercentArgument] = items.map {
                switch $0 {
                case .int(let i): return .int(i)
                case .float(let d): return .float(d)
                case .bool(let b): return .bool(b)
                case .string(let s): return .string(s)
                case .tuple: fatalError()
                }
            }
            return .string(try PyNumberFormat.percentFormat(string(a[0]), args))
        default:
            fatalError("unknown fixture op \(op)")
        }
    }
}

@Suite struct NumberFixtureTests {
    @Test func allCasesMatchCPython() throws {
        let cases = try NumberFixtures.load()
        #expect(cases.count > 10_000)
        var failures: [String] = []
        var perOp: [String: (pass: Int, fail: Int)] = [:]
        for c in cases {
            let op = c[0] as! String
            let args = (c[1] as! [Any]).map(NumberFixtures.decode)
            var ok = false
            var got = ""
            do {
                let r = try NumberFixtures.run(op, args)
                if c.count == 3 {
                    ok = NumberFixtures.same(r, NumberFixtures.decode(c[2]))
                }
                got = "\(r)"
            } catch {
                if c.count == 5 {
                    ok = error.kind.rawValue == (c[3] as! String) && error.message == (c[4] as! String)
                }
                got = error.description
            }
            var entry = perOp[op] ?? (0, 0)
            if ok { entry.pass += 1 } else { entry.fail += 1 }
            perOp[op] = entry
            if !ok && failures.count < 40 {
                let expected = c.count == 3 ? "\(c[2])" : "\(c[3]): \(c[4])"
                failures.append("\(op)(\(c[1])) expected \(expected) got \(got)")
            }
        }
        let failed = perOp.values.reduce(0) { $0 + $1.fail }
        let summary = perOp.filter { $0.value.fail > 0 }.map { "\($0.key): \($0.value.fail) failed" }.sorted()
        #expect(failed == 0, "\(failed)/\(cases.count) failed\n\(summary.joined(separator: "\n"))\n\(failures.joined(separator: "\n"))")
    }
}
