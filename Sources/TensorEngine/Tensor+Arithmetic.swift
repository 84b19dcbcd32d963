/// Arithmetic with broadcasting and autograd: `+ - * / // % **`, maximum, minimum.
///
/// Each op computes its result with the elementwise core and records a node
/// whose closure holds the derivative, kept next to the forward code.
extension Tensor {
    // MARK: - Addition and subtraction

    /// `torch.add(self, other, alpha=1)`.
    public func add(_ other: Tensor, alpha: Scalar = .int(1)) throws(TensorError) -> Tensor {
        let dtype = Tensor.resultType(self, other)
        try Tensor.checkAlpha(alpha, dtype)
        let out = try Tensor.computeAddScaled(self, other, alpha, subtract: false, dtype: dtype)
        let (sa, sb) = (shape, other.shape)
        return Tensor.record("AddBackward0", inputs: [self, other], output: out) { (g: Tensor) throws(TensorError) in
            [try g.sumTo(sa), try (alpha == .int(1) ? g : g.mul(alpha)).sumTo(sb)]
        }
    }

    /// `tensor + number`.
    public func add(_ s: Scalar) throws(TensorError) -> Tensor {
        let dtype = Tensor.resultType(self, s)
        let out = try Tensor.computeBinary(self, Tensor.wrapped(s, dtype), .add, dtype: dtype)
        return Tensor.record("AddBackward0", inputs: [self], output: out) { g in [g] }
    }

    /// `torch.sub(self, other, alpha=1)`.
    public func sub(_ other: Tensor, alpha: Scalar = .int(1)) throws(TensorError) -> Tensor {
        try Tensor.checkSubtraction(self.dtype, other.dtype)
        let dtype = Tensor.resultType(self, other)
        try Tensor.checkAlpha(alpha, dtype)
        let out = try Tensor.computeAddScaled(self, other, alpha, subtract: true, dtype: dtype)
        let (sa, sb) = (shape, other.shape)
        return Tensor.record("SubBackward0", inputs: [self, other], output: out) { (g: Tensor) throws(TensorError) in
            [try g.sumTo(sa), try g.neg().mul(alpha).sumTo(sb)]
        }
    }

    /// `tensor - number`.
    public func sub(_ s: Scalar) throws(TensorError) -> Tensor {
        try Tensor.checkSubtraction(self.dtype, s.wrappedDType)
        let dtype = Tensor.resultType(self, s)
        let out = try Tensor.computeBinary(self, Tensor.wrapped(s, dtype), .sub, dtype: dtype)
        return Tensor.record("SubBackward0", inputs: [self], output: out) { g in [g] }
    }

    /// `number - tensor` (`torch.rsub`).
    public func rsub(_ s: Scalar) throws(TensorError) -> Tensor {
        try Tensor.checkSubtraction(s.wrappedDType, self.dtype)
        let dtype = Tensor.resultType(self, s)
        let out = try Tensor.computeBinary(Tensor.wrapped(s, dtype), self, .sub, dtype: dtype)
        return Tensor.record("RsubBackward1", inputs: [self], output: out) { (g: Tensor) throws(TensorError) in [try g.neg()] }
    }

    /// PyTorch's `check_sub_nonbool`: `-` rejects bool operands (a bool Python scalar counts as a bool tensor).
    static func checkSubtraction(_ a: DType, _ b: DType) throws(TensorError) {
        if a == .bool && b == .bool {
            throw TensorError(.notImplemented, "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.")
        }
        if a == .bool || b == .bool {
            throw TensorError(.notImplemented, "Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")
        }
    }

    /// `alpha` of `add`/`sub` must not be a Python float when the result is integral.
    static func checkAlpha(_ alpha: Scalar, _ dtype: DType) throws(TensorError) {
        if alpha.isFloatingPoint && !dtype.isFloatingPoint {
            throw .runtime("For integral input tensors, argument alpha must not be a floating point number.")
        }
    }

    // MARK: - Multiplication and division

    /// `torch.mul(self, other)`.
    public func mul(_ other: Tensor) throws(TensorError) -> Tensor {
        let out = try Tensor.computeBinary(self, other, .mul, dtype: Tensor.resultType(self, other))
        let (a, b) = (self, other)
        return Tensor.record("MulBackward0", inputs: [a, b], output: out, saved: [a, b]) { (g: Tensor) throws(TensorError) in
            [a.requiresGrad ? try g.mul(b).sumTo(a.shape) : nil,
             b.requiresGrad ? try g.mul(a).sumTo(b.shape) : nil]
        }
    }

    /// `tensor * number`.
    public func mul(_ s: Scalar) throws(TensorError) -> Tensor {
        let dtype = Tensor.resultType(self, s)
        let other = try Tensor.wrapped(s, dtype.opmath)  // Note [Half precision]
        let out = try Tensor.computeBinary(self, other, .mul, dtype: dtype)
        // PyTorch saves the wrapped number, so this node too is freed after backward.
        return Tensor.record("MulBackward0", inputs: [self], output: out, saved: [other]) { (g: Tensor) throws(TensorError) in [try g.mul(s)] }
    }

