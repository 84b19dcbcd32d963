/// Elementwise math and activations with autograd.
extension Tensor {
    /// Runs a unary kernel and records `name` with a derivative built from the
    /// input `x` and output `y`. As in PyTorch, the node saves the output when the
    /// derivative reads it (`savesOutput`) and the input otherwise, so in-place
    /// changes to the saved one are caught (Note [Version counter]).
    ///
    /// `fusedBackward` marks derivatives PyTorch computes in one kernel: for float16 they
    /// run in float32 and round once (Note [Half precision]); other derivatives are
    /// sequences of ops, each rounded.
    private func unary(_ op: UnaryOp, _ name: String, savesOutput: Bool = false, fusedBackward: Bool = false,
                       _ derivative: @escaping (_ g: Tensor, _ x: Tensor, _ y: Tensor) throws(TensorError) -> Tensor) throws(TensorError) -> Tensor {
        let out = try computeUnary(op)
        let x = self
        let captured = CapturedOutput(out)
        return Tensor.record(name, inputs: [x], output: out, saved: [savesOutput ? out : x]) { (g: Tensor) throws(TensorError) in
            let y = captured.value
            if fusedBackward && g.dtype == .float16 {
                return [try derivative(g.to(.float32), x.to(.float32), y.to(.float32)).to(.float16)]
            }
            return [try derivative(g, x, y)]
        }
    }

    public func neg() throws(TensorError) -> Tensor {
        if dtype == .bool {
            throw TensorError(.notImplemented, "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")
        }
        let out = try computeUnary(.neg)
        return Tensor.record("NegBackward0", inputs: [self], output: out) { (g: Tensor) throws(TensorError) in [try g.neg()] }
    }

