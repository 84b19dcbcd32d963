import Testing
@testable import TensorEngine

extension OpFixtureTests {
    /// `conv1d`, `conv2d`, `conv_transpose1d/2d`, `convolution`: stride, padding (numbers,
    /// 'same', 'valid'), dilation, groups, bias, unbatched inputs, non-contiguous layouts,
    /// float64, integers, empty batches.
    @Suite struct Convolution {
        static let cases = OpFixtures.load("convolution", folder: "nn")
        @Test func fixturesLoaded() { #expect(Self.cases.count >= 50) }
        @Test(arguments: cases) func conformance(_ c: OpCase) { OpFixtures.check(c, known: [:]) }
    }

    /// Max, average and adaptive pooling in 1-d and 2-d, with indices, ceil mode, padding,
    /// dilation, NaN and infinity.
    @Suite struct Pooling {
        static let cases = OpFixtures.load("pooling", folder: "nn")
        @Test func fixturesLoaded() { #expect(Self.cases.count >= 50) }
        @Test(arguments: cases) func conformance(_ c: OpCase) { OpFixtures.check(c, known: [:]) }
    }

    /// `F.pad` in all four modes, `F.unfold` and `F.fold`.
    @Suite struct Padding {
        static let cases = OpFixtures.load("padding", folder: "nn")
        @Test func fixturesLoaded() { #expect(Self.cases.count >= 35) }
        @Test(arguments: cases) func conformance(_ c: OpCase) { OpFixtures.check(c, known: [:]) }
    }

    /// `F.interpolate`: nearest, nearest-exact, (bi)linear with and without align_corners, area.
    @Suite struct Sampling {
        static let cases = OpFixtures.load("sampling", folder: "nn")
        @Test func fixturesLoaded() { #expect(Self.cases.count >= 30) }
        @Test(arguments: cases) func conformance(_ c: OpCase) { OpFixtures.check(c, known: [:]) }
    }

    /// PyTorch's exception type and message for bad shapes, channels, kernel sizes, paddings,
    /// strides and dtypes across the ops above.
    @Suite struct NNErrors {
        static let cases = OpFixtures.load("nn_errors", folder: "nn")
        @Test func fixturesLoaded() { #expect(Self.cases.count >= 120) }
        @Test(arguments: cases) func conformance(_ c: OpCase) { OpFixtures.check(c, known: [:]) }
    }
}

/// Fixture arguments the way the functional API takes them.
private extension Args {
    /// A "tuple of ints" argument: a number gives one element; missing gives `fallback`.
    func sizes(_ k: String, _ fallback: [Int]) -> [Int] {
        guard let j = json[k] else { return fallback }
        if case .array = j { return j.ints }
        return j.int.map { [$0] } ?? fallback
    }

    /// `_pair`: a number is doubled, a list kept.
    func pair(_ k: String, _ fallback: Int) -> [Int] {
        let s = sizes(k, [fallback])
        return s.count == 1 ? s + s : s
    }

