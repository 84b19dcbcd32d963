/// One component of a Python subscript: `x[1, 2:5, None, ..., idx]`.
public enum TensorIndex: Sendable {
    case int(Int)
    case slice(start: Int?, stop: Int?, step: Int?)
    case newAxis
    case ellipsis
    /// An integer tensor (advanced indexing) or a bool mask.
    case tensor(Tensor)
}

/// Basic indexing (views) and advanced indexing (copies), as PyTorch's `__getitem__`.
extension Tensor {
    // MARK: - Views: select and slice

    /// `tensor.select(dim, index)` and `x[i]`.
    public func select(_ d: Int, _ index: Int) throws(TensorError) -> Tensor {
        guard dim > 0 else { throw .index("select() cannot be applied to a 0-dim tensor.") }
        let axis = try normalizeDim(d)
        let size = shape[axis]
        guard index >= -size && index < size else {
            throw .index("select(): index \(index) out of range for tensor of size \(Shape.format(shape)) at dimension \(axis)")
        }
        let i = index < 0 ? index + size : index
        var newShape = shape, newStrides = strides
        newShape.remove(at: axis)
        newStrides.remove(at: axis)
        let out = makeView(shape: newShape, strides: newStrides, offset: offset + i * strides[axis])
        let full = shape
        return Tensor.record("SelectBackward0", inputs: [self], output: out) { (g: Tensor) throws(TensorError) in
            let z = try Tensor.zeros(full, dtype: g.dtype)
            copyConverting(from: g, to: z.makeView(shape: newShape, strides: newStrides.isEmpty ? [] : Array(z.strides.enumerated().filter { $0.offset != axis }.map(\.element)), offset: i * z.strides[axis]))
            return [Tensor.recordLinear("SelectBackwardBackward0", z, of: g) { (gg: Tensor) throws(TensorError) in try gg.select(axis, i) }]
        }
    }

    /// `x[start:end:step]` along one dim, with Python's clamping of out-of-range bounds.
    public func slice(_ d: Int, start: Int?, end: Int?, step: Int = 1) throws(TensorError) -> Tensor {
        guard step > 0 else {
            throw .value(step == 0 ? "slice step cannot be zero" : "step must be greater than zero")
        }
        guard dim > 0 else { throw .index("slice() cannot be applied to a 0-dim tensor.") }
        let axis = try normalizeDim(d)
        let size = shape[axis]
        func clampIndex(_ v: Int?, _ dflt: Int) -> Int {
            guard var v else { return dflt }
            if v < 0 { v += size }
            return Swift.min(Swift.max(v, 0), size)
        }
        let s = clampIndex(start, 0)
        let e = Swift.max(clampIndex(end, size), s)
        let count = (e - s + step - 1) / step
        var newShape = shape, newStrides = strides
        newShape[axis] = count
        newStrides[axis] = strides[axis] * step
        let out = makeView(shape: newShape, strides: newStrides, offset: offset + (count > 0 ? s * strides[axis] : 0))
        let full = shape
        return Tensor.record("SliceBackward0", inputs: [self], output: out) { (g: Tensor) throws(TensorError) in
            let z = try Tensor.zeros(full, dtype: g.dtype)
            var zs = z.strides
            zs[axis] *= step
            copyConverting(from: g, to: z.makeView(shape: newShape, strides: zs, offset: count > 0 ? s * z.strides[axis] : 0))
            return [Tensor.recordLinear("SliceBackwardBackward0", z, of: g) { (gg: Tensor) throws(TensorError) in
                try gg.slice(axis, start: s, end: e, step: step)
            }]
        }
    }

    // MARK: - Subscripts

    /// The result of the basic part of a subscript, with the advanced index tensors left to apply.
    private struct BasicIndexResult {
        var view: Tensor
        /// (dim in `view`, int64 index tensor), in subscript order.
        var advanced: [(Int, Tensor)]
    }

