/// Sorting and selection: `sort`, `argsort`, `topk`, `unique`.
///
/// Every op moves the sorted dim last, orders each row with a stable sort in
/// which NaN counts as larger than every number (PyTorch's order: NaNs last
/// ascending, first descending), and moves the dim back.
extension Tensor {
    /// `a < b` with NaN as the largest value.
    @inline(__always)
    static func sortsBefore<T: ArithmeticElement>(_ a: T, _ b: T) -> Bool {
        if a.isNaNValue { return false }
        if b.isNaNValue { return true }
        return a < b
    }

    /// The stable sorting permutation of each of `rows` contiguous rows of `n` elements of `x`.
    static func sortPermutation(_ x: Tensor, rows: Int, n: Int, descending: Bool) throws(TensorError) -> [Int] {
        struct Run: DTypeVisitor {
            let x: Tensor, rows: Int, n: Int, descending: Bool
            func visit<T: ArithmeticElement>(_: T.Type) -> [Int] {
                let p = x.basePointer(T.self)
                var perm: [Int] = []
                perm.reserveCapacity(rows * n)
                for r in 0..<rows {
                    let row = p + r * n
                    let order = (0..<n).sorted { i, j in
                        let (a, b) = (row[i], row[j])
                        if descending ? Tensor.sortsBefore(b, a) : Tensor.sortsBefore(a, b) { return true }
                        if descending ? Tensor.sortsBefore(a, b) : Tensor.sortsBefore(b, a) { return false }
                        return i < j
                    }
                    perm += order
                }
                return perm
            }
        }
        return try x.dtype.visit(Run(x: x, rows: rows, n: n, descending: descending))
    }

