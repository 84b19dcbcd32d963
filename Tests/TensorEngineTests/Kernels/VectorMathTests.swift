import Testing
@testable import TensorEngine

#if canImport(Glibc)
import Glibc
#endif

/// Note [VectorMath accuracy]: errors of the float32 vector kernels against the
/// correctly rounded result (a Double-precision glibc reference rounded once).
/// Runs of a release build outside the test suite measured these maxima:
///
///   all 2^32 inputs:           exp 0.775 ulp, log 0.840, log1p 0.840, expm1 0.507
///   every 1000th bit pattern:  tanh 0.503, sigmoid 0.5005, silu 0.5005
///
/// (exp/log/log1p are correctly rounded for 99.6–99.7% of inputs; the
/// double-evaluated ones for all but ~1 in 10^5.)
/// (PyTorch's SLEEF `_u10` kernels promise ≤ 1 ulp.) Debug test builds are
/// slow, so the tests check a sparse sweep over every binade plus edge cases.
@Suite struct VectorMathTests {
    /// Ulps of the error, measured in the ulp of the reference's float binade
    /// (subnormal spacing below the normal range).
    static func ulpError(_ got: Float, _ ref: Double) -> Double {
        if ref.isNaN || got.isNaN { return ref.isNaN && got.isNaN ? 0 : .infinity }
        let rounded = Float(ref)
        if got == rounded && (got.isInfinite || Double(got) == ref) { return 0 }
        if got.isInfinite || rounded.isInfinite && Swift.abs(Double(got)) != Double(Float.greatestFiniteMagnitude) { return .infinity }
        let a = Swift.abs(ref)
        var ulp = Double(Float.leastNonzeroMagnitude)
        if a >= Double(Float.leastNormalMagnitude) {
            let e = Glibc.floor(Glibc.log2(a))
            ulp = Glibc.exp2(e - 23)
            if Glibc.exp2(e) > a { ulp /= 2 } else if Glibc.exp2(e + 1) <= a { ulp *= 2 }
        }
        return Swift.abs(Double(got) - ref) / ulp
    }

    /// Sparse sweep over all finite floats of both signs (every 16411th bit
    /// pattern), plus the special values and thresholds.
    static let inputs: [Float] = {
        var xs: [Float] = []
        var bits: UInt64 = 0
        while bits <= 0xFFFF_FFFF {
            xs.append(Float(bitPattern: UInt32(bits)))
            bits += 16411
        }
        let edges: [Float] = [
            0, -0, 1, -1, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
            .leastNormalMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
            88.72283, 88.72284, 88.7229, 89, -87.33655, -103.9720, -103.9721, -104, -150,
            9.01, 9.02, -9.02, 0.0625, -0.0625, 0.03125, 1e-8, -1e-8, 20, -20, 1e-30, -0.99999994, -1.0000001,
            0.70710677, 1.4142135, 2, 0.5,
        ]
        return xs + edges
    }()

