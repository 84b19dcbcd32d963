/// Row reductions: the op layer lays the data out as `rows × n` contiguous
/// values and each kernel reduces every row to one value.

enum ReduceOp: Sendable {
    case sum, prod, max, min, argmax, argmin, all, any
}

/// Note [Cascade sum]
/// PyTorch sums contiguous floating-point rows (`SumKernel.cpp`) as vectors of
/// 32 bytes (8 floats / 4 doubles) in an ILP-4 cascade with 4 levels, adds the
/// scalar tail first and then the lanes in order. Summing the same way makes
/// `sum()` and `mean()` bit-identical for rows up to PyTorch's 32768-element
/// grain, which keeps printed losses equal to the last digit.
@inline(__always)
func cascadeSum<T: FloatElement>(_ x: UnsafePointer<T>, _ n: Int) -> T {
    let w = 32 / MemoryLayout<T>.stride
    let vecCount = n / w
    // Shorter than one vector: the lanes stay zero, so the sum is the plain one.
    if vecCount == 0 {
        var total: T = 0
        for k in 0..<n { total += x[k] }
        return total
    }
    let ilpRows = vecCount / 4
    let levels = 4, stride = 4 * w
    // On the stack (a few hundred bytes): a row reduction calls this once per output.
    return withUnsafeTemporaryAllocation(of: T.self, capacity: (levels + 1) * stride) { buffer in
        // partial[k * w + lane] for the 4 ILP streams, then the cascade's accumulators.
        let partial = buffer.baseAddress!, acc = partial + stride
        partial.update(repeating: 0, count: (levels + 1) * stride)
        if ilpRows > 0 {
            let levelPower = Swift.max(4, ceilLog2(ilpRows) / levels)
            let levelStep = 1 << levelPower
            let levelMask = levelStep - 1
            var i = 0
            func addRow(_ dst: Int, _ row: Int) {
                let src = x + row * stride
                for j in 0..<stride { acc[dst + j] += src[j] }
            }
            while i + levelStep <= ilpRows {
                for _ in 0..<levelStep { addRow(0, i); i += 1 }
                for j in 1..<levels {
                    for k in 0..<stride { acc[j * stride + k] += acc[(j - 1) * stride + k]; acc[(j - 1) * stride + k] = 0 }
                    if i & (levelMask << (j * levelPower)) != 0 { break }
                }
            }
            while i < ilpRows { addRow(0, i); i += 1 }
            for j in 1..<levels {
                for k in 0..<stride { acc[k] += acc[j * stride + k] }
            }
            for k in 0..<stride { partial[k] = acc[k] }
        }
        for v in (ilpRows * 4)..<vecCount {
            for lane in 0..<w { partial[lane] += x[v * w + lane] }
        }
        for k in 1..<4 {
            for lane in 0..<w { partial[lane] += partial[k * w + lane] }
        }
        var total: T = 0
        for k in (vecCount * w)..<n { total += x[k] }
        for lane in 0..<w { total += partial[lane] }
        return total
    }
}

@inline(__always)
func ceilLog2(_ x: Int) -> Int { x <= 1 ? 0 : (Int.bitWidth - (x - 1).leadingZeroBitCount) }

/// Reduces each of `rows` contiguous rows of `n` elements into `out`.
/// For `argmax`/`argmin` the output is int64; for `all`/`any` it is bool;
/// otherwise it has the input's type.
///
/// Rows are split across `ThreadPool.shared` (results do not depend on the
/// split). A single long floating-point row is summed as PyTorch's
/// `parallel_reduce` does (Note [Threaded sum]).
func reduceRows<T: ArithmeticElement>(_ op: ReduceOp, rows: Int, n: Int, _ x: UnsafeMutablePointer<T>,
                                      _ out: UnsafeMutableRawPointer) {
    if op == .sum && rows == 1 && (T.self == Float.self || T.self == Double.self) {
        if T.self == Float.self {
            out.assumingMemoryBound(to: Float.self)[0] = threadedCascadeSum(UnsafeRawPointer(x).assumingMemoryBound(to: Float.self), n)
        } else {
            out.assumingMemoryBound(to: Double.self)[0] = threadedCascadeSum(UnsafeRawPointer(x).assumingMemoryBound(to: Double.self), n)
        }
        return
    }
    parallelRanges(rows, grain: Swift.max(1, elementwiseGrainSize / Swift.max(n, 1))) { first, end in
        reduceRowRange(op, rows: first..<end, n: n, x, out)
    }
}

