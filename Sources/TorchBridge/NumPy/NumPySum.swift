import TensorEngine

// Note [numpy's summation order]
// numpy adds floats in an order of its own, and float32 sums show it in the last digit.
// Its reduction loop walks the array in memory order with the innermost axis in the inner
// loop. When the innermost axes are all reduced they form one run per output element, and
// the run is added pairwise: runs under 8 values one by one; up to 128 values in 8
// interleaved partial sums combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) plus the rest
// one by one; longer runs split in two halves (the first a multiple of 8) summed the same
// way. Each run's result is added to the output, which starts at 0, so reduced outer axes
// accumulate one by one — and when the innermost axis is kept, every element is added to
// its output one by one. The sums run in the array's own precision. "Innermost" means in
// memory: numpy orders the axes by stride first, and drops axes of length 1.

/// Sums like `np.add.reduce` (Note [numpy's summation order]).
enum NumPySum {
    /// `t` (float32 or float64) summed over `axes`, the kept axes in their order.
    static func sum(_ t: Tensor, axes: Set<Int>) throws(TensorError) -> Tensor {
        let kept = t.shape.indices.filter { !axes.contains($0) }
        // Memory order: longer strides outside; length-1 axes do not change the order.
        let order = t.shape.indices.filter { t.shape[$0] != 1 }
            .sorted { t.strides[$0] != t.strides[$1] ? t.strides[$0] > t.strides[$1] : $0 < $1 }
        let view = try Tensor.viewing(t.storage, offset: t.offset, shape: order.map { t.shape[$0] },
                                      strides: order.map { t.strides[$0] })
        let reduced = Set(order.indices.filter { axes.contains(order[$0]) })
        let keptOrder = order.filter { !axes.contains($0) }
        let keptShape = keptOrder.map { t.shape[$0] }
        let sums = t.dtype == .float64
            ? try Tensor.from(sum(view.toArray(Double.self), shape: view.shape, reduced: reduced), shape: keptShape)
            : try Tensor.from(sum(view.toArray(Float.self), shape: view.shape, reduced: reduced), shape: keptShape)
        let back = keptOrder.indices.sorted { keptOrder[$0] < keptOrder[$1] }
        return try sums.permute(back).contiguous().reshape(kept.map { t.shape[$0] })
    }

    /// The sums of `values` (row-major, `shape`) over the axes in `reduced`, row-major in the
    /// kept axes.
    static func sum<T: BinaryFloatingPoint>(_ values: [T], shape: [Int], reduced: Set<Int>) -> [T] {
        let rank = shape.count
        var trailing = 0
        while trailing < rank && reduced.contains(rank - 1 - trailing) { trailing += 1 }
        let run = shape.suffix(trailing).reduce(1, *)
        let outer = Array(shape.prefix(rank - trailing))
        // Output strides of the outer axes: 0 for a reduced axis.
        var outputStrides = [Int](repeating: 0, count: outer.count)
        var size = 1
        for axis in stride(from: outer.count - 1, through: 0, by: -1) where !reduced.contains(axis) {
            outputStrides[axis] = size
            size *= outer[axis]
        }
        var sums = [T](repeating: 0, count: size)
        guard run > 0 else { return sums }
        var index = [Int](repeating: 0, count: outer.count)
        var output = 0
        var base = 0
        while base < values.count {
            sums[output] += pairwise(values, base, run)
            base += run
            // Advance the odometer over the outer axes and keep the output position in step.
            var axis = outer.count - 1
            while axis >= 0 {
                index[axis] += 1
                output += outputStrides[axis]
                if index[axis] < outer[axis] { break }
                output -= outputStrides[axis] * outer[axis]
                index[axis] = 0
                axis -= 1
            }
        }
        return sums
    }

    /// numpy's pairwise sum of `values[start ..< start + count]`.
    static func pairwise<T: BinaryFloatingPoint>(_ values: [T], _ start: Int, _ count: Int) -> T {
        if count < 8 {
            var total: T = -0.0
            for i in start..<(start + count) { total += values[i] }
            return total
        }
        if count <= 128 {
            var r = Array(values[start..<(start + 8)])
            var i = 8
            while i < count - count % 8 {
                for j in 0..<8 { r[j] += values[start + i + j] }
                i += 8
            }
            var total = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
            while i < count {
                total += values[start + i]
                i += 1
            }
            return total
        }
        var half = count / 2
        half -= half % 8
        return pairwise(values, start, half) + pairwise(values, start + half, count - half)
    }
}
