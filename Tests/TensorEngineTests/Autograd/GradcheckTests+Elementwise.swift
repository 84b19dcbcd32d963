import Testing
@testable import TensorEngine

/// One op under gradient check: how to make its inputs and how to apply it.
struct GradCase: Sendable, CustomTestStringConvertible {
    let name: String
    let inputs: @Sendable () throws -> [Tensor]
    let f: @Sendable ([Tensor]) throws -> Tensor
    var testDescription: String { name }

    init(_ name: String, _ inputs: @escaping @Sendable () throws -> [Tensor],
         _ f: @escaping @Sendable ([Tensor]) throws -> Tensor) {
        self.name = name
        self.inputs = inputs
        self.f = f
    }

    /// A unary op on one `[2, 3]` input.
    static func unary(_ name: String, _ low: Double? = nil, _ high: Double? = nil,
                      _ f: @escaping @Sendable (Tensor) throws -> Tensor) -> GradCase {
        GradCase(name, {
            if let low, let high { return [try uniformInput([2, 3], low, high)] }
            return [try randomInput([2, 3])]
        }, { try f($0[0]) })
    }

    /// A binary op on two inputs of the given shapes.
    static func binary(_ name: String, _ a: [Int], _ b: [Int], range: (Double, Double)? = nil,
                       rangeB: (Double, Double)? = nil,
                       _ f: @escaping @Sendable (Tensor, Tensor) throws -> Tensor) -> GradCase {
        GradCase(name, {
            let x = try range.map { try uniformInput(a, $0.0, $0.1, seed: 1) } ?? randomInput(a, seed: 1)
            let y = try (rangeB ?? range).map { try uniformInput(b, $0.0, $0.1, seed: 2) } ?? randomInput(b, seed: 2)
            return [x, y]
        }, { try f($0[0], $0[1]) })
    }
}

@Suite("Gradcheck: elementwise")
struct GradcheckElementwiseTests {
    static let unaryCases: [GradCase] = [
        .unary("neg") { try $0.neg() },
        .unary("abs") { try $0.abs() },
        .unary("exp") { try $0.exp() },
        .unary("exp2") { try $0.exp2() },
        .unary("expm1") { try $0.expm1() },
        .unary("log", 0.5, 2) { try $0.log() },
        .unary("log2", 0.5, 2) { try $0.log2() },
        .unary("log10", 0.5, 2) { try $0.log10() },
        .unary("log1p", -0.5, 2) { try $0.log1p() },
        .unary("sqrt", 0.5, 2) { try $0.sqrt() },
        .unary("rsqrt", 0.5, 2) { try $0.rsqrt() },
        .unary("reciprocal", 0.5, 2) { try $0.reciprocal() },
        .unary("reciprocal negative", -2, -0.5) { try $0.reciprocal() },
        .unary("square") { try $0.square() },
        .unary("sin") { try $0.sin() },
        .unary("cos") { try $0.cos() },
        .unary("tan", -1, 1) { try $0.tan() },
        .unary("tanh") { try $0.tanh() },
        .unary("asin", -0.9, 0.9) { try $0.asin() },
        .unary("acos", -0.9, 0.9) { try $0.acos() },
        .unary("atan") { try $0.atan() },
        .unary("sinh") { try $0.sinh() },
        .unary("cosh") { try $0.cosh() },
        .unary("erf") { try $0.erf() },
        .unary("sigmoid") { try $0.sigmoid() },
        .unary("relu") { try $0.relu() },
        .unary("silu") { try $0.silu() },
        .unary("gelu none") { try $0.gelu() },
        .unary("gelu tanh") { try $0.gelu(approximate: "tanh") },
        .unary("softplus") { try $0.softplus() },
        .unary("softplus beta=2 threshold=1") { try $0.softplus(beta: 2, threshold: 1) },
        .unary("softplus above threshold", 21, 25) { try $0.softplus() },
        .unary("leakyRelu") { try $0.leakyRelu(0.1) },
        .unary("elu") { try $0.elu(alpha: 1.5) },
        .unary("clamp min") { try $0.clamp(min: .double(0.1)) },
        .unary("clamp max") { try $0.clamp(max: .double(-0.1)) },
        .unary("clamp both") { try $0.clamp(min: .double(-0.5), max: .double(0.5)) },
        .unary("pow 2") { try $0.pow(.int(2)) },
        .unary("pow 3") { try $0.pow(.int(3)) },
        .unary("pow 0") { try $0.pow(.int(0)) },
        .unary("pow 0.5", 0.5, 2) { try $0.pow(.double(0.5)) },
        .unary("pow -1.5", 0.5, 2) { try $0.pow(.double(-1.5)) },
        .unary("rpow 2") { try $0.rpow(.double(2)) },
        .unary("rpow 0.5") { try $0.rpow(.double(0.5)) },
        .unary("add scalar") { try $0.add(.double(2)) },
        .unary("sub scalar") { try $0.sub(.int(3)) },
        .unary("rsub scalar") { try $0.rsub(.double(1.5)) },
        .unary("mul scalar") { try $0.mul(.double(-2.5)) },
        .unary("div scalar") { try $0.div(.double(4)) },
        .unary("rdiv scalar", 0.5, 2) { try $0.rdiv(.double(3)) },
        .unary("floor", 0.1, 0.9) { try $0.floor() },
        .unary("ceil", 0.1, 0.9) { try $0.ceil() },
        .unary("round", 0.1, 0.4) { try $0.round() },
        .unary("trunc", 0.1, 0.9) { try $0.trunc() },
        .unary("frac", 0.1, 0.9) { try $0.frac() },
        .unary("sign") { try $0.sign() },
        .unary("clone") { try $0.clone() },
        .unary("contiguous of transpose") { try $0.t().contiguous() },
    ]

