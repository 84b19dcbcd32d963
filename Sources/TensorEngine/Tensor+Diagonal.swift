/// Matrix structure: triangles (`tril`, `triu`), diagonals (`diagonal`, `diag`,
/// `diag_embed`, `trace`) and the index lists of a triangle.
extension Tensor {
    // MARK: - Triangles

    /// `torch.tril(input, diagonal=0)`: keeps elements on and below the `k`-th diagonal
    /// of the last two dims.
    public func tril(_ k: Int = 0) throws(TensorError) -> Tensor {
        try triangle(k, lower: true)
    }

    /// `torch.triu(input, diagonal=0)`: keeps elements on and above the `k`-th diagonal.
    public func triu(_ k: Int = 0) throws(TensorError) -> Tensor {
        try triangle(k, lower: false)
    }

    /// `Tensor.tril_(diagonal=0)`.
    @discardableResult public func tril_(_ k: Int = 0) throws(TensorError) -> Tensor {
        try triangleShape(lower: true)
        return try applyInPlace { (x) throws(TensorError) in try x.tril(k) }
    }

    /// `Tensor.triu_(diagonal=0)`.
    @discardableResult public func triu_(_ k: Int = 0) throws(TensorError) -> Tensor {
        try triangleShape(lower: false)
        return try applyInPlace { (x) throws(TensorError) in try x.triu(k) }
    }

    private func triangleShape(lower: Bool) throws(TensorError) {
        if dim < 2 { throw .runtime("\(lower ? "tril" : "triu"): input tensor must have at least 2 dimensions") }
    }

    private func triangle(_ k: Int, lower: Bool) throws(TensorError) -> Tensor {
        try triangleShape(lower: lower)
        let out = try Tensor.selectValues(try Tensor.triangleMask(rows: shape[dim - 2], cols: shape[dim - 1], k, lower: lower),
                                          self, Tensor.zeros([], dtype: dtype))
        return Tensor.record(lower ? "TrilBackward0" : "TriuBackward0", inputs: [self], output: out) { (g: Tensor) throws(TensorError) in
            [lower ? try g.tril(k) : try g.triu(k)]
        }
    }

    /// `[rows, cols]` bools: true on and below (`lower`) or on and above the `k`-th diagonal.
    static func triangleMask(rows: Int, cols: Int, _ k: Int, lower: Bool) throws(TensorError) -> Tensor {
        try checkCount(try Shape.checkedCount([rows, cols]), itemSize: 1)
        var mask = [Bool](repeating: false, count: rows * cols)
        for i in 0..<rows {
            for j in 0..<cols { mask[i * cols + j] = lower ? j - i <= k : j - i >= k }
        }
        return try Tensor.from(mask, shape: [rows, cols])
    }

    /// `torch.tril_indices(row, col, offset=0)`: the coordinates of the lower triangle,
    /// row by row, as a `[2, N]` tensor.
    public static func trilIndices(_ rows: Int, _ cols: Int, offset: Int = 0, dtype: DType = .int64) throws(TensorError) -> Tensor {
        try triangleIndices(rows, cols, offset, lower: true, dtype: dtype)
    }

    /// `torch.triu_indices(row, col, offset=0)`.
    public static func triuIndices(_ rows: Int, _ cols: Int, offset: Int = 0, dtype: DType = .int64) throws(TensorError) -> Tensor {
        try triangleIndices(rows, cols, offset, lower: false, dtype: dtype)
    }

    private static func triangleIndices(_ rows: Int, _ cols: Int, _ k: Int, lower: Bool, dtype: DType) throws(TensorError) -> Tensor {
        if rows < 0 { throw .runtime("row must be non-negative, got\(rows)") }
        if cols < 0 { throw .runtime("col must be non-negative, got\(cols)") }
        try checkCount(try Shape.checkedCount([2, rows, cols]))
        var r: [Int64] = [], c: [Int64] = []
        for i in 0..<rows {
            for j in 0..<cols where lower ? j - i <= k : j - i >= k {
                r.append(Int64(i))
                c.append(Int64(j))
            }
        }
        return try Tensor.from(r + c, shape: [2, r.count], dtype: dtype)
    }

    // MARK: - Diagonals

    /// `torch.diagonal(input, offset=0, dim1=0, dim2=1)`: a view of the diagonal of the
    /// `(dim1, dim2)` planes, appended as the last dim.
    public func diagonal(offset: Int = 0, dim1: Int = 0, dim2: Int = 1) throws(TensorError) -> Tensor {
        let (d1, d2) = try diagonalDims(dim1, dim2, rank: dim)
        let out = diagonalView(offset, d1, d2)
        let full = shape
        return Tensor.record("DiagonalBackward0", inputs: [self], output: out) { (g: Tensor) throws(TensorError) in
            [try Tensor.diagonalEmbedded(g, shape: full, offset, d1, d2)]
        }
    }