    /// A list of numbers (`scale_factor=[2, 1.5]`) or one number.
    func doubles(_ k: String) -> [Double]? {
        guard let j = json[k] else { return nil }
        func one(_ v: JSON) -> Double? { v["f"]?.string.flatMap(Double.init) ?? v.int64.map(Double.init) }
        if case .array(let items) = j { return items.compactMap(one) }
        return one(j).map { [$0] }
    }
}

extension OpRegistry {
    static let nn: [String: OpFn] = [
        "conv1d": { x, a in T(try functionalConv(x, a, dims: 1)) },
        "conv2d": { x, a in T(try functionalConv(x, a, dims: 2)) },
        "conv_transpose1d": { x, a in T(try functionalConvTranspose(x, a, dims: 1)) },
        "conv_transpose2d": { x, a in T(try functionalConvTranspose(x, a, dims: 2)) },
        "convolution": { x, a in
            T(try Tensor.convolution(x[0], weight: x[1], bias: x.count > 2 ? x[2] : nil, stride: a.sizes("stride", [1]),
                                     padding: a.sizes("padding", [0]), dilation: a.sizes("dilation", [1]),
                                     transposed: a.bool("transposed") ?? false,
                                     outputPadding: a.sizes("output_padding", [0]), groups: a.int("groups") ?? 1))
        },
        "max_pool1d": { x, a in
            let (k, s, p, d, c) = (a.sizes("kernel_size", []), a.sizes("stride", []), a.sizes("padding", [0]),
                                   a.sizes("dilation", [1]), a.bool("ceil_mode") ?? false)
            if a.bool("return_indices") == true {
                let (v, i) = try x[0].maxPool1dWithIndices(kernel: k, stride: s, padding: p, dilation: d, ceilMode: c)
                return Ts([v, i])
            }
            return T(try x[0].maxPool1d(kernel: k, stride: s, padding: p, dilation: d, ceilMode: c))
        },
        "max_pool2d": { x, a in
            let (k, s, p, d, c) = (a.sizes("kernel_size", []), a.sizes("stride", []), a.sizes("padding", [0]),
                                   a.sizes("dilation", [1]), a.bool("ceil_mode") ?? false)
            if a.bool("return_indices") == true {
                let (v, i) = try x[0].maxPool2dWithIndices(kernel: k, stride: s, padding: p, dilation: d, ceilMode: c)
                return Ts([v, i])
            }
            return T(try x[0].maxPool2d(kernel: k, stride: s, padding: p, dilation: d, ceilMode: c))
        },
        "avg_pool1d": { x, a in
            T(try x[0].avgPool1d(kernel: a.sizes("kernel_size", []), stride: a.sizes("stride", []),
                                 padding: a.sizes("padding", [0]), ceilMode: a.bool("ceil_mode") ?? false,
                                 countIncludePad: a.bool("count_include_pad") ?? true))
        },
        "avg_pool2d": { x, a in
            T(try x[0].avgPool2d(kernel: a.sizes("kernel_size", []), stride: a.sizes("stride", []),
                                 padding: a.sizes("padding", [0]), ceilMode: a.bool("ceil_mode") ?? false,
                                 countIncludePad: a.bool("count_include_pad") ?? true,
                                 divisorOverride: a.int("divisor_override")))
        },
        "adaptive_avg_pool1d": { x, a in T(try x[0].adaptiveAvgPool1d(a.sizes("output_size", []))) },
        "adaptive_avg_pool2d": { x, a in T(try x[0].adaptiveAvgPool2d(adaptiveSize(x[0], a))) },
        "adaptive_max_pool1d": { x, a in
            let (v, i) = try x[0].adaptiveMaxPool1d(a.sizes("output_size", []))
            return a.bool("return_indices") == true ? Ts([v, i]) : T(v)
        },
        "adaptive_max_pool2d": { x, a in
            let (v, i) = try x[0].adaptiveMaxPool2d(adaptiveSize(x[0], a))
            return a.bool("return_indices") == true ? Ts([v, i]) : T(v)
        },
        "unfold": { x, a in
            T(try x[0].unfold(kernel: a.pair("kernel_size", 0), dilation: a.pair("dilation", 1),
                              padding: a.pair("padding", 0), stride: a.pair("stride", 1)))
        },
        "fold": { x, a in
            T(try x[0].fold(outputSize: a.pair("output_size", 0), kernel: a.pair("kernel_size", 0),
                            dilation: a.pair("dilation", 1), padding: a.pair("padding", 0), stride: a.pair("stride", 1)))
        },
        "pad": { x, a in
            let mode = Tensor.PaddingMode(rawValue: a.string("mode") ?? "constant") ?? .constant
            return T(try x[0].pad(a.sizes("pad", []), mode: mode, value: a.double("value")))
        },
        "interpolate": { x, a in T(try interpolate(x[0], a)) },
    ]

    private static func functionalConv(_ x: [Tensor], _ a: Args, dims: Int) throws -> Tensor {
        let padding: Tensor.ConvPadding
        switch a.string("padding") {
        case "same"?: padding = .same
        case "valid"?: padding = .valid
        case let mode?: throw TensorError.runtime("Invalid padding string: '\(mode)'")
        case nil: padding = .explicit(a.sizes("padding", [0]))
        }
        return try Tensor.conv(x[0], weight: x[1], bias: x.count > 2 ? x[2] : nil, stride: a.sizes("stride", [1]),
                               padding: padding, dilation: a.sizes("dilation", [1]), groups: a.int("groups") ?? 1, dims: dims)
    }

    private static func functionalConvTranspose(_ x: [Tensor], _ a: Args, dims: Int) throws -> Tensor {
        try Tensor.convTranspose(x[0], weight: x[1], bias: x.count > 2 ? x[2] : nil, stride: a.sizes("stride", [1]),
                                 padding: a.sizes("padding", [0]), outputPadding: a.sizes("output_padding", [0]),
                                 groups: a.int("groups") ?? 1, dilation: a.sizes("dilation", [1]), dims: dims)
    }

    /// `output_size` of the 2-d adaptive pools: a number is doubled, `None` keeps the input size.
    private static func adaptiveSize(_ x: Tensor, _ a: Args) -> [Int] {
        guard case .array(let items) = a.json["output_size"] ?? .null else { return a.pair("output_size", 0) }
        return items.enumerated().map { i, v in v.int ?? x.shape[x.dim - items.count + i] }
    }

    /// `F.interpolate`'s argument logic (size or scale factor, recompute_scale_factor, area).
    private static func interpolate(_ x: Tensor, _ a: Args) throws -> Tensor {
        let dims = x.dim - 2, mode = a.string("mode") ?? "nearest"
        var size: [Int]? = a.json["size"].map { _ in a.sizes("size", []) }
        if let s = size, s.count == 1 { size = Array(repeating: s[0], count: dims) }
        var scales = a.doubles("scale_factor")
        if let s = scales, s.count == 1 { scales = Array(repeating: s[0], count: dims) }
        if let s = scales, a.bool("recompute_scale_factor") == true || mode == "area" {
            size = s.enumerated().map { i, f in Int(Double(x.shape[i + 2]) * f) }
            scales = nil
        }
        switch mode {
        case "area": return dims == 1 ? try x.adaptiveAvgPool1d(size ?? []) : try x.adaptiveAvgPool2d(size ?? [])
        case "nearest-exact": return try x.upsample(.nearestExact, outputSize: size, scaleFactors: scales)
        case "linear", "bilinear":
            return try x.upsample(.linear, outputSize: size, scaleFactors: scales, alignCorners: a.bool("align_corners") ?? false)
        default: return try x.upsample(.nearest, outputSize: size, scaleFactors: scales)
        }
    }
}
