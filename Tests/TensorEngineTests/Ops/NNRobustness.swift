import Testing
@testable import TensorEngine

/// Hostile arguments to convolution, pooling, padding and sampling: absurd sizes, negative
/// values, empty tensors. Each call must either work or throw a `TensorError` (run in debug
/// builds, where integer overflow would trap).
@Suite("NN ops: no trap on hostile arguments")
struct NNRobustnessTests {
    static let huge = 1 << 62
    static let big = 1_000_000_000_000

    /// A call and whether PyTorch accepts it (nil: either is fine, only no trap matters).
    struct Call: Sendable, CustomTestStringConvertible {
        let name: String
        let succeeds: Bool?
        let run: @Sendable () throws -> Tensor
        var testDescription: String { name }
        init(_ name: String, _ succeeds: Bool? = false, _ run: @escaping @Sendable () throws -> Tensor) {
            self.name = name
            self.succeeds = succeeds
            self.run = run
        }
    }

    static func x(_ shape: Int...) throws -> Tensor { try Tensor.ones(shape) }

    static func conv(_ input: Tensor, _ weight: Tensor, stride: [Int] = [1], padding: [Int] = [0], dilation: [Int] = [1],
                     transposed: Bool = false, outputPadding: [Int] = [0], groups: Int = 1) throws -> Tensor {
        try Tensor.convolution(input, weight: weight, bias: nil, stride: stride, padding: padding, dilation: dilation,
                               transposed: transposed, outputPadding: outputPadding, groups: groups)
    }

