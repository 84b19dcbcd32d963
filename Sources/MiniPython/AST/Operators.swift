/// A binary arithmetic or bitwise operator (`ast.operator`), also used by augmented assignment.
public enum BinaryOperator: String, Hashable, Sendable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", matrixMultiply = "@", divide = "/"
    case floorDivide = "//", modulo = "%", power = "**", leftShift = "<<", rightShift = ">>"
    case bitOr = "|", bitXor = "^", bitAnd = "&"

    /// The special method that implements it, e.g. `__add__` (the reflected one adds an `r`:
    /// `__radd__`, the in-place one an `i`: `__iadd__`).
    public var methodName: String {
        switch self {
        case .add: return "__add__"
        case .subtract: return "__sub__"
        case .multiply: return "__mul__"
        case .matrixMultiply: return "__matmul__"
        case .divide: return "__truediv__"
        case .floorDivide: return "__floordiv__"
        case .modulo: return "__mod__"
        case .power: return "__pow__"
        case .leftShift: return "__lshift__"
        case .rightShift: return "__rshift__"
        case .bitOr: return "__or__"
        case .bitXor: return "__xor__"
        case .bitAnd: return "__and__"
        }
    }

    /// The reflected special method (`__radd__`).
    public var reflectedMethodName: String {
        switch self {
        case .add: return "__radd__"
        case .subtract: return "__rsub__"
        case .multiply: return "__rmul__"
        case .matrixMultiply: return "__rmatmul__"
        case .divide: return "__rtruediv__"
        case .floorDivide: return "__rfloordiv__"
        case .modulo: return "__rmod__"
        case .power: return "__rpow__"
        case .leftShift: return "__rlshift__"
        case .rightShift: return "__rrshift__"
        case .bitOr: return "__ror__"
        case .bitXor: return "__rxor__"
        case .bitAnd: return "__rand__"
        }
    }

    /// The in-place special method (`__iadd__`).
    public var inPlaceMethodName: String {
        switch self {
        case .add: return "__iadd__"
        case .subtract: return "__isub__"
        case .multiply: return "__imul__"
        case .matrixMultiply: return "__imatmul__"
        case .divide: return "__itruediv__"
        case .floorDivide: return "__ifloordiv__"
        case .modulo: return "__imod__"
        case .power: return "__ipow__"
        case .leftShift: return "__ilshift__"
        case .rightShift: return "__irshift__"
        case .bitOr: return "__ior__"
        case .bitXor: return "__ixor__"
        case .bitAnd: return "__iand__"
        }
    }

    /// The operator for an augmented-assignment token (`+=` gives `.add`).
    static func augmented(_ kind: TokenKind) -> BinaryOperator? {
        switch kind {
        case .plusEqual: return .add
        case .minusEqual: return .subtract
        case .starEqual: return .multiply
        case .atEqual: return .matrixMultiply
        case .slashEqual: return .divide
        case .doubleSlashEqual: return .floorDivide
        case .percentEqual: return .modulo
        case .doubleStarEqual: return .power
        case .leftShiftEqual: return .leftShift
        case .rightShiftEqual: return .rightShift
        case .vbarEqual: return .bitOr
        case .circumflexEqual: return .bitXor
        case .amperEqual: return .bitAnd
        default: return nil
        }
    }
}

/// A unary operator (`ast.unaryop`).
public enum UnaryOperator: String, Hashable, Sendable, CaseIterable {
    case plus = "+", minus = "-", invert = "~", not = "not"
}

/// `and` / `or` (`ast.boolop`); both short-circuit and return an operand, not a bool.
public enum BoolOperator: String, Hashable, Sendable, CaseIterable {
    case and, or
}

/// A comparison operator (`ast.cmpop`).
public enum ComparisonOperator: String, Hashable, Sendable, CaseIterable {
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">"
    case greaterEqual = ">=", `is` = "is", isNot = "is not", `in` = "in", notIn = "not in"
}
