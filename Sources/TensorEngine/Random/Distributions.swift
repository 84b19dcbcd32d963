#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Note [How each op consumes the generator]
// Every sampler below reproduces one row of PyTorch's CPU kernels
// (aten/src/ATen/core/TransformationHelper.h, DistributionsHelper.h and
// aten/src/ATen/native/cpu/DistributionTemplates.h). What matters for bit
// equality is (1) how many 32-bit draws each element takes and (2) the exact
// floating-point formula, including where GCC fused a multiply-add:
//
//   float32 uniform   1 draw:   x = (r & (2^24-1)) * 2^-24; fmaf(x, to-from, from)
//   float64 uniform   random64: x = (r & (2^53-1)) * 2^-53; fma(x, to-from, from)
//   randint           1 draw if to-from < 2^28, else random64; r % range + from
//   int64 random_()   random64 % 2^63
//   randperm(n)       n-1 draws: Fisher–Yates from the front, z = r % (n-i)
//   bernoulli_(p)     random64 double uniform < p (also on Intel in torch 2.15)
//   bernoulli(probs)  float32 probs: float uniform < p; float64 probs: double uniform < p
//   exponential_(λ)   random64 double uniform u; (-1/λ) * log1p(-u)
//
// Each routine takes the generator's lock once (Note [Generator locking]).

// MARK: - Uniform

extension Generator {
    /// `torch.rand(count)` / `torch.empty(count).uniform_(low, high)` in float32.
    ///
    /// One 32-bit draw per element: `fmaf((r & 0xFFFFFF) * 2^-24, f32(high) - f32(low), f32(low))`.
    /// libtorch's AVX2 kernel fuses the multiply-add; without the fusion half the values differ.
    ///
    /// - Throws: PyTorch's `uniform_` bound errors (`from is out of bounds for float`,
    ///   `from > to`, `to-from` overflowing float).
    public func uniformFloat32(count: Int, low: Double = 0, high: Double = 1) throws(TensorError) -> [Float] {
        try checkCount(count)
        try checkUniformBounds(low, high, max: Double(Float.greatestFiniteMagnitude), dtype: "float", typeName: "Float")
        let from = Float(low), span = Float(high) - Float(low)
        return withState { s in
            (0..<count).map { _ in from.addingProduct(s.uniformUnitFloat(), span) }
        }
    }

    /// `torch.rand(count, dtype=torch.float64)` / `uniform_(low, high)` in float64.
    ///
    /// One `random64()` per element: `fma((r & (2^53-1)) * 2^-53, high - low, low)`.
    public func uniformFloat64(count: Int, low: Double = 0, high: Double = 1) throws(TensorError) -> [Double] {
        try checkCount(count)
        try checkUniformBounds(low, high, max: Double.greatestFiniteMagnitude, dtype: "double", typeName: "Double")
        let span = high - low
        return withState { s in
            (0..<count).map { _ in low.addingProduct(s.uniformUnitDouble(), span) }
        }
    }

    private func checkUniformBounds(
        _ from: Double, _ to: Double, max: Double, dtype: String, typeName: String
    ) throws(TensorError) {
        guard from >= -max && from <= max else { throw .runtime("from is out of bounds for \(dtype)") }
        guard to >= -max && to <= max else { throw .runtime("to is out of bounds for \(dtype)") }
        guard from <= to else {
            throw .runtime("uniform_ expects to return a [from, to) range, but found from=\(cppDescription(from)) > to=\(cppDescription(to))")
        }
        guard to - from <= max else {
            throw .runtime("uniform_ expects to-from <= std::numeric_limits<\(typeName)>::max(), but found "
                + "to=\(cppDescription(to)) and from=\(cppDescription(from)) which result in to-from to exceed the limit")
        }
    }
}

// MARK: - Integers

extension Generator {
    /// `torch.randint(low, high, (count,))` / `random_(low, high)` on int64.
    ///
    /// Ranges below 2^28 take one 32-bit draw per element, larger ranges one `random64()`
    /// (the 2^32 rule in PyTorch's source applies only to `FBCODE_CAFFE2` builds).
    ///
    /// - Throws: `random_ expects 'from' to be less than 'to', …` when `low >= high`.
    public func randint(count: Int, low: Int64, high: Int64) throws(TensorError) -> [Int64] {
        try checkCount(count)
        guard low < high else {
            throw .runtime("random_ expects 'from' to be less than 'to', but got from=\(low) >= to=\(high)")
        }
        let range = UInt64(bitPattern: high &- low)
        return withState { s in
            (0..<count).map { _ in
                let r = range >= 1 << 28 ? s.random64() : UInt64(s.random())
                return Int64(bitPattern: r % range) &+ low
            }
        }
    }

    /// `torch.empty((), dtype=torch.int64).random_()`: `random64() % 2^63`.
    public func randomInt64() -> Int64 {
        withState { s in Int64(bitPattern: s.random64() % (1 << 63)) }
    }

    /// `torch.randperm(n)` (int64).
    ///
    /// Fisher–Yates from the front: `r[i]` swaps with `r[i + random() % (n-i)]` for
    /// `i in 0..<n-1`. For `n >= 2^32/20` PyTorch switches to `random64()`, and so do we.
    ///
    /// - Throws: `Trying to create tensor with negative dimension` for `n < 0`.
    /// - Complexity: O(n).
    public func randperm(_ n: Int) throws(TensorError) -> [Int64] {
        try checkCount(n)
        var result = (0..<n).map { Int64($0) }
        guard n > 1 else { return result }
        let small = n < Int(UInt32.max / 20)
        withState { s in
            for i in 0..<(n - 1) {
                let bound = UInt64(n - i)
                let z = Int((small ? UInt64(s.random()) : s.random64()) % bound)
                result.swapAt(i, i + z)
            }
        }
        return result
    }
}

