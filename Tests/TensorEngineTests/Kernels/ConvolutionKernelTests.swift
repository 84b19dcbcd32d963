import Testing
@testable import TensorEngine

/// The convolution kernels against direct loops in Double, over random geometries that
/// cover every tile shape (1–14 output channels per group, so one and two row tiles, and
/// 16 or 32 for the channel-vector kernel),
/// strided (im2col) and stride-1 (shifted-row) sources, padding, dilation, groups,
/// 1-d inputs, transposed convolutions, and non-contiguous operands.
@Suite("Convolution kernels")
struct ConvolutionKernelTests {
    /// Deterministic values in [-1, 1).
    struct LCG {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(Int64(bitPattern: state) >> 40) / Double(1 << 23)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int((next() + 1) / 2 * Double(range.count)) % range.count
        }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var batch = 1, groups = 1, inPerGroup = 1, outPerGroup = 1
        var size = [5, 5], kernel = [3, 3], stride = [1, 1], padding = [0, 0], dilation = [1, 1]
        var transposed = false, outputPadding = [0, 0]
        var bias = true, transposedLayout = false
        var testDescription: String {
            "N\(batch) g\(groups) c\(inPerGroup)->\(outPerGroup) size\(size) k\(kernel) s\(stride) p\(padding) d\(dilation)"
                + (transposed ? " T op\(outputPadding)" : "") + (transposedLayout ? " (non-contiguous)" : "")
        }
        var spatial: Int { size.count }
    }

    /// Random valid cases (a fixed seed, so failures reproduce).
    static let cases: [Case] = {
        var rng = LCG(state: 42)
        var out: [Case] = []
        while out.count < 120 {
            var c = Case()
            let spatial = out.count % 5 == 4 ? 1 : 2
            c.batch = rng.int(1...3)
            c.groups = rng.int(1...3)
            c.inPerGroup = out.count % 10 == 7 ? 16 : rng.int(1...4)
            c.outPerGroup = out.count % 10 == 3 ? 16 * rng.int(1...2) : out.count % 3 == 0 ? rng.int(9...14) : rng.int(1...8)
            c.kernel = (0..<spatial).map { _ in rng.int(1...5) }
            c.stride = (0..<spatial).map { _ in out.count % 2 == 0 ? 1 : rng.int(1...3) }
            c.dilation = (0..<spatial).map { _ in rng.int(1...2) }
            c.padding = (0..<spatial).map { d in rng.int(0...(c.kernel[d] / 2 + 1)) }
            c.size = (0..<spatial).map { _ in rng.int(1...12) }
            c.transposed = out.count % 4 == 1
            c.bias = out.count % 7 != 3
            c.transposedLayout = out.count % 6 == 5
            if c.transposed {
                c.outputPadding = (0..<spatial).map { d in rng.int(0...(max(c.stride[d], c.dilation[d]) - 1)) }
                let ok = (0..<spatial).allSatisfy { (d: Int) -> Bool in
                    let extent: Int = c.dilation[d] * (c.kernel[d] - 1) + 1
                    let size: Int = (c.size[d] - 1) * c.stride[d] - 2 * c.padding[d] + extent + c.outputPadding[d]
                    return size >= 1
                }
                if !ok { continue }
            } else {
                let ok = (0..<spatial).allSatisfy { (d: Int) -> Bool in
                    let extent: Int = c.dilation[d] * (c.kernel[d] - 1) + 1
                    return c.size[d] + 2 * c.padding[d] >= extent
                }
                if !ok { continue }
            }
            out.append(c)
        }
        return out
    }()

    // MARK: - Reference

    /// Index helper over row-major shapes.
    static func index(_ shape: [Int], _ i: [Int]) -> Int {
        var r = 0
        for (s, v) in zip(shape, i) { r = r * s + v }
        return r
    }

    /// Direct loops of the regular convolution, with x: [N, C, H, W], w: [O, C/g, kH, kW] (1-d as H = 1).
    /// Returns y and, for an output gradient gy, the input and weight gradients.
    static func reference(x: [Double], xs: [Int], w: [Double], ws: [Int], gy: [Double], ys: [Int],
                          stride: [Int], padding: [Int], dilation: [Int], groups: Int)
        -> (y: [Double], gx: [Double], gw: [Double]) {
        var y = [Double](repeating: 0, count: ys.reduce(1, *))
        var gx = [Double](repeating: 0, count: x.count), gw = [Double](repeating: 0, count: w.count)
        let cg = ws[1], og = ws[0] / groups
        for n in 0..<xs[0] {
            for o in 0..<ws[0] {
                let grp = o / og
                for oh in 0..<ys[2] {
                    for ow in 0..<ys[3] {
                        let yi = index(ys, [n, o, oh, ow])
                        for c in 0..<cg {
                            for i in 0..<ws[2] {
                                for j in 0..<ws[3] {
                                    let ih = oh * stride[0] - padding[0] + i * dilation[0]
                                    let iw = ow * stride[1] - padding[1] + j * dilation[1]
                                    guard ih >= 0, ih < xs[2], iw >= 0, iw < xs[3] else { continue }
                                    let xi = index(xs, [n, grp * cg + c, ih, iw]), wi = index(ws, [o, c, i, j])
                                    y[yi] += x[xi] * w[wi]
                                    gx[xi] += gy[yi] * w[wi]
                                    gw[wi] += gy[yi] * x[xi]
                                }
                            }
                        }
                    }
                }
            }
        }
        return (y, gx, gw)
    }

    // MARK: - Test

    @Test(arguments: cases)
    func againstDirectLoops(_ c: Case) throws {
        var rng = LCG(state: 7)
        let cin = c.groups * c.inPerGroup, cout = c.groups * c.outPerGroup
        // Regular direction: xs is the regular input, ys the regular output.
        let two = c.spatial == 1
        let size2 = two ? [1] + c.size : c.size, kernel2 = two ? [1] + c.kernel : c.kernel
        let stride2 = two ? [1] + c.stride : c.stride, pad2 = two ? [0] + c.padding : c.padding
        let dil2 = two ? [1] + c.dilation : c.dilation, op2 = two ? [0] + c.outputPadding : c.outputPadding
        var other = [0, 0]
        for d in 0..<2 {
            other[d] = c.transposed
                ? (size2[d] - 1) * stride2[d] - 2 * pad2[d] + dil2[d] * (kernel2[d] - 1) + 1 + op2[d]
                : (size2[d] + 2 * pad2[d] - dil2[d] * (kernel2[d] - 1) - 1) / stride2[d] + 1
        }
        // Regular conv: input channels cin, output cout. Transposed: its input has cin channels
        // and plays the regular output; the regular weight is [cin, cout/g] ... in PyTorch's layout.
        let regIn = c.transposed ? cout : cin, regOut = c.transposed ? cin : cout
        let xs = [c.batch, regIn] + (c.transposed ? other : size2)
        let ys = [c.batch, regOut] + (c.transposed ? size2 : other)
        let ws = [regOut, regIn / c.groups] + kernel2
        let x = (0..<xs.reduce(1, *)).map { _ in rng.next() }
        let w = (0..<ws.reduce(1, *)).map { _ in rng.next() }
        let gy = (0..<ys.reduce(1, *)).map { _ in rng.next() }
        let ref = Self.reference(x: x, xs: xs, w: w, ws: ws, gy: gy, ys: ys, stride: stride2, padding: pad2,
                                 dilation: dil2, groups: c.groups)
        let biasValues = (0..<cout).map { _ in rng.next() }

        func drop(_ s: [Int]) -> [Int] { two ? [s[0], s[1], s[3]] : s }
        for dtype in [DType.float32, .float64] {
            /// A leaf with these values (stored with the last two dims swapped when testing layouts)
            /// and a function reading its gradient back in the logical layout.
            func make(_ v: [Double], _ shape: [Int]) throws -> (Tensor, () throws -> [Double]) {
                let t = try Tensor.from(v, shape: shape).to(dtype)
                if !c.transposedLayout {
                    try t.requiresGrad_()
                    return (t, { t.grad?.toArray(Double.self) ?? [] })
                }
                let n = shape.count
                let swapped = try t.transpose(n - 2, n - 1).contiguous().detach().requiresGrad_()
                return (try swapped.transpose(n - 2, n - 1),
                        { try swapped.grad?.transpose(n - 2, n - 1).toArray(Double.self) ?? [] })
            }
            // In the transposed case the engine input is the regular output (ys) and its output the regular input (xs).
            let (input, inputGrad) = try make(c.transposed ? gy : x, drop(c.transposed ? ys : xs))
            let (weight, weightGrad) = try make(w, drop(ws))
            let bias = c.bias ? try Tensor.from(biasValues).to(dtype).requiresGrad_() : nil
            let out = try Tensor.convolution(input, weight: weight, bias: bias, stride: c.stride, padding: c.padding,
                                             dilation: c.dilation, transposed: c.transposed,
                                             outputPadding: c.transposed ? c.outputPadding : [0], groups: c.groups)
            let upstream = try Tensor.from(c.transposed ? x : gy, shape: drop(c.transposed ? xs : ys)).to(dtype)
            try out.mul(upstream).sum().backward()
            let tol = dtype == .float32 ? 2e-5 : 1e-12
            // Bias is per output channel (cout) in both directions.
            let area = other.reduce(1, *)
            var expected = c.transposed ? ref.gx : ref.y
            if c.bias {
                for n in 0..<c.batch { for o in 0..<cout { for a in 0..<area { expected[(n * cout + o) * area + a] += biasValues[o] } } }
            }
            expectClose(out.toArray(Double.self), expected, tol, "\(dtype) output")
            // Transposed: the input gradient is the regular forward pass of the upstream gradient (x).
            expectClose(try inputGrad(), c.transposed ? ref.y : ref.gx, tol, "\(dtype) input grad")
            expectClose(try weightGrad(), ref.gw, tol, "\(dtype) weight grad")
            if let bias {
                let up = c.transposed ? x : gy
                var gb = [Double](repeating: 0, count: cout)
                for n in 0..<c.batch { for o in 0..<cout { for a in 0..<area { gb[o] += up[(n * cout + o) * area + a] } } }
                expectClose(bias.grad?.toArray(Double.self) ?? [], gb, tol, "\(dtype) bias grad")
            }
        }
    }

    /// The batch is split the same way whatever the thread count, so `torch.set_num_threads`
    /// (which `torch.utils.benchmark.Timer` calls) never changes a training run's numbers.
    @Test func weightGradientDoesNotDependOnTheThreadCount() throws {
        let generator = Generator(seed: 3)
        let x = try Tensor.randn([13, 5, 9, 9], generator: generator)
        let w = try Tensor.randn([6, 5, 3, 3], generator: generator).requiresGrad_()
        func gradient(threads: Int) throws -> [Float] {
            let pool = ThreadPool.shared, previous = pool.threadCount
            pool.threadCount = threads
            defer { pool.threadCount = previous }
            w.grad = nil
            try Tensor.convolution(x, weight: w, bias: nil, stride: [2, 2], padding: [1, 1], dilation: [1, 1],
                                   transposed: false, outputPadding: [0, 0], groups: 1).sum().backward()
            return try #require(w.grad).toArray(Float.self)
        }
        #expect(try gradient(threads: 1) == gradient(threads: 3))
    }

    private func expectClose(_ got: [Double], _ want: [Double], _ tol: Double, _ what: String,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        guard got.count == want.count else {
            Issue.record("\(what): \(got.count) values, expected \(want.count)", sourceLocation: sourceLocation)
            return
        }
        let scale = max(1, want.map(abs).max() ?? 1)
        if let k = got.indices.first(where: { abs(got[$0] - want[$0]) > tol * scale * 10 }) {
            Issue.record("\(what): [\(k)] \(got[k]) vs \(want[k])", sourceLocation: sourceLocation)
        }
    }
}
