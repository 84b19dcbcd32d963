/// The three convolution passes over one `ConvGeometry`: forward, input gradient
/// and weight gradient. Transposed convolutions reuse them with roles swapped
/// (see `ConvGeometry`). Work is split over images (and groups) with
/// `ThreadPool.shared`; each work item builds its implicit im2col source in
/// per-thread scratch (Note [Shifted-row convolution]) and runs the micro-kernels.

// MARK: - Source layout

/// How one group of one image is presented to the kernels as the rows of an
/// implicit im2col matrix: row `k` (kernel tap) is `src + offsets[k]`, and the
/// output column `q` is at position `(q / rowWidth, q % rowWidth)`.
struct ConvSourceLayout {
    /// Stride-1 convolutions read the zero-padded image in place; others use a real im2col buffer.
    let shifted: Bool
    /// Width of one virtual output row (padded input width, or the output width for im2col).
    let rowWidth: Int
    /// Virtual output columns to compute: `outH · rowWidth`.
    let columns: Int
    /// Length of one im2col row (unused when shifted).
    let rowLength: Int
    /// Elements of the source buffer, including the slack the kernels may read past the data.
    let count: Int

    init<T: ConvElement>(_ g: ConvGeometry, _: T.Type) {
        let tw = T.convTileWidth
        shifted = g.unitStride
        if shifted {
            rowWidth = g.paddedW
            columns = g.outH * rowWidth
            rowLength = 0
            count = g.inPerGroup * g.paddedH * g.paddedW + (g.kW - 1) * g.dilW + 2 * tw
        } else {
            rowWidth = g.outW
            columns = g.outH * g.outW
            rowLength = (columns + tw - 1) / tw * tw
            count = g.depth * rowLength
        }
    }

    /// `offsets[k]` for every tap `k = (channel, i, j)` of one group.
    func fillOffsets(_ g: ConvGeometry, _ offsets: UnsafeMutablePointer<Int>) {
        var k = 0
        for c in 0..<g.inPerGroup {
            for i in 0..<g.kH {
                for j in 0..<g.kW {
                    offsets[k] = shifted ? (c * g.paddedH + i * g.dilH) * g.paddedW + j * g.dilW : k * rowLength
                    k += 1
                }
            }
        }
    }

    /// Writes the source of image `n`, group `group` into `src` (`count` elements).
    func fill<T: ConvElement>(_ g: ConvGeometry, _ x: StridedView4<T>, n: Int, group: Int, _ src: UnsafeMutablePointer<T>) {
        let c0 = group * g.inPerGroup
        if shifted {
            let hp = g.paddedH, wp = g.paddedW
            for c in 0..<g.inPerGroup {
                let plane = src + c * hp * wp
                zeroRow(plane, count: g.padH * wp)
                for ih in 0..<g.inH {
                    let row = plane + (g.padH + ih) * wp
                    zeroRow(row, count: g.padW)
                    copyRow(x.row(n, c0 + c, ih), stride: x.s3, count: g.inW, to: row + g.padW)
                    zeroRow(row + g.padW + g.inW, count: g.padW)
                }
                zeroRow(plane + (g.padH + g.inH) * wp, count: g.padH * wp)
            }
            let used = g.inPerGroup * hp * wp
            (src + used).update(repeating: 0, count: count - used)
            return
        }
        var k = 0
        for c in 0..<g.inPerGroup {
            for i in 0..<g.kH {
                for j in 0..<g.kW {
                    let row = src + k * rowLength
                    for oh in 0..<g.outH {
                        let dst = row + oh * g.outW
                        let ih = oh * g.strideH - g.padH + i * g.dilH
                        if ih < 0 || ih >= g.inH {
                            zeroRow(dst, count: g.outW)
                            continue
                        }
                        let line = x.row(n, c0 + c, ih)
                        for ow in 0..<g.outW {
                            let iw = ow * g.strideW - g.padW + j * g.dilW
                            dst[ow] = iw >= 0 && iw < g.inW ? line[iw * x.s3] : 0
                        }
                    }
                    (row + columns).update(repeating: 0, count: rowLength - columns)
                    k += 1
                }
            }
        }
    }
}