    @Test(arguments: unaryCases)
    func unary(_ c: GradCase) throws {
        gradcheck(c.f, inputs: try c.inputs())
    }

    static let binaryCases: [GradCase] = [
        .binary("add", [2, 3], [2, 3]) { try $0.add($1) },
        .binary("add broadcast row", [2, 3], [3]) { try $0.add($1) },
        .binary("add broadcast both", [2, 1], [1, 3]) { try $0.add($1) },
        .binary("add 0-d", [2, 3], []) { try $0.add($1) },
        .binary("add alpha", [2, 3], [2, 1]) { try $0.add($1, alpha: .double(-1.5)) },
        .binary("sub", [2, 3], [3]) { try $0.sub($1) },
        .binary("sub alpha", [2, 3], [2, 3]) { try $0.sub($1, alpha: .int(3)) },
        .binary("mul", [2, 3], [2, 3]) { try $0.mul($1) },
        .binary("mul broadcast", [4, 1, 3], [2, 1]) { try $0.mul($1) },
        .binary("mul self", [3], [3]) { a, _ in try a.mul(a) },
        .binary("div", [2, 3], [2, 3], rangeB: (0.5, 2)) { try $0.div($1) },
        .binary("div broadcast", [2, 3], [3, 1, 1], range: (0.5, 2)) { try $0.div($1) },
        .binary("div negative divisor", [2, 3], [3], rangeB: (-2, -0.5)) { try $0.div($1) },
        .binary("div floor", [2, 3], [2, 3], range: (1.1, 1.9), rangeB: (0.6, 0.7)) { try $0.div($1, roundingMode: "floor") },
        .binary("div trunc", [2, 3], [2, 3], range: (1.1, 1.9), rangeB: (0.6, 0.7)) { try $0.div($1, roundingMode: "trunc") },
        .binary("pow tensor", [2, 3], [2, 3], range: (0.5, 2)) { try $0.pow($1) },
        .binary("pow tensor broadcast", [2, 3], [3], range: (0.5, 2), rangeB: (-1, 2)) { try $0.pow($1) },
        .binary("maximum", [2, 3], [2, 3]) { try $0.maximum($1) },
        .binary("maximum broadcast", [2, 3], [3]) { try $0.maximum($1) },
        .binary("minimum", [2, 3], [2, 1]) { try $0.minimum($1) },
        .binary("atan2", [2, 3], [2, 3]) { try $0.atan2($1) },
        .binary("atan2 broadcast", [2, 3], [1]) { try $0.atan2($1) },
        .binary("remainder", [2, 3], [2, 3], range: (2.2, 2.8), rangeB: (1.0, 1.05)) { try $0.remainder($1) },
        .binary("remainder negative", [2, 3], [3], range: (-2.8, -2.2), rangeB: (1.0, 1.05)) { try $0.remainder($1) },
        .binary("fmod", [2, 3], [2, 3], range: (2.2, 2.8), rangeB: (1.0, 1.05)) { try $0.fmod($1) },
        .binary("fmod negative", [2, 3], [2, 3], range: (-2.8, -2.2), rangeB: (1.0, 1.05)) { try $0.fmod($1) },
        .binary("clamp tensor bounds", [2, 3], [3]) { x, lo in try x.clamp(min: lo, max: lo.add(.double(0.5))) },
        .binary("outer", [3], [4]) { try $0.outer($1) },
    ]

