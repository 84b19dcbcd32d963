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
    let ilpRows = vecCount / 4
    // partial[k][lane] for the 4 ILP streams.
    var partial = [T](repeating: 0, count: 4 * w)
    if ilpRows > 0 {
        let levels = 4
        let levelPower = Swift.max(4, ceilLog2(ilpRows) / levels)
        let levelStep = 1 << levelPower
        let levelMask = levelStep - 1
        var acc = [T](repeating: 0, count: levels * 4 * w)
        let stride = 4 * w
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

@inline(__always)
func ceilLog2(_ x: Int) -> Int { x <= 1 ? 0 : (Int.bitWidth - (x - 1).leadingZeroBitCount) }

/// Reduces each of `rows` contiguous rows of `n` elements into `out`.
/// For `argmax`/`argmin` the output is int64; for `all`/`any` it is bool;
/// otherwise it has the input's type.
func reduceRows<T: ArithmeticElement>(_ op: ReduceOp, rows: Int, n: Int, _ x: UnsafeMutablePointer<T>,
                                      _ out: UnsafeMutableRawPointer) {
    switch op {
    case .sum:
        let o = out.assumingMemoryBound(to: T.self)
        for r in 0..<rows {
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
        for r in 0..<rows {
            var acc = T.from(int64: 1)
            for i in 0..<n { acc = T.mul(acc, x[r * n + i]) }
            o[r] = acc
        }
    case .max, .min:
        let o = out.assumingMemoryBound(to: T.self)
        let wantMax = op == .max
        for r in 0..<rows {
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
        for r in 0..<rows {
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
        for r in 0..<rows {
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