/// Note [Threaded sum]
/// PyTorch reduces a whole tensor to one value (`two_pass_reduction`) by
/// giving each of min(threads, ⌈n / 32768⌉) threads one contiguous chunk of
/// ⌈n / chunks⌉ elements, cascade-summing each chunk, and adding the partial
/// sums in chunk order. So `sum()` of more than 32768 float32 elements depends
/// on `torch.get_num_threads()`; matching the split keeps results bit-equal at
/// every thread count (checked against torch 2.15 with 1 and 2 threads).
func threadedCascadeSum<T: FloatElement>(_ x: UnsafePointer<T>, _ n: Int) -> T {
    let threads = ThreadPool.shared.threadCount
    let grain = elementwiseGrainSize
    if threads <= 1 || n <= grain { return cascadeSum(x, n) }
    let chunks = Swift.min(threads, (n + grain - 1) / grain)
    let size = (n + chunks - 1) / chunks
    return withUnsafeTemporaryAllocation(of: T.self, capacity: chunks) { partial in
        let base = partial.baseAddress!
        ThreadPool.shared.parallelFor(count: chunks) { c in
            let start = c * size
            base[c] = start < n ? cascadeSum(x + start, Swift.min(size, n - start)) : 0
        }
        var total = base[0]
        for c in 1..<chunks { total += base[c] }
        return total
    }
}

private func reduceRowRange<T: ArithmeticElement>(_ op: ReduceOp, rows: Range<Int>, n: Int, _ x: UnsafeMutablePointer<T>,
                                                  _ out: UnsafeMutableRawPointer) {
    switch op {
    case .sum:
        let o = out.assumingMemoryBound(to: T.self)
        for r in rows {
            let row = x + r * n
            if T.self == Float.self {
                out.assumingMemoryBound(to: Float.self)[r] = cascadeSum(UnsafeRawPointer(row).assumingMemoryBound(to: Float.self), n)
            } else if T.self == Double.self {
                out.assumingMemoryBound(to: Double.self)[r] = cascadeSum(UnsafeRawPointer(row).assumingMemoryBound(to: Double.self), n)
            } else {
                var acc = T.from(int64: 0)
                for i in 0..<n { acc = T.add(acc, row[i]) }
                o[r] = acc
            }
        }
    case .prod:
        let o = out.assumingMemoryBound(to: T.self)
        for r in rows {
            var acc = T.from(int64: 1)
            for i in 0..<n { acc = T.mul(acc, x[r * n + i]) }
            o[r] = acc
        }
    case .max, .min:
        let o = out.assumingMemoryBound(to: T.self)
        let wantMax = op == .max
        for r in rows {
            let row = x + r * n
            var best = row[0]
            for i in 1..<Swift.max(n, 1) {
                let v = row[i]
                if best.isNaNValue { break }
                if v.isNaNValue || (wantMax ? v > best : v < best) { best = v }
            }
            o[r] = best
        }
    case .argmax, .argmin:
        let o = out.assumingMemoryBound(to: Int64.self)
        let wantMax = op == .argmax
        for r in rows {
            let row = x + r * n
            var best = row[0], index = 0
            for i in 1..<Swift.max(n, 1) {
                let v = row[i]
                if best.isNaNValue { break }
                if v.isNaNValue || (wantMax ? v > best : v < best) { best = v; index = i }
            }
            o[r] = Int64(index)
        }
    case .all, .any:
        let o = out.assumingMemoryBound(to: Bool.self)
        let wantAll = op == .all
        for r in rows {
            var acc = wantAll
            for i in 0..<n where x[r * n + i].asBool != wantAll { acc = !wantAll; break }
            o[r] = acc
        }
    }
}

/// Inclusive prefix sums along rows (`cumsum`), accumulating in `T`.
func cumulativeSumRows<T: ArithmeticElement>(rows: Int, n: Int, _ x: UnsafeMutablePointer<T>, _ out: UnsafeMutablePointer<T>) {
    for r in 0..<rows {
        var acc = T.from(int64: 0)
        for i in 0..<n {
            acc = T.add(acc, x[r * n + i])
            out[r * n + i] = acc
        }
    }
}

// MARK: - Softmax

