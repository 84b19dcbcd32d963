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
        try binaryLevel([.vbar: .bitOr]) { (parser: inout Parser) throws(SyntaxError) in try parser.bitwiseXor() }
    }

    private mutating func bitwiseXor() throws(SyntaxError) -> Expr {
        try binaryLevel([.circumflex: .bitXor]) { (parser: inout Parser) throws(SyntaxError) in try parser.bitwiseAnd() }
    }

    private mutating func bitwiseAnd() throws(SyntaxError) -> Expr {
        try binaryLevel([.amper: .bitAnd]) { (parser: inout Parser) throws(SyntaxError) in try parser.shift() }
    }

    private mutating func shift() throws(SyntaxError) -> Expr {
        try binaryLevel([.leftShift: .leftShift, .rightShift: .rightShift]) { (parser: inout Parser) throws(SyntaxError) in
            try parser.sum()
        }
    }

    private mutating func sum() throws(SyntaxError) -> Expr {
        try binaryLevel([.plus: .add, .minus: .subtract]) { (parser: inout Parser) throws(SyntaxError) in try parser.term() }
    }

    private mutating func term() throws(SyntaxError) -> Expr {
        try binaryLevel(Self.termOperators) { (parser: inout Parser) throws(SyntaxError) in try parser.factor() }
    }

    private static let termOperators: [TokenKind: BinaryOperator] = [
        .star: .multiply, .slash: .divide, .doubleSlash: .floorDivide, .percent: .modulo, .at: .matrixMultiply,
    ]

    /// One left-associative level: `operand (op operand)*`.
    private mutating func binaryLevel(_ operators: [TokenKind: BinaryOperator],
                                      _ operand: (inout Parser) throws(SyntaxError) -> Expr) throws(SyntaxError) -> Expr {
        let start = peek.start
        let depth = self.depth
        defer { self.depth = depth }
        var left = try operand(&self)
        while let op = operators[peek.kind] {
            try nest()  // `left` gets one level deeper
            advance()
            let right = try operand(&self)
            left = .binary(left, op, right, range(from: start))
        }
        return left
    }

    /// Unary `+`, `-`, `~`.
    mutating func factor() throws(SyntaxError) -> Expr {
        let start = peek.start
        let depth = self.depth
        defer { self.depth = depth }
        try nest()
        let op: UnaryOperator
        switch peek.kind {
        case .plus: op = .plus
        case .minus: op = .minus
        case .tilde: op = .invert
        default: return try power()
        }
        advance()
        let operand = try factor()
        return .unary(op, operand, range(from: start))
    }

    /// `base ** exponent`, where the exponent is a `factor` (so `2 ** -1` and `2 ** 3 ** 2` work).
    private mutating func power() throws(SyntaxError) -> Expr {
        let start = peek.start
        if check(.await) { throw error(UNIMPLEMENTED.awaitExpression.message) }
        let base = try primary()
        guard match(.doubleStar) else { return base }
        let exponent = try factor()
        return .binary(base, .power, exponent, range(from: start))
    }
}