    public func abs() throws(TensorError) -> Tensor {
        if dtype == .bool { throw TensorError(.notImplemented, "\"abs_cpu\" not implemented for 'Bool'") }
        return try unary(.abs, "AbsBackward0") { g, x, _ throws(TensorError) in try g.mul(x.sign()) }
    }
    public func sign() throws(TensorError) -> Tensor { try rounding(.sign, "SignBackward0") }
    public func exp() throws(TensorError) -> Tensor { try unary(.exp, "ExpBackward0", savesOutput: true) { g, _, y throws(TensorError) in try g.mul(y) } }
    public func exp2() throws(TensorError) -> Tensor { try unary(.exp2, "Exp2Backward0", savesOutput: true) { g, _, y throws(TensorError) in try g.mul(y).mul(.double(0.6931471805599453)) } }
    public func expm1() throws(TensorError) -> Tensor { try unary(.expm1, "Expm1Backward0", savesOutput: true) { g, _, y throws(TensorError) in try g.mul(y.add(.int(1))) } }
    public func log() throws(TensorError) -> Tensor { try unary(.log, "LogBackward0") { g, x, _ throws(TensorError) in try g.div(x) } }
    public func log2() throws(TensorError) -> Tensor { try unary(.log2, "Log2Backward0") { g, x, _ throws(TensorError) in try g.div(x.mul(.double(0.6931471805599453))) } }
    public func log10() throws(TensorError) -> Tensor { try unary(.log10, "Log10Backward0") { g, x, _ throws(TensorError) in try g.div(x.mul(.double(2.302585092994046))) } }
    public func log1p() throws(TensorError) -> Tensor { try unary(.log1p, "Log1PBackward0") { g, x, _ throws(TensorError) in try g.div(x.add(.int(1))) } }
    public func sqrt() throws(TensorError) -> Tensor { try unary(.sqrt, "SqrtBackward0", savesOutput: true) { g, _, y throws(TensorError) in try g.div(y.mul(.int(2))) } }
    public func rsqrt() throws(TensorError) -> Tensor {
        try unary(.rsqrt, "RsqrtBackward0", savesOutput: true) { g, _, y throws(TensorError) in try g.mul(y.pow(.int(3))).mul(.double(-0.5)) }
    }
    public func reciprocal() throws(TensorError) -> Tensor {
        try unary(.reciprocal, "ReciprocalBackward0", savesOutput: true) { g, _, y throws(TensorError) in try g.mul(y.mul(y)).neg() }
    }
    public func square() throws(TensorError) -> Tensor { try pow(.int(2)) }
    public func sin() throws(TensorError) -> Tensor { try unary(.sin, "SinBackward0") { g, x, _ throws(TensorError) in try g.mul(x.cos()) } }
    public func cos() throws(TensorError) -> Tensor { try unary(.cos, "CosBackward0") { g, x, _ throws(TensorError) in try g.mul(x.sin()).neg() } }
    public func tan() throws(TensorError) -> Tensor { try unary(.tan, "TanBackward0", savesOutput: true) { g, _, y throws(TensorError) in try g.mul(y.mul(y).add(.int(1))) } }
    public func tanh() throws(TensorError) -> Tensor {
        try unary(.tanh, "TanhBackward0", savesOutput: true, fusedBackward: true) { g, _, y throws(TensorError) in try g.mul(y.mul(y).rsub(.int(1))) }
    }
    public func asin() throws(TensorError) -> Tensor { try unary(.asin, "AsinBackward0") { g, x, _ throws(TensorError) in try g.mul(x.mul(x).rsub(.int(1)).rsqrt()) } }
    public func acos() throws(TensorError) -> Tensor { try unary(.acos, "AcosBackward0") { g, x, _ throws(TensorError) in try g.mul(x.mul(x).rsub(.int(1)).rsqrt()).neg() } }
    public func atan() throws(TensorError) -> Tensor { try unary(.atan, "AtanBackward0") { g, x, _ throws(TensorError) in try g.div(x.mul(x).add(.int(1))) } }
    public func sinh() throws(TensorError) -> Tensor { try unary(.sinh, "SinhBackward0") { g, x, _ throws(TensorError) in try g.mul(x.cosh()) } }
    public func cosh() throws(TensorError) -> Tensor { try unary(.cosh, "CoshBackward0") { g, x, _ throws(TensorError) in try g.mul(x.sinh()) } }
    public func erf() throws(TensorError) -> Tensor {
        try unary(.erf, "ErfBackward0") { g, x, _ throws(TensorError) in
            try x.pow(.int(2)).neg().exp().mul(.double(1.1283791670955126)).mul(g)
        }
    }
    public func sigmoid() throws(TensorError) -> Tensor {
        try unary(.sigmoid, "SigmoidBackward0", savesOutput: true) { g, _, y throws(TensorError) in try g.mul(y.rsub(.int(1))).mul(y) }
    }
    public func relu() throws(TensorError) -> Tensor {
        if dtype == .bool { throw TensorError(.notImplemented, "Boolean inputs not supported for relu") }
        return try unary(.relu, "ReluBackward0", savesOutput: true) { g, _, y throws(TensorError) in try g.mul(y.gt(.int(0))) }
    }
    public func silu() throws(TensorError) -> Tensor {
        try unary(.silu, "SiluBackward0", fusedBackward: true) { g, x, _ throws(TensorError) in
            let s = try x.sigmoid()
            return try g.mul(s.mul(x.mul(s.rsub(.int(1))).add(.int(1))))
        }
    }
    /// `F.gelu(x, approximate='none' | 'tanh')`.
    public func gelu(approximate: String = "none") throws(TensorError) -> Tensor {
        switch approximate {
        case "none":
            // Contiguous float32 tensors of several elements take PyTorch's oneDNN path (Note [GELU through oneDNN]).
            let op: UnaryOp = dtype == .float32 && isContiguous && numel > 1 ? .gelu : .geluLibmErf
            return try unary(op, "GeluBackward0", fusedBackward: true) { g, x, _ throws(TensorError) in
                let cdf = try x.mul(.double(0.7071067811865476)).erf().add(.int(1)).mul(.double(0.5))
                let pdf = try x.mul(x).mul(.double(-0.5)).exp().mul(.double(0.3989422804014327))
                return try g.mul(cdf.add(x.mul(pdf)))
            }
        case "tanh":
            return try unary(.geluTanh, "GeluBackward0", fusedBackward: true) { g, x, _ throws(TensorError) in
                let k = 0.7978845608028654, c = 0.044715
                let inner = try x.add(x.pow(.int(3)).mul(.double(c))).mul(.double(k))
                let t = try inner.tanh()
                let dinner = try x.mul(x).mul(.double(3 * c)).add(.int(1)).mul(.double(k))
                let d = try t.add(.int(1)).mul(.double(0.5)).add(x.mul(.double(0.5)).mul(t.mul(t).rsub(.int(1))).mul(dinner))
                return try g.mul(d)
            }
        default:
            throw .runtime("approximate argument must be either none or tanh.")
        }
    }
    /// `F.softplus(x, beta=1, threshold=20)`.
    public func softplus(beta: Double = 1, threshold: Double = 20) throws(TensorError) -> Tensor {
        // The derivative is sigmoid(beta*x) below the threshold and exactly 1 above it
        // (PyTorch's softplus_backward), so an overflowing exp never reaches it.
        let derivative = { (g: Tensor, x: Tensor, _: Tensor) throws(TensorError) -> Tensor in
            let bx = try x.mul(.double(beta))
            return try Tensor.whereSelect(bx.gt(.double(threshold)), g, g.mul(bx.sigmoid()))
        }
        if beta == 1 && threshold == 20 { return try unary(.softplus, "SoftplusBackward0", fusedBackward: true, derivative) }
        let x = self
        let out = try GradMode.with(false) { () throws(TensorError) in
            let bx = try x.mul(.double(beta))
            return try Tensor.whereSelect(bx.gt(.double(threshold)), x, bx.exp().log1p().div(.double(beta)))
        }
        return Tensor.record("SoftplusBackward0", inputs: [x], output: out, saved: [x]) { (g: Tensor) throws(TensorError) in
            [try derivative(g, x, out)]
        }
    }
    /// `F.leaky_relu(x, negative_slope=0.01)`; the in-place variant's node is `LeakyReluBackward1`.
    public func leakyRelu(_ slope: Double = 0.01, backwardName: String = "LeakyReluBackward0") throws(TensorError) -> Tensor {
        let positive = try computePredicateScalar(.gt, .int(0))
        let scaled = try Tensor.computeBinary(self, Tensor.wrapped(.double(slope), dtype.opmath), .mul, dtype: dtype)
        let out = try Tensor.selectValues(positive, self, scaled)
        let x = self
        return Tensor.record(backwardName, inputs: [x], output: out, saved: [x]) { (g: Tensor) throws(TensorError) in
            [try Tensor.whereSelect(x.gt(.int(0)), g, g.mul(.double(slope)))]
        }
    }
    /// `F.elu(x, alpha=1.0)`; the in-place variant's node is `EluBackward1`.
    public func elu(alpha: Double = 1, backwardName: String = "EluBackward0") throws(TensorError) -> Tensor {
        let x = self
        let out = try GradMode.with(false) { () throws(TensorError) in
            try Tensor.whereSelect(x.gt(.int(0)), x, x.expm1().mul(.double(alpha)))
        }
        // Only the branch taken is differentiated: exp of a large positive x would overflow.
        return Tensor.record(backwardName, inputs: [x], output: out, saved: [x]) { (g: Tensor) throws(TensorError) in
            let negative = try x.minimum(Tensor.zeros([], dtype: x.dtype)).exp().mul(.double(alpha))
            return [try Tensor.whereSelect(x.gt(.int(0)), g, g.mul(negative))]
        }
    }