    private func applyBasic(_ indices: [TensorIndex]) throws(TensorError) -> BasicIndexResult {
        var consumed = 0
        var ellipses = 0
        for i in indices {
            switch i {
            case .int, .slice: consumed += 1
            case .tensor(let t): consumed += t.dtype == .bool || t.dtype == .uint8 ? Swift.max(t.dim, 1) : 1
                if t.dtype == .bool && t.dim == 0 { consumed -= 1 }
            case .ellipsis: ellipses += 1
            case .newAxis: break
            }
        }
        // PyTorch (unlike NumPy) accepts several ellipses; each one skips the unconsumed dims.
        _ = ellipses
        if consumed > dim { throw .index("too many indices for tensor of dimension \(dim)") }
        var view = self
        var d = 0
        var advanced: [(Int, Tensor)] = []
        for index in indices {
            switch index {
            case .int(let i):
                try view.checkSubscript(i, d)
                view = try view.select(d, i)
            case .slice(let start, let stop, let step):
                view = try view.slice(d, start: start, end: stop, step: step ?? 1)
                d += 1
            case .newAxis:
                view = try view.unsqueeze(d)
                d += 1
            case .ellipsis:
                d += dim - consumed
            case .tensor(let t) where t.dim == 0 && t.dtype.isIntegral && t.dtype != .uint8:
                // A 0-dim integer tensor indexes like a Python int (a view).
                let i = Int(try t.item().int64Value)
                try view.checkSubscript(i, d)
                view = try view.select(d, i)
            case .tensor(let t):
                if t.dtype == .bool || t.dtype == .uint8 {
                    if t.dim == 0 {
                        // x[True] adds a dim of size 1; x[False] one of size 0.
                        view = try view.unsqueeze(d)
                        let keep = try t.item().boolValue
                        advanced.append((d, try Tensor.from(keep ? [Int64(0)] : [], shape: [keep ? 1 : 0])))
                        d += 1
                        continue
                    }
                    for k in 0..<t.dim where t.shape[k] != view.shape[d + k] {
                        throw .index("The shape of the mask \(Shape.format(t.shape)) at index \(k) does not match the shape of the indexed tensor \(Shape.format(view.shape)) at index \(d + k)")
                    }
                    let coords = try t.nonzero()
                    for k in 0..<t.dim { advanced.append((d + k, try coords.select(1, k))) }
                    d += t.dim
                } else if t.dtype.isIntegral {
                    advanced.append((d, try t.to(.int64)))
                    d += 1
                } else {
                    throw .index("tensors used as indices must be long, int, byte or bool tensors")
                }
            }
        }
        return BasicIndexResult(view: view, advanced: advanced)
    }

    /// The bounds check of an integer subscript, with `x[i]`'s message (`select` words it differently).
    private func checkSubscript(_ i: Int, _ d: Int) throws(TensorError) {
        let size = shape[d]
        if i < -size || i >= size { throw .index("index \(i) is out of bounds for dimension \(d) with size \(size)") }
    }

    /// `tensor[indices]`.
    public func index(_ indices: [TensorIndex]) throws(TensorError) -> Tensor {
        let basic = try applyBasic(indices)
        if basic.advanced.isEmpty { return basic.view === self ? try alias() : basic.view }
        return try basic.view.advancedIndex(basic.advanced)
    }

    /// A new view object of the same data (`x[...]`, `x[:]` of a 0-dim tensor).
    private func alias() throws(TensorError) -> Tensor {
        let out = makeView(shape: shape, strides: strides, offset: offset)
        return Tensor.record("AliasBackward0", inputs: [self], output: out) { g in [g] }
    }

    /// Layout shared by advanced reads and writes: the source permuted so the
    /// indexed dims come first, the broadcast index tensors, and where the
    /// broadcast dims land in the result.
    private struct AdvancedPlan {
        let source: Tensor            // permuted view: indexed dims first
        let indexShape: [Int]         // broadcast shape of the index tensors
        let indices: [[Int64]]        // one flat array per indexed dim, broadcast
        let restShape: [Int]
        let insertAt: Int             // result position of the index dims
    }

