/// The binary and unary operators, from `|` down to `**`, each a left-associative loop except
/// `**`, which is right-associative and binds tighter than a unary operator on its left
/// (`-2 ** 2 == -4`) but looser than one on its right (`2 ** -1`).
///
/// Grammar (`Grammar/python.gram`), loosest first:
///
///     bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor
///     bitwise_xor: bitwise_xor '^' bitwise_and | bitwise_and
///     bitwise_and: bitwise_and '&' shift_expr | shift_expr
///     shift_expr: shift_expr ('<<' | '>>') sum | sum
///     sum: sum ('+' | '-') term | term
///     term: term ('*' | '/' | '//' | '%' | '@') factor | factor
///     factor: ('+' | '-' | '~') factor | power
///     power: await_primary '**' factor | await_primary
extension Parser {
    mutating func bitwiseOr() throws(SyntaxError) -> Expr {
        try binaryLevel({ $0 == .vbar ? .bitOr : nil }) { (parser: inout Parser) throws(SyntaxError) in try parser.bitwiseXor() }
    }

    private mutating func bitwiseXor() throws(SyntaxError) -> Expr {
        try binaryLevel({ $0 == .circumflex ? .bitXor : nil }) { (parser: inout Parser) throws(SyntaxError) in try parser.bitwiseAnd() }
    }

    private mutating func bitwiseAnd() throws(SyntaxError) -> Expr {
        try binaryLevel({ $0 == .amper ? .bitAnd : nil }) { (parser: inout Parser) throws(SyntaxError) in try parser.shift() }
    }

    private mutating func shift() throws(SyntaxError) -> Expr {
        try binaryLevel({ $0 == .leftShift ? .leftShift : $0 == .rightShift ? .rightShift : nil }) { (parser: inout Parser) throws(SyntaxError) in
            try parser.sum()
        }
    }

    private mutating func sum() throws(SyntaxError) -> Expr {
        try binaryLevel({ $0 == .plus ? .add : $0 == .minus ? .subtract : nil }) { (parser: inout Parser) throws(SyntaxError) in try parser.term() }
    }

    private mutating func term() throws(SyntaxError) -> Expr {
        try binaryLevel(Self.termOperator) { (parser: inout Parser) throws(SyntaxError) in try parser.factor() }
    }

    private static func termOperator(_ kind: TokenKind) -> BinaryOperator? {
        switch kind {
        case .star: return .multiply
        case .slash: return .divide
        case .doubleSlash: return .floorDivide
        case .percent: return .modulo
        case .at: return .matrixMultiply
        default: return nil
        }
    }

    /// One left-associative level: `operand (op operand)*`.
    private mutating func binaryLevel(_ operators: (TokenKind) -> BinaryOperator?,
                                      _ operand: (inout Parser) throws(SyntaxError) -> Expr) throws(SyntaxError) -> Expr {
        let start = peekStart
        var left = try operand(&self)
        let outerDepth = depth
        defer { depth = outerDepth }
        while let op = operators(peekKind()) {
            try nest()
            advance()
            let right = try operand(&self)
            left = .binary(left, op, right, range(from: start))
        }
        return left
    }

    /// Unary `+`, `-`, `~`.
    mutating func factor() throws(SyntaxError) -> Expr {
        let start = peekStart
        let op: UnaryOperator
        switch peekKind() {
        case .plus: op = .plus
        case .minus: op = .minus
        case .tilde: op = .invert
        default: return try power()
        }
        advance()
        try nest()
        defer { depth -= 1 }
        let operand = try factor()
        return .unary(op, operand, range(from: start))
    }

    /// `base ** exponent`, where the exponent is a `factor` (so `2 ** -1` and `2 ** 3 ** 2` work).
    private mutating func power() throws(SyntaxError) -> Expr {
        let start = peekStart
        if check(.await) { throw error(UNIMPLEMENTED.awaitExpression.message) }
        let base = try primary()
        guard match(.doubleStar) else { return base }
        try nest()
        defer { depth -= 1 }
        let exponent = try factor()
        return .binary(base, .power, exponent, range(from: start))
    }
}