@inline(__always)
private func copyRow<T>(_ src: UnsafePointer<T>, stride: Int, count: Int, to dst: UnsafeMutablePointer<T>) {
    if stride == 1 {
        copyBytes(from: UnsafeRawPointer(src), to: UnsafeMutableRawPointer(dst), count: count * MemoryLayout<T>.stride)
    } else {
        for i in 0..<count { dst[i] = src[i * stride] }
    }
}

/// Zeroes a short run with vector stores (`update(repeating:)` calls `memset`).
@inline(__always)
private func zeroRow<T>(_ dst: UnsafeMutablePointer<T>, count: Int) {
    let raw = UnsafeMutableRawPointer(dst), bytes = count * MemoryLayout<T>.stride
    var i = 0
    while i + 64 <= bytes {
        raw.storeBytes(of: SIMD64<UInt8>(), toByteOffset: i, as: SIMD64<UInt8>.self)
        i += 64
    }
    while i + 4 <= bytes {
        raw.storeBytes(of: UInt32(0), toByteOffset: i, as: UInt32.self)
        i += 4
    }
}

/// Σ x[0..<count], `count` a multiple of 16, in 16 partial sums (a scalar loop would be
/// one long dependency chain of additions).
@inline(__always)
private func rowSum<T: ConvElement>(_ x: UnsafePointer<T>, count: Int) -> T {
    var acc = SIMD16<T>()
    var i = 0
    while i < count {
        acc += UnsafeRawPointer(x + i).loadUnaligned(as: SIMD16<T>.self)
        i += 16
    }
    return acc.sum()
}

// MARK: - Tiles

/// Splits `count` output channels into tiles of at most `limit` rows of near-equal size.
struct RowTiles {
    let count: Int
    let tiles: Int
    private let base: Int
    private let extra: Int

    init(_ count: Int, limit: Int) {
        self.count = count
        tiles = (count + limit - 1) / limit
        base = tiles == 0 ? 0 : count / tiles
        extra = tiles == 0 ? 0 : count % tiles
    }

    /// First row and row count of tile `t`.
    @inline(__always)
    func tile(_ t: Int) -> (start: Int, rows: Int) {
        (t * base + Swift.min(t, extra), base + (t < extra ? 1 : 0))
    }
}

/// Copies the valid columns of a `rows × width` tile covering virtual columns
/// `q0..<qEnd` to channel planes of `dst` (`plane` apart): virtual column `q` is
/// at row `q / rowWidth - rowStart`, column `q % rowWidth - colStart` of a plane
/// `colCount` wide, and is dropped unless that column is in `0..<colCount`.
@inline(__always)
private func storeTile<T>(_ tile: UnsafePointer<T>, width: Int, rows: Int, q0: Int, qEnd: Int, rowWidth: Int,
                          rowStart: Int, colStart: Int, colCount: Int,
                          to dst: UnsafeMutablePointer<T>, plane: Int) {
    var q = q0
    while q < qEnd {
        let vr = q / rowWidth, vc = q - vr * rowWidth
        let runEnd = Swift.min(qEnd, (vr + 1) * rowWidth)
        let first = Swift.max(vc, colStart), last = Swift.min(runEnd - vr * rowWidth, colStart + colCount)
        if first < last {
            let from = tile + (vr * rowWidth + first - q0)
            let to = dst + ((vr - rowStart) * colCount + first - colStart)
            let bytes = (last - first) * MemoryLayout<T>.stride
            for r in 0..<rows {
                copyBytes(from: UnsafeRawPointer(from + r * width), to: UnsafeMutableRawPointer(to + r * plane), count: bytes)
            }
        }
        q = runEnd
    }
}

/// Copies a short run (a few tile columns) with vector moves; `count` is a multiple of 4.
/// (A plain loop or `update(from:)` becomes a `memmove` call, which costs more than the copy.)
@inline(__always)
private func copyBytes(from src: UnsafeRawPointer, to dst: UnsafeMutableRawPointer, count: Int) {
    var i = 0
    while i + 64 <= count {
        dst.storeBytes(of: src.loadUnaligned(fromByteOffset: i, as: SIMD64<UInt8>.self), toByteOffset: i, as: SIMD64<UInt8>.self)
        i += 64
    }
    if i + 32 <= count {
        dst.storeBytes(of: src.loadUnaligned(fromByteOffset: i, as: SIMD32<UInt8>.self), toByteOffset: i, as: SIMD32<UInt8>.self)
        i += 32
    }
    if i + 16 <= count {
        dst.storeBytes(of: src.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self), toByteOffset: i, as: SIMD16<UInt8>.self)
        i += 16
    }
    if i + 8 <= count {
        dst.storeBytes(of: src.loadUnaligned(fromByteOffset: i, as: UInt64.self), toByteOffset: i, as: UInt64.self)
        i += 8
    }
    if i + 4 <= count {
        dst.storeBytes(of: src.loadUnaligned(fromByteOffset: i, as: UInt32.self), toByteOffset: i, as: UInt32.self)
    }
}

