import Testing
@testable import TensorEngine

extension OpFixtureTests {
    /// Arithmetic with type promotion and broadcasting, division sign rules,
    /// integer wrap-around, unary math and activations, in-place ops.
    @Suite struct Elementwise {
        static let cases = OpFixtures.load("elementwise")
        static let known: [String: String] = [:]

        @Test func fixturesLoaded() { #expect(Self.cases.count >= 400) }

        @Test(arguments: cases) func conformance(_ c: OpCase) { OpFixtures.check(c, known: Self.known) }
    }
}

extension OpRegistry {
    static let unary: [String: @Sendable (Tensor) throws -> Tensor] = [
        "neg": { try $0.neg() }, "abs": { try $0.abs() }, "sign": { try $0.sign() }, "exp": { try $0.exp() },
        "exp2": { try $0.exp2() }, "expm1": { try $0.expm1() }, "log": { try $0.log() }, "log2": { try $0.log2() },
        "log10": { try $0.log10() }, "log1p": { try $0.log1p() }, "sqrt": { try $0.sqrt() }, "rsqrt": { try $0.rsqrt() },
        "reciprocal": { try $0.reciprocal() }, "square": { try $0.square() }, "sin": { try $0.sin() },
        "cos": { try $0.cos() }, "tan": { try $0.tan() }, "tanh": { try $0.tanh() }, "asin": { try $0.asin() },
        "acos": { try $0.acos() }, "atan": { try $0.atan() }, "sinh": { try $0.sinh() }, "cosh": { try $0.cosh() },
        "erf": { try $0.erf() }, "sigmoid": { try $0.sigmoid() }, "relu": { try $0.relu() }, "floor": { try $0.floor() },
        "ceil": { try $0.ceil() }, "trunc": { try $0.trunc() }, "frac": { try $0.frac() },
    ]

    static let elementwise: [String: OpFn] = {
        var d: [String: OpFn] = [
            "add": { x, a in T(try x[0].add(x[1], alpha: a.scalar("alpha") ?? .int(1))) },
            "sub": { x, a in T(try x[0].sub(x[1], alpha: a.scalar("alpha") ?? .int(1))) },
            "mul": { x, _ in T(try x[0].mul(x[1])) },
            "div": { x, a in T(try x[0].div(x[1], roundingMode: a.string("mode"))) },
            "floor_divide": { x, _ in T(try x[0].floorDivide(x[1])) },
            "remainder": { x, _ in T(try x[0].remainder(x[1])) },
            "fmod": { x, _ in T(try x[0].fmod(x[1])) },
            "pow": { x, _ in T(try x[0].pow(x[1])) },
            "maximum": { x, _ in T(try x[0].maximum(x[1])) },
            "minimum": { x, _ in T(try x[0].minimum(x[1])) },
            "atan2": { x, _ in T(try x[0].atan2(x[1])) },
            "bitwise_and": { x, _ in T(try x[0].bitwise(x[1], "and")) },
            "bitwise_or": { x, _ in T(try x[0].bitwise(x[1], "or")) },
            "bitwise_xor": { x, _ in T(try x[0].bitwise(x[1], "xor")) },
            "add_s": { x, a in T(try x[0].add(a.scalar("s")!)) },
            "sub_s": { x, a in T(try x[0].sub(a.scalar("s")!)) },
            "rsub_s": { x, a in T(try x[0].rsub(a.scalar("s")!)) },
            "mul_s": { x, a in T(try x[0].mul(a.scalar("s")!)) },
            "div_s": { x, a in T(try x[0].div(a.scalar("s")!)) },
            "rdiv_s": { x, a in T(try x[0].rdiv(a.scalar("s")!)) },
            "pow_s": { x, a in T(try x[0].pow(a.scalar("s")!)) },
            "rpow_s": { x, a in T(try x[0].rpow(a.scalar("s")!)) },
            "gelu": { x, a in T(try x[0].gelu(approximate: a.string("approximate") ?? "none")) },
            "silu": { x, _ in T(try x[0].silu()) },
            "softplus": { x, a in T(try x[0].softplus(beta: a.double("beta") ?? 1, threshold: a.double("threshold") ?? 20)) },
            "leaky_relu": { x, a in T(try x[0].leakyRelu(a.double("slope") ?? 0.01)) },
            "elu": { x, a in T(try x[0].elu(alpha: a.double("alpha") ?? 1)) },
            "round": { x, a in T(try x[0].round(decimals: a.int("decimals") ?? 0)) },
            // In place: the output is the mutated input.
            "add_": { x, a in T(try x[0].add_(x[1], alpha: a.scalar("alpha") ?? .int(1))) },
            "add_s_": { x, a in T(try x[0].add_(a.scalar("s")!)) },
            "sub_": { x, _ in T(try x[0].sub_(x[1])) },
            "mul_": { x, _ in T(try x[0].mul_(x[1])) },
            "mul_s_": { x, a in T(try x[0].mul_(a.scalar("s")!)) },
            "div_": { x, _ in T(try x[0].div_(x[1])) },
            "div_s_": { x, a in T(try x[0].div_(a.scalar("s")!)) },
            "pow_s_": { x, a in T(try x[0].pow_(a.scalar("s")!)) },
            "neg_": { x, _ in T(try x[0].neg_()) },
            "relu_": { x, _ in T(try x[0].relu_()) },
            "sigmoid_": { x, _ in T(try x[0].sigmoid_()) },
            "tanh_": { x, _ in T(try x[0].tanh_()) },
            "exp_": { x, _ in T(try x[0].exp_()) },
            "sqrt_": { x, _ in T(try x[0].sqrt_()) },
            "abs_": { x, _ in T(try x[0].abs_()) },
            "clamp_": { x, a in T(try x[0].clamp_(min: a.scalar("min"), max: a.scalar("max"))) },
            "masked_fill_": { x, a in T(try x[0].maskedFill_(x[1], a.scalar("value")!)) },
            "copy_": { x, _ in T(try x[0].copy_(x[1])) },
            "fill_": { x, a in T(try x[0].fill_(a.scalar("value")!)) },
            "zero_": { x, _ in T(try x[0].zero_()) },
            "addcmul_": { x, a in T(try x[0].addcmul_(x[1], x[2], value: a.scalar("value") ?? .int(1))) },
            "addcdiv_": { x, a in T(try x[0].addcdiv_(x[1], x[2], value: a.scalar("value") ?? .int(1))) },
            "lerp_": { x, a in T(try x[0].lerp_(x[1], a.scalar("weight")!)) },
        ]
        for (name, f) in unary { d[name] = { x, _ in T(try f(x[0])) } }
        return d
    }()
}
