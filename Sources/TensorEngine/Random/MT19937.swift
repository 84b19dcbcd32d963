// Note [MT19937 engine layout]
// PyTorch's CPU generator (aten/src/ATen/core/MT19937RNGEngine.h) is the standard
// 32-bit Mersenne Twister, but it keeps its whole state in one plain struct
// (`mt19937_data_pod`: seed, left, seeded, next, 624 words) so that
// `get_rng_state`/`set_rng_state` are plain copies. We keep the same shape:
// `MT19937` is a value type, and copying it snapshots the stream.
//
// Seeding (`init_with_uint32`) stores the full 64-bit seed for `initial_seed()`
// but initialises the words from its low 32 bits only, so seeds 2**32+7 and 7
// give the same numbers. It sets `left = 1, next = 0`, which makes the very
// first draw run the twist (`next_state`) before tempering word 0.

/// The Mersenne Twister MT19937 engine, bit-identical to PyTorch's `at::mt19937`.
///
/// A plain value: copying it copies the stream position. `random()` returns one
/// tempered 32-bit word; `random64()` combines two draws, the first one high.
///
///     var engine = MT19937(seed: 0)
///     engine.random()   // 2357136044, like torch's CPU generator after manual_seed(0)
public struct MT19937: Sendable, Equatable {
    /// Number of 32-bit words of state (`MERSENNE_STATE_N`).
    public static let stateSize = 624
    /// The twist offset (`MERSENNE_STATE_M`).
    static let shift = 397

    /// The 64-bit seed the engine was last seeded with (reported by `initial_seed()`).
    public var seed: UInt64
    /// Draws left before the next twist; the first draw after seeding twists (left = 1).
    public var left: Int32
    /// Whether the engine was seeded (always true for engines built here).
    public var seeded: Bool
    /// Index of the next word to temper.
    public var next: UInt32
    /// The 624 state words.
    public var state: [UInt32]

    /// Seeds the engine like `at::mt19937(seed)`.
    public init(seed: UInt64) {
        self.seed = seed
        self.left = 1
        self.seeded = true
        self.next = 0
        self.state = MT19937.initialState(seed: seed)
    }

    /// Reseeds in place (`init_with_uint32`); only the low 32 bits reach the state.
    public mutating func reseed(_ seed: UInt64) {
        self = MT19937(seed: seed)
    }

    static func initialState(seed: UInt64) -> [UInt32] {
        var words = [UInt32](repeating: 0, count: stateSize)
        words[0] = UInt32(truncatingIfNeeded: seed)
        for j in 1..<stateSize {
            let previous = words[j - 1]
            words[j] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(j)
        }
        return words
    }

    /// Whether the state can be used without reading past the 624 words.
    ///
    /// PyTorch's `is_valid()` checks `seeded`, `1 <= left <= 624` and `next <= 624`.
    /// We also require `next + left <= 625`: PyTorch reads out of bounds otherwise,
    /// and we must never trap on a state the user handed us.
    public var isValid: Bool {
        seeded && left >= 1 && left <= Int32(MT19937.stateSize)
            && next <= UInt32(MT19937.stateSize)
            && Int(next) + Int(left) <= MT19937.stateSize + 1
            && state.count == MT19937.stateSize
    }

    /// The next tempered 32-bit output.
    @inline(__always)
    public mutating func random() -> UInt32 {
        left -= 1
        if left == 0 { twist() }
        var y = state[Int(next)]
        next += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    /// Two draws combined as `(first << 32) | second`.
    @inline(__always)
    public mutating func random64() -> UInt64 {
        let hi = UInt64(random())
        let lo = UInt64(random())
        return (hi << 32) | lo
    }

    /// Regenerates all 624 words (`next_state`).
    mutating func twist() {
        let n = MT19937.stateSize, m = MT19937.shift
        @inline(__always) func mix(_ u: UInt32, _ v: UInt32) -> UInt32 {
            let y = (u & 0x8000_0000) | (v & 0x7fff_ffff)
            return (y >> 1) ^ ((v & 1) != 0 ? 0x9908_b0df : 0)
        }
        for i in 0..<(n - m) { state[i] = state[i + m] ^ mix(state[i], state[i + 1]) }
        for i in (n - m)..<(n - 1) { state[i] = state[i + m - n] ^ mix(state[i], state[i + 1]) }
        state[n - 1] = state[m - 1] ^ mix(state[n - 1], state[0])
        left = Int32(n)
        next = 0
    }
}