/// `softmax` over the last dim of a contiguous float32 `rows × n` block, as
/// PyTorch's `_vec_softmax_lastdim`: per row the max (NaN-propagating), then
/// e^(x - max) (VectorMath.exp) summed lane-wise in a 16-lane vector and
/// reduced pairwise, then the row times 1/sum. Rows are split across threads.
func softmaxLastDimFloat32(rows: Int, n: Int, _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>) {
    parallelRanges(rows, grain: Swift.max(1, elementwiseGrainSize / Swift.max(1, 16 * n))) { first, end in
        for r in first..<end { softmaxRow(n, x + r * n, out + r * n) }
    }
}

@inline(__always)
private func softmaxRow(_ n: Int, _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>) {
    // Max, NaN-propagating (a NaN lane stays NaN).
    var m = FloatVector(repeating: -.infinity)
    var i = 0
    while i + 16 <= n {
        let v = UnsafeRawPointer(x + i).loadUnaligned(as: FloatVector.self)
        m = m.replacing(with: v, where: v .> m .| v .!= v)
        i += 16
    }
    var best = m[0]
    for k in 1..<16 { let v = m[k]; if v > best || v.isNaN { best = v }; if best.isNaN { break } }
    while i < n { let v = x[i]; if v > best || v.isNaN { best = v }; i += 1 }
    let acc = expShiftedSum(n, x, FloatVector(repeating: best), out)
    let a8 = acc.lowHalf + acc.highHalf
    let a4 = a8.lowHalf + a8.highHalf
    let a2 = a4.lowHalf + a4.highHalf
    let scale = FloatVector(repeating: 1 / (a2[0] + a2[1]))
    i = 0
    while i + 16 <= n {
        let p = UnsafeMutableRawPointer(out + i)
        p.storeBytes(of: p.loadUnaligned(as: FloatVector.self) * scale, as: FloatVector.self)
        i += 16
    }
    while i < n { out[i] *= scale[0]; i += 1 }
}

/// Stores e^(x - shift) for one row and returns the lane-wise sum (16 lanes, in
/// order); the padded tail lanes hold -inf, so they add e^-inf = 0. Kept out of
/// line so the optimizer inlines VectorMath.exp into the loop.
@inline(never)
private func expShiftedSum(_ n: Int, _ x: UnsafePointer<Float>, _ shift: FloatVector, _ out: UnsafeMutablePointer<Float>) -> FloatVector {
    var acc = FloatVector(repeating: 0)
    var i = 0
    while i + 16 <= n {
        let e = VectorMath.exp(UnsafeRawPointer(x + i).loadUnaligned(as: FloatVector.self) - shift)
        UnsafeMutableRawPointer(out + i).storeBytes(of: e, as: FloatVector.self)
        acc += e
        i += 16
    }
    if i < n {
        var v = FloatVector(repeating: -.infinity)
        for k in 0..<(n - i) { v[k] = x[i + k] }
        let e = VectorMath.exp(v - shift)
        for k in 0..<(n - i) { out[i + k] = e[k] }
        acc += e.replacing(with: 0, where: v .== -.infinity)
    }
    return acc
}

/// Running products along each row of a contiguous `rows × n` block.
func cumulativeProductRows<T: ArithmeticElement>(rows: Int, n: Int, _ x: UnsafeMutablePointer<T>, _ out: UnsafeMutablePointer<T>) {
    for r in 0..<rows {
        var acc = T.from(int64: 1)
        for i in 0..<n {
            acc = T.mul(acc, x[r * n + i])
            out[r * n + i] = acc
        }
    }
}

/// Running maximum (or minimum) and its index along each row, as PyTorch's `cummax_helper`:
/// a NaN wins and stays, and ties move the index forward (`>=`, `<=`).
func cumulativeExtremeRows<T: ArithmeticElement>(rows: Int, n: Int, max: Bool, _ x: UnsafeMutablePointer<T>,
                                                 _ values: UnsafeMutablePointer<T>, _ indices: UnsafeMutablePointer<Int64>) {
    for r in 0..<rows {
        var best = x[r * n]
        var at: Int64 = 0
        for i in 0..<n {
            let v = x[r * n + i]
            let isNaN = v != v
            if isNaN || (best == best && (max ? v >= best : v <= best)) {
                best = v
                at = Int64(i)
            }
            values[r * n + i] = best
            indices[r * n + i] = at
        }
    }
}
