#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The stand-ins' private random numbers: SplitMix64, seeded from (data set, split, index),
/// so every image is the same on every machine and independent of torch's generator.
struct StandInRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// The generator for sample `index` of the stream `stream` (a data set and split).
    init(stream: UInt64, index: Int) {
        var mixer = StandInRandom(seed: stream &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: index))
        state = mixer.next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform in `[lo, hi)`.
    mutating func uniform(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * unit() }

    /// Uniform in `0 ..< n`.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// Standard normal (Box–Muller).
    mutating func normal() -> Double {
        let u1 = max(unit(), 0x1p-60), u2 = unit()
        return sqrt(-2 * log(u1)) * cos(2 * Double.pi * u2)
    }

    /// A balanced labelling: `count` labels with each of `classes` classes equally often
    /// (up to one), in a shuffled order fixed by `stream`.
    static func balancedLabels(count: Int, classes: Int, stream: UInt64) -> [UInt8] {
        var labels = (0..<count).map { UInt8($0 % classes) }
        var random = StandInRandom(seed: stream)
        for i in stride(from: count - 1, to: 0, by: -1) { labels.swapAt(i, random.below(i + 1)) }
        return labels
    }
}
