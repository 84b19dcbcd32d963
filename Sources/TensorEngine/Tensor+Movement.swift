/// Shape and movement ops: views over the same storage where PyTorch gives
/// views (`view`, `permute`, `transpose`, `expand`, `squeeze`, ...), copies
/// where it copies (`reshape` of a non-viewable layout, `flip`, `repeat`).
extension Tensor {
    // MARK: - view and reshape

    /// Resolves one `-1` in a requested shape, with PyTorch's errors.
    func inferShape(_ requested: [Int]) throws(TensorError) -> [Int] {
        var shape = requested
        var inferred: Int? = nil
        var known = 1
        for (i, s) in requested.enumerated() {
            if s == -1 {
                if inferred != nil { throw .runtime("only one dimension can be inferred") }
                inferred = i
            } else if s < 0 {
                throw .runtime("invalid shape dimension \(s) at index \(i) of shape \(Shape.format(requested))")
            } else {
                known *= s
            }
        }
        if let i = inferred {
            if known == 0 && numel == 0 {
                throw .runtime("cannot reshape tensor of 0 elements into shape \(Shape.format(requested)) because the unspecified dimension size -1 can be any value and is ambiguous")
            }
            if known == 0 || numel % known != 0 {
                throw .runtime("shape '\(Shape.format(requested))' is invalid for input of size \(numel)")
            }
            shape[i] = numel / known
        } else if known != numel {
            throw .runtime("shape '\(Shape.format(requested))' is invalid for input of size \(numel)")
        }
        return shape
    }

