import Testing
@testable import TensorEngine

@Suite("Gradcheck: convolution, pooling, padding, sampling")
struct GradcheckNNTests {
    static func conv(_ name: String, _ x: [Int], _ w: [Int], bias: Bool = true,
                     _ f: @escaping @Sendable (Tensor, Tensor, Tensor?) throws -> Tensor) -> GradCase {
        GradCase(name, {
            var inputs = [try randomInput(x, seed: 1), try randomInput(w, seed: 2)]
            if bias { inputs.append(try randomInput([bias ? w[0] : 0], seed: 3)) }
            return inputs
        }, { try f($0[0], $0[1], $0.count > 2 ? $0[2] : nil) })
    }

    static func on(_ name: String, _ shape: [Int], _ f: @escaping @Sendable (Tensor) throws -> Tensor) -> GradCase {
        GradCase(name, { [try randomInput(shape, seed: 4)] }, { try f($0[0]) })
    }

    static func conv2d(_ x: Tensor, _ w: Tensor, _ b: Tensor?, stride: [Int] = [1], padding: Tensor.ConvPadding = .explicit([0]),
                       dilation: [Int] = [1], groups: Int = 1) throws -> Tensor {
        try Tensor.conv(x, weight: w, bias: b, stride: stride, padding: padding, dilation: dilation, groups: groups, dims: 2)
    }

    static let convolutions: [GradCase] = [
        conv("conv2d", [2, 2, 5, 5], [3, 2, 3, 3]) { try conv2d($0, $1, $2) },
        conv("conv2d stride, padding, dilation", [1, 2, 7, 6], [2, 2, 3, 2]) {
            try conv2d($0, $1, $2, stride: [2, 1], padding: .explicit([1, 2]), dilation: [1, 2])
        },
        conv("conv2d groups", [1, 4, 4, 4], [6, 2, 2, 2]) { try conv2d($0, $1, $2, groups: 2) },
        conv("conv2d same, even kernel", [1, 2, 4, 5], [2, 2, 2, 3], bias: false) { try conv2d($0, $1, $2, padding: .same) },
        conv("conv2d unbatched", [2, 4, 4], [3, 2, 2, 2]) { try conv2d($0, $1, $2) },
        conv("conv2d transposed input", [2, 2, 4, 5], [3, 2, 2, 2]) { try conv2d($0.transpose(2, 3), $1, $2) },
        conv("conv1d", [2, 3, 7], [2, 3, 3]) {
            try Tensor.conv($0, weight: $1, bias: $2, stride: [2], padding: .explicit([1]), dilation: [1], groups: 1, dims: 1)
        },
        conv("conv_transpose2d", [1, 3, 3, 3], [3, 2, 3, 3]) {
            try Tensor.convTranspose($0, weight: $1, bias: $2.map { try $0.slice(0, start: 0, end: 2) }, stride: [2],
                                     padding: [1], outputPadding: [1], groups: 1, dilation: [1], dims: 2)
        },
        conv("conv_transpose2d groups", [1, 4, 3, 3], [4, 1, 2, 2], bias: false) {
            try Tensor.convTranspose($0, weight: $1, bias: $2, stride: [1, 2], padding: [0], outputPadding: [0],
                                     groups: 2, dilation: [2, 1], dims: 2)
        },
        conv("conv_transpose1d", [2, 2, 4], [2, 3, 2], bias: false) {
            try Tensor.convTranspose($0, weight: $1, bias: $2, stride: [3], padding: [0], outputPadding: [2],
                                     groups: 1, dilation: [1], dims: 1)
        },
    ]

    @Test(arguments: convolutions)
    func convolution(_ c: GradCase) throws {
        gradcheck(c.f, inputs: try c.inputs())
    }

    /// Second derivatives through `ConvolutionBackwardBackward0` (as a gradient penalty needs).
    @Test(arguments: [convolutions[0], convolutions[1], convolutions[2], convolutions[7], convolutions[8]])
    func convolutionSecondOrder(_ c: GradCase) throws {
        gradgradcheck(c.f, inputs: try c.inputs())
    }

