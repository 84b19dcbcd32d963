import Testing
@testable import TensorEngine

@Suite("Gradcheck: shape and movement")
struct GradcheckShapeTests {
    /// Ops on one `[2, 3, 4]` input; the random weights of the check catch a
    /// gradient routed to the wrong position.
    static func on3d(_ name: String, _ f: @escaping @Sendable (Tensor) throws -> Tensor) -> GradCase {
        GradCase(name, { [try randomInput([2, 3, 4])] }, { try f($0[0]) })
    }

    static let cases: [GradCase] = [
        on3d("view") { try $0.view([6, 4]) },
        on3d("view -1") { try $0.view([-1]) },
        on3d("reshape viewable") { try $0.reshape([4, 6]) },
        on3d("reshape non-viewable") { try $0.transpose(0, 2).reshape([12, 2]) },
        on3d("reshape of permute") { try $0.permute([2, 0, 1]).reshape([4, -1]) },
        on3d("flatten") { try $0.flatten() },
        on3d("flatten 1..2") { try $0.flatten(startDim: 1) },
        on3d("flatten of transpose") { try $0.transpose(1, 2).flatten(startDim: 0, endDim: 1) },
        on3d("unflatten") { try $0.unflatten(2, [2, 2]) },
        on3d("unflatten -1") { try $0.unflatten(1, [-1, 1]) },
        on3d("permute") { try $0.permute([2, 0, 1]) },
        on3d("permute negative") { try $0.permute([-1, -3, -2]) },
        on3d("transpose") { try $0.transpose(0, 2) },
        on3d("transpose negative") { try $0.transpose(-1, 1) },
        on3d("mT") { try $0.matrixTranspose() },
        on3d("reversedDims (.T)") { try $0.reversedDims() },
        on3d("unsqueeze 0") { try $0.unsqueeze(0) },
        on3d("unsqueeze -1") { try $0.unsqueeze(-1) },
        on3d("unsqueeze middle") { try $0.unsqueeze(2) },
        on3d("squeeze after unsqueeze") { try $0.unsqueeze(1).squeeze() },
        on3d("squeeze dim") { try $0.unsqueeze(3).squeeze(3) },
        on3d("squeeze dim of size > 1") { try $0.squeeze(1) },
        on3d("expand") { try $0.unsqueeze(1).expand([2, 3, 3, 4]) },
        on3d("expand -1") { try $0.unsqueeze(0).expand([2, -1, -1, -1]) },
        on3d("repeat") { try $0.repeatTiles([1, 2, 1]) },
        on3d("repeat with new dims") { try $0.repeatTiles([2, 1, 2, 1]) },
        on3d("flip 0") { try $0.flip([0]) },
        on3d("flip [0, 2]") { try $0.flip([0, 2]) },
        on3d("flip -1") { try $0.flip([-1]) },
        on3d("narrow") { try $0.narrow(1, start: 1, length: 2) },
        on3d("narrow negative start") { try $0.narrow(2, start: -3, length: 2) },
        on3d("select") { try $0.select(1, 2) },
        on3d("select negative") { try $0.select(-1, -1) },
        on3d("slice with step") { try $0.slice(2, start: 0, end: nil, step: 2) },
        on3d("slice out of range") { try $0.slice(1, start: 1, end: 100) },
        on3d("contiguous of permute") { try $0.permute([1, 2, 0]).contiguous() },
        on3d("view of contiguous transpose") { try $0.transpose(0, 1).contiguous().view([3, 8]) },
        on3d("chain of views") { try $0.transpose(0, 1).select(0, 1).unsqueeze(0).expand([3, 2, 4]).flip([1]) },
        GradCase("t 2-d", { [try randomInput([3, 4])] }, { try $0[0].t() }),
        GradCase("t 1-d", { [try randomInput([3])] }, { try $0[0].t() }),
        GradCase("expand 0-d", { [try randomInput([])] }, { try $0[0].expand([2, 3]) }),
        GradCase("expand size-1 dims", { [try randomInput([2, 1, 1])] }, { try $0[0].expand([2, 3, 4]) }),
        GradCase("expandAs", { [try randomInput([3, 1], seed: 1), try randomInput([3, 5], seed: 2)] }, {
            try $0[0].expandAs($0[1]).mul($0[1])
        }),
        GradCase("unsqueeze 0-d", { [try randomInput([])] }, { try $0[0].unsqueeze(0) }),
        GradCase("flatten 0-d", { [try randomInput([])] }, { try $0[0].flatten() }),
        GradCase("reshape 0-d", { [try randomInput([])] }, { try $0[0].reshape([1, 1]) }),
        GradCase("repeat 1-d", { [try randomInput([3])] }, { try $0[0].repeatTiles([2, 2]) }),
    ]

