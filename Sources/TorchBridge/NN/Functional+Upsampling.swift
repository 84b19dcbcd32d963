import MiniPython
import TensorEngine

/// `F.interpolate` and the deprecated `F.upsample`, `F.upsample_nearest`,
/// `F.upsample_bilinear`: PyTorch's Python argument logic (size or scale factor, mode
/// checks, `recompute_scale_factor`), then the engine's upsampling ops.
/// https://pytorch.org/docs/stable/generated/torch.nn.functional.interpolate.html
extension FunctionalModule {
    static func addUpsampling(to module: PyModule) {
        /// torch.nn.functional.interpolate(input, size=None, scale_factor=None, mode='nearest',
        /// align_corners=None, recompute_scale_factor=None, antialias=False)
        module.addFunction("interpolate(input, size=None, scale_factor=None, mode='nearest', align_corners=None, recompute_scale_factor=None, antialias=False)") { (interp, args) throws(PyError) in
            let mode = try interp.expectStr(args["mode"], "mode")
            return try interpolate(interp, try args.tensor(0), size: args["size"], scale: args["scale_factor"], mode: mode,
                                   alignCorners: args["align_corners"], recompute: args["recompute_scale_factor"],
                                   antialias: try args.bool("antialias"))
        }
        /// torch.nn.functional.upsample(input, size=None, scale_factor=None, mode='nearest', align_corners=None)
        module.addFunction("upsample(input, size=None, scale_factor=None, mode='nearest', align_corners=None)") { (interp, args) throws(PyError) in
            let mode = try interp.expectStr(args["mode"], "mode")
            return try interpolate(interp, try args.tensor(0), size: args["size"], scale: args["scale_factor"], mode: mode,
                                   alignCorners: args["align_corners"], recompute: .none, antialias: false)
        }
        module.addFunction("upsample_nearest(input, size=None, scale_factor=None)") { (interp, args) throws(PyError) in
            try interpolate(interp, try args.tensor(0), size: args["size"], scale: args["scale_factor"], mode: "nearest",
                            alignCorners: .none, recompute: .none, antialias: false)
        }
        module.addFunction("upsample_bilinear(input, size=None, scale_factor=None)") { (interp, args) throws(PyError) in
            try interpolate(interp, try args.tensor(0), size: args["size"], scale: args["scale_factor"], mode: "bilinear",
                            alignCorners: .bool(true), recompute: .none, antialias: false)
        }
    }