    private func advancedPlan(_ advanced: [(Int, Tensor)]) throws(TensorError) -> AdvancedPlan {
        var indexShape: [Int] = []
        for (_, t) in advanced {
            do { indexShape = try Shape.broadcast(indexShape, t.shape) } catch {
                let shapes = advanced.map { Shape.format($0.1.shape) }.joined(separator: ", ")
                throw .index("shape mismatch: indexing tensors could not be broadcast together with shapes \(shapes)")
            }
        }
        let dims = advanced.map(\.0)
        let adjacent = zip(dims, dims.dropFirst()).allSatisfy { $1 == $0 + 1 }
        let rest = (0..<dim).filter { !dims.contains($0) }
        let source = makeView(shape: (dims + rest).map { shape[$0] }, strides: (dims + rest).map { strides[$0] }, offset: offset)
        var flat: [[Int64]] = []
        for (d, t) in advanced {
            var values = try t.broadcastView(to: indexShape).toArray(Int64.self)
            let size = Int64(shape[d])
            for k in values.indices {
                let v = values[k]
                guard v >= -size && v < size else {
                    throw .index("index \(v) is out of bounds for dimension \(d) with size \(size)")
                }
                if v < 0 { values[k] = v + size }
            }
            flat.append(values)
        }
        return AdvancedPlan(source: source, indexShape: indexShape, indices: flat,
                            restShape: rest.map { shape[$0] }, insertAt: adjacent ? dims[0] : 0)
    }

    /// Moves the index dims of a `indexShape + rest` tensor to `insertAt`.
    private static func placeIndexDims(_ t: Tensor, _ plan: AdvancedPlan) throws(TensorError) -> Tensor {
        let k = plan.indexShape.count, r = plan.restShape.count
        if plan.insertAt == 0 || k == 0 { return t }
        let order = Array(k..<(k + plan.insertAt)) + Array(0..<k) + Array((k + plan.insertAt)..<(k + r))
        return try t.permute(order)
    }

    private func advancedIndex(_ advanced: [(Int, Tensor)]) throws(TensorError) -> Tensor {
        let plan = try advancedPlan(advanced)
        let gathered = try Tensor(uninitializedShape: plan.indexShape + plan.restShape, dtype: dtype)
        let count = plan.indices.first?.count ?? 0
        let block = plan.restShape.reduce(1, *)
        let k = advanced.count
        let restStrides = Array(plan.source.strides[k...])
        for b in 0..<count {
            var off = plan.source.offset
            for j in 0..<k { off += Int(plan.indices[j][b]) * plan.source.strides[j] }
            let src = makeView(shape: plan.restShape, strides: restStrides, offset: off)
            let dst = gathered.makeView(shape: plan.restShape, strides: Shape.contiguousStrides(plan.restShape), offset: b * block)
            copyConverting(from: src, to: dst)
        }
        let result = try GradMode.with(false) { () throws(TensorError) in try Tensor.placeIndexDims(gathered, plan) }
        let out = result.isContiguous ? result : try result.clone(recording: false)
        out.base = nil
        let full = shape
        return Tensor.record("IndexBackward0", inputs: [self], output: out, saved: advanced.map(\.1)) { (g: Tensor) throws(TensorError) in
            let z = try Tensor.zeros(full, dtype: g.dtype)
            try z.putAdvanced(advanced, g, accumulate: true)
            return [Tensor.recordLinear("IndexPutBackward0", z, of: g) { (gg: Tensor) throws(TensorError) in try gg.advancedIndex(advanced) }]
        }
    }

    // MARK: - Assignment