    public func floor() throws(TensorError) -> Tensor { try rounding(.floor, "FloorBackward0") }
    public func ceil() throws(TensorError) -> Tensor { try rounding(.ceil, "CeilBackward0") }
    public func trunc() throws(TensorError) -> Tensor { try rounding(.trunc, "TruncBackward0") }
    public func frac() throws(TensorError) -> Tensor {
        if !isFloatingPoint { throw TensorError(.notImplemented, "\"frac_cpu\" not implemented for '\(dtype.scalarTypeName)'") }
        let out = try computeUnary(.frac)
        return Tensor.record("FracBackward0", inputs: [self], output: out) { g in [g] }
    }
    /// `torch.round(x, decimals=0)`: halves round to even, as in PyTorch.
    public func round(decimals: Int = 0) throws(TensorError) -> Tensor {
        if decimals == 0 { return try rounding(.round, "RoundBackward0") }
        let scale = Double.pow10(decimals)
        let out = try GradMode.with(false) { () throws(TensorError) in
            try mul(.double(scale)).computeUnary(.round).div(.double(scale))
        }
        return Tensor.record("RoundBackward1", inputs: [self], output: out) { (g: Tensor) throws(TensorError) in [try Tensor.zerosLike(g)] }
    }

    private func rounding(_ op: UnaryOp, _ name: String) throws(TensorError) -> Tensor {
        // PyTorch has no bool kernels for these (sign passes bools through).
        if dtype == .bool && op != .sign {
            throw TensorError(.notImplemented, "\"\(op)_vml_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let out = try computeUnary(op)
        return Tensor.record(name, inputs: [self], output: out) { (g: Tensor) throws(TensorError) in [try Tensor.zerosLike(g)] }
    }
}

extension Double {
    static func pow10(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<Swift.abs(n) { r *= 10 }
        return n < 0 ? 1 / r : r
    }
}
