/// Matrix products: `mm`, `bmm`, `mv`, `dot`, `outer`, `addmm`, and `matmul`
/// with PyTorch's dispatch on ranks and batch broadcasting.
extension Tensor {
    func matrixOperand<T>(_: T.Type, batch: Int = 0) -> MatrixOperand<T> where T: ArithmeticElement {
        let r = dim - 2
        let base = storage.pointer(as: T.self) + offset + (dim == 3 ? batch * strides[0] : 0)
        return MatrixOperand(pointer: base, rowStride: strides[r], colStride: strides[r + 1])
    }

    /// `C = A·B` for 2-d or batched 3-d operands of one dtype, no autograd.
    static func computeMatmul(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        if a.dtype == .float16 {
            // Accumulated in float32 and rounded once (Note [Half precision]).
            return try computeMatmul(a.materialized(.float32), b.materialized(.float32)).materialized(.float16)
        }
        let batched = a.dim == 3
        let batch = batched ? a.shape[0] : 1
        let m = a.shape[a.dim - 2], k = a.shape[a.dim - 1], n = b.shape[b.dim - 1]
        let out = try Tensor(uninitializedShape: batched ? [batch, m, n] : [m, n], dtype: a.dtype)
        struct Run: DTypeVisitor {
            let a: Tensor, b: Tensor, out: Tensor, batch: Int, m: Int, n: Int, k: Int
            func visit<T: ArithmeticElement>(_: T.Type) {
                for i in 0..<batch {
                    matmulKernel(m: m, n: n, k: k, a.matrixOperand(T.self, batch: i), b.matrixOperand(T.self, batch: i),
                                 out.basePointer(T.self) + i * m * n, accumulate: false)
                }
            }
        }
        if out.numel > 0 { try a.dtype.visit(Run(a: a, b: b, out: out, batch: batch, m: m, n: n, k: k)) }
        return out
    }

    private static func checkSameDType(_ a: Tensor, _ b: Tensor) throws(TensorError) {
        if a.dtype != b.dtype {
            throw .runtime("expected m1 and m2 to have the same dtype, but got: \(a.dtype.cppName) != \(b.dtype.cppName)")
        }
    }

    /// `torch.mm(a, b)`.
    public func mm(_ other: Tensor) throws(TensorError) -> Tensor {
        guard dim == 2 else { throw .runtime("mm: self must be a matrix, got \(dim)-D tensor") }
        guard other.dim == 2 else { throw .runtime("mm: mat2 must be a matrix, got \(other.dim)-D tensor") }
        guard shape[1] == other.shape[0] else {
            throw .runtime("mm: mat1 and mat2 shapes cannot be multiplied (\(shape[0])x\(shape[1]) and \(other.shape[0])x\(other.shape[1]))")
        }
        try Tensor.checkSameDType(self, other)
        let out = try Tensor.computeMatmul(self, other)
        let (a, b) = (self, other)
        return Tensor.record("MmBackward0", inputs: [a, b], output: out, saved: [a, b]) { (g: Tensor) throws(TensorError) in
            [a.requiresGrad ? try g.mm(b.t()) : nil, b.requiresGrad ? try a.t().mm(g) : nil]
        }
    }

    /// `torch.bmm(a, b)`.
    public func bmm(_ other: Tensor) throws(TensorError) -> Tensor {
        guard dim == 3 else { throw .runtime("batch1 must be a 3D tensor") }
        guard other.dim == 3 else { throw .runtime("batch2 must be a 3D tensor") }
        guard other.shape[0] == shape[0], other.shape[1] == shape[2] else {
            throw .runtime("Expected size for first two dimensions of batch2 tensor to be: [\(shape[0]), \(shape[2])] but got: [\(other.shape[0]), \(other.shape[1])].")
        }
        try Tensor.checkSameDType(self, other)
        let out = try Tensor.computeMatmul(self, other)
        let (a, b) = (self, other)
        return Tensor.record("BmmBackward0", inputs: [a, b], output: out, saved: [a, b]) { (g: Tensor) throws(TensorError) in
            [a.requiresGrad ? try g.bmm(b.transpose(1, 2)) : nil, b.requiresGrad ? try a.transpose(1, 2).bmm(g) : nil]
        }
    }