    /// `torch.diag(input, diagonal=0)`: a 1-d input becomes a square matrix with it on the
    /// `k`-th diagonal; a 2-d input gives a copy of its `k`-th diagonal.
    public func diag(_ k: Int = 0) throws(TensorError) -> Tensor {
        switch dim {
        case 1: return try diagEmbed(offset: k, dim1: 0, dim2: 1)
        case 2:
            let out = try diagonalView(k, 0, 1).clone(recording: false)
            let full = shape
            return Tensor.record("DiagonalBackward0_copy", inputs: [self], output: out) { (g: Tensor) throws(TensorError) in
                [try Tensor.diagonalEmbedded(g, shape: full, k, 0, 1)]
            }
        default: throw .runtime("diag(): Supports 1D or 2D tensors. Got \(dim)D")
        }
    }

    /// `torch.diag_embed(input, offset=0, dim1=-2, dim2=-1)`: the last dim of `input` placed
    /// on the diagonals of new `(dim1, dim2)` planes, zeros elsewhere.
    public func diagEmbed(offset: Int = 0, dim1: Int = -2, dim2: Int = -1) throws(TensorError) -> Tensor {
        let (d1, d2) = try diagonalDims(dim1, dim2, rank: dim + 1)
        let (n, overflow) = (shape.last ?? 1).addingReportingOverflow(Int(clamping: offset.magnitude))
        var outShape = Array(shape.dropLast())
        for d in [Swift.min(d1, d2), Swift.max(d1, d2)] { outShape.insert(n, at: d) }
        if overflow || n.multipliedReportingOverflow(by: n).overflow {
            throw .runtime("Storage size calculation overflowed with sizes=\(Shape.format(outShape))")
        }
        let out = try Tensor.zeros(outShape, dtype: dtype)
        copyConverting(from: self, to: out.diagonalView(offset, d1, d2))
        return Tensor.record("DiagEmbedBackward0", inputs: [self], output: out) { (g: Tensor) throws(TensorError) in
            [try g.diagonal(offset: offset, dim1: d1, dim2: d2)]
        }
    }

    /// `torch.trace(input)`: the sum of a matrix's main diagonal (integers sum to int64).
    public func trace() throws(TensorError) -> Tensor {
        guard dim == 2 else { throw .runtime("trace: expected a matrix, but got tensor with dim \(dim)") }
        let out = try GradMode.with(false) { () throws(TensorError) in try diagonalView(0, 0, 1).sum() }
        let full = shape
        return Tensor.record("TraceBackward0", inputs: [self], output: out) { (g: Tensor) throws(TensorError) in
            [try Tensor.diagonalEmbedded(g.expand([Swift.min(full[0], full[1])]), shape: full, 0, 0, 1)]
        }
    }

    /// Normalised, distinct diagonal dims, with PyTorch's errors.
    private func diagonalDims(_ dim1: Int, _ dim2: Int, rank: Int) throws(TensorError) -> (Int, Int) {
        let d1 = try Shape.normalizeDim(dim1, rank: rank), d2 = try Shape.normalizeDim(dim2, rank: rank)
        if d1 == d2 { throw .runtime("diagonal dimensions cannot be identical \(dim1), \(dim2)") }
        return (d1, d2)
    }

    /// The diagonal view without autograd (dims already normalised and distinct).
    func diagonalView(_ offset: Int, _ d1: Int, _ d2: Int) -> Tensor {
        let n1 = shape[d1], n2 = shape[d2]
        let length = Swift.max(0, offset >= 0 ? Swift.min(n1, n2 - offset) : Swift.min(n1 + offset, n2))
        var start = self.offset
        if length > 0 { start += offset >= 0 ? offset * strides[d2] : -offset * strides[d1] }
        var newShape: [Int] = [], newStrides: [Int] = []
        for d in 0..<dim where d != d1 && d != d2 {
            newShape.append(shape[d])
            newStrides.append(strides[d])
        }
        return makeView(shape: newShape + [length], strides: newStrides + [strides[d1] + strides[d2]], offset: start)
    }

    /// Zeros of `shape` with `g` written on a diagonal: the adjoint of `diagonal`, recorded
    /// as a linear function of `g` so double backward works.
    static func diagonalEmbedded(_ g: Tensor, shape: [Int], _ offset: Int, _ d1: Int, _ d2: Int) throws(TensorError) -> Tensor {
        let z = try Tensor.zeros(shape, dtype: g.dtype)
        copyConverting(from: g, to: z.diagonalView(offset, d1, d2))
        return recordLinear("DiagonalBackwardBackward0", z, of: g) { (gg: Tensor) throws(TensorError) in
            try gg.diagonal(offset: offset, dim1: d1, dim2: d2)
        }
    }
}
