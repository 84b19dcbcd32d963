/// Products built on the matrix kernels: `baddbmm`, `addmv`, `addr`, `tensordot`, `kron`,
/// `cross` and `cdist`.
extension Tensor {
    // MARK: - Scaled products plus a bias

    /// `torch.baddbmm(input, batch1, batch2, beta=1, alpha=1)`: `beta*input + alpha*(batch1 @ batch2)`.
    public static func baddbmm(_ input: Tensor, _ b1: Tensor, _ b2: Tensor, beta: Scalar = .int(1),
                               alpha: Scalar = .int(1)) throws(TensorError) -> Tensor {
        // PyTorch reads the result size before checking ranks, so a 2-d batch2 is an IndexError.
        let target = [b1.shape[try b1.normalizeDim(0)], b1.shape[try b1.normalizeDim(1)], b2.shape[try b2.normalizeDim(2)]]
        let out = try scaledSum(input, beta, alpha, target: target) { () throws(TensorError) in try b1.bmm(b2) }
        return record("BaddbmmBackward0", inputs: [input, b1, b2], output: out, saved: [b1, b2]) { (g: Tensor) throws(TensorError) in
            [input.requiresGrad ? try g.mul(beta).sumTo(input.shape) : nil,
             b1.requiresGrad ? try g.bmm(b2.transpose(1, 2)).mul(alpha) : nil,
             b2.requiresGrad ? try b1.transpose(1, 2).bmm(g).mul(alpha) : nil]
        }
    }

    /// `torch.addmv(input, mat, vec, beta=1, alpha=1)`: `beta*input + alpha*(mat @ vec)`.
    public static func addmv(_ input: Tensor, _ mat: Tensor, _ vec: Tensor, beta: Scalar = .int(1),
                             alpha: Scalar = .int(1)) throws(TensorError) -> Tensor {
        guard mat.dim == 2 && vec.dim == 1 && input.dim <= 1 else {
            throw .runtime("vector + matrix @ vector expected, got \(input.dim), \(mat.dim), \(vec.dim)")
        }
        guard mat.shape[1] == vec.shape[0] && (mat.shape[0] == input.numel || input.numel == 1) else {
            throw .runtime("size mismatch, got input (\(input.shape.first ?? 1)), mat (\(mat.shape[0])x\(mat.shape[1])), vec (\(vec.shape[0]))")
        }
        let out = try scaledSum(input, beta, alpha, target: [mat.shape[0]]) { () throws(TensorError) in try mat.mv(vec) }
        return record("AddmvBackward0", inputs: [input, mat, vec], output: out, saved: [mat, vec]) { (g: Tensor) throws(TensorError) in
            [input.requiresGrad ? try g.mul(beta).sumTo(input.shape) : nil,
             mat.requiresGrad ? try g.unsqueeze(1).mul(vec.unsqueeze(0)).mul(alpha) : nil,
             vec.requiresGrad ? try mat.t().mv(g).mul(alpha) : nil]
        }
    }

    /// `torch.addr(input, vec1, vec2, beta=1, alpha=1)`: `beta*input + alpha*outer(vec1, vec2)`.
    public static func addr(_ input: Tensor, _ v1: Tensor, _ v2: Tensor, beta: Scalar = .int(1),
                            alpha: Scalar = .int(1)) throws(TensorError) -> Tensor {
        guard v1.dim == 1 else { throw .runtime("addr: Expected 1-D argument vec1, but got \(v1.dim)-D") }
        guard v2.dim == 1 else { throw .runtime("addr: Expected 1-D argument vec2, but got \(v2.dim)-D") }
        let out = try scaledSum(input, beta, alpha, target: [v1.numel, v2.numel]) { () throws(TensorError) in try v1.outer(v2) }
        return record("AddrBackward0", inputs: [input, v1, v2], output: out, saved: [v1, v2]) { (g: Tensor) throws(TensorError) in
            [input.requiresGrad ? try g.mul(beta).sumTo(input.shape) : nil,
             v1.requiresGrad ? try g.mv(v2).mul(alpha) : nil,
             v2.requiresGrad ? try g.t().mv(v1).mul(alpha) : nil]
        }
    }