    static let pools: [GradCase] = [
        on("max_pool2d", [2, 2, 5, 5]) { try $0.maxPool2d(kernel: [3], stride: [2], padding: [1]) },
        on("max_pool2d 2x2", [1, 2, 4, 36]) { try $0.maxPool2d(kernel: [2]) },
        on("max_pool2d ceil, dilation", [1, 1, 6, 7]) { try $0.maxPool2d(kernel: [2], stride: [2], dilation: [2], ceilMode: true) },
        on("max_pool1d", [2, 2, 7]) { try $0.maxPool1d(kernel: [2], stride: [1]) },
        on("avg_pool2d", [1, 2, 5, 5]) { try $0.avgPool2d(kernel: [3], stride: [2], padding: [1]) },
        on("avg_pool2d exclude pad, ceil", [1, 2, 5, 5]) {
            try $0.avgPool2d(kernel: [3], stride: [2], padding: [1], ceilMode: true, countIncludePad: false)
        },
        on("avg_pool2d divisor", [2, 4, 4]) { try $0.avgPool2d(kernel: [2], divisorOverride: 3) },
        on("avg_pool1d", [2, 2, 7]) { try $0.avgPool1d(kernel: [3], stride: [2], padding: [1]) },
        on("adaptive_avg_pool2d", [1, 2, 5, 7]) { try $0.adaptiveAvgPool2d([3, 4]) },
        on("adaptive_avg_pool2d 1x1", [1, 2, 3, 3]) { try $0.adaptiveAvgPool2d([1, 1]) },
        on("adaptive_avg_pool1d", [2, 2, 7]) { try $0.adaptiveAvgPool1d([3]) },
        on("adaptive_max_pool2d", [1, 2, 5, 7]) { try $0.adaptiveMaxPool2d([3, 2]).0 },
        on("adaptive_max_pool1d", [2, 2, 7]) { try $0.adaptiveMaxPool1d([3]).0 },
    ]

    @Test(arguments: pools)
    func pooling(_ c: GradCase) throws {
        gradcheck(c.f, inputs: try c.inputs())
    }

    /// The pooling backward nodes are differentiable too: square the output so the
    /// gradient reaching the pooling depends on the input.
    @Test(arguments: [pools[0], pools[4], pools[8], pools[11]])
    func poolingSecondOrder(_ c: GradCase) throws {
        gradgradcheck({ try c.f($0).mul(c.f($0)) }, inputs: try c.inputs())
    }

    static let reshaping: [GradCase] = [
        on("pad constant", [2, 3, 4]) { try $0.pad([1, -1, 2, 0], mode: .constant, value: 0.5) },
        on("pad reflect 1d", [2, 2, 5]) { try $0.pad([2, 3], mode: .reflect, value: nil) },
        on("pad reflect 2d", [1, 2, 3, 4]) { try $0.pad([1, 2, 2, 0], mode: .reflect, value: nil) },
        on("pad replicate 2d", [2, 3, 4]) { try $0.pad([3, 1, -1, 2], mode: .replicate, value: nil) },
        on("pad replicate 3d", [1, 1, 2, 3, 2]) { try $0.pad([1, 1, 0, 1, 2, 0], mode: .replicate, value: nil) },
        on("pad circular 2d", [1, 2, 3, 4]) { try $0.pad([1, 2, 2, 1], mode: .circular, value: nil) },
        on("pad circular negative", [2, 2, 5]) { try $0.pad([-1, 2], mode: .circular, value: nil) },
        on("unfold", [2, 2, 4, 5]) { try $0.unfold(kernel: [2, 3], dilation: [1, 1], padding: [1, 0], stride: [2, 1]) },
        on("fold", [1, 8, 6]) { try $0.fold(outputSize: [3, 4], kernel: [2, 2], dilation: [1, 1], padding: [0, 0], stride: [1, 1]) },
        on("interpolate nearest", [1, 2, 3, 4]) { try $0.upsample(.nearest, outputSize: [5, 7], scaleFactors: nil) },
        on("interpolate nearest-exact", [1, 2, 5]) { try $0.upsample(.nearestExact, outputSize: nil, scaleFactors: [1.5]) },
        on("interpolate bilinear", [1, 2, 3, 4]) { try $0.upsample(.linear, outputSize: nil, scaleFactors: [1.5, 2]) },
        on("interpolate bilinear align", [1, 1, 3, 3]) {
            try $0.upsample(.linear, outputSize: [5, 4], scaleFactors: nil, alignCorners: true)
        },
        on("interpolate linear", [2, 2, 4]) { try $0.upsample(.linear, outputSize: [7], scaleFactors: nil) },
    ]

    @Test(arguments: reshaping)
    func padding(_ c: GradCase) throws {
        gradcheck(c.f, inputs: try c.inputs())
    }

    @Test(arguments: [reshaping[2], reshaping[3], reshaping[7], reshaping[11]])
    func paddingSecondOrder(_ c: GradCase) throws {
        gradgradcheck({ try c.f($0).mul(c.f($0)) }, inputs: try c.inputs())
    }
}
