import MiniPython
import TensorEngine

/// `numpy._native`: the few native pieces the Python `numpy` package is written over —
/// numpy's float formatting (``NumPyFloatFormat``), its float summation order
/// (``NumPySum``) and its legacy random generator (``LegacyRandomState``).
enum NumPyNative {
    static func make(_ interp: Interpreter) throws(PyError) -> PyModule {
        let module = PyModule(name: "numpy._native")
        module["RandomState"] = .object(PyLegacyRandom.type)
        /// format_positional(x, single, precision, min_digits, trim, pad_left, pad_right)
        module.addFunction("format_positional(x, single, precision, min_digits, trim, pad_left, pad_right)") { (interp, args) throws(PyError) in
            let x = try interp.expectFloat(args[0], "x")
            return PyValue(NumPyFloatFormat.positional(
                x, try interp.isTrue(args[1]) ? .single : .double, precision: try optionalInt(args[2], interp),
                minDigits: try interp.expectInt(args[3]), trim: try trim(args[4], interp),
                padLeft: try interp.expectInt(args[5]), padRight: try interp.expectInt(args[6])))
        }
        /// format_scientific(x, single, precision, min_digits, trim, pad_left, exp_digits)
        module.addFunction("format_scientific(x, single, precision, min_digits, trim, pad_left, exp_digits)") { (interp, args) throws(PyError) in
            let x = try interp.expectFloat(args[0], "x")
            return PyValue(NumPyFloatFormat.scientific(
                x, try interp.isTrue(args[1]) ? .single : .double, precision: try optionalInt(args[2], interp),
                minDigits: try interp.expectInt(args[3]), trim: try trim(args[4], interp),
                padLeft: try interp.expectInt(args[5]), expDigits: try interp.expectInt(args[6])))
        }
        /// sum(t, axes): a float32/float64 tensor summed over `axes` (a tuple) in numpy's order.
        module.addFunction("sum(t, axes)") { (interp, args) throws(PyError) in
            guard let t = args[0].tensorValue else { throw PyError.typeError("sum() expects a tensor") }
            let axes = Set(try interp.toArray(args[1]).map { (v) throws(PyError) in try interp.expectInt(v) })
            return .tensor(try engine { try NumPySum.sum(t, axes: axes) })
        }
        return module
    }

    private static func optionalInt(_ v: PyValue, _ interp: Interpreter) throws(PyError) -> Int? {
        v.isNone ? nil : try interp.expectInt(v)
    }

    private static func trim(_ v: PyValue, _ interp: Interpreter) throws(PyError) -> NumPyFloatFormat.Trim {
        let text = try interp.expectStr(v, "trim")
        guard let trim = NumPyFloatFormat.Trim(rawValue: text) else {
            throw PyError.valueError("if trim is not None, it must be one of 'k', '.', '0', '-'")
        }
        return trim
    }
}

/// A ``LegacyRandomState`` as a Python object (`numpy._native.RandomState`), behind
/// `np.random.RandomState` and the module-level `np.random` functions.
final class PyLegacyRandom: PyObject, @unchecked Sendable {
    var state = LegacyRandomState()

    init() { super.init(type: PyLegacyRandom.type) }

    static let type: PyType = {
        let type = PyType(name: "RandomState", module: "numpy._native", base: .object, isBaseType: false) { _ in PyLegacyRandom() }
        /// seed(seed): an int in 0 ... 2**32 - 1.
        type.addMethod("seed(self, seed)") { (interp, args) throws(PyError) in
            let seed = try interp.expectInt(args[1], "seed")
            guard let word = UInt32(exactly: seed) else { throw PyError.valueError("Seed must be between 0 and 2**32 - 1") }
            try generator(args[0]).state.seed(word)
            return .none
        }
        /// random_sample(n): n doubles in [0, 1) as a float64 tensor.
        type.addMethod("random_sample(self, n)") { (interp, args) throws(PyError) in
            let g = try generator(args[0]), n = try count(args[1], interp)
            var values = [Double](repeating: 0, count: n)
            for i in 0..<n { values[i] = g.state.nextDouble() }
            return .tensor(try engine { try Tensor.from(values) })
        }
        /// gauss(n): n standard normals as a float64 tensor.
        type.addMethod("gauss(self, n)") { (interp, args) throws(PyError) in
            let g = try generator(args[0]), n = try count(args[1], interp)
            var values = [Double](repeating: 0, count: n)
            for i in 0..<n { values[i] = g.state.gauss() }
            return .tensor(try engine { try Tensor.from(values) })
        }
        /// bounded(low, high, n): n int64s in low ... high (inclusive) as a tensor.
        type.addMethod("bounded(self, low, high, n)") { (interp, args) throws(PyError) in
            let g = try generator(args[0])
            let low = try interp.expectInt(args[1], "low"), high = try interp.expectInt(args[2], "high")
            let n = try count(args[3], interp)
            let range = UInt64(bitPattern: Int64(high) &- Int64(low))
            var values = [Int64](repeating: 0, count: n)
            for i in 0..<n { values[i] = Int64(low) &+ Int64(bitPattern: g.state.bounded(range)) }
            return .tensor(try engine { try Tensor.from(values) })
        }
        /// permutation(n): arange(n) shuffled as the legacy `shuffle` does (Fisher-Yates from the end).
        type.addMethod("permutation(self, n)") { (interp, args) throws(PyError) in
            let g = try generator(args[0]), n = try count(args[1], interp)
            var order = (0..<n).map { Int64($0) }
            for i in stride(from: n - 1, to: 0, by: -1) {
                let j = Int(g.state.bounded(UInt64(i)))
                order.swapAt(i, j)
            }
            return .tensor(try engine { try Tensor.from(order) })
        }
        return type
    }()

    private static func generator(_ v: PyValue) throws(PyError) -> PyLegacyRandom {
        guard let g = v.as(PyLegacyRandom.self) else { throw PyError.typeError("expected a RandomState") }
        return g
    }

    private static func count(_ v: PyValue, _ interp: Interpreter) throws(PyError) -> Int {
        let n = try interp.expectInt(v, "n")
        guard n >= 0 else { throw PyError.valueError("negative dimensions are not allowed") }
        guard n <= 1 << 31 else { throw PyError.memoryError("Unable to allocate array with \(n) elements") }
        return n
    }
}
