#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TensorEngine

// Note [numpy's legacy RandomState]
// `np.random.seed` / `rand` / `randn` / `randint` drive numpy's global `RandomState`: a
// 32-bit Mersenne Twister seeded like PyTorch's (init_genrand on the low 32 bits; the first
// draw twists), so the engine's `MT19937` gives the same words. On top of it numpy builds:
//   - doubles from two words, 27 + 26 bits: `((a >> 5) * 2^26 + (b >> 6)) / 2^53`;
//   - normals by Marsaglia's polar method, which makes two and keeps the second for the
//     next call (`has_gauss`);
//   - bounded integers by masked rejection: draw, AND with the smallest all-ones mask that
//     covers the range, retry while above it (one word per draw for ranges below 2^32,
//     two words, high first, above).
// Keeping these exact makes seeded learner code print numpy's numbers.

/// numpy's legacy `RandomState` generator: a Mersenne Twister plus the cached normal.
struct LegacyRandomState {
    var engine = MT19937(seed: 5489)
    var cachedGauss: Double?

    /// `RandomState.seed(seed)` for an integer seed in `0 ..< 2^32`.
    mutating func seed(_ seed: UInt32) {
        engine = MT19937(seed: UInt64(seed))
        cachedGauss = nil
    }

    /// A double in [0, 1) (`random_sample`).
    mutating func nextDouble() -> Double {
        let a = Double(engine.random() >> 5), b = Double(engine.random() >> 6)
        return (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }

    /// A standard normal (`legacy_gauss`).
    mutating func gauss() -> Double {
        if let cached = cachedGauss {
            cachedGauss = nil
            return cached
        }
        var x1 = 0.0, x2 = 0.0, r2 = 0.0
        repeat {
            x1 = 2 * nextDouble() - 1
            x2 = 2 * nextDouble() - 1
            r2 = x1 * x1 + x2 * x2
        } while r2 >= 1 || r2 == 0
        let f = (-2 * log(r2) / r2).squareRoot()
        cachedGauss = f * x1
        return f * x2
    }

    /// An integer in `0 ... range` by masked rejection (`random_bounded_uint64` with
    /// `use_masked`, also `random_interval`).
    mutating func bounded(_ range: UInt64) -> UInt64 {
        if range == 0 { return 0 }
        var mask = range
        for shift in [1, 2, 4, 8, 16, 32] { mask |= mask >> UInt64(shift) }
        if range <= 0xFFFF_FFFF {
            while true {
                let v = UInt64(engine.random()) & mask
                if v <= range { return v }
            }
        }
        while true {
            let v = engine.random64() & mask
            if v <= range { return v }
        }
    }
}