// MARK: - Channel-vector tiles

/// Elements of the tile scratch both kernels write (row tiles: 12 rows of the tile width;
/// channel-vector tiles: 24 pixels of 16 channels).
private func tileScratch(_ tileWidth: Int) -> Int {
    Swift.max(convMaxTileRows * tileWidth, convMaxChannelTilePixels * 16)
}

/// Whether to run the channel-vector kernel (`ConvolutionChannelKernel.swift`): float32,
/// whole groups of 16 channels, and a row-tile layout that would waste more than a fifth of
/// its work on garbage columns and tile padding (small images with wide kernels).
private func useChannelVector<T>(_: T.Type, channels: Int, rows: Int, rowWidth: Int, valid: Int, tileWidth: Int) -> Bool {
    guard T.self == Float.self, channels % 16 == 0, rows * valid > 0 else { return false }
    let computed = (rows * rowWidth + tileWidth - 1) / tileWidth * tileWidth
    return 5 * rows * valid < 4 * computed
}

/// The channel-vector pass over virtual rows `rows`: the valid pixels of row `v` are the
/// virtual columns `v·rowWidth + colStart ..< + colCount`, stored at row `v - rowStart` of
/// `colCount`-wide planes `plane` apart. Runs of up to 24 pixels × 16 channels per tile;
/// row `v` uses the taps `taps(v)` of the `depth` packed ones.
private func channelVectorTiles<T>(channels: Int, depth: Int, packed: UnsafePointer<T>, src: UnsafePointer<T>,
                                   offsets: UnsafePointer<Int>, bias: UnsafePointer<T>?, tile: UnsafeMutablePointer<T>,
                                   rows: Range<Int>, rowWidth: Int, colStart: Int, colCount: Int, rowStart: Int,
                                   to out: UnsafeMutablePointer<T>, plane: Int,
                                   taps: (Int) -> (start: Int, count: Int)) {
    // Float only (`useChannelVector`): rebind once here.
    func f(_ p: UnsafePointer<T>) -> UnsafePointer<Float> { UnsafeRawPointer(p).assumingMemoryBound(to: Float.self) }
    let scratch = UnsafeMutableRawPointer(tile).assumingMemoryBound(to: Float.self)
    let dst = UnsafeMutableRawPointer(out).assumingMemoryBound(to: Float.self)
    let runs = (colCount + convMaxChannelTilePixels - 1) / convMaxChannelTilePixels
    for v in rows {
        let (first, used) = taps(v)
        var c0 = 0
        for r in 0..<runs {
            let pixels = colCount / runs + (r < colCount % runs ? 1 : 0)
            let q0 = v * rowWidth + colStart + c0
            for block in 0..<(channels / 16) {
                convChannelTileFloat(pixels: pixels, depth: used, a: f(packed + (block * depth + first) * 16),
                                     src: f(src + q0), offsets: offsets + first, bias: bias.map { f($0 + block * 16) },
                                     tile: scratch)
                let base = dst + (block * 16 * plane + (v - rowStart) * colCount + c0)
                for c in 0..<16 {
                    let row = base + c * plane
                    for p in 0..<pixels { row[p] = scratch[p &* 16 &+ c] }
                }
            }
            c0 += pixels
        }
    }
}

// MARK: - Forward

