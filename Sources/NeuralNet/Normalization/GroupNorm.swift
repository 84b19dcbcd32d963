import TensorEngine

extension NeuralNet {
    /// `F.group_norm(input, num_groups, weight=None, bias=None, eps=1e-05)`: normalises each
    /// group of `C / num_groups` channels of an `(N, C, ...)` input over the group's channels
    /// and spatial positions, then scales and shifts per channel. Recorded as one
    /// `NativeGroupNormBackward0` node.
    public static func groupNorm(_ input: Tensor, numGroups: Int, weight: Tensor? = nil, bias: Tensor? = nil,
                                 eps: Double = 1e-5) throws(TensorError) -> Tensor {
        guard input.dim >= 2 else {
            throw .runtime("Expected at least 2 dimensions for input tensor but received \(input.dim)")
        }
        let n = input.shape[0], c = input.shape[1]
        guard numGroups > 0, c % numGroups == 0 else {
            throw .runtime("Expected number of channels in input to be divisible by num_groups, but got input of shape \(Shape.format(input.shape)) and num_groups=\(numGroups)")
        }
        for (name, t) in [("weight", weight), ("bias", bias)] {
            if let t, t.dim != 1 || t.numel != c {
                throw .runtime("Expected \(name) to be a vector of size equal to the number of channels in input, but got \(name) of shape \(Shape.format(t.shape)) and input of shape \(Shape.format(input.shape))")
            }
        }
        guard input.isFloatingPoint else {
            throw TensorError(.notImplemented, "\"GroupNormKernelImpl\" not implemented for '\(input.dtype.scalarTypeName)'")
        }
        let spatial = input.shape.dropFirst(2).reduce(1, *)
        let perGroup = c / numGroups
        let stats = try GroupStatistics(input, groups: n * numGroups, groupSize: perGroup * spatial, eps: eps)
        let out = try stats.normalized(input, scale: weight, shift: bias, channelsPerGroup: perGroup, spatial: spatial)
        let inputs = [input] + [weight, bias].compactMap { $0 }
        let grouped = [n, numGroups, perGroup * spatial]
        let channelShape = [1, c] + [Int](repeating: 1, count: input.dim - 2)
        let reduceDims = [0] + Array(2..<input.dim)
        return Tensor.record("NativeGroupNormBackward0", inputs: inputs, output: out, saved: inputs) {
            (g: Tensor) throws(TensorError) in
            let (mean, rstd) = try stats.tensors(shape: [n, numGroups, 1], dtype: input.dtype)
            let xhat = try input.reshape(grouped).sub(mean).mul(rstd).reshape(input.shape)
            let gHat = try weight.map { w throws(TensorError) in try g.mul(w.view(channelShape)) } ?? g
            var grads: [Tensor?] = []
            grads.append(input.requiresGrad
                ? try normalizedGradient(gHat.reshape(grouped), xhat.reshape(grouped), rstd, dims: [2]).reshape(input.shape)
                : nil)
            if let weight { grads.append(weight.requiresGrad ? try g.mul(xhat).sum(dims: reduceDims) : nil) }
            if let bias { grads.append(bias.requiresGrad ? try g.sum(dims: reduceDims) : nil) }
            return grads
        }
    }

    /// `F.instance_norm(input, running_mean=None, running_var=None, weight=None, bias=None,
    /// use_input_stats=True, momentum=0.1, eps=1e-05)`: batch norm of each (sample, channel)
    /// on its own, computed as PyTorch does: batch norm of the input viewed as `(1, N·C, ...)`,
    /// viewed back (so `grad_fn` is `ViewBackward0`); running statistics are averaged over the batch.
    public static func instanceNorm(_ input: Tensor, runningMean: Tensor? = nil, runningVar: Tensor? = nil,
                                    weight: Tensor? = nil, bias: Tensor? = nil, useInputStats: Bool = true,
                                    momentum: Double = 0.1, eps: Double = 1e-5) throws(TensorError) -> Tensor {
        guard input.dim >= 2 else {
            throw .runtime("instance_norm(): expected input to have at least 2 dimensions, but got \(input.dim)")
        }
        if useInputStats && input.shape.dropFirst(2).reduce(1, *) == 1 {
            throw .value("Expected more than 1 spatial element when training, got input size \(Shape.sizeRepr(input.shape))")
        }
        let n = input.shape[0], c = input.shape[1]
        func repeated(_ t: Tensor?) throws(TensorError) -> Tensor? {
            try t.map { t throws(TensorError) in try t.repeatTiles([n]) }
        }
        let folded = try input.contiguous().view([1, n * c] + input.shape.dropFirst(2))
        let (mean, variance) = try GradMode.with(false) { () throws(TensorError) in
            (try repeated(runningMean), try repeated(runningVar))
        }
        let out = try batchNorm(folded, runningMean: mean, runningVar: variance, weight: repeated(weight),
                                bias: repeated(bias), training: useInputStats, momentum: momentum, eps: eps)
        try GradMode.with(false) { () throws(TensorError) in
            if let runningMean, let mean { try runningMean.copy_(mean.view([n, c]).mean(dims: [0])) }
            if let runningVar, let variance { try runningVar.copy_(variance.view([n, c]).mean(dims: [0])) }
        }
        return try out.view(input.shape)
    }
}