    @Test(arguments: binaryCases)
    func binary(_ c: GradCase) throws {
        gradcheck(c.f, inputs: try c.inputs())
    }

    @Test func dtypeConversion() throws {
        // float32 rounding makes small steps noisy: use a coarse step and tolerance.
        gradcheck({ try $0[0].to(.float32).mul(.double(3)).to(.float64) }, inputs: [try randomInput([2, 3])],
                  eps: 1e-2, atol: 1e-4, rtol: 1e-4)
        gradcheck({ try $0[0].to(.float64) }, inputs: [try randomInput([2, 3])])
    }

    @Test func whereSelect() throws {
        let cond = try Tensor.from([true, false, true, false, false, true], shape: [2, 3])
        gradcheck({ try Tensor.whereSelect(cond, $0[0], $0[1]) },
                  inputs: [try randomInput([2, 3], seed: 1), try randomInput([3], seed: 2)])
        gradcheck({ try Tensor.whereSelect(cond, $0[0], .double(2)) }, inputs: [try randomInput([2, 3])])
        let rowCond = try Tensor.from([true, false, true])
        gradcheck({ try Tensor.whereSelect(rowCond, $0[0], $0[1]) },
                  inputs: [try randomInput([2, 1], seed: 3), try randomInput([], seed: 4)])
    }

    @Test func maskedFill() throws {
        let mask = try Tensor.from([true, false, false, false, true, false], shape: [2, 3])
        gradcheck({ try $0[0].maskedFill(mask, .double(-1)) }, inputs: [try randomInput([2, 3])])
        let rowMask = try Tensor.from([false, true, false])
        gradcheck({ try $0[0].maskedFill(rowMask, .int(0)) }, inputs: [try randomInput([2, 3])])
    }

    @Test func oneInputNotRequiringGrad() throws {
        let a = try randomInput([2, 3], seed: 1)
        let b = try randomInput([2, 3], seed: 2, requiresGrad: false)
        gradcheck({ try $0[0].mul($0[1]).add($0[1].exp()) }, inputs: [a, b])
        gradcheck({ try $0[1].div($0[0].abs().add(.int(1))) }, inputs: [a, b])
        gradcheck({ try $0[0].pow($0[1].abs()) }, inputs: [try uniformInput([2, 3], 0.5, 2), b])
        gradcheck({ try $0[1].abs().add(.double(0.5)).pow($0[0]) }, inputs: [a, b])
    }