/// `output[n, o] = bias[o] + Σ weight[o, c, i, j] · input[n, c, ...]`, output contiguous
/// `[batch, outChannels, outH, outW]`; `bias` (with its stride) may be nil.
func convolutionForward<T: ConvElement>(_ g: ConvGeometry, input x: StridedView4<T>, weight w: StridedView4<T>,
                                        bias: (pointer: UnsafePointer<T>, stride: Int)?,
                                        output: UnsafeMutablePointer<T>) {
    let area = g.outH * g.outW
    if g.batch == 0 || g.outChannels == 0 || area == 0 { return }
    let groups = g.groups, cout = g.outPerGroup, depth = g.depth, tw = T.convTileWidth
    if depth == 0 {
        for n in 0..<g.batch {
            for o in 0..<g.outChannels {
                (output + (n * g.outChannels + o) * area).update(repeating: bias.map { $0.pointer[o * $0.stride] } ?? 0, count: area)
            }
        }
        return
    }
    let layout = ConvSourceLayout(g, T.self)
    let channelVector = useChannelVector(T.self, channels: cout, rows: g.outH, rowWidth: layout.rowWidth,
                                         valid: g.outW, tileWidth: tw)
    let tiles = RowTiles(cout, limit: channelVector ? 16 : convMaxTileRows)

    // Shared, read-only during the parallel part: packed weights, tap offsets, bias.
    func carveShared(_ l: inout ScratchLayout) -> (UnsafeMutablePointer<T>, UnsafeMutablePointer<Int>, UnsafeMutablePointer<T>) {
        (l.reserve(T.self, g.outChannels * depth), l.reserve(Int.self, depth), l.reserve(T.self, g.outChannels))
    }
    var measure = ScratchLayout()
    _ = carveShared(&measure)
    var shared = ScratchLayout(base: KernelScratch.current.buffer(slot: KernelScratch.sharedSlot, bytes: measure.bytes))
    defer { KernelScratch.current.trim(slot: KernelScratch.sharedSlot) }
    let (packed, offsets, packedBias) = carveShared(&shared)
    layout.fillOffsets(g, offsets)
    for grp in 0..<groups {
        for t in 0..<tiles.tiles {
            let (r0, rows) = tiles.tile(t)
            let dst = packed + (grp * cout + r0) * depth
            var k = 0
            for c in 0..<g.inPerGroup {
                for i in 0..<g.kH {
                    for j in 0..<g.kW {
                        for r in 0..<rows { dst[k * rows + r] = w[grp * cout + r0 + r, c, i, j] }
                        k += 1
                    }
                }
            }
        }
    }
    if let bias {
        for o in 0..<g.outChannels { packedBias[o] = bias.pointer[o * bias.stride] }
    }
    let hasBias = bias != nil

    func carveItem(_ l: inout ScratchLayout) -> (UnsafeMutablePointer<T>, UnsafeMutablePointer<T>) {
        (l.reserve(T.self, layout.count), l.reserve(T.self, tileScratch(tw)))
    }
    var itemMeasure = ScratchLayout()
    _ = carveItem(&itemMeasure)
    let itemBytes = itemMeasure.bytes
    ThreadPool.shared.parallelFor(count: g.batch * groups) { item in
        let n = item / groups, grp = item % groups
        var l = ScratchLayout(base: KernelScratch.current.buffer(slot: KernelScratch.itemSlot, bytes: itemBytes))
        defer { KernelScratch.current.trim(slot: KernelScratch.itemSlot) }
        let (src, tile) = carveItem(&l)
        layout.fill(g, x, n: n, group: grp, src)
        let out = output + (n * g.outChannels + grp * cout) * area
        if channelVector {
            channelVectorTiles(channels: cout, depth: depth, packed: packed + grp * cout * depth, src: src,
                               offsets: offsets, bias: hasBias ? UnsafePointer(packedBias + grp * cout) : nil, tile: tile,
                               rows: 0..<g.outH, rowWidth: layout.rowWidth, colStart: 0, colCount: g.outW, rowStart: 0,
                               to: out, plane: area) { _ in (0, depth) }
            return
        }
        var q0 = 0
        while q0 < layout.columns {
            let qEnd = Swift.min(q0 + tw, layout.columns)
            for t in 0..<tiles.tiles {
                let (r0, rows) = tiles.tile(t)
                T.convTile(rows: rows, depth: depth, a: packed + (grp * cout + r0) * depth, src: src + q0,
                           offsets: offsets, bias: hasBias ? UnsafePointer(packedBias + grp * cout + r0) : nil, tile: tile)
                storeTile(tile, width: tw, rows: rows, q0: q0, qEnd: qEnd, rowWidth: layout.rowWidth,
                          rowStart: 0, colStart: 0, colCount: g.outW, to: out + r0 * area, plane: area)
            }
            q0 += tw
        }
    }
}

// MARK: - Input gradient