    static func maxError(_ kernel: (FloatVector) -> FloatVector, _ reference: (Double) -> Double,
                         _ xs: [Float] = inputs) -> (ulps: Double, at: Float) {
        var worst = 0.0, at: Float = 0
        var out = [Float](repeating: 0, count: xs.count)
        xs.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { y in
                mapFloatVectors(x.count, x.baseAddress!, y.baseAddress!, kernel)
            }
        }
        for (x, y) in zip(xs, out) {
            let e = ulpError(y, reference(Double(x)))
            if e > worst { worst = e; at = x }
        }
        return (worst, at)
    }

    @Test func exp() {
        let (e, at) = Self.maxError({ VectorMath.exp($0) }, { Glibc.exp($0) })
        #expect(e <= 1, "max \(e) ulp at \(at)")
    }

    @Test func log() {
        let (e, at) = Self.maxError({ VectorMath.log($0) }, { Glibc.log($0) })
        #expect(e <= 1, "max \(e) ulp at \(at)")
    }

    @Test func log1p() {
        let (e, at) = Self.maxError({ VectorMath.log1p($0) }, { Glibc.log1p($0) })
        #expect(e <= 1, "max \(e) ulp at \(at)")
    }

    @Test func expm1() {
        let (e, at) = Self.maxError({ VectorMath.expm1($0) }, { Glibc.expm1($0) })
        #expect(e <= 1, "max \(e) ulp at \(at)")
    }

    @Test func tanh() {
        let (e, at) = Self.maxError({ VectorMath.tanh($0) }, { Glibc.tanh($0) })
        #expect(e <= 1, "max \(e) ulp at \(at)")
    }

    @Test func sigmoidAndSilu() {
        let s = Self.maxError({ VectorMath.sigmoid($0, timesInput: false) }, { 1 / (1 + Glibc.exp(-$0)) })
        #expect(s.ulps <= 1, "sigmoid: max \(s.ulps) ulp at \(s.at)")
        // x / (1 + e^-x) is NaN at -inf in PyTorch and in the reference alike.
        let t = Self.maxError({ VectorMath.sigmoid($0, timesInput: true) }, { $0 / (1 + Glibc.exp(-$0)) })
        #expect(t.ulps <= 1, "silu: max \(t.ulps) ulp at \(t.at)")
    }

    @Test func specialValues() {
        func one(_ f: (FloatVector) -> FloatVector, _ x: Float) -> Float { f(FloatVector(repeating: x))[0] }
        let exp = { (v: FloatVector) in VectorMath.exp(v) }
        #expect(one(exp, .infinity) == .infinity)
        #expect(one(exp, -.infinity) == 0)
        #expect(one(exp, 88.72284) == .infinity)
        #expect(one(exp, -104) == 0)
        #expect(one(exp, -103.9) > 0)  // subnormal
        #expect(one(exp, .nan).isNaN)
        let log = { (v: FloatVector) in VectorMath.log(v) }
        #expect(one(log, 0) == -.infinity)
        #expect(one(log, -0.0) == -.infinity)
        #expect(one(log, -1).isNaN)
        #expect(one(log, .infinity) == .infinity)
        #expect(one(log, .leastNonzeroMagnitude) == Float(Glibc.log(Double(Float.leastNonzeroMagnitude))))
        let log1p = { (v: FloatVector) in VectorMath.log1p(v) }
        #expect(one(log1p, -1) == -.infinity)
        #expect(one(log1p, -2).isNaN)
        #expect(one(log1p, -0.0).sign == .minus)
        let tanh = { (v: FloatVector) in VectorMath.tanh(v) }
        #expect(one(tanh, 1e30) == 1)
        #expect(one(tanh, -.infinity) == -1)
        #expect(one(tanh, -0.0).sign == .minus)
        #expect(one(tanh, .nan).isNaN)
        let sigmoid = { (v: FloatVector) in VectorMath.sigmoid(v, timesInput: false) }
        #expect(one(sigmoid, .infinity) == 1)
        #expect(one(sigmoid, -.infinity) == 0)
        #expect(one(sigmoid, -100) > 0)  // e^-100 is a float32 subnormal
        #expect(one(sigmoid, -200) == 0)
        #expect(one(sigmoid, .nan).isNaN)
        let expm1 = { (v: FloatVector) in VectorMath.expm1(v) }
        #expect(one(expm1, -.infinity) == -1)
        #expect(one(expm1, -0.0).sign == .minus)
        #expect(one(expm1, 1e-30) == 1e-30)
    }

    // MARK: Threading

    /// Elementwise results must not depend on how the work is split.
    @Test func elementwiseIndependentOfThreadCount() throws {
        let x = try Tensor.randn([70_001], generator: Generator(seed: 7)).mul(.int(5))
        let saved = ThreadPool.shared.threadCount
        defer { ThreadPool.shared.threadCount = saved }
        var results: [[Float]] = []
        for threads in [1, 2, 3] {
            ThreadPool.shared.threadCount = threads
            let y = try x.exp().add(x.tanh()).mul(x.sigmoid()).sub(x.abs().log())
            results.append(y.toArray(Float.self))
        }
        #expect(results[0].elementsEqual(results[1]) { $0.bitPattern == $1.bitPattern })
        #expect(results[0].elementsEqual(results[2]) { $0.bitPattern == $1.bitPattern })
    }

    /// Note [Threaded sum]: one chunk per thread, partial sums added in order.
    @Test func threadedSumMatchesPyTorchSplit() throws {
        let n = 100_001
        let x = try Tensor.rand([n], generator: Generator(seed: 3))
        let values = x.toArray(Float.self)
        let saved = ThreadPool.shared.threadCount
        defer { ThreadPool.shared.threadCount = saved }
        for threads in [1, 2, 3] {
            ThreadPool.shared.threadCount = threads
            let got = try x.sum().item().doubleValue
            let chunks = Swift.min(threads, (n + 32767) / 32768)
            let size = (n + chunks - 1) / chunks
            var expected: Float = 0
            values.withUnsafeBufferPointer { p in
                for c in 0..<chunks {
                    let s = cascadeSum(p.baseAddress! + c * size, Swift.min(size, n - c * size))
                    expected = c == 0 ? s : expected + s
                }
            }
            #expect(Float(got) == expected, "threads \(threads)")
        }
    }

    // MARK: Broadcast and softmax

    @Test func rowBroadcastMatchesMaterialised() throws {
        let a = try Tensor.randn([37, 50], generator: Generator(seed: 1))
        let b = try Tensor.randn([50], generator: Generator(seed: 2))
        let expanded = try b.expand([37, 50]).contiguous()
        for (got, want) in [(try a.mul(b), try a.mul(expanded)), (try b.sub(a), try expanded.sub(a)),
                            (try a.div(b.unsqueeze(0)), try a.div(expanded))] {
            #expect(got.shape == [37, 50])
            #expect(got.toArray(Float.self) == want.toArray(Float.self))
        }
    }

    @Test func softmaxLastDim() throws {
        let x = try Tensor.randn([5, 37], generator: Generator(seed: 4)).mul(.int(3))
        let y = try x.softmax(dim: 1).toArray(Float.self)
        let v = x.toArray(Float.self)
        for r in 0..<5 {
            let row = v[(r * 37)..<((r + 1) * 37)].map(Double.init)
            let m = row.max()!
            let s = row.reduce(0) { $0 + Glibc.exp($1 - m) }
            for k in 0..<37 {
                let want = Glibc.exp(row[k] - m) / s
                #expect(Swift.abs(Double(y[r * 37 + k]) - want) <= 4e-6 * want + 1e-12)  // x - max rounds in float32, as in PyTorch
            }
        }
        let withNaN = try Tensor.from([1, Double.nan, 2], shape: [1, 3], dtype: .float32).softmax(dim: 1)
        let allNaN = withNaN.toArray(Float.self).allSatisfy { $0.isNaN }
        #expect(allNaN)
    }
}