    /// Saturated inputs: the gradient must not pick up NaN from an overflowing
    /// branch that the forward pass did not take (values from torch 2.15).
    @Test func saturatedInputsGiveFiniteGradients() throws {
        let cases: [(String, (Tensor) throws -> Tensor, [Double])] = [
            ("softplus beta=2 threshold=1", { try $0.softplus(beta: 2, threshold: 1) }, [1, 0, 0.7310585786300049]),
            ("softplus", { try $0.softplus() }, [1, 0, 0.6224593312018546]),
            ("elu", { try $0.elu() }, [1, 0, 1]),
            ("gelu", { try $0.gelu() }, [1, 0, 0.8674951246561629]),
            ("silu", { try $0.silu() }, [1, 0, 0.7399611873026519]),
            ("sigmoid", { try $0.sigmoid() }, [0, 0, 0.2350037122015945]),
            ("logSoftmax", { try $0.logSoftmax(dim: 0) }, [-2, 1, 1]),
            ("logsumexp", { try $0.logsumexp(dims: [0]) }, [1, 0, 0]),
        ]
        for (name, f, expected) in cases {
            let x = try leaf([1000, -1000, 0.5])
            try f(x).sum().backward()
            let g = x.grad?.toArray(Double.self) ?? []
            #expect(g.count == 3 && zip(g, expected).allSatisfy { Swift.abs($0 - $1) < 1e-12 }, "\(name): \(g)")
        }
        #expect(try leaf([1]).elu().gradFn?.name == "EluBackward0")
        #expect(try leaf([1]).softplus(beta: 2).gradFn?.name == "SoftplusBackward0")
    }

    @Test func compositions() throws {
        // A small MLP-like expression: tanh(x @ w + b).sigmoid() * x.
        gradcheck({ x in try x[0].matmul(x[1]).add(x[2]).tanh().sigmoid().mul(x[0].sum(dims: [1], keepdim: true)) },
                  inputs: [try randomInput([2, 3], seed: 1), try randomInput([3, 4], seed: 2), try randomInput([4], seed: 3)])
        // The same tensor used in several branches (a diamond).
        gradcheck({ x in
            let h = try x[0].exp()
            return try h.mul(h.sin()).add(h.div(x[0].cosh()))
        }, inputs: [try randomInput([5])])
    }

    @Test(arguments: ["exp", "log", "sin", "tanh", "sigmoid", "gelu", "mul", "div", "pow", "softmax", "logsumexp", "matmul"])
    func secondOrder(_ op: String) throws {
        switch op {
        case "exp": gradgradcheck({ try $0[0].exp() }, inputs: [try randomInput([2, 3])])
        case "log": gradgradcheck({ try $0[0].log() }, inputs: [try uniformInput([2, 3], 0.5, 2)])
        case "sin": gradgradcheck({ try $0[0].sin() }, inputs: [try randomInput([2, 3])])
        case "tanh": gradgradcheck({ try $0[0].tanh() }, inputs: [try randomInput([2, 3])])
        case "sigmoid": gradgradcheck({ try $0[0].sigmoid() }, inputs: [try randomInput([2, 3])])
        case "gelu": gradgradcheck({ try $0[0].gelu() }, inputs: [try randomInput([2, 3])])
        case "mul": gradgradcheck({ try $0[0].mul($0[1]).mul($0[0]) }, inputs: [try randomInput([2, 3], seed: 1), try randomInput([3], seed: 2)])
        case "div": gradgradcheck({ try $0[0].div($0[1]) }, inputs: [try randomInput([2, 3], seed: 1), try uniformInput([2, 3], 0.5, 2, seed: 2)])
        case "pow": gradgradcheck({ try $0[0].pow(.int(3)) }, inputs: [try randomInput([2, 3])])
        case "softmax": gradgradcheck({ try $0[0].softmax(dim: 1) }, inputs: [try randomInput([2, 3])])
        case "logsumexp": gradgradcheck({ try $0[0].logsumexp(dims: [1]) }, inputs: [try randomInput([2, 3])])
        case "matmul": gradgradcheck({ try $0[0].matmul($0[1]).pow(.int(2)) }, inputs: [try randomInput([2, 3], seed: 1), try randomInput([3, 2], seed: 2)])
        default: Issue.record("unknown op \(op)")
        }
    }
}
