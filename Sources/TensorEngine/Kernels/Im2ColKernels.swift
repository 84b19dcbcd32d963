/// `F.unfold` (im2col) and `F.fold` (col2im): sliding blocks of a `[N, C, H, W]` image as
/// the columns of a `[N, C·kH·kW, L]` matrix, and the adjoint sum back into the image.
/// Both sizes come from a `ConvGeometry` (`inChannels` = C, `in*` the image, `out*` the
/// block grid, `outH · outW` = L).

/// `columns[n, (c·kH + i)·kW + j, oh·outW + ow] = image[n, c, oh·sH - pH + i·dH, ow·sW - pW + j·dW]`
/// (zero outside the image); `columns` contiguous.
func im2col<T: FloatElement>(_ g: ConvGeometry, image x: StridedView4<T>, columns: UnsafeMutablePointer<T>) {
    let blocks = g.outH * g.outW, rows = g.inChannels * g.kH * g.kW
    for n in 0..<g.batch {
        for c in 0..<g.inChannels {
            for i in 0..<g.kH {
                for j in 0..<g.kW {
                    let row = columns + (n * rows + (c * g.kH + i) * g.kW + j) * blocks
                    for oh in 0..<g.outH {
                        let ih = oh * g.strideH - g.padH + i * g.dilH
                        for ow in 0..<g.outW {
                            let iw = ow * g.strideW - g.padW + j * g.dilW
                            row[oh * g.outW + ow] = ih >= 0 && ih < g.inH && iw >= 0 && iw < g.inW ? x[n, c, ih, iw] : 0
                        }
                    }
                }
            }
        }
    }
}

/// The adjoint of `im2col`: every column entry is added to the image position it was read
/// from; `image` is contiguous and zeroed here. `columns` is a strided `[N, C·kH·kW, L]` view
/// (`s2` unused, `s3` the stride along L).
func col2im<T: FloatElement>(_ g: ConvGeometry, columns col: StridedView4<T>, image: UnsafeMutablePointer<T>) {
    let area = g.inH * g.inW
    image.update(repeating: 0, count: g.batch * g.inChannels * area)
    for n in 0..<g.batch {
        for c in 0..<g.inChannels {
            let plane = image + (n * g.inChannels + c) * area
            for i in 0..<g.kH {
                for j in 0..<g.kW {
                    let r = (c * g.kH + i) * g.kW + j
                    for oh in 0..<g.outH {
                        let ih = oh * g.strideH - g.padH + i * g.dilH
                        if ih < 0 || ih >= g.inH { continue }
                        for ow in 0..<g.outW {
                            let iw = ow * g.strideW - g.padW + j * g.dilW
                            if iw >= 0 && iw < g.inW { plane[ih * g.inW + iw] += col[n, r, 0, oh * g.outW + ow] }
                        }
                    }
                }
            }
        }
    }
}
