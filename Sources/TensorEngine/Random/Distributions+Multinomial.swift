// Note [Multinomial algorithms]
// `torch.multinomial` (aten/src/ATen/native/Distributions.cpp) has two algorithms:
//
// * Without replacement, and also with replacement when num_samples == 1:
//   draw q ~ Exp(1) for every category of every row (one `exponential_` over
//   the whole tensor, so row by row), compute p / q in the probabilities' dtype
//   and take the argmax (num_samples == 1) or the top-k indices in descending
//   order. This is the Gumbel-max trick written with exponentials.
// * With replacement and num_samples > 1 (MultinomialKernel.cpp): per row, build
//   the cumulative sums in the probabilities' dtype, divide by the total, force
//   the last bucket to 1, then per sample draw one double uniform (random64) and
//   binary-search the first bucket with cdf >= u.
//
// Ties in top-k (several zero probabilities when num_samples exceeds the number
// of non-zero entries) are ordered by index here; PyTorch's order comes from its
// partial sort and is not reproduced.

extension Generator {
    /// `torch.multinomial(probs, numSamples, replacement)` for float32 probabilities.
    ///
    /// - Parameters:
    ///   - probs: the probabilities, row-major; non-negative and finite, need not sum to 1.
    ///   - rowLength: the number of categories per row for a 2-D input; `nil` means one row (1-D).
    /// - Returns: `rows * numSamples` category indices, row-major.
    /// - Throws: PyTorch's errors for `numSamples <= 0`, too many samples without
    ///   replacement, negative/inf/NaN entries, and rows summing to 0.
    public func multinomial(probs: [Float], rowLength: Int? = nil, numSamples: Int, replacement: Bool) throws(TensorError) -> [Int64] {
        try multinomialImpl(probs, rowLength: rowLength, numSamples: numSamples, replacement: replacement)
    }

    /// `torch.multinomial(probs, numSamples, replacement)` for float64 probabilities.
    public func multinomial(probs: [Double], rowLength: Int? = nil, numSamples: Int, replacement: Bool) throws(TensorError) -> [Int64] {
        try multinomialImpl(probs, rowLength: rowLength, numSamples: numSamples, replacement: replacement)
    }

    private func multinomialImpl<T: BinaryFloatingPoint & Sendable>(
        _ probs: [T], rowLength: Int?, numSamples: Int, replacement: Bool
    ) throws(TensorError) -> [Int64] {
        let categories = rowLength ?? probs.count
        guard numSamples > 0 else { throw .runtime("cannot sample n_sample <= 0 samples") }
        guard replacement || numSamples <= categories else {
            throw .runtime("cannot sample n_sample > prob_dist.size(-1) samples without replacement")
        }
        guard categories <= 1 << 24 else { throw .runtime("number of categories cannot exceed 2^24") }
        guard categories >= 0, categories == 0 ? probs.isEmpty : probs.count % categories == 0 else {
            throw .runtime("multinomial: probabilities do not form whole rows of \(categories)")
        }
        let rows = rowLength == nil ? 1 : (categories == 0 ? 0 : probs.count / categories)
        let (total, overflow) = rows.multipliedReportingOverflow(by: numSamples)
        try checkCount(overflow ? Int.max : total)
        if total == 0 { return [] }

        if !replacement || numSamples == 1 {
            guard probs.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
                throw .runtime("probability tensor contains either `inf`, `nan` or element < 0")
            }
            for row in 0..<rows where probs[(row * categories)..<((row + 1) * categories)].allSatisfy({ $0 == 0 }) {
                throw .runtime("invalid multinomial distribution (sum of probabilities <= 0)")
            }
            let q = withState { s in s.exponential(count: probs.count, lambda: 1) }
            var out = [Int64]()
            out.reserveCapacity(rows * numSamples)
            for row in 0..<rows {
                let base = row * categories
                let keys = (0..<categories).map { probs[base + $0] / T(q[base + $0]) }
                out += Self.topIndices(keys, count: numSamples)
            }
            return out
        }

        return try withState { (s: inout GeneratorState) throws(TensorError) -> [Int64] in
            var out = [Int64]()
            out.reserveCapacity(rows * numSamples)
            var cdf = [T](repeating: 0, count: categories)
            for row in 0..<rows {
                var sum: T = 0
                for j in 0..<categories {
                    let p = probs[row * categories + j]
                    guard p >= 0 else {
                        throw .runtime("invalid multinomial distribution (encountering probability entry < 0)")
                    }
                    guard p.isFinite else {
                        throw .runtime("invalid multinomial distribution (encountering probability entry = infinity or NaN)")
                    }
                    sum += p
                    cdf[j] = sum
                }
                guard sum > 0 else { throw .runtime("invalid multinomial distribution (sum of probabilities <= 0)") }
                for j in 0..<categories { cdf[j] /= sum }
                cdf[categories - 1] = 1
                for _ in 0..<numSamples {
                    let u = s.uniformUnitDouble()
                    var left = 0, right = categories
                    while right > left {
                        let mid = left + (right - left) / 2
                        if Double(cdf[mid]) < u { left = mid + 1 } else { right = mid }
                    }
                    out.append(Int64(left))
                }
            }
            return out
        }
    }

    /// Indices of the `count` largest keys, largest first; NaN counts as largest
    /// (like `argmax`/`topk`), ties go to the lower index.
    static func topIndices<T: BinaryFloatingPoint>(_ keys: [T], count: Int) -> [Int64] {
        func before(_ a: Int, _ b: Int) -> Bool {
            let x = keys[a], y = keys[b]
            if x.isNaN != y.isNaN { return x.isNaN }
            if x != y && !x.isNaN { return x > y }
            return a < b
        }
        if count == 1 {
            var best = 0
            for i in 1..<keys.count where before(i, best) { best = i }
            return [Int64(best)]
        }
        return (0..<keys.count).sorted(by: before).prefix(count).map { Int64($0) }
    }
}