    private static func interpolate(_ interp: Interpreter, _ x: Tensor, size: PyValue, scale: PyValue, mode: String,
                                    alignCorners: PyValue, recompute: PyValue, antialias: Bool) throws(PyError) -> PyValue {
        var align = false
        if ["nearest", "area", "nearest-exact"].contains(mode) {
            if !alignCorners.isNone {
                throw PyError.valueError("align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear")
            }
        } else if !alignCorners.isNone {
            align = try interp.isTrue(alignCorners)
        }
        let dim = x.dim - 2
        let spatial = "[" + x.shape.dropFirst(2).map(String.init).joined(separator: ", ") + "]"
        var outputSize: [Int]?
        var scales: [Double]?
        if !size.isNone && !scale.isNone {
            throw PyError.valueError("only one of size or scale_factor should be defined")
        } else if !size.isNone {
            if IntArgs.isSequence(size) {
                let items = try interp.toArray(size)
                guard items.count == dim else {
                    throw PyError.valueError("Input and output must have the same number of spatial dimensions, but got input with spatial dimensions of \(spatial) and output size of \(try interp.repr(size)). Please provide input tensor in (N, C, d1, d2, ...,dK) format and output size in (o1, o2, ...,oK) format.")
                }
                let isInteger = items.allSatisfy { item in
                    if case .int = item { return true }
                    if case .bool = item { return true }
                    return item.tensorValue.map { !$0.isFloatingPoint } ?? false
                }
                guard isInteger else {
                    let types = items.map { "<class '\($0.tensorValue == nil ? $0.type.name : "torch.Tensor")'>" }.joined(separator: ", ")
                    throw PyError.typeError("expected size to be one of int or Tuple[int] or Tuple[int, int] or Tuple[int, int, int], but got size with types [\(types)]")
                }
                outputSize = try items.map { (item) throws(PyError) in try IntArgs.int(item, interp, "interpolate", "size") }
            } else {
                let n = try IntArgs.int(size, interp, upsampleOpName(mode, dim), "output_size")
                outputSize = Array(repeating: n, count: Swift.max(dim, 0))
            }
        } else if !scale.isNone {
            if IntArgs.isSequence(scale) {
                let items = try interp.toArray(scale)
                guard items.count == dim else {
                    throw PyError.valueError("Input and scale_factor must have the same number of spatial dimensions, but got input with spatial dimensions of \(spatial) and scale_factor of shape \(try interp.repr(scale)). Please provide input tensor in (N, C, d1, d2, ...,dK) format and scale_factor in (s1, s2, ...,sK) format.")
                }
                scales = try items.map { (item) throws(PyError) in try interp.expectFloat(item) }
            } else {
                scales = Array(repeating: try interp.expectFloat(scale), count: Swift.max(dim, 0))
            }
        } else {
            throw PyError.valueError("either size or scale_factor should be defined")
        }
        var recomputeScales = recompute.isNone ? false : try interp.isTrue(recompute)
        if recomputeScales && !size.isNone {
            throw PyError.valueError("recompute_scale_factor is not meaningful with an explicit size.")
        }
        if mode == "area" && outputSize == nil { recomputeScales = true }
        if recomputeScales, let factors = scales {
            var sizes: [Int] = []
            for (i, s) in factors.enumerated() {
                let v = Double(x.shape[i + 2]) * s
                guard v.isFinite, v.magnitude < 9.2e18 else { throw PyError.overflowError("cannot convert float infinity to integer") }
                sizes.append(Int(v))
            }
            outputSize = sizes
            scales = nil
        }
        if antialias && !(["bilinear", "bicubic", "lanczos"].contains(mode) && x.dim == 4) {
            throw PyError.valueError("Anti-alias option is restricted to bilinear, bicubic, and lanczos modes and requires a 4-D tensor as input")
        }
        func run(_ m: Tensor.UpsampleMode) throws(PyError) -> PyValue {
            .tensor(try engine { try x.upsample(m, outputSize: outputSize, scaleFactors: scales, alignCorners: align) })
        }
        switch (x.dim, mode) {
        case (3, "nearest"), (4, "nearest"): return try run(.nearest)
        case (3, "nearest-exact"), (4, "nearest-exact"): return try run(.nearestExact)
        case (3, "linear"): return try run(.linear)
        case (4, "bilinear"):
            if antialias { throw TorchErrors.notInTutor("F.interpolate with antialias=True") }
            return try run(.linear)
        case (3, "area"): return .tensor(try engine { try x.adaptiveAvgPool1d(outputSize ?? []) })
        case (4, "area"): return .tensor(try engine { try x.adaptiveAvgPool2d(outputSize ?? []) })
        case (5, "nearest"), (5, "nearest-exact"), (5, "area"), (5, "trilinear"), (4, "bicubic"):
            throw TorchErrors.notInTutor("F.interpolate(mode='\(mode)') on a \(x.dim)-D input")
        case (4, "lanczos"):
            if align { throw PyError.valueError("Lanczos mode does not support align_corners=True") }
            if !antialias { throw PyError.valueError("Lanczos mode requires antialias=True") }
            throw TorchErrors.notInTutor("F.interpolate(mode='lanczos')")
        case (3, "bilinear"), (3, "trilinear"), (4, "linear"), (4, "trilinear"), (5, "linear"), (5, "bilinear"):
            let needs = ["linear": 3, "bilinear": 4, "trilinear": 5][mode] ?? 0
            throw PyError.notImplementedError("Got \(x.dim)D input, but \(mode) mode needs \(needs)D input")
        default:
            throw PyError.notImplementedError("Input Error: Only 3D, 4D and 5D input Tensors supported (got \(x.dim)D) for the modes: nearest | linear | bilinear | bicubic | trilinear | lanczos | area | nearest-exact (got \(mode))")
        }
    }

    /// The ATen op `interpolate` calls for `mode` on `dims` spatial dimensions (for argument errors).
    private static func upsampleOpName(_ mode: String, _ dims: Int) -> String {
        switch mode {
        case "nearest-exact": "_upsample_nearest_exact\(dims)d"
        case "linear", "bilinear": dims == 1 ? "upsample_linear1d" : "upsample_bilinear2d"
        default: "upsample_nearest\(dims)d"
        }
    }
}
