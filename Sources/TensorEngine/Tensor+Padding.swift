/// Padding, as `F.pad` does it: constant (`ConstantPadNdBackward0`, negative pads crop),
/// reflect and replicate (`ReflectionPad1DBackward0`, `ReplicationPad2DBackward0`, ...:
/// copies through per-dimension index maps) and circular (slice copies, `CopySlices`).
extension Tensor {
    /// The `mode` argument of `F.pad`.
    public enum PaddingMode: String, Sendable {
        case constant, reflect, replicate, circular
    }

    /// `torch._C._nn.pad(input, pad, mode, value)`, the function behind `F.pad`: the
    /// checks and the choice of padding op by mode and rank.
    public func pad(_ pad: [Int], mode: PaddingMode, value: Double?) throws(TensorError) -> Tensor {
        guard pad.count % 2 == 0 else { throw .runtime("Padding length must be divisible by 2") }
        guard pad.count <= dim * 2 else {
            throw .runtime("Padding length should be less than or equal to two times the input dimension but got padding length \(pad.count) and input of dimension \(dim)")
        }
        if mode == .constant { return try constantPad(pad, value: .double(value ?? 0)) }
        if let value, value != 0 {
            throw .runtime("Padding mode \"\(mode.rawValue)\" doesn't take in value argument")
        }
        let padded = pad.count / 2
        guard padded >= 1 && padded <= 3 && (dim == padded + 1 || dim == padded + 2) else {
            throw TensorError(.notImplemented, """
                Padding size \(pad.count) is not supported for \(dim)D input tensor.
                Supported combinations for non-constant padding:
                  - 2D or 3D input: padding size = 2 (pads last dimension)
                  - 3D or 4D input: padding size = 4 (pads last 2 dimensions)
                  - 4D or 5D input: padding size = 6 (pads last 3 dimensions)
                """)
        }
        switch mode {
        case .reflect: return try reflectionPad(pad)
        case .replicate: return try replicationPad(pad)
        default: return try circularPad(pad)
        }
    }

    /// `torch.constant_pad_nd(input, pad, value)`: `pad` lists (before, after) pairs starting
    /// from the last dimension; negative amounts remove elements.
    public func constantPad(_ pad: [Int], value: Scalar) throws(TensorError) -> Tensor {
        guard pad.count % 2 == 0 else { throw .runtime("Length of pad must be even but instead it equals \(pad.count)") }
        let padDims = pad.count / 2, lead = dim - padDims
        guard lead >= 0 else {
            throw .runtime("Length of pad should be no more than twice the number of dimensions of the input. Pad length is \(pad.count) while the input has \(dim) dimensions.")
        }
        // The part of the input that survives negative padding (PyTorch narrows first).
        var cropOffset = offset, cropShape = shape
        for d in lead..<dim {
            let before = pad[2 * (dim - d - 1)], after = pad[2 * (dim - d - 1) + 1]
            for (side, cut) in [before, after].enumerated() where cut < 0 {
                let length = try (Sized(cropShape[d]) + Sized(cut)).value()
                guard length >= 0 else { throw .runtime("narrow(): length must be non-negative.") }
                if side == 0 { cropOffset += -cut * strides[d] }
                cropShape[d] = length
            }
        }
        var newShape = shape
        for d in lead..<dim {
            let before = pad[2 * (dim - d - 1)], after = pad[2 * (dim - d - 1) + 1]
            newShape[d] = try (Sized(shape[d]) + Sized(before) + Sized(after)).value()
            guard newShape[d] >= 0 else {
                throw .runtime("The input size \(shape[d]), plus negative padding \(before) and \(after) resulted in a negative output size, which is invalid. Check dimension \(d) of your input.")
            }
        }
        let out = try Tensor(uninitializedShape: newShape, dtype: dtype, zeroed: false)
        fill(out, with: value)
        var interiorOffset = 0
        for d in lead..<dim {
            interiorOffset += Swift.max(0, pad[2 * (dim - d - 1)]) * out.strides[d]
        }
        if !cropShape.contains(0) {
            let source = Tensor(storage: storage, shape: cropShape, strides: strides, offset: cropOffset)
            let interior = Tensor(storage: out.storage, shape: cropShape, strides: out.strides, offset: interiorOffset)
            copyConverting(from: source, to: interior)
        }
        let negated = pad.map { -$0 }
        return Tensor.record("ConstantPadNdBackward0", inputs: [self], output: out) { (g: Tensor) throws(TensorError) in
            [try g.constantPad(negated, value: .int(0))]
        }
    }

