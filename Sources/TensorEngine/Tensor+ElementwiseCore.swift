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
        let out = try Tensor(uninitializedShape: shape, dtype: dtype, zeroed: false)
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

    static func resultType(_ tensors: [Tensor]) -> DType {
        var st = ResultTypeState()
        for t in tensors { st.add(t) }
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
        if dtype == .float16 { return try computeHalfBinary(a, b, op) }
        let shape = try Shape.broadcast(a.shape, b.shape)
        if let out = try computeRowBroadcast(a, b, op, dtype: dtype, shape: shape) { return out }
        let (ta, sa) = try a.operand(dtype, shape: shape)
        let (tb, sb) = try b.operand(dtype, shape: shape)
        let out = try Tensor(uninitializedShape: shape, dtype: dtype, zeroed: false)
        struct Run: DTypeVisitor {
            let op: BinaryOp, ta: Tensor, sa: Int, tb: Tensor, sb: Int, out: Tensor
            func visit<T: ArithmeticElement>(_: T.Type) {
                let pa = ta.basePointer(T.self), pb = tb.basePointer(T.self), po = out.basePointer(T.self)
                parallelRanges(out.numel) { start, end in
                    binaryKernel(op, end - start, Operand(pointer: pa + start * sa, stride: sa),
                                 Operand(pointer: pb + start * sb, stride: sb), po + start)
                }
            }
        }
        if out.numel > 0 { try dtype.visit(Run(op: op, ta: ta, sa: sa, tb: tb, sb: sb, out: out)) }
        return out
    }

    /// Note [Half precision]
    /// PyTorch's CPU kernels load float16 operands, compute in float32 and round each
    /// result once to float16. The engine does the same: float16 ops convert to float32,
    /// run the float32 kernels and round the output. A multiplier or divisor that is a
    /// single CPU value (a Python number or 0-dim tensor as second operand of `*`, `/`,
    /// `//`) is read at float32 precision; every other operand is first rounded to float16.
    private static func computeHalfBinary(_ a: Tensor, _ b: Tensor, _ op: BinaryOp) throws(TensorError) -> Tensor {
        let keepsScalar = (op == .mul || op == .div || op == .floorDiv) && b.numel == 1 && b.dim == 0
        let ha = try a.materialized(.float16), hb = keepsScalar ? b : try b.materialized(.float16)
        return try computeBinary(ha, hb, op, dtype: .float32).materialized(.float16)
    }

    /// This tensor converted to float32 if it is float16 (no autograd): an operand of a
    /// formula PyTorch evaluates in one fused kernel.
    var inOpmath: Tensor {
        get throws(TensorError) { dtype == .float16 ? try materialized(.float32) : self }
    }

    /// Runs a composite forward computation (without autograd) of a float16 tensor in
    /// float32 and rounds its result once, as PyTorch's fused float16 kernels do.
    func computingInOpmath(_ body: (Tensor) throws(TensorError) -> Tensor) throws(TensorError) -> Tensor {
        guard dtype == .float16 else { return try body(self) }
        return try body(materialized(.float32)).materialized(.float16)
    }

    /// The length of the contiguous block that `t` repeats when broadcast to `shape`
    /// over leading dims only (e.g. [1000] or [1, 1000] against [64, 1000]), or nil.
    private func repeatedBlockLength(in shape: [Int]) -> Int? {
        var own = shape.count >= dim ? self.shape[...] : []
        while own.first == 1 { own = own.dropFirst() }
        guard numel > 1, numel < shape.reduce(1, *), isContiguous, own.elementsEqual(shape.suffix(own.count)) else { return nil }
        return numel
    }

    /// `a op b` where one operand has the full shape and the other repeats a
    /// contiguous block (a bias row): runs the kernel row by row against the block
    /// instead of materialising the broadcast. Same per-element results. Nil when
    /// the operands have another layout.
    private static func computeRowBroadcast(_ a: Tensor, _ b: Tensor, _ op: BinaryOp, dtype: DType,
                                            shape: [Int]) throws(TensorError) -> Tensor? {
        let block: Int, smallIsB: Bool
        if a.shape == shape, let n = b.repeatedBlockLength(in: shape) { block = n; smallIsB = true }
        else if b.shape == shape, let n = a.repeatedBlockLength(in: shape) { block = n; smallIsB = false }
        else { return nil }
        let ta = try a.materialized(dtype), tb = try b.materialized(dtype)
        let out = try Tensor(uninitializedShape: shape, dtype: dtype, zeroed: false)
        struct Run: DTypeVisitor {
            let op: BinaryOp, ta: Tensor, tb: Tensor, out: Tensor, block: Int, smallIsB: Bool
            func visit<T: ArithmeticElement>(_: T.Type) {
                let pa = ta.basePointer(T.self), pb = tb.basePointer(T.self), po = out.basePointer(T.self)
                let rows = out.numel / block
                parallelRanges(rows, grain: Swift.max(1, elementwiseGrainSize / block)) { first, end in
                    for r in first..<end {
                        let o = r * block
                        binaryKernel(op, block, Operand(pointer: smallIsB ? pa + o : pa, stride: 1),
                                     Operand(pointer: smallIsB ? pb : pb + o, stride: 1), po + o)
                    }
                }
            }
        }
        try dtype.visit(Run(op: op, ta: ta, tb: tb, out: out, block: block, smallIsB: smallIsB))
        return out
    }

    /// Computes a comparison or logical op in `dtype`, giving a bool tensor. No autograd.
    static func computePredicate(_ a: Tensor, _ b: Tensor, _ op: PredicateOp, dtype: DType) throws(TensorError) -> Tensor {
        let shape = try Shape.broadcast(a.shape, b.shape)
        let (ta, sa) = try a.operand(dtype, shape: shape)
        let (tb, sb) = try b.operand(dtype, shape: shape)
        let out = try Tensor(uninitializedShape: shape, dtype: .bool, zeroed: false)
        struct Run: DTypeVisitor {
            let op: PredicateOp, ta: Tensor, sa: Int, tb: Tensor, sb: Int, out: Tensor
            func visit<T: ArithmeticElement>(_: T.Type) {
                let pa = ta.basePointer(T.self), pb = tb.basePointer(T.self), po = out.basePointer(Bool.self)
                parallelRanges(out.numel) { start, end in
                    predicateKernel(op, end - start, Operand(pointer: pa + start * sa, stride: sa),
                                    Operand(pointer: pb + start * sb, stride: sb), po + start)
                }
            }
        }
        if out.numel > 0 { try dtype.visit(Run(op: op, ta: ta, sa: sa, tb: tb, sb: sb, out: out)) }
        return out
    }

    /// Computes a unary op. Integer inputs keep their dtype for sign-like ops and
    /// otherwise promote to the default float. No autograd.
    func computeUnary(_ op: UnaryOp) throws(TensorError) -> Tensor {
        let dtype: DType = (op.keepsIntegers || isFloatingPoint) ? self.dtype : .defaultFloat
        if dtype == .float16 { return try materialized(.float32).computeUnary(op).materialized(.float16) }
        let x = try materialized(dtype)
        let out = try Tensor(uninitializedShape: shape, dtype: dtype, zeroed: false)
        if out.numel == 0 { return out }
        if dtype.isFloatingPoint {
            struct Run: FloatVisitor {
                let op: UnaryOp, x: Tensor, out: Tensor
                func visit<T: FloatElement>(_: T.Type) {
                    let px = x.basePointer(T.self), po = out.basePointer(T.self)
                    parallelRanges(out.numel) { start, end in unaryFloatKernel(op, end - start, px + start, po + start) }
                }
            }
            try dtype.visitFloat(Run(op: op, x: x, out: out))
        } else {
            struct Run: DTypeVisitor {
                let op: UnaryOp, x: Tensor, out: Tensor
                func visit<T: ArithmeticElement>(_: T.Type) {
                    let px = x.basePointer(T.self), po = out.basePointer(T.self)
                    parallelRanges(out.numel) { start, end in unaryIntegerKernel(op, end - start, px + start, po + start) }
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
