import Testing
@testable import MiniPython

/// Integer, float and imaginary literals.
@Suite struct NumberTests {
    private func intLiteral(_ source: String) throws -> IntLiteral {
        guard case .int(let literal) = try Lexer.tokenize(source)[0].value else {
            Issue.record("not an int: \(source)")
            return IntLiteral(text: "", radix: 10, digits: "0")
        }
        return literal
    }

    private func floatValue(_ source: String) throws -> Double? {
        guard case .float(let value) = try Lexer.tokenize(source)[0].value else { return nil }
        return value
    }

    @Test(arguments: [
        ("0", 0), ("42", 42), ("1_000_000", 1_000_000), ("0xFF", 255), ("0X_ff", 255), ("0o17", 15),
        ("0b1010", 10), ("0b_1_0", 2), ("00", 0), ("0_0", 0), ("9223372036854775807", Int.max),
    ])
    func integers(_ source: String, _ value: Int) throws {
        let literal = try intLiteral(source)
        #expect(literal.value == value)
        #expect(literal.text == source)
        #expect(literal.decimalDigits == String(value))
    }

    @Test func hugeIntegersKeepTheirDigits() throws {
        let literal = try intLiteral("123456789012345678901234567890")
        #expect(literal.value == nil)
        #expect(literal.decimalDigits == "123456789012345678901234567890")
        let hex = try intLiteral("0xFFFFFFFFFFFFFFFFFFFF")
        #expect(hex.value == nil)
        #expect(hex.radix == 16 && hex.digits == "ffffffffffffffffffff")
        #expect(hex.decimalDigits == "1208925819614629174706175")
        #expect(try intLiteral("9223372036854775808").value == nil)
    }

    @Test(arguments: [
        ("1.", 1.0), (".5", 0.5), ("1e-3", 0.001), ("1_000.5", 1000.5), ("1E10", 1e10), ("0e0", 0),
        ("1.5e+3", 1500), ("09.5", 9.5), ("1e400", .infinity),
    ])
    func floats(_ source: String, _ value: Double) throws {
        #expect(try floatValue(source) == value)
    }

    @Test func imaginaryLiteralsAreLexed() throws {
        #expect(try tokens("1j 2.5J 1e3j") == "IMAGINARY 1.0 IMAGINARY 2.5 IMAGINARY 1000.0 NEWLINE ENDMARKER")
    }

    @Test func numberFollowedByKeyword() throws {
        // Deprecated but valid in 3.11: `1if x else y`.
        #expect(try tokens("1if x else 2") == "INT 1 'if' NAME x 'else' INT 2 NEWLINE ENDMARKER")
        #expect(try tokens("1or 2") == "INT 1 'or' INT 2 NEWLINE ENDMARKER")
    }

    @Test func attributeOfAnInteger() throws {
        #expect(try tokens("1 .real") == "INT 1 '.' NAME real NEWLINE ENDMARKER")
    }
}