    /// `tensor[indices] = value` (in place, broadcasting `value`).
    public func indexPut(_ indices: [TensorIndex], _ value: Tensor) throws(TensorError) {
        let basic = try applyBasic(indices)
        // `x[0] = v` writes through a view of x (so a leaf reports "a view of a leaf Variable");
        // `x[:] = v` and `x[idx] = v` write into x itself.
        let sameLayout = basic.view.shape == shape && basic.view.strides == strides && basic.view.offset == offset
        try (sameLayout ? self : basic.view).checkInPlace()
        let recording = isFloatingPoint && (Tensor.needsGrad([self, value]) || (GradMode.isEnabled && (base?.requiresGrad ?? false)))
        let old = recording ? gradientEdgeSnapshot() : self
        try GradMode.with(false) { () throws(TensorError) in
            if basic.advanced.isEmpty {
                let v = try value.broadcastView(to: basic.view.shape)
                copyConverting(from: v, to: basic.view)
            } else {
                try basic.view.putAdvanced(basic.advanced, value, accumulate: false)
            }
        }
        storage.version += 1
        guard recording else { return }
        // The graph sees: out = before with the indexed region replaced by value.
        let mask = try GradMode.with(false) { () throws(TensorError) in
            let m = try Tensor.zeros(shape, dtype: .bool)
            try m.indexPut(indices, Tensor.scalar(.bool(true)))
            return m
        }
        let name = basic.advanced.isEmpty ? "CopySlices" : "IndexPutBackward0"
        try rebaseHistory(name: name, inputs: [old, value]) { (g: Tensor) throws(TensorError) in
            let gSelf = try g.maskedFill(mask, .int(0))
            var gValue: Tensor? = nil
            if value.requiresGrad {
                gValue = try g.index(indices).sumTo(value.shape)
            }
            return [gSelf, gValue]
        }
    }

    /// Writes (or adds) `value` at advanced-index positions of this tensor.
    func putAdvanced(_ advanced: [(Int, Tensor)], _ value: Tensor, accumulate: Bool) throws(TensorError) {
        let plan = try advancedPlan(advanced)
        var resultShape = plan.restShape
        resultShape.insert(contentsOf: plan.indexShape, at: plan.insertAt)
        let k = advanced.count
        // Bring the value into indexShape + rest order.
        var v = try value.broadcastView(to: resultShape)
        if plan.insertAt != 0 && !plan.indexShape.isEmpty {
            let ik = plan.indexShape.count
            let order = Array(plan.insertAt..<(plan.insertAt + ik)) + Array(0..<plan.insertAt) + Array((plan.insertAt + ik)..<resultShape.count)
            v = v.makeView(shape: order.map { v.shape[$0] }, strides: order.map { v.strides[$0] }, offset: v.offset)
        }
        let count = plan.indices.first?.count ?? 0
        let restStrides = Array(plan.source.strides[k...])
        let ik = plan.indexShape.count
        let vRestStrides = Array(v.strides[ik...])
        let indexStrides = Shape.contiguousStrides(plan.indexShape)
        let vIndexStrides = Array(v.strides[..<ik])
        for b in 0..<count {
            var off = plan.source.offset
            for j in 0..<k { off += Int(plan.indices[j][b]) * plan.source.strides[j] }
            var voff = v.offset, rem = b
            for j in 0..<ik { voff += (rem / indexStrides[j]) * vIndexStrides[j]; rem %= indexStrides[j] }
            let dst = makeView(shape: plan.restShape, strides: restStrides, offset: off)
            let src = v.makeView(shape: plan.restShape, strides: vRestStrides, offset: voff)
            if accumulate {
                let sum = try Tensor.computeBinary(dst, src, .add, dtype: dtype)
                copyConverting(from: sum, to: dst)
            } else {
                copyConverting(from: src, to: dst)
            }
        }
    }

    // MARK: - Gather, scatter, index_select

    /// `torch.gather(input, dim, index)`.
    public func gather(_ d: Int, _ index: Tensor) throws(TensorError) -> Tensor {
        let axis = try normalizeDim(d)
        try checkIndexTensor(index, axis: axis, fn: "gather")
        let out = try Tensor(uninitializedShape: index.shape, dtype: dtype)
        let idx = index.toArray(Int64.self)
        let size = dim == 0 ? 1 : shape[axis]  // a 0-dim tensor acts as size 1
        let idxStrides = Shape.contiguousStrides(index.shape)
        for (flat, i) in idx.enumerated() {
            guard i >= 0 && i < Int64(size) else {
                throw .runtime("index \(i) is out of bounds for dimension \(axis) with size \(size)")
            }
            var off = offset, rem = flat
            for k in 0..<index.dim {
                let c = rem / idxStrides[k]
                rem %= idxStrides[k]
                if k < dim { off += (k == axis ? Int(i) : c) * strides[k] }
            }
            copyConverting(from: makeView(shape: [], strides: [], offset: off), to: out.makeView(shape: [], strides: [], offset: flat))
        }
        let full = shape
        return Tensor.record("GatherBackward0", inputs: [self], output: out, saved: [index]) { (g: Tensor) throws(TensorError) in
            [try Tensor.zeros(full, dtype: g.dtype).scatterAdd(axis, index, g)]
        }
    }