/// `gradInput = Σ weight ⊛ gradOutput`, the adjoint of the forward pass with respect to
/// the input, contiguous `[batch, inChannels, inH, inW]`; `bias` (indexed by input
/// channel) is added, which makes this also the forward pass of a transposed convolution.
///
/// Computed as a stride-1 convolution of the zero-bordered, stride-dilated gradient with
/// the flipped kernel, read in place (Note [Shifted-row convolution]): the gradient of
/// output channel `o` lies at rows `my + oh·strideH`, columns `mx + ow·strideW` of a plane
/// `(paddedH + my) × (paddedW + mx)`, where `my`, `mx` are the kernel's dilated extent
/// minus one, and padded input position (Y, X) is virtual column `Y·width + X`.
func convolutionBackwardInput<T: ConvElement>(_ g: ConvGeometry, gradOutput dy: StridedView4<T>, weight w: StridedView4<T>,
                                              bias: (pointer: UnsafePointer<T>, stride: Int)?,
                                              gradInput: UnsafeMutablePointer<T>) {
    let area = g.inH * g.inW
    if g.batch == 0 || g.inChannels == 0 || area == 0 { return }
    let groups = g.groups, cin = g.inPerGroup, cout = g.outPerGroup, tw = T.convTileWidth
    let my = (g.kH - 1) * g.dilH, mx = (g.kW - 1) * g.dilW
    let width = g.paddedW + mx, height = g.paddedH + my, plane = width * height
    let depth = cout * g.kH * g.kW
    let count = cout * plane + mx + 2 * tw
    let channelVector = useChannelVector(T.self, channels: cin, rows: g.inH, rowWidth: width, valid: g.inW, tileWidth: tw)
    let tiles = RowTiles(cin, limit: channelVector ? 16 : convMaxTileRows)

    func carveShared(_ l: inout ScratchLayout) -> (UnsafeMutablePointer<T>, UnsafeMutablePointer<Int>, UnsafeMutablePointer<T>) {
        (l.reserve(T.self, g.inChannels * depth), l.reserve(Int.self, depth), l.reserve(T.self, g.inChannels))
    }
    var measure = ScratchLayout()
    _ = carveShared(&measure)
    var shared = ScratchLayout(base: KernelScratch.current.buffer(slot: KernelScratch.sharedSlot, bytes: measure.bytes))
    defer { KernelScratch.current.trim(slot: KernelScratch.sharedSlot) }
    let (packed, offsets, packedBias) = carveShared(&shared)
    // Taps in (i, o, j) order, so the taps of one kernel row are a contiguous range.
    var k = 0
    for i in 0..<g.kH {
        for o in 0..<cout {
            for j in 0..<g.kW {
                offsets[k] = o * plane + (my - i * g.dilH) * width + (mx - j * g.dilW)
                k += 1
            }
        }
    }
    for grp in 0..<groups {
        for t in 0..<tiles.tiles {
            let (r0, rows) = tiles.tile(t)
            let dst = packed + (grp * cin + r0) * depth
            var k = 0
            for i in 0..<g.kH {
                for o in 0..<cout {
                    for j in 0..<g.kW {
                        for r in 0..<rows { dst[k * rows + r] = w[grp * cout + o, r0 + r, i, j] }
                        k += 1
                    }
                }
            }
        }
    }
    // Padded rows Y..<Y' only read gradient rows through kernel rows `taps(Y, Y')`: the
    // others read the zero border, so the tiles skip them.
    let dataRows = (g.outH - 1) * g.strideH + 1, tapsPerRow = cout * g.kW
    func taps(_ first: Int, _ last: Int) -> (start: Int, count: Int) {
        let low = first - dataRows + 1
        let iLow = low <= 0 ? 0 : (low + g.dilH - 1) / g.dilH
        let iHigh = Swift.min(g.kH - 1, last / g.dilH)
        return iLow > iHigh ? (0, 0) : (iLow * tapsPerRow, (iHigh - iLow + 1) * tapsPerRow)
    }
    if let bias {
        for c in 0..<g.inChannels { packedBias[c] = bias.pointer[c * bias.stride] }
    }
    let hasBias = bias != nil

    func carveItem(_ l: inout ScratchLayout) -> (UnsafeMutablePointer<T>, UnsafeMutablePointer<T>) {
        (l.reserve(T.self, count), l.reserve(T.self, tileScratch(tw)))
    }
    var itemMeasure = ScratchLayout()
    _ = carveItem(&itemMeasure)
    let itemBytes = itemMeasure.bytes
    let qStart = g.padH * width, qStop = (g.padH + g.inH) * width
    ThreadPool.shared.parallelFor(count: g.batch * groups) { item in
        let n = item / groups, grp = item % groups
        var l = ScratchLayout(base: KernelScratch.current.buffer(slot: KernelScratch.itemSlot, bytes: itemBytes))
        defer { KernelScratch.current.trim(slot: KernelScratch.itemSlot) }
        let (src, tile) = carveItem(&l)
        src.update(repeating: 0, count: count)
        for o in 0..<cout {
            for oh in 0..<g.outH {
                let line = dy.row(n, grp * cout + o, oh)
                let row = src + (o * plane + (my + oh * g.strideH) * width + mx)
                if g.strideW == 1 {
                    copyRow(line, stride: dy.s3, count: g.outW, to: row)
                } else {
                    for ow in 0..<g.outW { row[ow * g.strideW] = line[ow * dy.s3] }
                }
            }
        }
        let out = gradInput + (n * g.inChannels + grp * cin) * area
        if channelVector {
            channelVectorTiles(channels: cin, depth: depth, packed: packed + grp * cin * depth, src: src,
                               offsets: offsets, bias: hasBias ? UnsafePointer(packedBias + grp * cin) : nil, tile: tile,
                               rows: g.padH..<(g.padH + g.inH), rowWidth: width, colStart: g.padW, colCount: g.inW,
                               rowStart: g.padH, to: out, plane: area) { v in taps(v, v) }
            return
        }
        var q0 = qStart
        while q0 < qStop {
            let qEnd = Swift.min(q0 + tw, qStop)
            let (first, used) = taps(q0 / width, (qEnd - 1) / width)
            for t in 0..<tiles.tiles {
                let (r0, rows) = tiles.tile(t)
                T.convTile(rows: rows, depth: used, a: packed + (grp * cin + r0) * depth + first * rows, src: src + q0,
                           offsets: offsets + first, bias: hasBias ? UnsafePointer(packedBias + grp * cin + r0) : nil, tile: tile)
                storeTile(tile, width: tw, rows: rows, q0: q0, qEnd: qEnd, rowWidth: width,
                          rowStart: g.padH, colStart: g.padW, colCount: g.inW, to: out + r0 * area, plane: area)
            }
            q0 += tw
        }
    }
}