    @Test(arguments: cases)
    func movement(_ c: GradCase) throws {
        gradcheck(c.f, inputs: try c.inputs())
    }

    @Test func catAndStack() throws {
        let a = try randomInput([2, 3], seed: 1), b = try randomInput([1, 3], seed: 2), c = try randomInput([2, 2], seed: 3)
        gradcheck({ try Tensor.cat([$0[0], $0[1]]) }, inputs: [a, b])
        gradcheck({ try Tensor.cat([$0[0], $0[1]], dim: -1) }, inputs: [a, c])
        gradcheck({ try Tensor.cat([$0[0], $0[0].exp(), $0[1]], dim: 0) }, inputs: [a, b])
        // A legacy empty 1-d tensor is skipped.
        gradcheck({ try Tensor.cat([$0[0], Tensor.zeros([0], dtype: .float64), $0[1]]) }, inputs: [a, b])
        // A non-contiguous part.
        gradcheck({ try Tensor.cat([$0[0].t(), $0[1]], dim: 1) }, inputs: [try randomInput([2, 3], seed: 4), try randomInput([3, 1], seed: 5)])
        let d = try randomInput([2, 3], seed: 6)
        gradcheck({ try Tensor.stack([$0[0], $0[1]]) }, inputs: [a, d])
        gradcheck({ try Tensor.stack([$0[0], $0[1]], dim: 1) }, inputs: [a, d])
        gradcheck({ try Tensor.stack([$0[0], $0[1], $0[0]], dim: -1) }, inputs: [a, d])
        gradcheck({ try Tensor.stack([$0[0], $0[1]]) }, inputs: [try randomInput([], seed: 7), try randomInput([], seed: 8)])
    }

    @Test func splittingOps() throws {
        let x = try randomInput([5, 4])
        gradcheck(outputs: { try $0[0].split(2) }, inputs: [x])
        gradcheck(outputs: { try $0[0].split(3, dim: 1) }, inputs: [x])
        gradcheck(outputs: { try $0[0].split(sizes: [1, 4]) }, inputs: [x])
        gradcheck(outputs: { try $0[0].split(sizes: [2, 0, 2], dim: -1) }, inputs: [x])
        gradcheck(outputs: { try $0[0].chunk(2) }, inputs: [x])
        gradcheck(outputs: { try $0[0].chunk(3, dim: 1) }, inputs: [x])
        gradcheck(outputs: { try $0[0].unbind() }, inputs: [x])
        gradcheck(outputs: { try $0[0].unbind(1) }, inputs: [x])
        // Only some outputs used: the others contribute zero gradient.
        gradcheck({ try $0[0].split(2)[1].exp() }, inputs: [x])
        gradcheck({ try $0[0].unbind(1)[3] }, inputs: [x])
        gradcheck({ let p = try $0[0].chunk(2, dim: 1); return try p[0].mul(p[1]) }, inputs: [x])
        // Splitting a non-contiguous tensor.
        gradcheck(outputs: { try $0[0].t().split(3) }, inputs: [x])
    }
}