    /// `beta*input + alpha*product()` without autograd; with `beta == 0` the input is ignored
    /// (so its NaNs do not propagate), as in PyTorch.
    private static func scaledSum(_ input: Tensor, _ beta: Scalar, _ alpha: Scalar, target: [Int],
                                  _ product: () throws(TensorError) -> Tensor) throws(TensorError) -> Tensor {
        let bias = try input.broadcastView(to: target)
        return try GradMode.with(false) { () throws(TensorError) in
            let p = try product()
            let scaled = alpha == .int(1) ? p : try p.mul(alpha)
            if beta.doubleValue == 0 { return try scaled.add(Tensor.zeros([], dtype: input.dtype)) }
            return try (beta == .int(1) ? bias : bias.mul(beta)).add(scaled)
        }
    }

    // MARK: - Tensor products

    /// `torch.tensordot(a, b, dims=2)`: contracts the last `dims` dims of `a` with the first
    /// `dims` dims of `b`.
    public func tensordot(_ other: Tensor, dims count: Int) throws(TensorError) -> Tensor {
        guard count >= 0 else { throw .runtime("tensordot expects dims >= 0, but got dims=\(count)") }
        guard count <= dim && count <= other.dim else {
            throw .runtime("tensordot expects dims < ndim_a or ndim_b, but got dims=\(count)")
        }
        return try tensordot(other, dims: Array(-count..<0), Array(0..<count))
    }

    /// `torch.tensordot(a, b, dims=(dims_a, dims_b))`: contracts the paired dims.
    public func tensordot(_ other: Tensor, dims da: [Int], _ db: [Int]) throws(TensorError) -> Tensor {
        guard da.count == db.count else { throw .runtime("both dimension lists should have same length") }
        let ca = try da.map { (d) throws(TensorError) in try normalizeDim(d) }
        let cb = try db.map { (d) throws(TensorError) in try other.normalizeDim(d) }
        var k = 1
        for (n, (i, j)) in zip(ca, cb).enumerated() {
            guard shape[i] == other.shape[j] else {
                throw .runtime("contracted dimensions need to match, but first has size \(shape[i]) in dim \(da[n]) and second has size \(other.shape[j]) in dim \(db[n])")
            }
            k *= shape[i]
        }
        let freeA = (0..<dim).filter { !ca.contains($0) }, freeB = (0..<other.dim).filter { !cb.contains($0) }
        let m = freeA.reduce(1) { $0 * shape[$1] }, n = freeB.reduce(1) { $0 * other.shape[$1] }
        let outShape = freeA.map { shape[$0] } + freeB.map { other.shape[$0] }
        if freeA.isEmpty && freeB.isEmpty {
            // A full contraction is a dot product of the flattened operands, as in PyTorch.
            return try permute(ca).reshape([k]).dot(other.permute(cb).reshape([k])).reshape(outShape)
        }
        let a2 = try permute(freeA + ca).reshape([m, k])
        let b2 = try other.permute(cb + freeB).reshape([k, n])
        return try a2.mm(b2).reshape(outShape)
    }

    /// `torch.kron(a, b)`: the Kronecker product (blocks `a[i] * b`).
    public func kron(_ other: Tensor) throws(TensorError) -> Tensor {
        let rank = Swift.max(dim, other.dim)
        let sa = [Int](repeating: 1, count: rank - dim) + shape
        let sb = [Int](repeating: 1, count: rank - other.dim) + other.shape
        var viewA: [Int] = [], viewB: [Int] = []
        for (x, y) in zip(sa, sb) {
            viewA += [x, 1]
            viewB += [1, y]
        }
        let product = try reshape(viewA).mul(other.reshape(viewB))
        return try product.unsafeView(zip(sa, sb).map { $0 * $1 })
    }

