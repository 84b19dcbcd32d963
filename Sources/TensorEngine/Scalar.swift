/// A Python number passed to a tensor op (`x + 1`, `x * 0.5`, `x == True`).
///
/// Scalars take part in type promotion only by category (see Note [Type promotion]).
public enum Scalar: Sendable, Equatable, CustomStringConvertible {
    case bool(Bool)
    case int(Int64)
    case double(Double)

    /// The dtype a scalar contributes to `result_type`: Python floats count as the
    /// default float dtype, ints as int64.
    var wrappedDType: DType {
        switch self {
        case .bool: .bool
        case .int: .int64
        case .double: .defaultFloat
        }
    }

    public var doubleValue: Double {
        switch self {
        case .bool(let b): b ? 1 : 0
        case .int(let i): Double(i)
        case .double(let d): d
        }
    }

    public var int64Value: Int64 {
        switch self {
        case .bool(let b): b ? 1 : 0
        case .int(let i): i
        case .double(let d): Int64(saturating: d)
        }
    }

    public var boolValue: Bool {
        switch self {
        case .bool(let b): b
        case .int(let i): i != 0
        case .double(let d): d != 0
        }
    }

    public var isFloatingPoint: Bool { if case .double = self { true } else { false } }

    public var description: String {
        switch self {
        case .bool(let b): b ? "True" : "False"
        case .int(let i): String(i)
        case .double(let d): String(d)
        }
    }
}

extension Int64 {
    /// Float-to-integer conversion that never traps: NaN becomes 0's C++ cousin
    /// (`Int64.min`, as x86 `cvttsd2si` gives) and out-of-range values saturate the same way.
    init(saturating d: Double) {
        if d.isNaN || d >= 9.223372036854775807e18 || d < -9.223372036854775808e18 {
            self = Int64.min
        } else {
            self = Int64(d.rounded(.towardZero))
        }
    }
}