    /// The first `k` entries of each permuted row of `x` (`rows × n`, contiguous) as a `rows × k` tensor.
    static func takePermuted(_ x: Tensor, _ perm: [Int], rows: Int, n: Int, k: Int,
                             shape: [Int]) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        let values = try Tensor(uninitializedShape: shape, dtype: x.dtype)
        struct Run: DTypeVisitor {
            let x: Tensor, out: Tensor, perm: [Int], rows: Int, n: Int, k: Int
            func visit<T: ArithmeticElement>(_: T.Type) {
                let src = x.basePointer(T.self), dst = out.basePointer(T.self)
                for r in 0..<rows { for j in 0..<k { dst[r * k + j] = src[r * n + perm[r * n + j]] } }
            }
        }
        if values.numel > 0 { try x.dtype.visit(Run(x: x, out: values, perm: perm, rows: rows, n: n, k: k)) }
        var idx: [Int64] = []
        idx.reserveCapacity(rows * k)
        for r in 0..<rows { for j in 0..<k { idx.append(Int64(perm[r * n + j])) } }
        return (values, try Tensor.from(idx, shape: shape))
    }

    /// Sorts along `axis` and keeps the first `k` of each row: values and int64 indices, no autograd.
    private func sortedAlong(_ axis: Int, descending: Bool, k: Int? = nil) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        let moved = try GradMode.with(false) { () throws(TensorError) in
            try (dim == 0 ? self : transpose(axis, -1)).materialized(dtype)
        }
        let n = dim == 0 ? 1 : shape[axis]
        let keep = k ?? n
        let rows = n == 0 ? moved.numel : moved.numel / n
        var outShape = moved.shape
        if dim > 0 { outShape[dim - 1] = keep }
        let perm = try Tensor.sortPermutation(moved, rows: n == 0 ? 0 : rows, n: n, descending: descending)
        let (v, i) = try Tensor.takePermuted(moved, perm, rows: n == 0 ? 0 : rows, n: n, k: keep, shape: outShape)
        if dim == 0 { return (v, i) }
        return try GradMode.with(false) { () throws(TensorError) in
            let values = try v.transpose(axis, -1).contiguous()
            let indices = try i.transpose(axis, -1).contiguous()
            values.base = nil
            indices.base = nil
            return (values, indices)
        }
    }

    /// Gradient of a value-selecting op: `g` scattered back to the selected positions.
    static func selectedBackward(_ g: Tensor, _ indices: Tensor, axis: Int, shape: [Int]) throws(TensorError) -> Tensor {
        if shape.isEmpty { return g }
        return try Tensor.zeros(shape, dtype: g.dtype).scatter(axis, indices, g)
    }

    /// `torch.sort(input, dim=-1, descending=False, stable=True)`: values and int64 indices.
    public func sort(dim d: Int = -1, descending: Bool = false) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        let axis = try normalizeDim(d)
        let (values, indices) = try sortedAlong(axis, descending: descending)
        let shape = self.shape
        Tensor.record("SortBackward0", inputs: [self], output: values, saved: [indices]) { (g: Tensor) throws(TensorError) in
            [try Tensor.selectedBackward(g, indices, axis: axis, shape: shape)]
        }
        return (values, indices)
    }

    /// `torch.argsort(input, dim=-1, descending=False, stable=True)`.
    public func argsort(dim d: Int = -1, descending: Bool = false) throws(TensorError) -> Tensor {
        try sortedAlong(normalizeDim(d), descending: descending).indices
    }

    /// `torch.topk(input, k, dim=-1, largest=True, sorted=True)`: the `k` largest (or smallest) values and their indices.
    public func topk(_ k: Int, dim d: Int = -1, largest: Bool = true, sorted: Bool = true) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        let axis = try normalizeDim(d)
        let n = dim == 0 ? 1 : shape[axis]
        guard k >= 0 && k <= n else { throw .runtime("selected index k out of range") }
        let (values, indices) = try sortedAlong(axis, descending: largest, k: k)
        let shape = self.shape
        Tensor.record("TopkBackward0", inputs: [self], output: values, saved: [indices]) { (g: Tensor) throws(TensorError) in
            [try Tensor.selectedBackward(g, indices, axis: axis, shape: shape)]
        }
        return (values, indices)
    }

    /// `torch.unique(input, sorted=True, return_inverse=False, return_counts=False)` over the flattened input.
    /// On CPU PyTorch returns sorted values whatever `sorted` says; so does this. NaNs never compare equal, so each is its own value.
    public func unique(sorted: Bool = true, returnInverse: Bool = false,
                       returnCounts: Bool = false) throws(TensorError) -> (values: Tensor, inverse: Tensor?, counts: Tensor?) {
        let flat = try materialized(dtype)
        let n = numel
        let perm = try Tensor.sortPermutation(flat, rows: n == 0 ? 0 : 1, n: n, descending: false)
        // Group boundaries: a new group starts where a value differs from the previous one.
        let sortedFlat = try Tensor.takePermuted(flat, perm, rows: n == 0 ? 0 : 1, n: n, k: n, shape: [n]).values
        let newGroup = try n < 2 ? [Bool](repeating: true, count: n)
            : [true] + Tensor.computePredicate(sortedFlat.slice(0, start: 1, end: n), sortedFlat.slice(0, start: 0, end: n - 1),
                                                .ne, dtype: dtype).toArray(Bool.self)
        var firsts: [Int] = [], counts: [Int64] = [], inverse = [Int64](repeating: 0, count: n)
        for (k, starts) in newGroup.enumerated() {
            if starts { firsts.append(perm[k]); counts.append(0) }
            counts[counts.count - 1] += 1
            inverse[perm[k]] = Int64(firsts.count - 1)
        }
        // Row 0 of `flat` permuted by the group heads' flat positions.
        let values = try Tensor.takePermuted(flat, firsts, rows: firsts.isEmpty ? 0 : 1, n: 0, k: firsts.count,
                                             shape: [firsts.count]).values
        return (values,
                returnInverse ? try Tensor.from(inverse, shape: shape) : nil,
                returnCounts ? try Tensor.from(counts, shape: [counts.count]) : nil)
    }
}
