/// Row-major traversal of strided layouts: the one place that turns
/// (shape, strides, offset) into storage offsets.
///
/// Dimensions that can be merged (`stride[d] == stride[d+1] * shape[d+1]` for
/// every operand) are coalesced first, so a contiguous or simply sliced tensor
/// walks as one flat loop.
struct StridedLayout {
    var shape: [Int]
    var strides: [[Int]]

    init(shape: [Int], strides: [[Int]]) {
        var outShape: [Int] = []
        var outStrides: [[Int]] = Array(repeating: [], count: strides.count)
        for d in 0..<shape.count where shape[d] != 1 {
            if let last = outShape.last,
               strides.indices.allSatisfy({ outStrides[$0].last! == strides[$0][d] * shape[d] }) {
                outShape[outShape.count - 1] = last * shape[d]
                for k in strides.indices { outStrides[k][outStrides[k].count - 1] = strides[k][d] }
            } else {
                outShape.append(shape[d])
                for k in strides.indices { outStrides[k].append(strides[k][d]) }
            }
        }
        if outShape.isEmpty {
            outShape = [1]
            outStrides = strides.map { _ in [0] }
        }
        self.shape = outShape
        self.strides = outStrides
    }
}

/// Calls `body(offsetA)` for every element, in row-major order.
@inline(__always)
func forEachOffset(shape: [Int], strides: [Int], offset: Int, _ body: (Int) -> Void) {
    if shape.contains(0) { return }
    let layout = StridedLayout(shape: shape, strides: [strides])
    let dims = layout.shape, st = layout.strides[0]
    let rank = dims.count
    let inner = dims[rank - 1], innerStride = st[rank - 1]
    var index = [Int](repeating: 0, count: rank)
    var base = offset
    while true {
        var o = base
        for _ in 0..<inner { body(o); o += innerStride }
        var d = rank - 2
        while d >= 0 {
            index[d] += 1
            base += st[d]
            if index[d] < dims[d] { break }
            base -= st[d] * dims[d]
            index[d] = 0
            d -= 1
        }
        if d < 0 { return }
    }
}

/// Calls `body(offsetA, offsetB)` for every element of two equally shaped layouts.
@inline(__always)
func forEachOffset(shape: [Int], _ stridesA: [Int], _ offsetA: Int, _ stridesB: [Int], _ offsetB: Int,
                   _ body: (Int, Int) -> Void) {
    if shape.contains(0) { return }
    let layout = StridedLayout(shape: shape, strides: [stridesA, stridesB])
    let dims = layout.shape, sa = layout.strides[0], sb = layout.strides[1]
    let rank = dims.count
    let inner = dims[rank - 1], ia = sa[rank - 1], ib = sb[rank - 1]
    var index = [Int](repeating: 0, count: rank)
    var baseA = offsetA, baseB = offsetB
    while true {
        var oa = baseA, ob = baseB
        for _ in 0..<inner { body(oa, ob); oa += ia; ob += ib }
        var d = rank - 2
        while d >= 0 {
            index[d] += 1
            baseA += sa[d]; baseB += sb[d]
            if index[d] < dims[d] { break }
            baseA -= sa[d] * dims[d]; baseB -= sb[d] * dims[d]
            index[d] = 0
            d -= 1
        }
        if d < 0 { return }
    }
}