    static let calls: [Call] = [
        Call("conv huge padding") { try conv(x(1, 1, 3, 3), x(1, 1, 2, 2), padding: [huge]) },
        Call("conv big padding") { try conv(x(1, 1, 3, 3), x(1, 1, 2, 2), padding: [big]) },
        Call("conv huge stride", true) { try conv(x(1, 1, 3, 3), x(1, 1, 2, 2), stride: [huge]) },
        Call("conv huge dilation") { try conv(x(1, 1, 3, 3), x(1, 1, 2, 2), dilation: [huge]) },
        Call("conv negative everything") { try conv(x(1, 1, 3, 3), x(1, 1, 2, 2), stride: [-huge], padding: [-1], dilation: [-3]) },
        Call("conv negative groups") { try conv(x(1, 2, 3, 3), x(2, 1, 2, 2), groups: -2) },
        Call("conv huge groups") { try conv(x(1, 2, 3, 3), x(2, 1, 2, 2), groups: huge) },
        Call("conv zero kernel") { try conv(x(1, 1, 3, 3), x(1, 1, 0, 2)) },
        Call("conv empty batch, huge padding") { try conv(x(0, 1, 3, 3), x(1, 1, 2, 2), padding: [big]) },
        Call("conv transposed huge stride") { try conv(x(1, 1, 3, 3), x(1, 1, 2, 2), stride: [big], transposed: true) },
        Call("conv transposed huge output padding") {
            try conv(x(1, 1, 3, 3), x(1, 1, 2, 2), stride: [huge], transposed: true, outputPadding: [huge - 1])
        },
        Call("conv transposed huge padding") { try conv(x(1, 1, 3, 3), x(1, 1, 2, 2), padding: [huge], transposed: true) },
        Call("conv same huge dilation") {
            try Tensor.conv(x(1, 1, 3, 3), weight: x(1, 1, 2, 2), bias: nil, stride: [1], padding: .same,
                            dilation: [huge], groups: 1, dims: 2)
        },
        Call("max pool huge kernel") { try x(1, 1, 3, 3).maxPool2d(kernel: [huge]) },
        Call("max pool huge kernel and dilation") { try x(1, 1, 3, 3).maxPool2d(kernel: [huge], dilation: [huge]) },
        Call("max pool huge padding") { try x(1, 1, 3, 3).maxPool2d(kernel: [2], padding: [huge]) },
        Call("max pool negative stride") { try x(1, 1, 3, 3).maxPool2d(kernel: [2], stride: [-huge]) },
        Call("max pool huge stride", true) { try x(1, 1, 3, 3).maxPool2d(kernel: [2], stride: [huge]) },
        Call("max pool huge stride ceil", true) { try x(1, 1, 3, 3).maxPool2d(kernel: [2], stride: [huge], ceilMode: true) },
        Call("max pool 1d huge") { try x(1, 1, 3).maxPool1d(kernel: [huge], stride: [huge], padding: [huge], dilation: [huge]) },
        Call("avg pool huge divisor", true) { try x(1, 1, 4, 4).avgPool2d(kernel: [2], divisorOverride: huge) },
        Call("avg pool negative divisor", true) { try x(1, 1, 4, 4).avgPool2d(kernel: [2], divisorOverride: -huge) },
        Call("adaptive avg pool huge") { try x(1, 1, 3, 3).adaptiveAvgPool2d([big, big]) },
        Call("adaptive max pool huge") { try x(1, 1, 3, 3).adaptiveMaxPool2d([huge, 2]).0 },
        Call("adaptive max pool negative") { try x(1, 1, 3, 3).adaptiveMaxPool2d([-1, 2]).0 },
        Call("adaptive avg pool empty batch, huge", nil) { try x(0, 1, 3, 3).adaptiveAvgPool2d([big, 2]) },
        Call("constant pad huge") { try x(1, 2).constantPad([huge, huge], value: .int(0)) },
        Call("constant pad big") { try x(1, 2).constantPad([big, big], value: .int(0)) },
        Call("constant pad negative huge") { try x(1, 2).constantPad([-huge, 1], value: .int(0)) },
        Call("replicate pad big") { try x(1, 1, 2).replicationPad([big, 0]) },
        Call("replicate pad empty batch, big", nil) { try x(0, 1, 2).replicationPad([big, 0]) },
        Call("reflect pad huge") { try x(1, 1, 2).reflectionPad([huge, -huge]) },
        Call("circular pad huge") { try x(1, 1, 2).circularPad([huge, -huge]) },
        Call("unfold huge padding") { try x(1, 1, 3, 3).unfold(kernel: [2, 2], dilation: [1, 1], padding: [big, big], stride: [1, 1]) },
        Call("unfold huge kernel") { try x(1, 1, 3, 3).unfold(kernel: [huge, huge], dilation: [huge, 1], padding: [0, 0], stride: [1, 1]) },
        Call("fold huge output") { try x(1, 4, 4).fold(outputSize: [huge, huge], kernel: [2, 2], dilation: [1, 1], padding: [0, 0], stride: [1, 1]) },
        Call("upsample huge scale") { try x(1, 1, 3, 3).upsample(.nearest, outputSize: nil, scaleFactors: [1e30, 1]) },
        Call("upsample infinite scale") { try x(1, 1, 3).upsample(.linear, outputSize: nil, scaleFactors: [.infinity]) },
        Call("upsample nan scale") { try x(1, 1, 3).upsample(.nearest, outputSize: nil, scaleFactors: [.nan]) },
        Call("upsample big size") { try x(1, 1, 3, 3).upsample(.linear, outputSize: [big, big], scaleFactors: nil) },
        Call("upsample negative size") { try x(1, 1, 3).upsample(.nearest, outputSize: [-huge], scaleFactors: nil) },
        Call("upsample empty batch", true) { try x(0, 2, 3, 3).upsample(.linear, outputSize: [4, 5], scaleFactors: nil) },
        Call("unfold empty batch", true) { try x(0, 2, 3, 3).unfold(kernel: [2, 2], dilation: [1, 1], padding: [0, 0], stride: [1, 1]) },
        Call("fold empty batch", true) { try x(0, 4, 4).fold(outputSize: [3, 3], kernel: [2, 2], dilation: [1, 1], padding: [0, 0], stride: [1, 1]) },
        Call("max pool empty batch", true) { try x(0, 2, 3, 3).maxPool2d(kernel: [2]) },
    ]

    @Test(arguments: calls)
    func noTrap(_ call: Call) {
        do {
            let out = try call.run()
            if call.succeeds == false { Issue.record("\(call.name): expected an error, got shape \(out.shape)") }
        } catch {
            if call.succeeds == true { Issue.record("\(call.name): unexpected error \(error)") }
        }
    }
}
