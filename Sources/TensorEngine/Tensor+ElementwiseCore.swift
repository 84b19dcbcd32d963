/// Shared machinery of the elementwise ops: type promotion, broadcasting,
/// operand preparation and kernel dispatch, without autograd.
extension Tensor {
    /// A broadcast view of this tensor with `shape` (zero strides on expanded dims). No autograd.
    func broadcastView(to target: [Int]) throws(TensorError) -> Tensor {
        if target == shape { return self }
        let lead = target.count - dim
        guard lead >= 0 else {
            throw .runtime("expand(\(dtype.legacyTypeName){\(Shape.format(shape))}, size=\(Shape.format(target))): the number of sizes provided (\(target.count)) must be greater or equal to the number of dimensions in the tensor (\(dim))")
        }
        var newStrides = [Int](repeating: 0, count: target.count)
        for d in 0..<target.count where d >= lead {
            let s = shape[d - lead]
            if s == target[d] {
                newStrides[d] = strides[d - lead]
            } else if s != 1 {
                throw .runtime("The expanded size of the tensor (\(target[d])) must match the existing size (\(s)) at non-singleton dimension \(d).  Target sizes: \(Shape.format(target)).  Tensor sizes: \(Shape.format(shape))")
            }
        }
        return makeView(shape: target, strides: newStrides, offset: offset)
    }

    /// A contiguous copy (or self) of this tensor converted to `dtype`. No autograd.
    func materialized(_ dtype: DType) throws(TensorError) -> Tensor {
        if dtype == self.dtype && isContiguous { return self }
        let out = try Tensor(uninitializedShape: shape, dtype: dtype)
        copyConverting(from: self, to: out)
        return out
    }

    /// Prepares this tensor as a kernel operand for an output of `shape`:
    /// one element with stride 0, or a contiguous buffer of the full shape.
    func operand(_ dtype: DType, shape target: [Int]) throws(TensorError) -> (Tensor, Int) {
        if numel == 1 {
            if self.dtype == dtype { return (self, 0) }
            let one = try Tensor(uninitializedShape: [], dtype: dtype)
            copyConverting(from: self.makeView(shape: [], strides: [], offset: offset), to: one)
            return (one, 0)
        }
        if shape == target { return (try materialized(dtype), 1) }
        return (try broadcastView(to: target).materialized(dtype), 1)
    }

    /// Result dtype of a binary op between two tensors (`torch.result_type`).
    static func resultType(_ a: Tensor, _ b: Tensor) -> DType {
        var st = ResultTypeState()
        st.add(a)
        st.add(b)
        return st.result
    }

    static func resultType(_ a: Tensor, _ s: Scalar) -> DType {
        var st = ResultTypeState()
        st.add(a)
        st.add(s)
        return st.result
    }

    /// Computes `a op b` in `dtype` with broadcasting. No autograd.
    static func computeBinary(_ a: Tensor, _ b: Tensor, _ op: BinaryOp, dtype: DType) throws(TensorError) -> Tensor {
        let shape = try Shape.broadcast(a.shape, b.shape)
        let (ta, sa) = try a.operand(dtype, shape: shape)
        let (tb, sb) = try b.operand(dtype, shape: shape)
        let out = try Tensor(uninitializedShape: shape, dtype: dtype)
        struct Run: DTypeVisitor {
            let op: BinaryOp, ta: Tensor, sa: Int, tb: Tensor, sb: Int, out: Tensor
            func visit<T: ArithmeticElement>(_: T.Type) {
                binaryKernel(op, out.numel, Operand(pointer: ta.basePointer(T.self), stride: sa),
                             Operand(pointer: tb.basePointer(T.self), stride: sb), out.basePointer(T.self))
            }
        }
        if out.numel > 0 { try dtype.visit(Run(op: op, ta: ta, sa: sa, tb: tb, sb: sb, out: out)) }
        return out
    }

    /// Computes a comparison or logical op in `dtype`, giving a bool tensor. No autograd.
    static func computePredicate(_ a: Tensor, _ b: Tensor, _ op: PredicateOp, dtype: DType) throws(TensorError) -> Tensor {
        let shape = try Shape.broadcast(a.shape, b.shape)
        let (ta, sa) = try a.operand(dtype, shape: shape)
        let (tb, sb) = try b.operand(dtype, shape: shape)
        let out = try Tensor(uninitializedShape: shape, dtype: .bool)
        struct Run: DTypeVisitor {
            let op: PredicateOp, ta: Tensor, sa: Int, tb: Tensor, sb: Int, out: Tensor
            func visit<T: ArithmeticElement>(_: T.Type) {
                predicateKernel(op, out.numel, Operand(pointer: ta.basePointer(T.self), stride: sa),
                                Operand(pointer: tb.basePointer(T.self), stride: sb), out.basePointer(Bool.self))
            }
        }
        if out.numel > 0 { try dtype.visit(Run(op: op, ta: ta, sa: sa, tb: tb, sb: sb, out: out)) }
        return out
    }

    /// Computes a unary op. Integer inputs keep their dtype for sign-like ops and
    /// otherwise promote to the default float. No autograd.
    func computeUnary(_ op: UnaryOp) throws(TensorError) -> Tensor {
        let dtype: DType = (op.keepsIntegers || isFloatingPoint) ? self.dtype : .defaultFloat
        let x = try materialized(dtype)
        let out = try Tensor(uninitializedShape: shape, dtype: dtype)
        if out.numel == 0 { return out }
        if dtype.isFloatingPoint {
            struct Run: FloatVisitor {
                let op: UnaryOp, x: Tensor, out: Tensor
                func visit<T: FloatElement>(_: T.Type) {
                    unaryFloatKernel(op, out.numel, x.basePointer(T.self), out.basePointer(T.self))
                }
            }
            try dtype.visitFloat(Run(op: op, x: x, out: out))
        } else {
            struct Run: DTypeVisitor {
                let op: UnaryOp, x: Tensor, out: Tensor
                func visit<T: ArithmeticElement>(_: T.Type) {
                    unaryIntegerKernel(op, out.numel, x.basePointer(T.self), out.basePointer(T.self))
                }
            }
            try dtype.visit(Run(op: op, x: x, out: out))
        }
        return out
    }

    /// A 0-dim tensor holding a Python scalar converted to `dtype`.
    static func wrapped(_ s: Scalar, _ dtype: DType) throws(TensorError) -> Tensor {
        // Not `full`: arithmetic with an out-of-range Python number wraps instead of raising.
        let t = try Tensor(uninitializedShape: [], dtype: dtype)
        fill(t, with: s)
        return t
    }
}
