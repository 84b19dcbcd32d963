/// A literal constant, as in CPython's `ast.Constant`.
public enum Constant: Hashable, Sendable {
    case none
    case bool(Bool)
    case ellipsis
    case int(IntLiteral)
    case float(Double)
    case string(String)
    case bytes([UInt8])
}

/// An integer literal. Python ints have no size limit, so the literal keeps its digits; `value`
/// is set when the number fits in `Int` (64 bits).
public struct IntLiteral: Hashable, Sendable {
    /// The literal as written, e.g. `0x_FF` or `1_000`.
    public var text: String
    /// 2, 8, 10 or 16.
    public var radix: Int
    /// The digits without prefix or underscores, lowercased (`"ff"`).
    public var digits: String
    /// The value when it fits in `Int`, else nil.
    public var value: Int?

    public init(text: String, radix: Int, digits: String) {
        self.text = text
        self.radix = radix
        self.digits = digits
        self.value = Int(digits, radix: radix)
    }

    /// The value in decimal, computed with schoolbook arithmetic so that huge literals work too.
    public var decimalDigits: String {
        if let value { return String(value) }
        // Little-endian base-10^9 limbs.
        var limbs: [UInt64] = [0]
        for scalar in digits.unicodeScalars {
            var carry = UInt64(Int(String(scalar), radix: 16) ?? 0)
            for i in limbs.indices {
                let product = limbs[i] * UInt64(radix) + carry
                limbs[i] = product % 1_000_000_000
                carry = product / 1_000_000_000
            }
            while carry > 0 {
                limbs.append(carry % 1_000_000_000)
                carry /= 1_000_000_000
            }
        }
        var result = String(limbs.last!)
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            result += String(repeating: "0", count: 9 - part.count) + part
        }
        return result
    }
}