    /// `reflection_pad{1,2,3}d`: each side mirrors the input without repeating the edge;
    /// a pad must be smaller than the dimension it pads.
    public func reflectionPad(_ pad: [Int]) throws(TensorError) -> Tensor {
        try mappedPad(pad, reflect: true)
    }

    /// `replication_pad{1,2,3}d`: each side repeats the edge element.
    public func replicationPad(_ pad: [Int]) throws(TensorError) -> Tensor {
        try mappedPad(pad, reflect: false)
    }

    private func mappedPad(_ pad: [Int], reflect: Bool) throws(TensorError) -> Tensor {
        let k = pad.count / 2, name = reflect ? "reflection" : "replication"
        guard k >= 1 && k <= 3 else { throw .runtime("padding size is expected to be \(2 * dim - 2), but got: \(pad.count)") }
        // PyTorch's check_valid_input: an empty batch is fine, other empty dimensions are not.
        let batched = dim == k + 2
        let valid = (batched && shape.dropFirst().allSatisfy { $0 != 0 }) || (dim == k + 1 && !shape.contains(0))
        guard valid else {
            throw .runtime("Expected \(k + 1)D or \(k + 2)D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions for input, but got: \(Shape.format(shape))")
        }
        let lead = dim - k
        var outSizes: [Int] = []
        for i in 0..<k {
            let d = lead + i, before = pad[2 * (k - 1 - i)], after = pad[2 * (k - 1 - i) + 1]
            outSizes.append(try (Sized(shape[d]) + Sized(before) + Sized(after)).value())
        }
        if reflect {
            for j in 0..<k {
                let d = dim - 1 - j, before = pad[2 * j], after = pad[2 * j + 1]
                guard before < shape[d] && after < shape[d] else {
                    throw .runtime("Argument #\(4 + 2 * j): Padding size should be less than the corresponding input dimension, but got: padding (\(before), \(after)) at dimension \(d) of input \(Shape.format(shape))")
                }
            }
        }
        let labels = Array(["D", "H", "W"].suffix(k))
        if outSizes.contains(where: { $0 < 1 }) {
            let input = zip(labels, shape[lead...]).map { "\($0): \($1)" }.joined(separator: ", ")
            let output = zip(labels, outSizes).map { "\($0): \($1)" }.joined(separator: " ")
            if k == 1 { throw .runtime("input (\(input)) is too small. Calculated output \(output)") }
            throw .runtime("Calculated output \(output) must be >= 1 in every dimension (input \(input))")
        }
        if dtype == .bool {
            throw TensorError(.notImplemented, "\"\(name)_pad\(k)d\" not implemented for 'Bool'")
        }
        // Allocate first: the index maps are as long as the output (a huge pad fails here).
        let out = try Tensor(uninitializedShape: Array(shape[..<lead]) + outSizes, dtype: dtype, zeroed: false)
        var maps: [[Int]] = []
        for i in 0..<k {
            let size = shape[lead + i], before = pad[2 * (k - 1 - i)]
            // An empty batch needs no maps (and its output sizes may be anything).
            maps.append((0..<(out.numel == 0 ? 0 : outSizes[i])).map { o in
                let j = o - before
                if reflect { return j < 0 ? -j : (j >= size ? 2 * (size - 1) - j : j) }
                return Swift.min(Swift.max(j, 0), size - 1)
            })
        }
        while maps.count < 3 { maps.insert([0], at: 0) }
        let inner = Array(repeating: 1, count: 3 - k) + Array(shape[lead...])
        let indexMaps = IndexMaps(depth: maps[0], height: maps[1], width: maps[2],
                                  inDepth: inner[0], inHeight: inner[1], inWidth: inner[2])
        let planes = shape[..<lead].reduce(1, *)
        let source = isContiguous ? self : try clone(recording: false)
        struct Gather: DTypeVisitor {
            let maps: IndexMaps, planes: Int, source: Tensor, out: Tensor
            func visit<T: ArithmeticElement>(_: T.Type) {
                gatherIndexMaps(maps, planes: planes, input: source.basePointer(T.self), output: out.basePointer(T.self))
            }
        }
        if out.numel > 0 { try dtype.visit(Gather(maps: indexMaps, planes: planes, source: source, out: out)) }
        let nodeName = (reflect ? "ReflectionPad" : "ReplicationPad") + "\(k)D"
        let inputShape = shape
        return Tensor.record(nodeName + "Backward0", inputs: [self], output: out) { (g: Tensor) throws(TensorError) in
            [try Tensor.mappedPadBackward(g, indexMaps, planes: planes, inputShape: inputShape,
                                          name: nodeName + "BackwardBackward0") { (gg: Tensor) throws(TensorError) in
                try gg.mappedPad(pad, reflect: reflect)
            }]
        }
    }