    /// Strides for viewing this layout as `newShape` without copying, or `nil`
    /// (PyTorch's `computeStride`).
    func viewStrides(_ newShape: [Int]) -> [Int]? {
        if numel == 0 { return shape == newShape ? strides : Shape.contiguousStrides(newShape) }
        if dim == 0 { return Shape.contiguousStrides(newShape) }
        var newStrides = [Int](repeating: 0, count: newShape.count)
        var viewD = newShape.count - 1
        var chunkBaseStride = strides.last!
        var tensorNumel = 1, viewNumel = 1
        for tensorD in stride(from: dim - 1, through: 0, by: -1) {
            tensorNumel *= shape[tensorD]
            if tensorD == 0 || (shape[tensorD - 1] != 1 && strides[tensorD - 1] != tensorNumel * chunkBaseStride) {
                while viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1) {
                    newStrides[viewD] = viewNumel * chunkBaseStride
                    viewNumel *= newShape[viewD]
                    viewD -= 1
                }
                if viewNumel != tensorNumel { return nil }
                if tensorD > 0 {
                    chunkBaseStride = strides[tensorD - 1]
                    tensorNumel = 1
                    viewNumel = 1
                }
            }
        }
        return viewD == -1 ? newStrides : nil
    }

    /// `tensor.view(*shape)`.
    public func view(_ requested: [Int]) throws(TensorError) -> Tensor {
        let newShape = try inferShape(requested)
        guard let newStrides = viewStrides(newShape) else {
            throw .runtime("view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.")
        }
        let out = makeView(shape: newShape, strides: newStrides, offset: offset)
        let old = shape
        return Tensor.record("ViewBackward0", inputs: [self], output: out) { (g: Tensor) throws(TensorError) in [try g.reshape(old)] }
    }

    /// `tensor.reshape(*shape)`: a view when possible, otherwise a copy.
    public func reshape(_ requested: [Int]) throws(TensorError) -> Tensor {
        let newShape = try inferShape(requested)
        if let viewable = viewStrides(newShape) {
            if isContiguous { return try view(newShape) }
            // A non-contiguous but viewable layout goes through `_reshape_alias` in PyTorch.
            let out = makeView(shape: newShape, strides: viewable, offset: offset)
            let old = shape
            return Tensor.record("ReshapeAliasBackward0", inputs: [self], output: out) { (g: Tensor) throws(TensorError) in [try g.reshape(old)] }
        }
        let copy = try clone()
        let out = copy.makeView(shape: newShape, strides: Shape.contiguousStrides(newShape), offset: 0)
        out.base = nil
        let old = shape
        return Tensor.record("UnsafeViewBackward0", inputs: [copy], output: out) { (g: Tensor) throws(TensorError) in [try g.reshape(old)] }
    }

    /// `torch.flatten(input, start_dim=0, end_dim=-1)`.
    public func flatten(startDim: Int = 0, endDim: Int = -1) throws(TensorError) -> Tensor {
        if dim == 0 { return try reshape([1]) }
        let s = try normalizeDim(startDim), e = try normalizeDim(endDim)
        guard s <= e else { throw .runtime("flatten() has invalid args: start_dim cannot come after end_dim") }
        if s == e { return self }
        let merged = shape[s...e].reduce(1, *)
        return try reshape(Array(shape[..<s]) + [merged] + Array(shape[(e + 1)...]))
    }

    /// `tensor.unflatten(dim, sizes)`.
    public func unflatten(_ d: Int, _ sizes: [Int]) throws(TensorError) -> Tensor {
        let d = try normalizeDim(d)
        guard !sizes.isEmpty else { throw .runtime("unflatten: sizes must be non-empty") }
        var resolved = sizes
        if let i = sizes.firstIndex(of: -1) {
            let known = sizes.filter { $0 != -1 }.reduce(1, *)
            resolved[i] = known == 0 ? 0 : shape[d] / known
        }
        guard resolved.reduce(1, *) == shape[d] else {
            throw .runtime("unflatten: Provided sizes \(Shape.format(sizes)) don't multiply up to the size of dim \(d) (\(shape[d])) in the input tensor")
        }
        return try view(Array(shape[..<d]) + resolved + Array(shape[(d + 1)...]))
    }

    // MARK: - Permutations

    /// `tensor.permute(*dims)`.
    public func permute(_ dims: [Int]) throws(TensorError) -> Tensor {
        guard dims.count == dim else {
            throw .runtime("permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = \(dim) is not equal to len(dims) = \(dims.count)")
        }
        var order: [Int] = []
        for d in dims {
            let n = try normalizeDim(d)
            if order.contains(n) { throw .runtime("permute(): duplicate dims are not allowed.") }
            order.append(n)
        }
        return try permuted(order, name: "PermuteBackward0")
    }

    private func permuted(_ order: [Int], name: String) throws(TensorError) -> Tensor {
        let out = makeView(shape: order.map { shape[$0] }, strides: order.map { strides[$0] }, offset: offset)
        var inverse = [Int](repeating: 0, count: order.count)
        for (i, d) in order.enumerated() { inverse[d] = i }
        return Tensor.record(name, inputs: [self], output: out) { (g: Tensor) throws(TensorError) in [try g.permute(inverse)] }
    }

    /// `tensor.transpose(dim0, dim1)`.
    public func transpose(_ d0: Int, _ d1: Int) throws(TensorError) -> Tensor {
        let a = try normalizeDim(d0), b = try normalizeDim(d1)
        var order = Array(0..<dim)
        order.swapAt(a, b)
        if dim == 0 { return try permuted([], name: "TransposeBackward0") }
        return try permuted(order, name: "TransposeBackward0")
    }

    /// `tensor.t()`: transpose of a tensor with at most 2 dims.
    public func t() throws(TensorError) -> Tensor {
        guard dim <= 2 else {
            throw .runtime("t() expects a tensor with <= 2 dimensions, but self is \(dim)D")
        }
        return try permuted(dim == 2 ? [1, 0] : Array(0..<dim), name: "TBackward0")
    }

    /// `tensor.T`: all dims reversed (PyTorch records it as a permute).
    public func reversedDims() throws(TensorError) -> Tensor {
        try permuted(Array((0..<dim).reversed()), name: "PermuteBackward0")
    }

    /// `tensor.mT`: the last two dims swapped.
    public func matrixTranspose() throws(TensorError) -> Tensor {
        guard dim >= 2 else { throw .runtime("tensor.mT is only supported on matrices or batches of matrices. Got \(dim)-D tensor.") }
        return try transpose(-2, -1)
    }

    // MARK: - Adding and removing dims

    /// `tensor.unsqueeze(dim)`.
    public func unsqueeze(_ d: Int) throws(TensorError) -> Tensor {
        let d = try Shape.normalizeDim(d, rank: dim + 1)
        var newShape = shape, newStrides = strides
        let s = d < dim ? shape[d] * strides[d] : 1
        newShape.insert(1, at: d)
        newStrides.insert(s, at: d)
        let out = makeView(shape: newShape, strides: newStrides, offset: offset)
        return Tensor.record("UnsqueezeBackward0", inputs: [self], output: out) { (g: Tensor) throws(TensorError) in [try g.squeeze(d)] }
    }

    /// `tensor.squeeze()`: removes every size-1 dim.
    public func squeeze() throws(TensorError) -> Tensor {
        let keep = (0..<dim).filter { shape[$0] != 1 }
        let out = makeView(shape: keep.map { shape[$0] }, strides: keep.map { strides[$0] }, offset: offset)
        let old = shape
        return Tensor.record("SqueezeBackward0", inputs: [self], output: out) { (g: Tensor) throws(TensorError) in [try g.reshape(old)] }
    }

    /// `tensor.squeeze(dim)`: removes `dim` if it has size 1.
    public func squeeze(_ d: Int) throws(TensorError) -> Tensor {
        let d = try normalizeDim(d)
        var newShape = shape, newStrides = strides
        if dim > 0 && shape[d] == 1 {
            newShape.remove(at: d)
            newStrides.remove(at: d)
        }
        let out = makeView(shape: newShape, strides: newStrides, offset: offset)
        let old = shape
        return Tensor.record("SqueezeBackward1", inputs: [self], output: out) { (g: Tensor) throws(TensorError) in [try g.reshape(old)] }
    }

    // MARK: - Broadcasting copies and views

    /// `tensor.expand(*sizes)`; `-1` keeps a size.
    public func expand(_ sizes: [Int]) throws(TensorError) -> Tensor {
        guard sizes.count >= dim else {
            throw .runtime("expand(\(dtype.legacyTypeName){\(Shape.format(shape))}, size=\(Shape.format(sizes))): the number of sizes provided (\(sizes.count)) must be greater or equal to the number of dimensions in the tensor (\(dim))")
        }
        let lead = sizes.count - dim
        var target = sizes
        for d in 0..<sizes.count where sizes[d] == -1 {
            guard d >= lead else { throw .runtime("The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension \(d)") }
            target[d] = shape[d - lead]
        }
        var out = try broadcastView(to: target)
        if out === self { out = makeView(shape: shape, strides: strides, offset: offset) }  // always a new view, as in PyTorch
        let old = shape
        return Tensor.record("ExpandBackward0", inputs: [self], output: out) { (g: Tensor) throws(TensorError) in [try g.sumTo(old)] }
    }

    /// `tensor.expand_as(other)`.
    public func expandAs(_ other: Tensor) throws(TensorError) -> Tensor { try expand(other.shape) }

    /// `tensor.repeat(*sizes)`: tiles the tensor.
    public func repeatTiles(_ repeats: [Int]) throws(TensorError) -> Tensor {
        guard repeats.count >= dim else {
            throw .runtime("Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor")
        }
        let padded = [Int](repeating: 1, count: repeats.count - dim) + shape
        // View as [1, s0, 1, s1, ...] expanded to [r0, s0, r1, s1, ...], then flatten pairs.
        var interleavedShape: [Int] = [], expandedShape: [Int] = []
        for (r, s) in zip(repeats, padded) {
            interleavedShape += [1, s]
            expandedShape += [r, s]
        }
        let out = try GradMode.with(false) { () throws(TensorError) in
            try reshape(interleavedShape).expand(expandedShape).contiguous()
                .reshape(zip(repeats, padded).map { $0 * $1 })
        }
        let x = self
        return Tensor.record("RepeatBackward0", inputs: [x], output: out) { (g: Tensor) throws(TensorError) in
            var summed = try g.reshape(expandedShape)
            for d in stride(from: repeats.count - 1, through: 0, by: -1) { summed = try summed.sum(dims: [2 * d], keepdim: false) }
            return [try summed.reshape(x.shape)]
        }
    }

    /// `torch.flip(input, dims)`: a copy with the given dims reversed.
    public func flip(_ dims: [Int]) throws(TensorError) -> Tensor {
        var flipped = Set<Int>()
        for d in dims {
            let n = try normalizeDim(d)
            if !flipped.insert(n).inserted { throw .runtime("dim \(n) appears multiple times in the list of dims") }
        }
        var newStrides = strides, newOffset = offset
        for d in flipped where dim > 0 && shape[d] > 0 {
            newOffset += (shape[d] - 1) * strides[d]
            newStrides[d] = -strides[d]
        }
        let reversed = makeView(shape: shape, strides: newStrides, offset: newOffset)
        let out = try reversed.clone(recording: false)
        return Tensor.record("FlipBackward0", inputs: [self], output: out) { (g: Tensor) throws(TensorError) in [try g.flip(dims)] }
    }

    // MARK: - Joining and splitting

    /// `torch.cat(tensors, dim=0)`.
    public static func cat(_ tensors: [Tensor], dim d: Int = 0) throws(TensorError) -> Tensor {
        guard !tensors.isEmpty else { throw .runtime("torch.cat(): expected a non-empty list of Tensors") }
        // PyTorch skips legacy 1-d empty tensors.
        let parts = tensors.filter { !($0.dim == 1 && $0.numel == 0) }
        guard let first = parts.first else { return try Tensor.zeros([0], dtype: tensors[0].dtype) }
        guard first.dim > 0 else { throw .runtime("zero-dimensional tensor (at position 0) cannot be concatenated") }
        let axis = try first.normalizeDim(d)
        var dtype = first.dtype
        var total = 0
        for (i, t) in parts.enumerated() {
            guard t.dim > 0 else { throw .runtime("zero-dimensional tensor (at position \(i)) cannot be concatenated") }
            guard t.dim == first.dim else {
                throw .runtime("Tensors must have same number of dimensions: got \(first.dim) and \(t.dim)")
            }
            for k in 0..<first.dim where k != axis && t.shape[k] != first.shape[k] {
                throw .runtime("Sizes of tensors must match except in dimension \(axis). Expected size \(first.shape[k]) but got size \(t.shape[k]) for tensor number \(i) in the list.")
            }
            dtype = DType.promote(dtype, t.dtype)
            total += t.shape[axis]
        }
        var outShape = first.shape
        outShape[axis] = total
        let out = try Tensor(uninitializedShape: outShape, dtype: dtype)
        var start = 0
        for t in parts {
            var region = out.strides
            region[axis] = out.strides[axis]
            var partShape = outShape
            partShape[axis] = t.shape[axis]
            let dst = out.makeView(shape: partShape, strides: out.strides, offset: start * out.strides[axis])
            copyConverting(from: t, to: dst)
            start += t.shape[axis]
        }
        out.base = nil
        let sizes = parts.map { $0.shape[axis] }
        let skipped = tensors.map { $0.dim == 1 && $0.numel == 0 }
        // Skipped legacy empty inputs still get an (empty) gradient, as in PyTorch.
        return record("CatBackward0", inputs: tensors, output: out) { (g: Tensor) throws(TensorError) in
            var pieces = try g.split(sizes: sizes, dim: axis)[...]
            var grads: [Tensor?] = []
            for s in skipped { grads.append(s ? try Tensor.zeros([0], dtype: g.dtype) : pieces.popFirst()) }
            return grads
        }
    }

    /// `torch.stack(tensors, dim=0)`.
    public static func stack(_ tensors: [Tensor], dim d: Int = 0) throws(TensorError) -> Tensor {
        guard let first = tensors.first else { throw .runtime("stack expects a non-empty TensorList") }
        for (i, t) in tensors.enumerated() where t.shape != first.shape {
            throw .runtime("stack expects each tensor to be equal size, but got \(Shape.format(first.shape)) at entry 0 and \(Shape.format(t.shape)) at entry \(i)")
        }
        let axis = try Shape.normalizeDim(d, rank: first.dim + 1)
        let out = try GradMode.with(false) { () throws(TensorError) in
            try cat(tensors.map { t throws(TensorError) in try t.unsqueeze(axis) }, dim: axis)
        }
        return record("StackBackward0", inputs: tensors, output: out) { (g: Tensor) throws(TensorError) in
            try g.unbind(axis).map { $0 as Tensor? }
        }
    }

    /// `torch.split(tensor, split_size, dim)` with one chunk size.
    public func split(_ size: Int, dim d: Int = 0) throws(TensorError) -> [Tensor] {
        guard dim > 0 else { throw .runtime("split expects at least a 1-dimensional tensor") }
        let axis = try normalizeDim(d)
        guard size > 0 || (size == 0 && shape[axis] == 0) else {
            throw .runtime("split_size can only be 0 if dimension size is 0, but got dimension size of \(shape[axis])")
        }
        let n = shape[axis]
        var sizes: [Int] = []
        var left = n
        while left > 0 { sizes.append(Swift.min(size, left)); left -= size }
        if sizes.isEmpty { sizes = [0] }
        return try split(sizes: sizes, dim: axis, name: "SplitBackward0")
    }

    /// `torch.split(tensor, [sizes], dim)`.
    public func split(sizes: [Int], dim d: Int = 0) throws(TensorError) -> [Tensor] {
        try split(sizes: sizes, dim: d, name: "SplitWithSizesBackward0")
    }

    func split(sizes: [Int], dim d: Int, name: String) throws(TensorError) -> [Tensor] {
        guard dim > 0 else { throw .runtime("split expects at least a 1-dimensional tensor") }
        let axis = try normalizeDim(d)
        guard sizes.reduce(0, +) == shape[axis], sizes.allSatisfy({ $0 >= 0 }) else {
            throw .runtime("split_with_sizes expects split_sizes to sum exactly to \(shape[axis]) (input tensor's size at dimension \(axis)), but got split_sizes=\(Shape.format(sizes))")
        }
        var outs: [Tensor] = []
        var start = 0
        for s in sizes {
            var newShape = shape
            newShape[axis] = s
            outs.append(makeView(shape: newShape, strides: strides, offset: offset + start * strides[axis]))
            start += s
        }
        let full = shape, dtype = self.dtype
        return Tensor.record(name, inputs: [self], outputs: outs) { (gs: [Tensor]) throws(TensorError) in
            [try Tensor.cat(gs, dim: axis).to(dtype).reshape(full)]
        }
    }

    /// `torch.chunk(tensor, chunks, dim)`.
    public func chunk(_ chunks: Int, dim d: Int = 0) throws(TensorError) -> [Tensor] {
        guard dim > 0 else { throw .runtime("chunk expects at least a 1-dimensional tensor") }
        guard chunks > 0 else { throw .runtime("chunk expects `chunks` to be greater than 0, got: \(chunks)") }
        let axis = try normalizeDim(d)
        // An empty dim still gives `chunks` empty pieces, as PyTorch does.
        if shape[axis] == 0 { return try split(sizes: [Int](repeating: 0, count: chunks), dim: axis) }
        return try split((shape[axis] + chunks - 1) / chunks, dim: axis)
    }

    /// `torch.unbind(tensor, dim)`.
    public func unbind(_ d: Int = 0) throws(TensorError) -> [Tensor] {
        guard dim > 0 else { throw .index("Dimension specified as \(d) but tensor has no dimensions") }
        let axis = try normalizeDim(d)
        var outs: [Tensor] = []
        var newShape = shape, newStrides = strides
        newShape.remove(at: axis)
        newStrides.remove(at: axis)
        for i in 0..<shape[axis] {
            outs.append(makeView(shape: newShape, strides: newStrides, offset: offset + i * strides[axis]))
        }
        return Tensor.record("UnbindBackward0", inputs: [self], outputs: outs) { (gs: [Tensor]) throws(TensorError) in
            [try Tensor.stack(gs, dim: axis)]
        }
    }

    /// `tensor.narrow(dim, start, length)`.
    public func narrow(_ d: Int, start: Int, length: Int) throws(TensorError) -> Tensor {
        guard dim > 0 else { throw .runtime("narrow() cannot be applied to a 0-dim tensor.") }
        let axis = try normalizeDim(d)
        let s = start < 0 ? start + shape[axis] : start
        guard s >= 0, s <= shape[axis] else {
            throw .index("start out of range (expected to be in range of [\(-shape[axis]), \(shape[axis])], but got \(start))")
        }
        guard length >= 0, s + length <= shape[axis] else {
            throw .runtime("start (\(s)) + length (\(length)) exceeds dimension size (\(shape[axis])).")
        }
        return try slice(axis, start: s, end: s + length, step: 1)
    }
}