// MARK: - Weight gradient

/// How many parts the batch of a weight gradient is split into: eight keep two to eight
/// threads busy.
let convWeightGradientParts = 8

/// `gradWeight[o, c, i, j] = Σ_n Σ_(oh, ow) gradOutput[n, o, oh, ow] · input[n, c, tap]`,
/// contiguous `[outChannels, inChannels / groups, kH, kW]`, and, when `gradBias` is
/// given, `gradBias[o] = Σ gradOutput[:, o]`.
///
/// Images are split into parts, one per work item; a part walks its images in chunks,
/// lays out each image's source and gradient side by side, and runs dot-product tiles
/// that accumulate over the whole chunk before reducing. The caller adds the parts.
func convolutionBackwardWeight<T: ConvElement>(_ g: ConvGeometry, gradOutput dy: StridedView4<T>, input x: StridedView4<T>,
                                               gradWeight: UnsafeMutablePointer<T>, gradBias: UnsafeMutablePointer<T>?) {
    let groups = g.groups, cout = g.outPerGroup, depth = g.depth
    let weightCount = g.outChannels * depth
    gradWeight.update(repeating: 0, count: weightCount)
    gradBias?.update(repeating: 0, count: g.outChannels)
    if g.batch == 0 || g.outH * g.outW == 0 || (depth == 0 && gradBias == nil) { return }
    let layout = ConvSourceLayout(g, T.self)
    let dw = T.convDotWidth
    let ldd = (layout.columns + 15) / 16 * 16
    let steps = ldd / dw
    let paddedDepth = (depth + convDotTileColumns - 1) / convDotTileColumns * convDotTileColumns
    let srcImage = (layout.count + 15) / 16 * 16, dImage = cout * ldd
    let tiles = RowTiles(cout, limit: convMaxDotTileRows)

    let pool = ThreadPool.shared
    // A fixed split of the batch, whatever the thread count, so the sum of the parts (and
    // the gradient's last bits) do not change with torch.set_num_threads.
    let parts = Swift.min(g.batch, convWeightGradientParts)
    let partSums = g.outChannels * paddedDepth
    func carveShared(_ l: inout ScratchLayout) -> (UnsafeMutablePointer<Int>, UnsafeMutablePointer<T>, UnsafeMutablePointer<T>) {
        (l.reserve(Int.self, paddedDepth), l.reserve(T.self, parts * partSums), l.reserve(T.self, parts * g.outChannels))
    }
    var measure = ScratchLayout()
    _ = carveShared(&measure)
    var shared = ScratchLayout(base: KernelScratch.current.buffer(slot: KernelScratch.sharedSlot, bytes: measure.bytes))
    defer { KernelScratch.current.trim(slot: KernelScratch.sharedSlot) }
    let (offsets, sums, biasSums) = carveShared(&shared)
    layout.fillOffsets(g, offsets)
    for k in depth..<paddedDepth { offsets[k] = 0 }
    sums.update(repeating: 0, count: parts * partSums)
    biasSums.update(repeating: 0, count: parts * g.outChannels)

    // Chunks of images whose buffers stay near 256 KiB (in L2 while the tiles sweep them).
    let imageBytes = (srcImage + dImage) * MemoryLayout<T>.stride
    let chunk = Swift.max(1, Swift.min(16, (256 << 10) / Swift.max(imageBytes, 1)))
    func carveItem(_ l: inout ScratchLayout) -> (UnsafeMutablePointer<T>, UnsafeMutablePointer<T>) {
        (l.reserve(T.self, chunk * srcImage), l.reserve(T.self, chunk * dImage))
    }
    var itemMeasure = ScratchLayout()
    _ = carveItem(&itemMeasure)
    let itemBytes = itemMeasure.bytes
    let wantBias = gradBias != nil
    pool.parallelFor(count: parts) { part in
        let first = part * g.batch / parts, end = (part + 1) * g.batch / parts
        var l = ScratchLayout(base: KernelScratch.current.buffer(slot: KernelScratch.itemSlot, bytes: itemBytes))
        defer { KernelScratch.current.trim(slot: KernelScratch.itemSlot) }
        let (srcs, ds) = carveItem(&l)
        let partial = sums + part * partSums, partialBias = biasSums + part * g.outChannels
        for grp in 0..<groups {
            var n0 = first
            while n0 < end {
                let images = Swift.min(chunk, end - n0)
                for m in 0..<images {
                    let n = n0 + m
                    if depth > 0 { layout.fill(g, x, n: n, group: grp, srcs + m * srcImage) }
                    let d = ds + m * dImage
                    for o in 0..<cout {
                        let dRow = d + o * ldd
                        for oh in 0..<g.outH {
                            let dst = dRow + oh * layout.rowWidth
                            copyRow(dy.row(n, grp * cout + o, oh), stride: dy.s3, count: g.outW, to: dst)
                            zeroRow(dst + g.outW, count: layout.rowWidth - g.outW)
                        }
                        zeroRow(dRow + layout.columns, count: ldd - layout.columns)
                        if wantBias { partialBias[grp * cout + o] += rowSum(dRow, count: ldd) }
                    }
                }
                if depth > 0 {
                    for t in 0..<tiles.tiles {
                        let (r0, rows) = tiles.tile(t)
                        var k0 = 0
                        while k0 < paddedDepth {
                            T.convDotTile(rows: rows, steps: steps, images: images, d: ds + r0 * ldd, ldd: ldd, dImage: dImage,
                                          src: srcs, srcImage: srcImage, offsets: offsets + k0,
                                          sums: partial + (grp * cout + r0) * paddedDepth + k0, ldSums: paddedDepth)
                            k0 += convDotTileColumns
                        }
                    }
                }
                n0 += images
            }
        }
    }
    for part in 0..<parts {
        let partial = sums + part * partSums
        for o in 0..<g.outChannels {
            let src = partial + o * paddedDepth, dst = gradWeight + o * depth
            for k in 0..<depth { dst[k] += src[k] }
        }
        if let gradBias {
            for o in 0..<g.outChannels { gradBias[o] += biasSums[part * g.outChannels + o] }
        }
    }
}