    /// `torch.linalg.cross(a, b, dim=-1)`: the cross product of 3-vectors along `dim`
    /// (the other dims broadcast; both inputs need the same rank).
    public func cross(_ other: Tensor, dim d: Int = -1) throws(TensorError) -> Tensor {
        guard dim == other.dim else { throw .runtime("linalg.cross: inputs must have the same number of dimensions.") }
        guard dtype == other.dtype else {
            throw .runtime("expected scalar type \(dtype.scalarTypeName) but found \(other.dtype.scalarTypeName)")
        }
        let axis = try normalizeDim(d)
        guard shape[axis] == 3 && other.shape[axis] == 3 else {
            throw .runtime("linalg.cross: inputs dimension \(d) must have length 3. Got \(shape[axis]) and \(other.shape[axis])")
        }
        let (a, b) = (self, other)
        let out = try GradMode.with(false) { () throws(TensorError) in try Tensor.crossProduct(a, b, axis) }
        return Tensor.record("LinalgCrossBackward0", inputs: [a, b], output: out, saved: [a, b]) { (g: Tensor) throws(TensorError) in
            [a.requiresGrad ? try b.cross(g, dim: axis).sumTo(a.shape) : nil,
             b.requiresGrad ? try g.cross(a, dim: axis).sumTo(b.shape) : nil]
        }
    }

    /// `torch.cross(input, other, dim=None)`: without `dim`, the first dim of size 3.
    public func crossDefaultDim(_ other: Tensor) throws(TensorError) -> Tensor {
        guard let d = shape.firstIndex(of: 3) else { throw .runtime("no dimension of size 3 in input") }
        return try cross(other, dim: d)
    }

    private static func crossProduct(_ a: Tensor, _ b: Tensor, _ axis: Int) throws(TensorError) -> Tensor {
        func part(_ t: Tensor, _ i: Int) throws(TensorError) -> Tensor { try t.narrow(axis, start: i, length: 1) }
        let x = try part(a, 1).mul(part(b, 2)).sub(part(a, 2).mul(part(b, 1)))
        let y = try part(a, 2).mul(part(b, 0)).sub(part(a, 0).mul(part(b, 2)))
        let z = try part(a, 0).mul(part(b, 1)).sub(part(a, 1).mul(part(b, 0)))
        return try cat([x, y, z], dim: axis)
    }

    // MARK: - Pairwise distances

