/// Special functions with autograd: `erfinv`, `erfc`, `logit`, `logaddexp`, `hypot`,
/// `nan_to_num`.
extension Tensor {
    // MARK: - Error function relatives

    /// `torch.erfinv(input)`: the inverse error function (NaN outside [-1, 1]).
    public func erfinv() throws(TensorError) -> Tensor {
        let out = try computeUnary(.erfinv)
        let captured = CapturedOutput(out)
        return Tensor.record("ErfinvBackward0", inputs: [self], output: out, saved: [out]) { (g: Tensor) throws(TensorError) in
            let out = captured.value
            // d/dx erfinv(x) = sqrt(pi)/2 · exp(erfinv(x)^2), in PyTorch's order.
            return [try out.pow(.int(2)).exp().mul(.double(0.886226925452758)).mul(g)]
        }
    }

    /// `torch.erfc(input)`: 1 - erf(x), accurate for large x.
    public func erfc() throws(TensorError) -> Tensor {
        let out = try computeUnary(.erfc)
        let x = self
        return Tensor.record("ErfcBackward0", inputs: [x], output: out, saved: [x]) { (g: Tensor) throws(TensorError) in
            [try x.pow(.int(2)).neg().exp().mul(.double(-1.1283791670955126)).mul(g)]
        }
    }

    // MARK: - Logit

    /// `torch.logit(input, eps=None)`: log(p / (1 - p)); with `eps`, p is first clamped to
    /// [eps, 1 - eps] and the gradient is zero outside that range.
    public func logit(eps: Double? = nil) throws(TensorError) -> Tensor {
        let x = isFloatingPoint ? self : try to(.defaultFloat)
        let out = try GradMode.with(false) { () throws(TensorError) in
            try x.computingInOpmath { (p) throws(TensorError) in
                let q = try eps.map { (e) throws(TensorError) in try p.clamp(min: .double(e), max: .double(1 - e)) } ?? p
                return try q.div(q.rsub(.int(1))).log()
            }
        }
        return Tensor.record("LogitBackward0", inputs: [x], output: out, saved: [x]) { (g: Tensor) throws(TensorError) in
            let d = try g.div(x.mul(x.rsub(.int(1))))
            if let eps {
                return [try d.maskedFill(x.lt(.double(eps)).logicalOr(x.gt(.double(1 - eps))), .int(0))]
            }
            return [try d.maskedFill(x.lt(.int(0)).logicalOr(x.gt(.int(1))), .double(.nan))]
        }
    }

    // MARK: - Binary

    /// `torch.logaddexp(input, other)`: log(exp(a) + exp(b)) without overflow.
    public func logaddexp(_ other: Tensor) throws(TensorError) -> Tensor {
        let out = try floatingBinary(other, .logaddexp, "logaddexp")
        let (a, b) = (self, other)
        return Tensor.record("LogaddexpBackward0", inputs: [a, b], output: out, saved: [a, b]) { (g: Tensor) throws(TensorError) in
            [a.requiresGrad ? try g.div(b.sub(a).exp().add(.int(1))).sumTo(a.shape) : nil,
             b.requiresGrad ? try g.div(a.sub(b).exp().add(.int(1))).sumTo(b.shape) : nil]
        }
    }

    /// `torch.hypot(input, other)`: sqrt(a² + b²) without overflow.
    public func hypot(_ other: Tensor) throws(TensorError) -> Tensor {
        let out = try floatingBinary(other, .hypot, "hypot")
        let (a, b) = (self, other)
        let captured = CapturedOutput(out)
        return Tensor.record("HypotBackward0", inputs: [a, b], output: out, saved: [a, b, out]) { (g: Tensor) throws(TensorError) in
            let out = captured.value
            return [a.requiresGrad ? try g.mul(a).div(out).sumTo(a.shape) : nil,
                    b.requiresGrad ? try g.mul(b).div(out).sumTo(b.shape) : nil]
        }
    }

    /// A binary kernel defined for floating result types only, with PyTorch's error otherwise.
    private func floatingBinary(_ other: Tensor, _ op: BinaryOp, _ name: String) throws(TensorError) -> Tensor {
        let dtype = Tensor.resultType(self, other)
        guard dtype.isFloatingPoint else {
            throw TensorError(.notImplemented, "\"\(name)_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        return try Tensor.computeBinary(self, other, op, dtype: dtype)
    }

    // MARK: - NaN and infinity replacement

    /// `torch.nan_to_num(input, nan=0.0, posinf=None, neginf=None)`: NaN and ±inf replaced
    /// (by default with 0 and the dtype's largest and lowest finite values). Other dtypes
    /// are copied unchanged.
    public func nanToNum(nan: Double? = nil, posinf: Double? = nil, neginf: Double? = nil) throws(TensorError) -> Tensor {
        guard isFloatingPoint else { return try clone() }
        let largest: Double = switch dtype {
        case .float16: Double(Float16.greatestFiniteMagnitude)
        case .float32: Double(Float.greatestFiniteMagnitude)
        default: Double.greatestFiniteMagnitude
        }
        let x = self
        let out = try GradMode.with(false) { () throws(TensorError) in
            var r = try Tensor.whereSelect(x.isnan().logicalNot(), x, .double(nan ?? 0))
            r = try Tensor.whereSelect(r.eq(.double(.infinity)).logicalNot(), r, .double(posinf ?? largest))
            return try Tensor.whereSelect(r.eq(.double(-.infinity)).logicalNot(), r, .double(neginf ?? -largest))
        }
        return Tensor.record("NanToNumBackward0", inputs: [x], output: out, saved: [x]) { (g: Tensor) throws(TensorError) in
            [try g.mul(x.isfinite())]
        }
    }
}
