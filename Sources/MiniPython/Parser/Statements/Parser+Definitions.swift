/// Function and class definitions, decorators, and parameter lists (shared with `lambda`).
///
/// Grammar (`Grammar/python.gram`, abridged):
///
///     decorators: ('@' named_expression NEWLINE)+
///     function_def_raw: 'def' NAME '(' [params] ')' ['->' expression] ':' block
///     class_def_raw: 'class' NAME ['(' [arguments] ')'] ':' block
///     parameters: slash_no_default param_no_default* param_with_default* [star_etc] | ...
///     star_etc: '*' param param_maybe_default* [kwds] | '*' ',' param_maybe_default+ [kwds] | kwds
extension Parser {
    mutating func decorated() throws(SyntaxError) -> Stmt {
        var decorators: [Expr] = []
        while match(.at) {
            decorators.append(try namedExpression())
            if !match(.newline) { throw invalidSyntax() }
        }
        switch peekKind() {
        case .def: return try functionDefinition(decorators: decorators)
        case .class: return try classDefinition(decorators: decorators)
        case .async: throw error(UNIMPLEMENTED.asyncStatement.message)
        default: throw invalidSyntax()
        }
    }

    mutating func functionDefinition(decorators: [Expr]) throws(SyntaxError) -> Stmt {
        let keyword = advance()
        let name = try consumeName()
        try consume(.leftParen, "expected '('")
        let parameters = try parameterList(closing: .rightParen, isLambda: false)
        try consume(.rightParen, "invalid syntax")
        let returns = match(.arrow) ? try expression() : nil
        try consume(.colon, "expected ':'")
        let (body, bodyScope) = try withScope({ $0 = Scope(kind: .function) }) { (parser: inout Parser) throws(SyntaxError) in
            try parser.block(after: "function definition", line: keyword.start.line)
        }
        let definition = FunctionDef(name: name, parameters: parameters, body: body, decorators: decorators,
                                     returns: returns, isGenerator: bodyScope.sawYield)
        return .functionDef(definition, range(from: keyword.start))
    }

    mutating func classDefinition(decorators: [Expr]) throws(SyntaxError) -> Stmt {
        let keyword = advance()
        let name = try consumeName()
        var arguments: [Argument] = []
        if match(.leftParen) {
            arguments = try callArguments()
            try closing(.rightParen, after: lastArgumentExpression(arguments))
        }
        try expectColon()
        let (body, _) = try withScope({ $0 = Scope(kind: .classBody) }) { (parser: inout Parser) throws(SyntaxError) in
            try parser.block(after: "class definition", line: keyword.start.line)
        }
        let definition = ClassDef(name: name, arguments: arguments, body: body, decorators: decorators)
        return .classDef(definition, range(from: keyword.start))
    }

    /// The parameters of a `def` (up to `)`) or a `lambda` (up to `:`), checked the way CPython's
    /// `invalid_parameters` rules do.
    mutating func parameterList(closing: TokenKind, isLambda: Bool) throws(SyntaxError) -> Parameters {
        var parameters = Parameters()
        var seenDefault = false
        var bareStar: Token?
        var seenStar = false
        var seenSlash = false
        var names: Set<String> = []
        while !check(closing) {
            if check(.slash) {
                if seenStar { throw error("/ must be ahead of *") }
                if seenSlash { throw error("/ may appear only once") }
                if parameters.positional.isEmpty { throw invalidSyntax() }
                advance()
                seenSlash = true
                parameters.positionalOnly = parameters.positional
                parameters.positional = []
            } else if check(.star) {
                let star = advance()
                if seenStar { throw error("* argument may appear only once", at: star.range) }
                seenStar = true
                if check(.comma) || check(closing) {
                    bareStar = star
                } else {
                    let parameter = try self.parameter(isLambda: isLambda)
                    if check(.equal) { throw error("var-positional argument cannot have default value") }
                    checkDuplicate(parameter, &names)
                    parameters.varArgs = parameter
                }
            } else if match(.doubleStar) {
                let parameter = try self.parameter(isLambda: isLambda)
                if check(.equal) { throw error("var-keyword argument cannot have default value") }
                checkDuplicate(parameter, &names)
                parameters.varKeywords = parameter
                if match(.comma) && !check(closing) { throw error("arguments cannot follow var-keyword argument") }
                break
            } else {
                var parameter = try self.parameter(isLambda: isLambda)
                if match(.equal) {
                    parameter.defaultValue = try expression()
                    parameter.range = range(from: parameter.range.start)
                    if !seenStar { seenDefault = true }
                } else if !seenStar && seenDefault {
                    throw error("non-default argument follows default argument", at: parameter.range)
                }
                checkDuplicate(parameter, &names)
                if seenStar { parameters.keywordOnly.append(parameter) } else { parameters.positional.append(parameter) }
            }
            if !match(.comma) { break }
        }
        if let bareStar, parameters.keywordOnly.isEmpty {
            throw error("named arguments must follow bare *", at: bareStar.range)
        }
        return parameters
    }

    /// `duplicate argument 'a' in function definition` (a symbol-table error in CPython).
    private mutating func checkDuplicate(_ parameter: Parameter, _ names: inout Set<String>) {
        if !names.insert(parameter.name).inserted {
            compileError("duplicate argument '\(parameter.name)' in function definition", at: parameter.range)
        }
    }

    /// `name` or, in a `def`, `name: annotation`.
    private mutating func parameter(isLambda: Bool) throws(SyntaxError) -> Parameter {
        if check(.leftParen) {
            let start = peekStart
            var depth = 0
            repeat {
                if check(.leftParen) { depth += 1 } else if check(.rightParen) { depth -= 1 }
                if check(.newline) || check(.endOfFile) { throw invalidSyntax() }
                advance()
            } while depth > 0
            let kind = isLambda ? "Lambda expression" : "Function"
            throw error("\(kind) parameters cannot be parenthesized", at: range(from: start))
        }
        let start = peekStart
        let name = try consumeName()
        var annotation: Expr?
        if !isLambda && match(.colon) {
            annotation = try check(.star) ? starredBitwiseOr() : expression()
        }
        return Parameter(name: name, annotation: annotation, defaultValue: nil, range: range(from: start))
    }
}
