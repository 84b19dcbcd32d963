import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything a CPU generator remembers: the engine and the cached Box–Muller samples.
///
/// Copying this value snapshots the generator (PyTorch's `get_state` is a copy too).
public struct GeneratorState: Sendable, Equatable {
    /// The Mersenne Twister words and position.
    public var engine: MT19937
    /// The second value of the last double Box–Muller pair (`next_double_normal_sample_`).
    public var nextDoubleNormalSample: Double?
    /// The float counterpart (`next_float_normal_sample_`); PyTorch's CPU kernels never fill it,
    /// but it is part of the saved state.
    public var nextFloatNormalSample: Float?

    /// A freshly seeded state with empty caches.
    public init(seed: UInt64) {
        engine = MT19937(seed: seed)
        nextDoubleNormalSample = nil
        nextFloatNormalSample = nil
    }

    @inline(__always) mutating func random() -> UInt32 { engine.random() }
    @inline(__always) mutating func random64() -> UInt64 { engine.random64() }
}

// Note [Generator locking]
// PyTorch takes `generator->mutex_` once per kernel, not once per draw, so a whole
// tensor's numbers come from one uninterrupted stretch of the stream even when
// several threads share the generator. `Generator.withState` does the same: each
// sampling routine runs entirely inside one `Mutex.withLock`.

/// A PyTorch-compatible CPU random number generator (`torch.Generator()`).
///
/// Seeding, the stream and the Box–Muller cache match `CPUGeneratorImpl` bit for bit.
/// `Generator()` starts from PyTorch's fixed default seed 67280421310721;
/// `Generator.default` plays the role of torch's global generator (see ``default``) and starts
/// from a non-deterministic seed until `manualSeed` is called.
///
///     let g = Generator(seed: 0)
///     try g.uniformFloat32(count: 3)   // [0.49625659, 0.7682218, 0.088477433], like torch.rand(3)
public final class Generator: Sendable {
    /// The seed of `torch.Generator()` (`default_rng_seed_val`).
    public static let defaultSeed: UInt64 = 67_280_421_310_721

    /// The generator behind `torch.manual_seed`, `torch.rand`, … for the code running now: the
    /// one bound with ``withDefault(_:_:)``, else ``processDefault``.
    ///
    /// In PyTorch this generator is global to the process. Here one process hosts several
    /// Python "processes" (the tutor's lesson sessions, the tests), so each binds its own for
    /// the time it runs, and one session's `manual_seed` never moves another's stream.
    public static var `default`: Generator { bound ?? processDefault }

    /// The generator used where none is bound. Seeded from /dev/urandom (or the clock if that
    /// fails), like PyTorch's default CPU generator.
    public static let processDefault = Generator(seed: Generator.nondeterministicSeed())

    @TaskLocal private static var bound: Generator?

    /// Runs `body` with `generator` as ``default`` on this thread (and in tasks it starts).
    public static func withDefault<Result, E: Error>(
        _ generator: Generator, _ body: () throws(E) -> Result
    ) throws(E) -> Result {
        try $bound.withValue(generator, typed: body)
    }

    private let state: Mutex<GeneratorState>

    /// Creates a generator seeded with `seed` (default: PyTorch's 67280421310721).
    public init(seed: UInt64 = Generator.defaultSeed) {
        state = Mutex(GeneratorState(seed: seed))
    }

    /// Runs `body` with exclusive access to the state (see Note [Generator locking]).
    public func withState<Result, E: Error>(
        _ body: (inout GeneratorState) throws(E) -> Result
    ) throws(E) -> Result {
        try state.withLock { (s: inout GeneratorState) throws(E) -> Result in try body(&s) }
    }

    // MARK: - Seeding

    /// `manual_seed(seed)`: restarts the stream and clears both normal caches.
    ///
    /// Only the low 32 bits reach the Mersenne Twister; `initialSeed` keeps all 64.
    /// Python accepts `-2**63 ..< 2**64`; negative ints wrap, so pass `UInt64(bitPattern:)`
    /// (`manual_seed(-1)` reports `initial_seed() == 2**64-1`).
    public func manualSeed(_ seed: UInt64) {
        withState { $0 = GeneratorState(seed: seed) }
    }

    /// `initial_seed()`: the 64-bit seed last set by `manualSeed`, `seed()` or a state.
    public var initialSeed: UInt64 {
        withState { $0.engine.seed }
    }

    /// `seed()`: reseeds from a non-deterministic source and returns the new seed.
    @discardableResult
    public func seed() -> UInt64 {
        let fresh = Generator.nondeterministicSeed()
        manualSeed(fresh)
        return fresh
    }

    // MARK: - State

    /// A copy of the whole state (engine plus normal caches).
    public func getState() -> GeneratorState {
        withState { $0 }
    }

    /// Replaces the whole state.
    ///
    /// - Throws: `RuntimeError: Invalid mt19937 state` if the engine could read
    ///   outside its 624 words.
    public func setState(_ newState: GeneratorState) throws(TensorError) {
        guard newState.engine.isValid else { throw .runtime("Invalid mt19937 state") }
        withState { $0 = newState }
    }

    // MARK: - Raw draws

    /// One 32-bit draw (`random()`).
    public func random() -> UInt32 {
        withState { $0.random() }
    }

    /// One 64-bit draw made of two 32-bit draws, the first one high (`random64()`).
    public func random64() -> UInt64 {
        withState { $0.random64() }
    }

    // MARK: - Non-deterministic seed

    /// 64 bits from /dev/urandom (c10's `getNonDeterministicRandom`), or the clock as a fallback.
    public static func nondeterministicSeed() -> UInt64 {
        var bytes = [UInt8](repeating: 0, count: 8)
        let fd = open("/dev/urandom", O_RDONLY)
        if fd >= 0 {
            let got = read(fd, &bytes, 8)
            close(fd)
            if got == 8 { return bytes.reversed().reduce(0) { $0 << 8 | UInt64($1) } }
        }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return UInt64(truncatingIfNeeded: now.tv_sec) &* 1_000_000_000
            &+ UInt64(truncatingIfNeeded: now.tv_nsec)
    }
}
