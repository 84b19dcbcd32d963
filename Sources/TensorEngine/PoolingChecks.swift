/// PyTorch's argument and shape checks for pooling, with its wording
/// (`pooling_output_shape`, `pool2d_shape_check`, `check_max_pool1d`, `check1d`).
enum PoolingChecks {
    /// Output length of one pooled dimension (PyTorch's `pooling_output_shape`).
    static func outputSize(_ input: Int, kernel: Int, pad: Int, stride: Int, dilation: Int,
                           ceil: Bool) throws(TensorError) -> Int {
        guard stride != 0 else { throw .runtime("stride should not be zero") }
        guard pad >= 0 else { throw .runtime("pad must be non-negative, but got pad: \(pad)") }
        let effective = try ((Sized(kernel) - 1) * Sized(dilation) + 1).truncatingDivided(by: 2).value()
        guard pad <= effective else {
            throw .runtime("pad should be at most half of effective kernel size, but got pad=\(pad), kernel_size=\(kernel) and dilation=\(dilation)")
        }
        let s = Sized(stride)
        let span = Sized(input) + 2 * Sized(pad) - Sized(dilation) * (Sized(kernel) - 1) - 1 + (ceil ? s - 1 : 0)
        var out = try (span / s + 1).value()
        // In ceil mode the last window must start inside the input (or its left padding).
        if ceil, try ((Sized(out) - 1) * s).value() >= input + pad { out -= 1 }
        return out
    }

    /// The sizes of a 2-d pooling call, after PyTorch's `pool2d_shape_check`.
    static func geometry2d(_ x: Tensor, kernel: (Int, Int), stride: (Int, Int), padding: (Int, Int), dilation: (Int, Int),
                           ceil: Bool) throws(TensorError) -> PoolGeometry {
        let inH = x.shape[x.dim - 2], inW = x.shape[x.dim - 1], planes = x.shape[x.dim - 3]
        let outH = try outputSize(inH, kernel: kernel.0, pad: padding.0, stride: stride.0, dilation: dilation.0, ceil: ceil)
        let outW = try outputSize(inW, kernel: kernel.1, pad: padding.1, stride: stride.1, dilation: dilation.1, ceil: ceil)
        guard kernel.1 > 0 && kernel.0 > 0 else {
            throw .runtime("kernel size should be greater than zero, but got kH: \(kernel.0) kW: \(kernel.1)")
        }
        guard stride.1 > 0 && stride.0 > 0 else {
            throw .runtime("stride should be greater than zero, but got dH: \(stride.0) dW: \(stride.1)")
        }
        guard dilation.0 > 0 && dilation.1 > 0 else {
            throw .runtime("dilation should be greater than zero, but got dilationH: \(dilation.0) dilationW: \(dilation.1)")
        }
        let s = x.shape
        let validDims = x.dim >= 3 && s[1] != 0 && s[2] != 0
        guard (x.dim == 3 && s[0] != 0 && validDims) || (x.dim == 4 && validDims && s[3] != 0) else {
            throw .runtime("Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:\(Shape.format(s))")
        }
        guard kernel.1 / 2 >= padding.1 && kernel.0 / 2 >= padding.0 else {
            throw .runtime("pad should be smaller than or equal to half of kernel size, but got padW = \(padding.1), padH = \(padding.0), kW = \(kernel.1), kH = \(kernel.0)")
        }
        guard outW >= 1 && outH >= 1 else {
            throw .runtime("Given input size: (\(planes)x\(inH)x\(inW)). Calculated output size: (\(planes)x\(outH)x\(outW)). Output size is too small")
        }
        return PoolGeometry(batch: x.dim == 4 ? s[0] : 1, channels: planes, inH: inH, inW: inW, outH: outH, outW: outW,
                            kH: kernel.0, kW: kernel.1, strideH: stride.0, strideW: stride.1,
                            padH: padding.0, padW: padding.1, dilH: dilation.0, dilW: dilation.1)
    }