    /// `torch.cdist(x1, x2, p=2)`: p-norm distances between the rows of `x1` `[..., r1, m]`
    /// and `x2` `[..., r2, m]`, shape `[..., r1, r2]`. For p = 2 with more than 25 rows on
    /// either side PyTorch (and so the engine) computes through a matrix product.
    public static func cdist(_ x1: Tensor, _ x2: Tensor, p: Double = 2) throws(TensorError) -> Tensor {
        guard x1.dim >= 2 else { throw .runtime("cdist only supports at least 2D tensors, X1 got: \(x1.dim)D") }
        guard x2.dim >= 2 else { throw .runtime("cdist only supports at least 2D tensors, X2 got: \(x2.dim)D") }
        guard x1.shape.last == x2.shape.last else {
            throw .runtime("X1 and X2 must have the same number of columns. X1: \(x1.shape.last ?? 0) X2: \(x2.shape.last ?? 0)")
        }
        guard x1.isFloatingPoint else { throw .runtime("cdist only supports floating-point dtypes, X1 got: \(x1.dtype.scalarTypeName)") }
        guard x2.isFloatingPoint else { throw .runtime("cdist only supports floating-point dtypes, X2 got: \(x2.dtype.scalarTypeName)") }
        guard p >= 0 else { throw .runtime("cdist only supports non-negative p values") }
        let r1 = x1.shape[x1.dim - 2], r2 = x2.shape[x2.dim - 2]
        let batch = try Shape.broadcast(Array(x1.shape.dropLast(2)), Array(x2.shape.dropLast(2)))
        let m = x1.shape.last ?? 0
        if p == 2 && (r1 > 25 || r2 > 25) {
            let count = batch.reduce(1, *)
            let a = try x1.expand(batch + [r1, m]).reshape([count, r1, m])
            let b = try x2.expand(batch + [r2, m]).reshape([count, r2, m])
            return try euclideanDistance(a, b).view(batch + [r1, r2])
        }
        let out = try GradMode.with(false) { () throws(TensorError) in
            let a = try x1.expand(batch + [r1, m]), b = try x2.expand(batch + [r2, m])
            let diff = try a.unsqueeze(-2).sub(b.unsqueeze(-3)).abs()
            if p == 0 { return try diff.ne(.int(0)).to(x1.dtype).sum(dims: [-1]) }
            if p == .infinity { return try m == 0 ? diff.sum(dims: [-1]) : diff.amax(dims: [-1]) }
            if p == 1 { return try diff.sum(dims: [-1]) }
            if p == 2 { return try diff.mul(diff).sum(dims: [-1]).sqrt() }
            return try diff.pow(.double(p)).sum(dims: [-1]).pow(.double(1 / p))
        }
        let captured = CapturedOutput(out)
        return record("CdistBackward0", inputs: [x1, x2], output: out, saved: [x1, x2, out]) { (g: Tensor) throws(TensorError) in
            let out = captured.value
            let diff = try x1.unsqueeze(-2).sub(x2.unsqueeze(-3))
            let d = try out.unsqueeze(-1)
            let coeff: Tensor
            switch p {
            case 0: return [x1.requiresGrad ? try zerosLike(x1) : nil, x2.requiresGrad ? try zerosLike(x2) : nil]
            case 1: coeff = try diff.sign()
            case 2: coeff = try diff.div(d).maskedFill(d.eq(.int(0)), .int(0))
            case .infinity: coeff = try diff.sign().mul(diff.abs().eq(d))
            default:
                coeff = try diff.sign().mul(diff.abs().pow(.double(p - 1))).div(d.pow(.double(p - 1))).maskedFill(d.eq(.int(0)), .int(0))
            }
            let weighted = try coeff.mul(g.unsqueeze(-1))
            return [x1.requiresGrad ? try weighted.sum(dims: [-2]).sumTo(x1.shape) : nil,
                    x2.requiresGrad ? try weighted.sum(dims: [-3]).rsub(.int(0)).sumTo(x2.shape) : nil]
        }
    }

    /// PyTorch's `_euclidean_dist` of `[B, r1, m]` and `[B, r2, m]`: the distances through one
    /// matrix product, `[-2·a, |a|², 1] · [b, 1, |b|²]ᵀ` clamped at 0, then the square root.
    private static func euclideanDistance(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        let out = try GradMode.with(false) { () throws(TensorError) in
            let an = try a.pow(.int(2)).sum(dims: [-1], keepdim: true), bn = try b.pow(.int(2)).sum(dims: [-1], keepdim: true)
            let ea = try cat([a.mul(.int(-2)), an, onesLike(an)], dim: -1)
            let eb = try cat([b, onesLike(bn), bn], dim: -1)
            return try ea.matmul(eb.matrixTranspose()).clamp(min: .int(0)).sqrt()
        }
        let captured = CapturedOutput(out)
        return record("EuclideanDistBackward0", inputs: [a, b], output: out, saved: [a, b, out]) { (g: Tensor) throws(TensorError) in
            let out = captured.value
            let ratio = try g.div(out).maskedFill(out.eq(.int(0)), .int(0))
            return [a.requiresGrad ? try a.mul(ratio.sum(dims: [-1], keepdim: true)).sub(ratio.matmul(b)) : nil,
                    b.requiresGrad ? try b.mul(ratio.sum(dims: [-2]).unsqueeze(-1)).sub(ratio.matrixTranspose().matmul(a)) : nil]
        }
    }
}
