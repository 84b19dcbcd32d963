/// Rearranging and broadcasting: `roll`, `rot90`, `atleast_1d/2d/3d`,
/// `broadcast_to`, `broadcast_tensors`, `meshgrid` and `cartesian_prod`.
extension Tensor {
    // MARK: - Rolling and rotating

    /// `torch.roll(input, shifts, dims=None)`: shifts elements circularly along `dims`;
    /// without dims, along the flattened tensor (the shape is kept).
    public func roll(_ shifts: [Int], dims: [Int] = []) throws(TensorError) -> Tensor {
        if shifts.isEmpty { throw .runtime("`shifts` required") }
        if dims.isEmpty && shifts.count != 1 || !dims.isEmpty && shifts.count != dims.count {
            throw .runtime("shifts and dimensions must align. shifts: \(shifts.count), dims:\(dims.count)")
        }
        let axes = try dims.map { (d) throws(TensorError) in try normalizeDim(d) }
        let out = try GradMode.with(false) { () throws(TensorError) in
            if axes.isEmpty { return try contiguous().reshape([numel]).rolled(shifts[0], along: 0).reshape(shape) }
            var r = self
            for (s, d) in zip(shifts, axes) { r = try r.rolled(s, along: d) }
            return r === self ? try clone() : r
        }
        out.base = nil
        return Tensor.record("RollBackward0", inputs: [self], output: out) { (g: Tensor) throws(TensorError) in
            [try g.roll(shifts.map { -$0 }, dims: dims)]
        }
    }

    /// One circular shift without autograd: the last `s` elements move to the front.
    private func rolled(_ shift: Int, along d: Int) throws(TensorError) -> Tensor {
        let n = dim == 0 ? 1 : shape[d]
        guard n > 0, dim > 0 else { return self }
        let s = ((shift % n) + n) % n
        if s == 0 { return self }
        return try Tensor.cat([narrow(d, start: n - s, length: s), narrow(d, start: 0, length: n - s)], dim: d)
    }

    /// `torch.rot90(input, k=1, dims=[0, 1])`: rotates by 90° `k` times, from the first
    /// towards the second of `dims`.
    public func rot90(_ k: Int = 1, dims: [Int] = [0, 1]) throws(TensorError) -> Tensor {
        guard dims.count == 2 else { throw .runtime("expected total rotation dims == 2, but got dims = \(dims.count)") }
        guard dim >= 2 else { throw .runtime("expected total dims >= 2, but got total dims = \(dim)") }
        let d0 = try normalizeDim(dims[0]), d1 = try normalizeDim(dims[1])
        guard d0 != d1 else {
            throw .runtime("expected rotation dims to be different, but got dim0 = \(dims[0]) and dim1 = \(dims[1])")
        }
        let turns = ((k % 4) + 4) % 4
        let out = try GradMode.with(false) { () throws(TensorError) in
            switch turns {
            case 1: return try flip([d1]).transpose(d0, d1)
            case 2: return try flip([d0, d1])
            case 3: return try flip([d0]).transpose(d0, d1)
            default: return try clone()
            }
        }
        out.base = nil
        return Tensor.record("Rot90Backward0", inputs: [self], output: out) { (g: Tensor) throws(TensorError) in
            [try g.rot90(-k, dims: dims)]
        }
    }

    // MARK: - Minimum rank

    /// `torch.atleast_1d(input)`: the tensor itself when it has a dim, else a 1-element view.
    public func atleast1d() throws(TensorError) -> Tensor {
        dim >= 1 ? self : try reshape([1])
    }

    /// `torch.atleast_2d(input)`: 0-d becomes `[1, 1]`, 1-d `[1, n]`.
    public func atleast2d() throws(TensorError) -> Tensor {
        switch dim {
        case 0: try reshape([1, 1])
        case 1: try unsqueeze(0)
        default: self
        }
    }

    /// `torch.atleast_3d(input)`: 0-d becomes `[1, 1, 1]`, 1-d `[1, n, 1]`, 2-d `[m, n, 1]`.
    public func atleast3d() throws(TensorError) -> Tensor {
        switch dim {
        case 0: try reshape([1, 1, 1])
        case 1: try unsqueeze(0).unsqueeze(-1)
        case 2: try unsqueeze(-1)
        default: self
        }
    }

    // MARK: - Broadcasting

    /// `torch.broadcast_to(input, shape)`: `expand` under its NumPy name.
    public func broadcastTo(_ shape: [Int]) throws(TensorError) -> Tensor {
        try expand(shape)
    }

    /// `torch.broadcast_tensors(*tensors)`: each tensor expanded to the common shape
    /// (a tensor that already has it is returned as is).
    public static func broadcastTensors(_ tensors: [Tensor]) throws(TensorError) -> [Tensor] {
        var shape: [Int] = []
        for t in tensors { shape = try Shape.broadcast(shape, t.shape) }
        return try tensors.map { (t) throws(TensorError) in t.shape == shape ? t : try t.expand(shape) }
    }

    /// `torch.meshgrid(*tensors, indexing='ij')`: coordinate grids from 0-d or 1-d tensors.
    /// With `xy` the first two grid dims are swapped (Cartesian indexing): the grids are
    /// built with the first two inputs exchanged, then handed back in input order.
    public static func meshgrid(_ tensors: [Tensor], indexing: String = "ij") throws(TensorError) -> [Tensor] {
        guard let first = tensors.first else { throw .runtime("meshgrid expects a non-empty TensorList") }
        for t in tensors where t.dim > 1 {
            throw .runtime("torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: \(t.legacyDescription)")
        }
        if tensors.contains(where: { $0.dtype != first.dtype }) {
            throw .runtime("meshgrid expects all tensors to have the same dtype")
        }
        guard indexing == "ij" || indexing == "xy" else {
            throw .runtime("torch.meshgrid: indexing must be one of \"xy\" or \"ij\", but received: \(indexing)")
        }
        let swap = indexing == "xy" && tensors.count >= 2
        var order = tensors
        if swap { order.swapAt(0, 1) }
        let shape = order.map { $0.numel }
        var grids = try order.enumerated().map { (i, t) throws(TensorError) in
            var viewShape = [Int](repeating: 1, count: shape.count)
            viewShape[i] = -1
            return try t.view(viewShape).expand(shape)
        }
        if swap { grids.swapAt(0, 1) }
        return grids
    }

    /// `torch.cartesian_prod(*tensors)`: every combination of elements of 1-d tensors, one
    /// per row (a single tensor is returned as is).
    public static func cartesianProd(_ tensors: [Tensor]) throws(TensorError) -> Tensor {
        for t in tensors where t.dim != 1 { throw .runtime("Expect a 1D vector, but got shape \(Shape.format(t.shape))") }
        if tensors.count == 1 { return tensors[0] }
        let grids = try meshgrid(tensors, indexing: "ij")
        return try stack(grids.map { (g) throws(TensorError) in try g.flatten() }, dim: 1)
    }
}