    /// `kernel_size`, `stride` (empty: the kernel size), `padding` and `dilation` of a 2-d
    /// pooling op as pairs, with the `<op>: kernel_size must either be ...` errors.
    static func pairs(_ op: String, kernel: [Int], stride: [Int], padding: [Int],
                      dilation: [Int]?) throws(TensorError) -> (k: (Int, Int), s: (Int, Int), p: (Int, Int), d: (Int, Int)) {
        guard kernel.count == 1 || kernel.count == 2 else {
            throw .runtime("\(op): kernel_size must either be a single int, or a tuple of two ints")
        }
        let k = (kernel[0], kernel.count == 1 ? kernel[0] : kernel[1])
        guard stride.isEmpty || stride.count == 1 || stride.count == 2 else {
            throw .runtime("\(op): stride must either be omitted, a single int, or a tuple of two ints")
        }
        let s = stride.isEmpty ? k : (stride[0], stride.count == 1 ? stride[0] : stride[1])
        guard padding.count == 1 || padding.count == 2 else {
            throw .runtime("\(op): padding must either be a single int, or a tuple of two ints")
        }
        let p = (padding[0], padding.count == 1 ? padding[0] : padding[1])
        guard let dilation else { return (k, s, p, (1, 1)) }
        guard dilation.count == 1 || dilation.count == 2 else {
            throw .runtime("\(op): dilation must be either a single int, or a tuple of two ints")
        }
        return (k, s, p, (dilation[0], dilation.count == 1 ? dilation[0] : dilation[1]))
    }

    /// PyTorch's `checkDimRange` for the 1-d ops that run as 2-d (2 to 3 dimensions).
    static func checkDims1d(_ x: Tensor, _ op: String) throws(TensorError) {
        guard x.dim == 2 || x.dim == 3 else {
            throw .runtime("Expected 2 to 3 dimensions, but got \(x.dim)-dimensional tensor for argument #1 'self' (while checking arguments for \(op))")
        }
    }

    /// PyTorch's `check1d`: a 1-d op's size argument must hold exactly one int.
    static func check1d(_ op: String, _ name: String, _ values: [Int]) throws(TensorError) {
        guard values.count == 1 else {
            throw .runtime("\(op)() argument '\(name)' should contain one int (got \(values.count))")
        }
    }

    /// PyTorch's `check_max_pool1d` (the checks `F.max_pool1d` runs before pooling).
    static func checkMaxPool1d(_ x: Tensor, kernel: [Int], stride: [Int], padding: [Int], dilation: [Int],
                               ceil: Bool) throws(TensorError) {
        let s = x.shape
        guard (x.dim == 2 && s[0] != 0 && s[1] != 0) || (x.dim == 3 && s[1] != 0 && s[2] != 0) else {
            throw .runtime("max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for input, but got:\(Shape.format(s))")
        }
        guard kernel.count == 1 else {
            throw .runtime("max_pool1d() kernel_size must be an int, list of ints or tuple of ints of size 1 but got size \(kernel.count)")
        }
        guard stride.isEmpty || stride.count == 1 else {
            throw .runtime("max_pool1d() stride must be None, an int, list of ints, or tuple of ints of size 1 but got size \(stride.count)")
        }
        guard padding.count == 1 else {
            throw .runtime("max_pool1d() padding must be an int, list of ints, or tuple of ints of size 1 but got size \(padding.count)")
        }
        guard dilation.count == 1 else {
            throw .runtime("max_pool1d() dilation must be an int, list of ints or tuple of ints of size 1 but got size \(dilation.count)")
        }
        let k = kernel[0], st = stride.first ?? k, p = padding[0], d = dilation[0]
        guard k > 0 else { throw .runtime("max_pool1d() kernel_size must be greater than zero, but got \(k)") }
        guard st > 0 else { throw .runtime("max_pool1d() stride must be greater than zero, but got \(st)") }
        guard p >= 0 else { throw .runtime("max_pool1d() padding must be non-negative, but got \(p)") }
        guard p <= k / 2 else {
            throw .runtime("max_pool1d() padding should be at most half of kernel size, but got padding=\(p) and kernel_size=\(k)")
        }
        guard d > 0 else { throw .runtime("max_pool1d() dilation must be greater than zero, but got \(d)") }
        let out = try outputSize(s[x.dim - 1], kernel: k, pad: p, stride: st, dilation: d, ceil: ceil)
        guard out > 0 else { throw .runtime("max_pool1d() Invalid computed output size: \(out)") }
    }

    /// The output shape of a 2-d pooling of `x` (3-d or 4-d) to `outH × outW`.
    static func outputShape(_ x: Tensor, _ outH: Int, _ outW: Int) -> [Int] {
        Array(x.shape.dropLast(2)) + [outH, outW]
    }
}