    /// `torch.mv(mat, vec)`.
    public func mv(_ vec: Tensor) throws(TensorError) -> Tensor {
        guard dim == 2, vec.dim == 1 else {
            throw .runtime("vector + matrix @ vector expected, got \(1), \(dim), \(vec.dim)")
        }
        guard shape[1] == vec.shape[0] else {
            throw .runtime("size mismatch, got input (\(shape[0])), mat (\(shape[0])x\(shape[1])), vec (\(vec.shape[0]))")
        }
        try Tensor.checkSameDType(self, vec)
        let col = vec.makeView(shape: [vec.shape[0], 1], strides: [vec.strides[0], 1], offset: vec.offset)
        let product = try Tensor.computeMatmul(self, col)
        let out = product.makeView(shape: [shape[0]], strides: [1], offset: 0)
        out.base = nil
        let (a, v) = (self, vec)
        return Tensor.record("MvBackward0", inputs: [a, v], output: out, saved: [a, v]) { (g: Tensor) throws(TensorError) in
            [a.requiresGrad ? try g.unsqueeze(1).mm(v.unsqueeze(0)) : nil, v.requiresGrad ? try a.t().mv(g) : nil]
        }
    }

    /// `torch.dot(a, b)` of two 1-d tensors.
    public func dot(_ other: Tensor) throws(TensorError) -> Tensor {
        guard dim == 1, other.dim == 1 else {
            throw .runtime("1D tensors expected, but got \(dim)D and \(other.dim)D tensors")
        }
        guard numel == other.numel else {
            throw .runtime("inconsistent tensor size, expected tensor [\(numel)] and src [\(other.numel)] to have the same number of elements, but got \(numel) and \(other.numel) elements respectively")
        }
        guard dtype == other.dtype else {
            throw .runtime("dot : expected both vectors to have same dtype, but found \(dtype.scalarTypeName) and \(other.dtype.scalarTypeName)")
        }
        let row = makeView(shape: [1, numel], strides: [0, strides[0]], offset: offset)
        let col = other.makeView(shape: [numel, 1], strides: [other.strides[0], 0], offset: other.offset)
        let out = try Tensor.computeMatmul(row, col).makeView(shape: [], strides: [], offset: 0)
        out.base = nil
        let (a, b) = (self, other)
        return Tensor.record("DotBackward0", inputs: [a, b], output: out, saved: [a, b]) { (g: Tensor) throws(TensorError) in
            [a.requiresGrad ? try b.mul(g) : nil, b.requiresGrad ? try a.mul(g) : nil]
        }
    }

    /// `torch.outer(a, b)`.
    public func outer(_ other: Tensor) throws(TensorError) -> Tensor {
        guard dim == 1, other.dim == 1 else { throw .runtime("outer: Expected 1-D argument self, but got \(dim)-D") }
        return try unsqueeze(1).mul(other)
    }

    /// `torch.addmm(input, mat1, mat2, beta=1, alpha=1)`: `beta*input + alpha*(mat1 @ mat2)`.
    public static func addmm(_ input: Tensor, _ m1: Tensor, _ m2: Tensor, beta: Scalar = .int(1),
                             alpha: Scalar = .int(1)) throws(TensorError) -> Tensor {
        guard m1.dim == 2 else { throw .runtime("mat1 must be a matrix, got \(m1.dim)-D tensor") }
        guard m2.dim == 2 else { throw .runtime("mat2 must be a matrix, got \(m2.dim)-D tensor") }
        guard m1.shape[1] == m2.shape[0] else {
            throw .runtime("addmm: mat1 and mat2 shapes cannot be multiplied (\(m1.shape[0])x\(m1.shape[1]) and \(m2.shape[0])x\(m2.shape[1]))")
        }
        try checkSameDType(m1, m2)
        let target = [m1.shape[0], m2.shape[1]]
        let out = try computeAddmm(input, m1, m2, target: target, beta: beta, alpha: alpha)
        return record("AddmmBackward0", inputs: [input, m1, m2], output: out, saved: [m1, m2]) { (g: Tensor) throws(TensorError) in
            [input.requiresGrad ? try g.mul(beta).sumTo(input.shape) : nil,
             m1.requiresGrad ? try g.mm(m2.t()).mul(alpha) : nil,
             m2.requiresGrad ? try m1.t().mm(g).mul(alpha) : nil]
        }
    }