    /// `torch.div(self, other, rounding_mode=None)`: true division promotes integers to float.
    public func div(_ other: Tensor, roundingMode: String? = nil) throws(TensorError) -> Tensor {
        var dtype = Tensor.resultType(self, other)
        switch roundingMode {
        case nil:
            if !dtype.isFloatingPoint { dtype = .defaultFloat }
            let out = try Tensor.computeBinary(self, other, .div, dtype: dtype)
            let (a, b) = (self, other)
            return Tensor.record("DivBackward0", inputs: [a, b], output: out, saved: [a, b]) { (g: Tensor) throws(TensorError) in
                // PyTorch's order for the divisor: -g * ((a / b) / b).
                [a.requiresGrad ? try g.div(b).sumTo(a.shape) : nil,
                 b.requiresGrad ? try g.neg().mul(a.div(b).div(b)).sumTo(b.shape) : nil]
            }
        case "floor":
            return try floorDivide(other)
        case "trunc":
            if !dtype.isFloatingPoint { try Tensor.checkNonZeroDivisor(other) }
            let q = try Tensor.computeBinary(self, other, .div, dtype: dtype)
            let out = dtype.isFloatingPoint ? try q.computeUnary(.trunc) : q
            return Tensor.record("DivBackward1", inputs: [self, other], output: out) { (g: Tensor) throws(TensorError) in
                [try Tensor.zerosLike(g), try Tensor.zerosLike(g)]
            }
        case let mode?:
            throw .runtime("div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '\(mode)'")
        }
    }

    /// `tensor / number`.
    public func div(_ s: Scalar) throws(TensorError) -> Tensor {
        var dtype = Tensor.resultType(self, s)
        if !dtype.isFloatingPoint { dtype = .defaultFloat }
        let other = try Tensor.wrapped(s, dtype.opmath)  // Note [Half precision]
        let out = try Tensor.computeBinary(self, other, .div, dtype: dtype)
        return Tensor.record("DivBackward0", inputs: [self], output: out, saved: [other]) { (g: Tensor) throws(TensorError) in [try g.div(s)] }
    }

    /// `number / tensor`, which PyTorch computes as `reciprocal(tensor) * number`.
    public func rdiv(_ s: Scalar) throws(TensorError) -> Tensor {
        try reciprocal().mul(s)
    }

    /// `torch.floor_divide` and `tensor // other`.
    public func floorDivide(_ other: Tensor) throws(TensorError) -> Tensor {
        let dtype = Tensor.resultType(self, other)
        if !dtype.isFloatingPoint { try Tensor.checkNonZeroDivisor(other) }
        let out = try Tensor.computeBinary(self, other, .floorDiv, dtype: dtype)
        return Tensor.record("DivBackward1", inputs: [self, other], output: out) { (g: Tensor) throws(TensorError) in
            [try Tensor.zerosLike(g), try Tensor.zerosLike(g)]
        }
    }

    /// `torch.remainder` and `tensor % other`: the result has the divisor's sign, as in Python.
    public func remainder(_ other: Tensor) throws(TensorError) -> Tensor {
        let dtype = Tensor.resultType(self, other)
        if !dtype.isFloatingPoint { try Tensor.checkNonZeroDivisor(other) }
        let out = try Tensor.computeBinary(self, other, .remainder, dtype: dtype)
        let (a, b) = (self, other)
        return Tensor.record("RemainderBackward1", inputs: [a, b], output: out, saved: [a, b]) { (g: Tensor) throws(TensorError) in
            [try g.sumTo(a.shape), try g.neg().mul(a.floorDivide(b)).sumTo(b.shape)]
        }
    }

    /// `torch.fmod`: the result has the dividend's sign, as in C.
    public func fmod(_ other: Tensor) throws(TensorError) -> Tensor {
        let dtype = Tensor.resultType(self, other)
        if !dtype.isFloatingPoint { try Tensor.checkNonZeroDivisor(other) }
        let out = try Tensor.computeBinary(self, other, .fmod, dtype: dtype)
        let (a, b) = (self, other)
        return Tensor.record("FmodBackward1", inputs: [a, b], output: out, saved: [a, b]) { (g: Tensor) throws(TensorError) in
            [try g.sumTo(a.shape), b.requiresGrad ? try g.neg().mul(a.div(b, roundingMode: "trunc")).sumTo(b.shape) : nil]
        }
    }

    static func checkNonZeroDivisor(_ t: Tensor) throws(TensorError) {
        if t.toArray(Int64.self).contains(0) { throw .runtime("ZeroDivisionError") }
    }

    // MARK: - Powers

    /// `torch.pow(self, exponent)` with a number exponent.
    public func pow(_ e: Scalar) throws(TensorError) -> Tensor {
        let dtype = Tensor.resultType(self, e)
        if !dtype.isFloatingPoint, e.int64Value < 0 {
            throw .runtime("Integers to negative integer powers are not allowed.")
        }
        let out = try Tensor.computeBinary(self, Tensor.wrapped(e, dtype), .pow, dtype: dtype)
        let x = self
        return Tensor.record("PowBackward0", inputs: [x], output: out, saved: [x]) { (g: Tensor) throws(TensorError) in
            if e.doubleValue == 0 { return [try Tensor.zerosLike(x)] }
            let d = try x.pow(.double(e.doubleValue - 1)).mul(e)
            return [try g.mul(d)]
        }
    }