    private func checkIndexTensor(_ index: Tensor, axis: Int, fn: String) throws(TensorError) {
        guard index.dtype == .int64 || index.dtype == .int32 else { throw .runtime("\(fn)(): Expected dtype int64 for index") }
        guard index.dim == dim || (index.dim <= 1 && dim <= 1) else {
            throw .runtime("Index tensor must have the same number of dimensions as \(fn == "gather" ? "input" : "self") tensor")
        }
        for k in 0..<Swift.min(index.dim, dim) where k != axis && index.shape[k] > shape[k] {
            throw .runtime("Size does not match at dimension \(k) expected index \(Shape.format(index.shape)) to be no larger than \(fn == "gather" ? "self" : "self") \(Shape.format(shape)) apart from dimension \(axis)")
        }
    }

    /// `tensor.scatter(dim, index, src)` out of place; `scatter_` writes in place.
    public func scatter(_ d: Int, _ index: Tensor, _ src: Tensor) throws(TensorError) -> Tensor {
        try checkScatterSource(src, "scatter")
        let out = try clone(recording: false)
        try out.scatterInto(d, index, src, accumulate: false)
        return Tensor.record("ScatterBackward0", inputs: [self, src], output: out, saved: [index]) { (g: Tensor) throws(TensorError) in
            let axis = try g.normalizeDim(d)
            return [try g.scatter(axis, index, Tensor.zeros(index.shape, dtype: g.dtype)), try g.gather(axis, index)]
        }
    }

    /// `tensor.scatter_add(dim, index, src)`.
    public func scatterAdd(_ d: Int, _ index: Tensor, _ src: Tensor) throws(TensorError) -> Tensor {
        try checkScatterSource(src, "scatter_add")
        let out = try clone(recording: false)
        try out.scatterInto(d, index, src, accumulate: true)
        return Tensor.record("ScatterAddBackward0", inputs: [self, src], output: out, saved: [index]) { (g: Tensor) throws(TensorError) in
            [g, try g.gather(d, index)]
        }
    }

    /// `tensor.scatter_(dim, index, src)` in place.
    @discardableResult public func scatter_(_ d: Int, _ index: Tensor, _ src: Tensor) throws(TensorError) -> Tensor {
        try checkScatterSource(src, "scatter")
        if !Tensor.needsGrad([self, src]) && !(GradMode.isEnabled && (base?.requiresGrad ?? false)) {
            try checkInPlace()
            try scatterInto(d, index, src, accumulate: false)
            storage.version += 1
            return self
        }
        // Tracked by autograd: recorded as ScatterBackward0, like the other in-place ops.
        return try applyInPlace(others: [src]) { x throws(TensorError) in try x.scatter(d, index, src) }
    }

    private func checkScatterSource(_ src: Tensor, _ fn: String) throws(TensorError) {
        if src.dtype != dtype { throw .runtime("\(fn)(): Expected self.dtype to be equal to src.dtype") }
    }

    func scatterInto(_ d: Int, _ index: Tensor, _ src: Tensor, accumulate: Bool) throws(TensorError) {
        let axis = try normalizeDim(d)
        try checkIndexTensor(index, axis: axis, fn: "scatter")
        let idx = index.toArray(Int64.self)
        let size = dim == 0 ? 1 : shape[axis]  // a 0-dim tensor acts as size 1
        let idxStrides = Shape.contiguousStrides(index.shape)
        let srcIsScalar = src.dim == 0
        for (flat, i) in idx.enumerated() {
            guard i >= 0 && i < Int64(size) else {
                throw .runtime("index \(i) is out of bounds for dimension \(axis) with size \(size)")
            }
            var off = offset, srcOff = src.offset, rem = flat
            for k in 0..<index.dim {
                let c = rem / idxStrides[k]
                rem %= idxStrides[k]
                if k < dim { off += (k == axis ? Int(i) : c) * strides[k] }
                if !srcIsScalar && k < src.dim { srcOff += c * src.strides[k] }
            }
            let dst = makeView(shape: [], strides: [], offset: off)
            let s = src.makeView(shape: [], strides: [], offset: srcOff)
            if accumulate {
                copyConverting(from: try Tensor.computeBinary(dst, s, .add, dtype: dtype), to: dst)
            } else {
                copyConverting(from: s, to: dst)
            }
        }
    }

