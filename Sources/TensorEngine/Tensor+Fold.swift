/// `F.unfold` (`Im2ColBackward0`) and `F.fold` (`Col2ImBackward0`): sliding local blocks
/// as columns, and back. Each is the other's gradient.
extension Tensor {
    /// `F.unfold(input, kernel_size, dilation=1, padding=0, stride=1)` on `(N, C, H, W)` or
    /// `(C, H, W)`: `(N, C·kH·kW, L)` (or `(C·kH·kW, L)`), L the number of block positions.
    public func unfold(kernel: [Int], dilation: [Int], padding: [Int], stride: [Int]) throws(TensorError) -> Tensor {
        for (name, v) in [("kernel_size", kernel), ("dilation", dilation), ("padding", padding), ("stride", stride)] where v.count != 2 {
            throw .runtime("It is expected \(name) equals to 2, but got size \(v.count)")
        }
        try Tensor.checkFoldParameters(kernel: kernel, dilation: dilation, padding: padding, stride: stride, strideFirst: false)
        let size1 = shape[try normalizeDim(1)], size2 = shape[try normalizeDim(2)]
        let validDims = size1 != 0 && size2 != 0
        guard (dim == 3 && shape[0] != 0 && validDims) || (dim == 4 && validDims && shape[3] != 0) else {
            throw .runtime("Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions for input, but got: \(Shape.format(shape))")
        }
        let inH = shape[dim - 2], inW = shape[dim - 1]
        let blocksH = try Tensor.blockCount(inH, kernel[0], dilation[0], padding[0], stride[0])
        let blocksW = try Tensor.blockCount(inW, kernel[1], dilation[1], padding[1], stride[1])
        if blocksH < 1 || blocksW < 1 {
            throw .runtime("Given input with spatial size (\(inH), \(inW)), kernel_size=(\(kernel[0]), \(kernel[1])), dilation=(\(dilation[0]), \(dilation[1])), padding=(\(padding[0]), \(padding[1])), calculated shape of the array of sliding blocks as (\(blocksH), \(blocksW)), but its components must be at least one.")
        }
        if !dtype.isFloatingPoint {
            throw TensorError(.notImplemented, "\"im2col_out_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let channels = shape[dim - 3]
        let g = ConvGeometry(batch: dim == 4 ? shape[0] : 1, inChannels: channels, outChannels: channels, groups: 1,
                             inH: inH, inW: inW, outH: blocksH, outW: blocksW, kH: kernel[0], kW: kernel[1],
                             strideH: stride[0], strideW: stride[1], padH: padding[0], padW: padding[1],
                             dilH: dilation[0], dilW: dilation[1])
        let rows = try (Sized(channels) * Sized(kernel[0]) * Sized(kernel[1])).value()
        let outShape = (dim == 4 ? [shape[0]] : []) + [rows, try (Sized(blocksH) * Sized(blocksW)).value()]
        let out = try Tensor(uninitializedShape: outShape, dtype: dtype, zeroed: false)
        struct Run: FloatVisitor {
            let x: Tensor, out: Tensor, g: ConvGeometry
            func visit<T: FloatElement>(_: T.Type) { im2col(g, image: x.poolView(T.self), columns: out.basePointer(T.self)) }
        }
        try dtype.visitFloat(Run(x: self, out: out, g: g))
        let size = [inH, inW]
        return Tensor.record("Im2ColBackward0", inputs: [self], output: out) { (grad: Tensor) throws(TensorError) in
            [try grad.fold(outputSize: size, kernel: kernel, dilation: dilation, padding: padding, stride: stride)]
        }
    }

    /// `F.fold(input, output_size, kernel_size, dilation=1, padding=0, stride=1)` on
    /// `(N, C·kH·kW, L)` or `(C·kH·kW, L)`: sums the blocks into `(N, C, *output_size)`.
    public func fold(outputSize: [Int], kernel: [Int], dilation: [Int], padding: [Int],
                     stride: [Int]) throws(TensorError) -> Tensor {
        for (name, v) in [("output_size", outputSize), ("kernel_size", kernel), ("dilation", dilation),
                          ("padding", padding), ("stride", stride)] where v.count != 2 {
            throw .runtime("It is expected \(name) equals to 2, but got size \(v.count)")
        }
        try Tensor.checkFoldParameters(kernel: kernel, dilation: dilation, padding: padding, stride: stride, strideFirst: true)
        guard (dim == 2 && shape[0] != 0 && shape[1] != 0) || (dim == 3 && shape[1] != 0 && shape[2] != 0) else {
            throw .runtime("Expected 2D or 3D (batch mode) tensor for input with possibly 0 batch size and non-zero dimensions for input, but got: \(Shape.format(shape))")
        }
        let planes = shape[dim - 2], length = shape[dim - 1]
        let area = try (Sized(kernel[0]) * Sized(kernel[1])).value()
        guard planes % area == 0 else {
            throw .runtime("Expected size of input's dimension 1 to be divisible by the product of kernel_size, but got input.size(1)=\(planes) and kernel_size=(\(kernel[0]), \(kernel[1])).")
        }
        let blocksH = try Tensor.blockCount(outputSize[0], kernel[0], dilation[0], padding[0], stride[0])
        let blocksW = try Tensor.blockCount(outputSize[1], kernel[1], dilation[1], padding[1], stride[1])
        let described = "Given output_size=(\(outputSize[0]), \(outputSize[1])), kernel_size=(\(kernel[0]), \(kernel[1])), dilation=(\(dilation[0]), \(dilation[1])), padding=(\(padding[0]), \(padding[1])), stride=(\(stride[0]), \(stride[1]))"
        let blocks = try (Sized(blocksH) * Sized(blocksW)).value()
        guard length == blocks else {
            throw .runtime("\(described), expected size of input's dimension 2 to match the calculated number of sliding blocks \(blocksH) * \(blocksW) = \(blocks), but got input.size(2)=\(length).")
        }
        guard blocksH >= 1 && blocksW >= 1 else {
            throw .runtime("\(described), calculated shape of the array of sliding blocks as (\(blocksH), \(blocksW)), which is too small (non-positive)")
        }
        guard outputSize[0] >= 1 && outputSize[1] >= 1 else {
            throw .runtime("Expected output spatial size to be positive, but got: output_size=(\(outputSize[0]), \(outputSize[1])).")
        }
        if !dtype.isFloatingPoint {
            throw TensorError(.notImplemented, "\"col2im_out_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let channels = planes / area
        let g = ConvGeometry(batch: dim == 3 ? shape[0] : 1, inChannels: channels, outChannels: channels, groups: 1,
                             inH: outputSize[0], inW: outputSize[1], outH: blocksH, outW: blocksW,
                             kH: kernel[0], kW: kernel[1], strideH: stride[0], strideW: stride[1],
                             padH: padding[0], padW: padding[1], dilH: dilation[0], dilW: dilation[1])
        let out = try Tensor(uninitializedShape: (dim == 3 ? [shape[0]] : []) + [channels] + outputSize, dtype: dtype, zeroed: false)
        struct Run: FloatVisitor {
            let columns: Tensor, out: Tensor, g: ConvGeometry
            func visit<T: FloatElement>(_: T.Type) {
                let p = UnsafePointer(columns.storage.pointer(as: T.self) + columns.offset)
                let s = columns.strides
                let v = columns.dim == 3 ? StridedView4(base: p, s0: s[0], s1: s[1], s2: 0, s3: s[2])
                                         : StridedView4(base: p, s0: 0, s1: s[0], s2: 0, s3: s[1])
                col2im(g, columns: v, image: out.basePointer(T.self))
            }
        }
        try dtype.visitFloat(Run(columns: self, out: out, g: g))
        return Tensor.record("Col2ImBackward0", inputs: [self], output: out) { (grad: Tensor) throws(TensorError) in
            [try grad.unfold(kernel: kernel, dilation: dilation, padding: padding, stride: stride)]
        }
    }

    /// The positivity checks of `im2col` (kernel, dilation, padding, stride) and `col2im`
    /// (kernel, stride, dilation, padding), in their orders.
    private static func checkFoldParameters(kernel: [Int], dilation: [Int], padding: [Int], stride: [Int],
                                            strideFirst: Bool) throws(TensorError) {
        guard kernel[1] > 0 && kernel[0] > 0 else {
            throw .runtime("kernel size should be greater than zero, but got kernel_height: \(kernel[0]) kernel_width: \(kernel[1])")
        }
        func checkStride() throws(TensorError) {
            guard stride[1] > 0 && stride[0] > 0 else {
                throw .runtime("stride should be greater than zero, but got stride_height: \(stride[0]) stride_width: \(stride[1])")
            }
        }
        if strideFirst { try checkStride() }
        guard dilation[1] > 0 && dilation[0] > 0 else {
            throw .runtime("dilation should be greater than zero, but got dilation_height: \(dilation[0]) dilation_width: \(dilation[1])")
        }
        guard padding[1] >= 0 && padding[0] >= 0 else {
            throw .runtime("padding should be non-negative, but got pad_height: \(padding[0]) pad_width: \(padding[1])")
        }
        if !strideFirst { try checkStride() }
    }

    /// Block positions along one dimension: `(size + 2·pad - (dil·(k - 1) + 1)) / stride + 1`, rounding down.
    private static func blockCount(_ size: Int, _ kernel: Int, _ dilation: Int, _ padding: Int,
                                   _ stride: Int) throws(TensorError) -> Int {
        try ((Sized(size) + 2 * Sized(padding) - (Sized(dilation) * (Sized(kernel) - 1) + 1)) / Sized(stride) + 1).value()
    }
}