    /// The gradient of a reflection or replication pad: scatter-add through the index maps.
    /// Its own gradient is the pad again (`forward`).
    private static func mappedPadBackward(_ g: Tensor, _ maps: IndexMaps, planes: Int, inputShape: [Int], name: String,
                                          forward: @escaping (Tensor) throws(TensorError) -> Tensor) throws(TensorError) -> Tensor {
        let source = g.isContiguous ? g : try g.clone(recording: false)
        let gin = try Tensor(uninitializedShape: inputShape, dtype: g.dtype, zeroed: false)
        struct Scatter: FloatVisitor {
            let maps: IndexMaps, planes: Int, source: Tensor, gin: Tensor
            func visit<T: FloatElement>(_: T.Type) {
                scatterAddIndexMaps(maps, planes: planes, gradOutput: source.basePointer(T.self), gradInput: gin.basePointer(T.self))
            }
        }
        if gin.numel > 0 { try g.dtype.visitFloat(Scatter(maps: maps, planes: planes, source: source, gin: gin)) }
        return record(name, inputs: [g], output: gin) { (gg: Tensor) throws(TensorError) in [try forward(gg)] }
    }

    /// `_pad_circular`: the output is filled by slice copies (the interior from the input,
    /// then each padded side from the opposite end of the output), so its `grad_fn` is
    /// `CopySlices`, as in PyTorch.
    public func circularPad(_ pad: [Int]) throws(TensorError) -> Tensor {
        let padded = pad.count / 2, kept = dim - padded
        guard kept == 1 || kept == 2 else {
            throw .runtime("Invalid padding size, expected 1 or 2 non-padded dimensions, which would be equivalent to padding of length \((dim - 1) * 2) or \((dim - 2) * 2) respectively but got \(pad.count)")
        }
        var outShape = shape
        for i in 0..<padded {
            let before = pad[2 * (padded - i - 1)], after = pad[2 * (padded - i - 1) + 1], size = shape[kept + i]
            outShape[kept + i] = try (Sized(size) + Sized(before) + Sized(after)).value()
            guard before <= size && after <= size else { throw .runtime("Padding value causes wrapping around more than once.") }
            guard outShape[kept + i] >= 0 else { throw .runtime("Negative padding value is resulting in an empty dimension") }
        }
        let out = try Tensor.zeros(outShape, dtype: dtype)
        var outSlice = out, inSlice = self
        for i in 0..<padded {
            let d = dim - i - 1, before = pad[2 * i], after = pad[2 * i + 1]
            outSlice = try outSlice.slice(d, start: Swift.max(before, 0), end: outShape[d] - Swift.max(after, 0))
            inSlice = try inSlice.slice(d, start: Swift.max(-before, 0), end: shape[d] - Swift.max(-after, 0))
        }
        try outSlice.copy_(inSlice)
        for i in 0..<padded {
            let d = dim - i - 1, before = pad[2 * i], after = pad[2 * i + 1], size = outShape[d]
            if before > 0 {
                let end = size - Swift.max(after, 0)
                try out.slice(d, start: 0, end: before).copy_(out.slice(d, start: end - before, end: end))
            }
            if after > 0 {
                let start = Swift.max(before, 0)
                try out.slice(d, start: size - after, end: size).copy_(out.slice(d, start: start, end: start + after))
            }
        }
        return out
    }
}
