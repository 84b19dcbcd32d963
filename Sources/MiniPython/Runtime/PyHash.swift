/// CPython's hash functions for the builtin immutable types, so that numbers that compare
/// equal hash equal (`hash(1) == hash(1.0) == hash(True)`), and small ints hash to
/// themselves (which decides the iteration order of sets, see ``SetStorage``).
///
/// In CPython: `Python/pyhash.c` (`_Py_HashDouble`), `Objects/longobject.c` (`long_hash`),
/// `Objects/tupleobject.c` (`tuplehash`). Strings use FNV-1a, fixed rather than randomized
/// (as with `PYTHONHASHSEED=0`).
public enum PyHash {
    static let bits = 61
    static let modulus = (1 << 61) - 1
    static let infinity = 314_159

    /// `hash(n)` for a machine int.
    public static func int(_ value: Int) -> Int {
        if value == Int.min { return fix(-(Int(UInt(1 << 63) % UInt(modulus)))) }
        let magnitude = abs(value) % modulus
        return fix(value < 0 ? -magnitude : magnitude)
    }

    /// `hash(x)` for a float.
    public static func float(_ value: Double) -> Int {
        if value.isNaN { return 0 }
        if value.isInfinite { return value > 0 ? infinity : -infinity }
        var m = value.significand
        var e = Int(value.exponent) + 1
        if value == 0 { return 0 }
        m /= 2  // significand is in [1, 2); frexp gives [0.5, 1)
        var sign = 1
        if m < 0 { sign = -1; m = -m }
        var x: UInt = 0
        let mod = UInt(modulus)
        while m != 0 {
            x = ((x << 28) & mod) | x >> (UInt(bits) - 28)
            m *= 268_435_456.0
            e -= 28
            let y = UInt(m)
            m -= Double(y)
            x += y
            if x >= mod { x -= mod }
        }
        e = e >= 0 ? e % bits : bits - 1 - ((-1 - e) % bits)
        x = ((x << UInt(e)) & mod) | x >> (UInt(bits) - UInt(e))
        return fix(Int(x) * sign)
    }

    /// `hash(s)`: FNV-1a over the UTF-8 bytes.
    public static func string(_ value: String) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in value.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        return fix(Int(truncatingIfNeeded: h))
    }

    /// `hash(t)` from the item hashes (xxHash-based, as CPython 3.8+).
    public static func tuple(_ hashes: [Int]) -> Int {
        let prime1: UInt64 = 11_400_714_785_074_694_791
        let prime2: UInt64 = 14_029_467_366_897_019_727
        let prime5: UInt64 = 2_870_177_450_012_600_261
        var acc = prime5
        for h in hashes {
            acc = acc &+ UInt64(bitPattern: Int64(h)) &* prime2
            acc = (acc << 31) | (acc >> 33)
            acc = acc &* prime1
        }
        acc = acc &+ (UInt64(hashes.count) ^ (prime5 ^ 3_527_539))
        if acc == UInt64.max { return 1_546_275_796 }
        return Int(Int64(bitPattern: acc))
    }

    /// `hash(frozenset(...))` from the item hashes (order-independent).
    public static func frozenset(_ hashes: [Int]) -> Int {
        func shuffle(_ h: UInt) -> UInt { ((h ^ 89_869_747) ^ (h << 16)) &* 3_644_798_167 }
        var hash: UInt = 0
        for h in hashes { hash ^= shuffle(UInt(bitPattern: h)) }
        hash ^= (UInt(hashes.count) &+ 1) &* 1_927_868_237
        hash ^= (hash >> 11) ^ (hash >> 25)
        hash = hash &* 69069 &+ 907_133_923
        let result = Int(bitPattern: hash)
        return result == -1 ? 590_923_713 : result
    }

    /// Identity hash of an object (`object.__hash__`).
    public static func identity(_ object: PyObject) -> Int {
        let address = UInt(bitPattern: object.identity)
        return fix(Int(bitPattern: (address >> 4) | (address << 60)))
    }

    /// -1 is reserved by CPython for errors.
    static func fix(_ h: Int) -> Int { h == -1 ? -2 : h }
}