    /// `torch.index_select(input, dim, index)`.
    public func indexSelect(_ d: Int, _ index: Tensor) throws(TensorError) -> Tensor {
        let axis = try normalizeDim(d)
        guard index.dim <= 1 else { throw .index("index_select(): Index is supposed to be a vector") }
        guard index.dtype == .int64 || index.dtype == .int32 else {
            throw .runtime("index_select(): Expected dtype int32 or int64 for index")
        }
        // A 0-dim tensor acts as one element, and the result stays 0-dim.
        if dim == 0 && index.numel != 1 {
            throw .runtime("index_select(): Index to scalar can have only 1 value, got \(index.numel) value(s)")
        }
        let size = dim == 0 ? 1 : shape[axis]
        for i in index.toArray(Int64.self) where i < 0 || i >= size {
            // PyTorch's CPU kernels word this differently along dim 0 and the other dims.
            if axis == 0 { throw .index("index out of range in self") }
            throw .runtime("INDICES element is out of DATA bounds, id=\(i) axis_dim=\(size)")
        }
        let flatIndex = try index.reshape([-1]).to(.int64)
        var indices = [TensorIndex](repeating: .slice(start: nil, stop: nil, step: nil), count: axis)
        indices.append(.tensor(flatIndex))
        let out = try GradMode.with(false) { () throws(TensorError) in
            dim == 0 ? try reshape([1]).index(indices).reshape([]) : try self.index(indices)
        }
        let full = shape
        return Tensor.record("IndexSelectBackward0", inputs: [self], output: out, saved: [index]) { (g: Tensor) throws(TensorError) in
            if full.isEmpty { return [g] }  // a 0-dim input is its own only element
            let z = try Tensor.zeros(full, dtype: g.dtype)
            try z.putAdvanced([(axis, flatIndex)], g, accumulate: true)
            return [Tensor.recordLinear("IndexAddBackward0", z, of: g) { (gg: Tensor) throws(TensorError) in try gg.indexSelect(axis, index) }]
        }
    }

    /// `torch.masked_select(input, mask)`: the selected elements as a 1-d tensor.
    public func maskedSelect(_ mask: Tensor) throws(TensorError) -> Tensor {
        guard mask.dtype == .bool else { throw .runtime("masked_select: expected BoolTensor for mask") }
        let shape = try Shape.broadcast(mask.shape, self.shape)
        let out = try GradMode.with(false) { () throws(TensorError) in
            try expand(shape).index([.tensor(mask.broadcastView(to: shape))])
        }
        let own = self.shape
        return Tensor.record("MaskedSelectBackward0", inputs: [self], output: out, saved: [mask]) { (g: Tensor) throws(TensorError) in
            let z = try Tensor.zeros(shape, dtype: g.dtype)
            try GradMode.with(false) { () throws(TensorError) in try z.indexPut([.tensor(mask.broadcastView(to: shape))], g) }
            let scattered = Tensor.recordLinear("MaskedScatterBackward0", z, of: g) { (gg: Tensor) throws(TensorError) in try gg.maskedSelect(mask) }
            return [try scattered.sumTo(own)]
        }
    }

    /// `torch.nonzero(input)`: an `[n, dim]` int64 tensor of coordinates.
    public func nonzero() throws(TensorError) -> Tensor {
        let flags = toArray(Bool.self)
        var coords: [Int64] = []
        let st = Shape.contiguousStrides(shape)
        for (flat, f) in flags.enumerated() where f {
            var rem = flat
            for k in 0..<dim { coords.append(Int64(rem / st[k])); rem %= st[k] }
        }
        return try Tensor.from(coords, shape: [dim == 0 ? (flags.first == true ? 1 : 0) : coords.count / dim, dim])
    }
}