    /// `torch.pow(self, exponent)` with a tensor exponent.
    public func pow(_ e: Tensor) throws(TensorError) -> Tensor {
        let dtype = Tensor.resultType(self, e)
        // Unlike a number exponent, negative integer tensor exponents are allowed (see `pow` in ElementArithmetic).
        let out = try Tensor.computeBinary(self, e, .pow, dtype: dtype)
        let x = self
        let captured = CapturedOutput(out)
        return Tensor.record("PowBackward1", inputs: [x, e], output: out, saved: [x, e, out]) { (g: Tensor) throws(TensorError) in
            let out = captured.value
            let gx = x.requiresGrad
                ? try g.mul(e.mul(x.pow(e.sub(.int(1)))).maskedFill(e.eq(.int(0)), .int(0))).sumTo(x.shape) : nil
            var ge: Tensor? = nil
            if e.requiresGrad {
                // d/de x^e = x^e log x, taken as 0 where x == 0 and e >= 0 (PyTorch's mask).
                let zeroMask = try x.eq(.int(0)).logicalAnd(e.ge(.int(0)))
                let logx = try Tensor.whereSelect(zeroMask, Tensor.zeros([], dtype: x.dtype), x.log())
                ge = try g.mul(out.mul(logx)).sumTo(e.shape)
            }
            return [gx, ge]
        }
    }

    /// `number ** tensor` (`torch.pow(number, tensor)`).
    public func rpow(_ base: Scalar) throws(TensorError) -> Tensor {
        let dtype = Tensor.resultType(self, base)
        let out = try Tensor.computeBinary(Tensor.wrapped(base, dtype), self, .pow, dtype: dtype)
        let e = self
        let captured = CapturedOutput(out)
        return Tensor.record("PowBackward2", inputs: [e], output: out, saved: [e, out]) { (g: Tensor) throws(TensorError) in
            let out = captured.value
            let d = try g.mul(out).mul(.double(Double.log(base.doubleValue)))
            return [base.doubleValue == 0 ? try d.maskedFill(e.ge(.int(0)), .int(0)) : d]
        }
    }

    // MARK: - Maximum and minimum

    /// `torch.maximum(self, other)`: elementwise, NaN-propagating; ties split the gradient.
    public func maximum(_ other: Tensor) throws(TensorError) -> Tensor {
        try extremum(other, .maximum, name: "MaximumBackward0")
    }

    /// `torch.minimum(self, other)`.
    public func minimum(_ other: Tensor) throws(TensorError) -> Tensor {
        try extremum(other, .minimum, name: "MinimumBackward0")
    }

    private func extremum(_ other: Tensor, _ op: BinaryOp, name: String) throws(TensorError) -> Tensor {
        let out = try Tensor.computeBinary(self, other, op, dtype: Tensor.resultType(self, other))
        let (a, b) = (self, other)
        return Tensor.record(name, inputs: [a, b], output: out, saved: [a, b]) { (g: Tensor) throws(TensorError) in
            // where(a == b, g / 2, g), zeroed where the input loses; NaN positions keep g for both.
            let shared = try Tensor.whereSelect(a.eq(b), g.div(.int(2)), g)
            let aLoses = op == .maximum ? try a.lt(b) : try a.gt(b)
            let bLoses = op == .maximum ? try a.gt(b) : try a.lt(b)
            return [try shared.maskedFill(aLoses, .int(0)).sumTo(a.shape), try shared.maskedFill(bLoses, .int(0)).sumTo(b.shape)]
        }
    }

    /// `torch.atan2(self, other)`.
    public func atan2(_ other: Tensor) throws(TensorError) -> Tensor {
        var dtype = Tensor.resultType(self, other)
        if !dtype.isFloatingPoint { dtype = .defaultFloat }
        let out = try Tensor.computeBinary(self, other, .atan2, dtype: dtype)
        let (y, x) = (self, other)
        return Tensor.record("Atan2Backward0", inputs: [y, x], output: out, saved: [y, x]) { (g: Tensor) throws(TensorError) in
            // PyTorch's order: g * x * recip and g * -y * recip.
            let recip = try y.mul(y).add(x.mul(x)).reciprocal()
            return [try g.mul(x).mul(recip).sumTo(y.shape), try g.mul(y.neg()).mul(recip).sumTo(x.shape)]
        }
    }

    // MARK: - Bitwise (bool and integer tensors)

    /// `a & b`, `a | b`, `a ^ b` on bool or integer tensors.
    public func bitwise(_ other: Tensor, _ op: String) throws(TensorError) -> Tensor {
        let dtype = Tensor.resultType(self, other)
        if dtype.isFloatingPoint {
            throw TensorError(.notImplemented, "\"bitwise_\(op)_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let kernel: BinaryOp = op == "and" ? .bitAnd : (op == "or" ? .bitOr : .bitXor)
        return try Tensor.computeBinary(self, other, kernel, dtype: dtype)
    }
}