// MARK: - Bernoulli and exponential

extension Generator {
    /// `torch.empty(count).bernoulli_(p)`, hence also the dropout mask (with `1 - p`).
    ///
    /// One `random64()` per element: double uniform `< p`. PyTorch once took an MKL path
    /// (`viRngBernoulli` seeded by one draw) on Intel CPUs; torch 2.15 does not, on Intel or AMD.
    ///
    /// - Throws: `bernoulli_ expects p to be in [0, 1], but got p=…`.
    public func bernoulliScalar(count: Int, p: Double) throws(TensorError) -> [Bool] {
        try checkCount(count)
        guard p >= 0 && p <= 1 else {
            throw .runtime("bernoulli_ expects p to be in [0, 1], but got p=\(cppDescription(p))")
        }
        return withState { s in (0..<count).map { _ in s.uniformUnitDouble() < p } }
    }

    /// `torch.bernoulli(probs)` with float32 probabilities: one 32-bit draw each, float uniform `< p`.
    ///
    /// PyTorch checks each probability just before drawing for it, so an invalid entry
    /// at index k throws after k draws; this does the same.
    ///
    /// - Throws: PyTorch's `Expected p_in >= 0 && p_in <= 1 to be true, but got false.` error.
    public func bernoulliFloat32Probs(_ probs: [Float]) throws(TensorError) -> [Bool] {
        try withState { (s: inout GeneratorState) throws(TensorError) -> [Bool] in
            var out = [Bool]()
            out.reserveCapacity(probs.count)
            for p in probs {
                guard p >= 0 && p <= 1 else { throw Generator.bernoulliProbabilityError }
                out.append(s.uniformUnitFloat() < p)
            }
            return out
        }
    }

    /// `torch.bernoulli(probs)` with float64 probabilities: one `random64()` each, double uniform `< p`.
    public func bernoulliFloat64Probs(_ probs: [Double]) throws(TensorError) -> [Bool] {
        try withState { (s: inout GeneratorState) throws(TensorError) -> [Bool] in
            var out = [Bool]()
            out.reserveCapacity(probs.count)
            for p in probs {
                guard p >= 0 && p <= 1 else { throw Generator.bernoulliProbabilityError }
                out.append(s.uniformUnitDouble() < p)
            }
            return out
        }
    }

    static let bernoulliProbabilityError = TensorError.runtime(
        "Expected p_in >= 0 && p_in <= 1 to be true, but got false.  "
            + "(Could this error message be improved?  If so, please report an enhancement request to PyTorch.)")

    /// `torch.empty(count, dtype=torch.float64).exponential_(lambda)`.
    ///
    /// One `random64()` per element: `(-1/λ) * log1p(-u)` in double (note: `log1p(-u)`,
    /// not `log(1-u)`, which differs in about 6% of values). float32 tensors store `Float(x)`.
    ///
    /// - Throws: `exponential_ expects lambda > 0.0, but found lambda=…`.
    public func exponential(count: Int, lambda: Double = 1) throws(TensorError) -> [Double] {
        try checkCount(count)
        guard lambda > 0 else {
            throw .runtime("exponential_ expects lambda > 0.0, but found lambda=\(cppDescription(lambda))")
        }
        return withState { s in s.exponential(count: count, lambda: lambda) }
    }
}

// MARK: - Shared pieces

extension GeneratorState {
    /// `uniform_real_distribution<float>(0, 1)`: 24 bits of one draw.
    @inline(__always)
    mutating func uniformUnitFloat() -> Float {
        Float(random() & 0xFF_FFFF) * 0x1p-24
    }

    /// `uniform_real_distribution<double>(0, 1)`: 53 bits of one `random64()`.
    @inline(__always)
    mutating func uniformUnitDouble() -> Double {
        Double(random64() & ((1 << 53) - 1)) * 0x1p-53
    }

    mutating func exponential(count: Int, lambda: Double) -> [Double] {
        let scale = -1 / lambda
        return (0..<count).map { _ in scale * log1p(-uniformUnitDouble()) }
    }
}

/// PyTorch's error for a negative size (`randn(-1)`, `randperm(-1)`), and the engine's
/// out-of-memory error for a result that could not fit in `MemoryLimit.bytes`
/// (so an absurd size throws instead of trapping in the array allocation).
func checkCount(_ count: Int, itemSize: Int = 8) throws(TensorError) {
    guard count >= 0 else {
        throw .runtime("Trying to create tensor with negative dimension \(count): [\(count)]")
    }
    let (bytes, overflow) = count.multipliedReportingOverflow(by: itemSize)
    if overflow || bytes > MemoryLimit.bytes {
        // Clamped so the live-byte counter cannot overflow; reserve then throws the OOM error.
        let request = overflow ? Int.max / 2 : min(bytes, Int.max / 2)
        try MemoryLimit.reserve(request)
        MemoryLimit.release(request)
    }
}

/// Formats a double as C++ `std::ostream << double` does (`%g`), as PyTorch's messages print numbers.
func cppDescription(_ value: Double) -> String {
    var buffer = [CChar](repeating: 0, count: 64)
    _ = withVaList([value]) { vsnprintf(&buffer, buffer.count, "%g", $0) }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