    /// `beta*input + alpha*(m1 @ m2)` without autograd, in `m1`'s dtype.
    private static func computeAddmm(_ input: Tensor, _ m1: Tensor, _ m2: Tensor, target: [Int], beta: Scalar,
                                     alpha: Scalar) throws(TensorError) -> Tensor {
        if m1.dtype == .float16 {
            // Note [Half precision]
            return try computeAddmm(input.materialized(.float32), m1.materialized(.float32), m2.materialized(.float32),
                                    target: target, beta: beta, alpha: alpha).materialized(.float16)
        }
        let bias = try input.broadcastView(to: target)
        let out = try Tensor(uninitializedShape: target, dtype: m1.dtype)
        copyConverting(from: bias, to: out)
        if beta != .int(1) { copyConverting(from: try computeBinary(out, wrapped(beta, out.dtype), .mul, dtype: out.dtype), to: out) }
        struct Run: DTypeVisitor {
            let a: Tensor, b: Tensor, out: Tensor, alpha: Scalar
            func visit<T: ArithmeticElement>(_: T.Type) throws(TensorError) {
                if alpha == .int(1) {
                    matmulKernel(m: a.shape[0], n: b.shape[1], k: a.shape[1], a.matrixOperand(T.self), b.matrixOperand(T.self),
                                 out.basePointer(T.self), accumulate: true)
                } else {
                    let p = try Tensor.computeMatmul(a, b)
                    let scaled = try Tensor.computeBinary(p, Tensor.wrapped(alpha, p.dtype), .mul, dtype: p.dtype)
                    copyConverting(from: try Tensor.computeBinary(out, scaled, .add, dtype: out.dtype), to: out)
                }
            }
        }
        if out.numel > 0 { try m1.dtype.visit(Run(a: m1, b: m2, out: out, alpha: alpha)) }
        return out
    }

    /// `torch.matmul(a, b)` / `a @ b`.
    public func matmul(_ other: Tensor) throws(TensorError) -> Tensor {
        switch (dim, other.dim) {
        case (0, _), (_, 0):
            throw .runtime("both arguments to matmul need to be at least 1D, but they are \(dim)D and \(other.dim)D")
        case (1, 1): return try dot(other)
        case (2, 1): return try mv(other)
        case (1, 2):
            // PyTorch squeezes in place (`squeeze_(0)`), hence SqueezeBackward4.
            let r = try unsqueeze(0).mm(other)
            return try r.unsafeView([r.shape[1]], name: "SqueezeBackward4")
        case (2, 2): return try mm(other)
        case (2, _):
            // PyTorch computes `(b.mT @ a.mT).mT` and makes it contiguous (a CloneBackward0 node).
            return try other.matrixTranspose().matmul(matrixTranspose()).matrixTranspose().contiguous()
        default: return try batchedMatmul(other)
        }
    }

    private func batchedMatmul(_ other: Tensor) throws(TensorError) -> Tensor {
        let a = dim == 1 ? try unsqueeze(0) : self
        let b = other.dim == 1 ? try other.unsqueeze(1) : other
        let m = a.shape[a.dim - 2], k = a.shape[a.dim - 1]
        let k2 = b.shape[b.dim - 2], n = b.shape[b.dim - 1]
        guard k == k2 else {
            throw .runtime("Expected size for first two dimensions of batch2 tensor to be: [\(a.shape.dropLast(2).reduce(1, *)), \(k)] but got: [\(b.shape.dropLast(2).reduce(1, *)), \(k2)].")
        }
        // A batch of matrices times one matrix (or vector) folds the batch into rows, as PyTorch does.
        if b.dim == 2 && dim >= 3 {
            let folded = try a.reshape([-1, k]).mm(b)
            return try folded.unsafeView(Array(a.shape.dropLast()) + (other.dim == 1 ? [] : [n]))
        }
        let batchA = Array(a.shape.dropLast(2)), batchB = Array(b.shape.dropLast(2))
        let batch = try Shape.broadcast(batchA, batchB)
        let count = batch.reduce(1, *)
        let a3 = try a.expand(batch + [m, k]).reshape([count, m, k])
        let b3 = try b.expand(batch + [k, n]).reshape([count, k, n])
        let product = try a3.bmm(b3)
        return try product.unsafeView(batch + (dim == 1 ? [] : [m]) + (other.dim == 1 ? [] : [n]))
    }

    /// PyTorch's `_unsafe_view` of a freshly computed contiguous result: a reshape recorded as
    /// `UnsafeViewBackward0` (or `name`), as `matmul` ends.
    func unsafeView(_ newShape: [Int], name: String = "UnsafeViewBackward0") throws(TensorError) -> Tensor {
        let out = makeView(shape: newShape, strides: Shape.contiguousStrides(newShape), offset: offset)
        out.base = nil
        let old = shape
        return Tensor.record(name, inputs: [self], output: out) { (g: Tensor) throws(TensorError) in [try g.reshape(old)] }
    }
}

extension DType {
    /// The C++ type name used in some PyTorch messages (`float`, `double`, `long int`).
    var cppName: String {
        switch self {
        case .bool: "bool"
        case .uint8: "unsigned char"
        case .int8: "signed char"
        case .int16: "short int"
        case .int32: "int"
        case .int64: "long int"
        case .float16: "c10::Half"
        case .float32: "float"
        case .float64: "double"
        }
    }
}
