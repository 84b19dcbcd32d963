#if canImport(Glibc)
import Glibc
#endif

// Note [Python's random]
// `random` must reproduce CPython's sequences: `random.seed(0); random.random()` is
// 0.8444218515250481 there. CPython seeds MT19937 with `init_by_array` over the 32-bit
// words of abs(seed) (little-endian), builds doubles from two 32-bit outputs
// ((a >> 5) * 2**26 + (b >> 6)) / 2**53, and draws integers below n by rejection sampling
// on `getrandbits(n.bit_length())`. Every function below follows `Lib/random.py` step by
// step, since any change in how many words are consumed changes all later values.

/// The Mersenne Twister exactly as `Modules/_randommodule.c`.
struct MersenneTwister {
    private var state = [UInt32](repeating: 0, count: 624)
    private var index = 625

    init(seed words: [UInt32]) {
        initByArray(words.isEmpty ? [0] : words)
    }

    private mutating func initGenrand(_ s: UInt32) {
        state[0] = s
        for i in 1..<624 {
            state[i] = 1_812_433_253 &* (state[i - 1] ^ (state[i - 1] >> 30)) &+ UInt32(i)
        }
        index = 624
    }

    private mutating func initByArray(_ key: [UInt32]) {
        initGenrand(19_650_218)
        var i = 1, j = 0
        for _ in 0..<max(624, key.count) {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(truncatingIfNeeded: j)
            i += 1
            j += 1
            if i >= 624 { state[0] = state[623]; i = 1 }
            if j >= key.count { j = 0 }
        }
        for _ in 0..<623 {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_566_083_941)) &- UInt32(i)
            i += 1
            if i >= 624 { state[0] = state[623]; i = 1 }
        }
        state[0] = 0x8000_0000
    }

    mutating func next() -> UInt32 {
        if index >= 624 {
            for k in 0..<624 {
                let y = (state[k] & 0x8000_0000) | (state[(k + 1) % 624] & 0x7FFF_FFFF)
                state[k] = state[(k + 397) % 624] ^ (y >> 1) ^ (y & 1 == 0 ? 0 : 0x9908_B0DF)
            }
            index = 0
        }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// `random.random()`: 53 random bits in [0, 1).
    mutating func nextDouble() -> Double {
        let a = next() >> 5, b = next() >> 6
        return (Double(a) * 67_108_864.0 + Double(b)) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` for k <= 64.
    mutating func bits(_ k: Int) -> UInt64 {
        if k <= 32 { return UInt64(next() >> (32 - UInt32(k))) }
        let low = UInt64(next())
        let high = UInt64(next() >> (64 - UInt32(k)))
        return low | (high << 32)
    }

    /// `_randbelow(n)` for 0 < n < 2**63.
    mutating func below(_ n: Int) -> Int {
        let k = Int.bitWidth - n.leadingZeroBitCount
        var r = Int(bits(k))
        while r >= n { r = Int(bits(k)) }
        return r
    }
}

/// `random`: the module-level functions of `Lib/random.py` on one shared generator.
/// Docs: https://docs.python.org/3.11/library/random.html
enum RandomModule {
    final class State {
        var twister = MersenneTwister(seed: [UInt32(truncatingIfNeeded: time(nil))])
        var gaussNext: Double?
    }

    static func seedWords(_ interp: Interpreter, _ value: PyValue) throws(PyError) -> [UInt32] {
        var magnitude: PyIntValue
        switch value {
        case .none: return [UInt32(truncatingIfNeeded: time(nil)), UInt32(truncatingIfNeeded: getpid())]
        case .int(let i): magnitude = i.magnitude
        case .bool(let b): magnitude = PyIntValue(b ? 1 : 0)
        case .float(let d): magnitude = PyIntValue(PyFloatOps.hash(d)).magnitude
        case .str(let s): magnitude = PyIntValue(PyHash.string(s)).magnitude
        case .object: magnitude = PyIntValue(try interp.hash(value)).magnitude
        }
        var words: [UInt32] = []
        let mask = PyIntValue(0xFFFF_FFFF)
        while !magnitude.isZero {
            let low = magnitude & mask
            words.append(UInt32(truncatingIfNeeded: low.asInt ?? 0))
            magnitude = try interp.numbers { () throws(PyNumberError) in try magnitude.shiftedRight(by: PyIntValue(32)) }
        }
        return words.isEmpty ? [0] : words
    }

    static func make() -> PyModule {
        let m = PyModule(name: "random")
        let state = State()
        func randbelow(_ n: Int) -> Int { state.twister.below(n) }

        m.addFunction("seed(a=None, version=2)") { (interp, args) throws(PyError) in
            state.twister = MersenneTwister(seed: try seedWords(interp, args[0]))
            state.gaussNext = nil
            return .none
        }
        m.addFunction("random()") { _, _ in .float(state.twister.nextDouble()) }
        m.addFunction("getrandbits(k, /)") { (interp, args) throws(PyError) in
            let k = try interp.expectInt(args[0])
            guard k >= 0 else { throw PyError.valueError("number of bits must be non-negative") }
            if k > PyIntValue.maxBitLength { throw PyError.memoryError() }
            // 32-bit words, least significant first, two to a limb.
            var limbs: [UInt64] = []
            limbs.reserveCapacity((k + 63) / 64)
            var remaining = k
            while remaining > 0 {
                var limb = state.twister.bits(min(32, remaining))
                remaining -= min(32, remaining)
                if remaining > 0 {
                    limb |= state.twister.bits(min(32, remaining)) << 32
                    remaining -= min(32, remaining)
                }
                limbs.append(limb)
            }
            return .int(PyIntValue(BigInt(limbs: limbs, negative: false)))
        }
        func randrange(_ interp: Interpreter, _ start: Int, _ stop: Int?, _ step: Int) throws(PyError) -> Int {
            guard let stop else {
                guard start > 0 else { throw PyError.valueError("empty range for randrange()") }
                return randbelow(start)
            }
            let width = stop - start
            if step == 1 {
                guard width > 0 else { throw PyError.valueError("empty range for randrange() (\(start), \(stop), \(width))") }
                return start + randbelow(width)
            }
            guard step != 0 else { throw PyError.valueError("zero step for randrange()") }
            let n = step > 0 ? (width + step - 1) / step : (width + step + 1) / step
            guard n > 0 else { throw PyError.valueError("empty range for randrange()") }
            return start + step * randbelow(n)
        }
        m.addFunction("randrange(start, stop=None, step=1)") { (interp, args) throws(PyError) in
            PyValue(try randrange(interp, try interp.expectInt(args[0]), args.isNone(1) ? nil : try interp.expectInt(args[1]),
                                  try interp.expectInt(args[2])))
        }
        m.addFunction("randint(a, b)") { (interp, args) throws(PyError) in
            PyValue(try randrange(interp, try interp.expectInt(args[0]), try interp.expectInt(args[1]) + 1, 1))
        }
        m.addFunction("choice(seq)") { (interp, args) throws(PyError) in
            let n = try interp.length(args[0])
            guard n > 0 else { throw PyError.indexError("Cannot choose from an empty sequence") }
            return try interp.getItem(args[0], PyValue(randbelow(n)))
        }
        m.addFunction("shuffle(x)") { (interp, args) throws(PyError) in
            let n = try interp.length(args[0])
            if n < 2 { return .none }
            for i in stride(from: n - 1, through: 1, by: -1) {
                let j = randbelow(i + 1)
                let a = try interp.getItem(args[0], PyValue(i)), b = try interp.getItem(args[0], PyValue(j))
                try interp.setItem(args[0], PyValue(i), b)
                try interp.setItem(args[0], PyValue(j), a)
            }
            return .none
        }
        m.addFunction("sample(population, k, *, counts=None)") { (interp, args) throws(PyError) in
            let population = try interp.toArray(args[0])
            let n = population.count
            let k = try interp.expectInt(args[1])
            guard k >= 0 && k <= n else { throw PyError.valueError("Sample larger than population or is negative") }
            var result: [PyValue] = []
            var setsize = 21
            if k > 5 { setsize += Int(Glibc.pow(4.0, Glibc.ceil(Glibc.log(Double(k * 3)) / Glibc.log(4.0)))) }
            if n <= setsize {
                var pool = population
                for i in 0..<k {
                    let j = randbelow(n - i)
                    result.append(pool[j])
                    pool[j] = pool[n - i - 1]
                }
            } else {
                var selected: Set<Int> = []
                for _ in 0..<k {
                    var j = randbelow(n)
                    while selected.contains(j) { j = randbelow(n) }
                    selected.insert(j)
                    result.append(population[j])
                }
            }
            return .list(result)
        }
        m.addFunction("choices(population, weights=None, *, cum_weights=None, k=1)") { (interp, args) throws(PyError) in
            let population = try interp.toArray(args[0])
            let n = population.count
            let k = try interp.expectInt(args[3])
            var result: [PyValue] = []
            if args.isNone(1) && args.isNone(2) {
                for _ in 0..<max(0, k) {
                    result.append(population[Int(Glibc.floor(state.twister.nextDouble() * Double(n)))])
                }
                return .list(result)
            }
            var cumulative: [Double] = []
            if !args.isNone(2) {
                for w in try interp.toArray(args[2]) { cumulative.append(try interp.expectFloat(w)) }
            } else {
                var total = 0.0
                for w in try interp.toArray(args[1]) { total += try interp.expectFloat(w); cumulative.append(total) }
            }
            guard cumulative.count == n else { throw PyError.valueError("The number of weights does not match the population") }
            guard let total = cumulative.last, total > 0 else { throw PyError.valueError("Total of weights must be greater than zero") }
            for _ in 0..<max(0, k) {
                let x = state.twister.nextDouble() * total
                var lo = 0, hi = n - 1
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if x < cumulative[mid] { hi = mid } else { lo = mid + 1 }
                }
                result.append(population[lo])
            }
            return .list(result)
        }
        m.addFunction("uniform(a, b)") { (interp, args) throws(PyError) in
            let a = try interp.expectFloat(args[0]), b = try interp.expectFloat(args[1])
            return .float(a + (b - a) * state.twister.nextDouble())
        }
        m.addFunction("gauss(mu=0.0, sigma=1.0)") { (interp, args) throws(PyError) in
            let mu = try interp.expectFloat(args[0]), sigma = try interp.expectFloat(args[1])
            var z: Double
            if let next = state.gaussNext {
                z = next
                state.gaussNext = nil
            } else {
                let x2pi = state.twister.nextDouble() * 2 * Double.pi
                let g2rad = Glibc.sqrt(-2.0 * Glibc.log(1.0 - state.twister.nextDouble()))
                z = Glibc.cos(x2pi) * g2rad
                state.gaussNext = Glibc.sin(x2pi) * g2rad
            }
            return .float(mu + z * sigma)
        }
        m.addFunction("normalvariate(mu=0.0, sigma=1.0)") { (interp, args) throws(PyError) in
            let mu = try interp.expectFloat(args[0]), sigma = try interp.expectFloat(args[1])
            let magic = 4 * Glibc.exp(-0.5) / Glibc.sqrt(2.0)
            while true {
                let u1 = state.twister.nextDouble()
                let u2 = 1.0 - state.twister.nextDouble()
                let z = magic * (u1 - 0.5) / u2
                if z * z / 4.0 <= -Glibc.log(u2) { return .float(mu + z * sigma) }
            }
        }
        m.addFunction("expovariate(lambd)") { (interp, args) throws(PyError) in
            .float(-Glibc.log(1.0 - state.twister.nextDouble()) / (try interp.expectFloat(args[0])))
        }
        return m
    }
}
