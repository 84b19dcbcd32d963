/// Binary, unary, in-place and comparison operators: fast paths for the builtin types, then
/// CPython's dispatch through `__op__`/`__rop__` with `NotImplemented` fallbacks.
///
/// In CPython: `binary_op1` in `Objects/abstract.c`, `do_richcompare` in `Objects/object.c`.
extension Interpreter {
    // MARK: - Binary

    public func binaryOperation(_ op: BinaryOperator, _ a: PyValue, _ b: PyValue) throws(PyError) -> PyValue {
        if !a.type.isHeapType && !b.type.isHeapType, let result = try nativeBinary(op, a, b) { return result }
        let leftType = a.type, rightType = b.type
        let name = op.methodName
        let reflected = op.reflectedMethodName
        let leftMethod = leftType.lookup(name)
        let rightMethod = rightType !== leftType ? rightType.lookup(reflected) : nil
        var triedRight = false
        if let rightMethod, rightType.isSubtype(of: leftType), !rightMethod.isNone {
            triedRight = true
            let result = try call(try bind(rightMethod, to: b, rightType), [a])
            if !result.isNotImplemented { return result }
        }
        if let leftMethod, !leftMethod.isNone {
            let result = try call(try bind(leftMethod, to: a, leftType), [b])
            if !result.isNotImplemented { return result }
        }
        if let rightMethod, !triedRight, !rightMethod.isNone {
            let result = try call(try bind(rightMethod, to: b, rightType), [a])
            if !result.isNotImplemented { return result }
        }
        throw binaryTypeError(op, a, b)
    }

    /// `a op b` trying the method cached at a compiled site first (see ``BinarySite``).
    func binaryOperation(_ op: BinaryOperator, _ a: PyValue, _ b: PyValue, _ site: BinarySite) throws(PyError) -> PyValue {
        if case .object(let o) = a, let method = site.method(o.type) {
            let rightType = b.type
            // A subclass on the right would get the first try (its reflected method).
            if rightType === o.type || !rightType.isSubtype(of: o.type) {
                try checkInterrupt()
                try checkStack()
                let result = try method.call(self, Arguments([a, b]))
                if !result.isNotImplemented { return result }
            }
        }
        return try binaryOperation(op, a, b)
    }

    private func binaryTypeError(_ op: BinaryOperator, _ a: PyValue, _ b: PyValue) -> PyError {
        if op == .add {
            for (type, name) in [(PyType.str, "str"), (.list, "list"), (.tuple, "tuple")] where a.type.isSubtype(of: type) {
                return PyError.typeError("can only concatenate \(name) (not \"\(b.type.name)\") to \(name)")
            }
        }
        if op == .multiply {
            for sequence in [a, b] where isSequenceForRepeat(sequence) {
                let other = sequence.isIdentical(to: a) ? b : a
                return PyError.typeError("can't multiply sequence by non-int of type '\(other.type.name)'")
            }
        }
        return PyError.typeError("unsupported operand type(s) for \(op.rawValue): '\(a.type.name)' and '\(b.type.name)'")
    }

    private func isSequenceForRepeat(_ v: PyValue) -> Bool {
        if case .str = v { return true }
        return v.as(PyList.self) != nil || v.as(PyTuple.self) != nil
    }

    /// `a op= b`: `__iop__` if the type has it, else the binary operator.
    public func inplaceOperation(_ op: BinaryOperator, _ a: PyValue, _ b: PyValue) throws(PyError) -> PyValue {
        if case .object(let o) = a {
            if let list = o as? PyList, o.type === PyType.list {
                if op == .add {
                    list.items += try toArray(b)
                    return a
                }
                if op == .multiply, case .int = b {
                    list.items = try repeated(list.items, b)
                    return a
                }
            }
            let name = op.inPlaceMethodName
            if let method = o.type.lookup(name), !method.isNone {
                let result = try call(try bind(method, to: a, o.type), [b])
                if !result.isNotImplemented { return result }
            }
        }
        return try binaryOperation(op, a, b)
    }

    /// The builtin types' arithmetic; nil when the operands are not handled here.
    func nativeBinary(_ op: BinaryOperator, _ a: PyValue, _ b: PyValue) throws(PyError) -> PyValue? {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            return try intBinary(op, x, y)
        case (.float(let x), .float(let y)):
            return try floatBinary(op, x, y)
        case (.int(let x), .float(let y)):
            return try floatBinary(op, try toDouble(x), y)
        case (.float(let x), .int(let y)):
            return try floatBinary(op, x, try toDouble(y))
        case (.bool(let x), .bool(let y)):
            switch op {
            case .bitAnd: return .bool(x && y)
            case .bitOr: return .bool(x || y)
            case .bitXor: return .bool(x != y)
            default: return try nativeBinary(op, PyValue(x ? 1 : 0), PyValue(y ? 1 : 0))
            }
        case (.bool(let x), _):
            return try nativeBinary(op, PyValue(x ? 1 : 0), b)
        case (_, .bool(let y)):
            return try nativeBinary(op, a, PyValue(y ? 1 : 0))
        case (.str(let x), .str(let y)):
            if op == .add { return .str(x + y) }
            if op == .modulo { return .str(try percentFormat(x, b)) }
            return nil
        case (.str(let x), .int):
            if op == .multiply { return .str(try repeatedString(x, b)) }
            if op == .modulo { return .str(try percentFormat(x, b)) }
            return nil
        case (.int, .str(let y)):
            return op == .multiply ? .str(try repeatedString(y, a)) : nil
        case (.str(let x), _):
            return op == .modulo ? .str(try percentFormat(x, b)) : nil
        case (.object(let x), _):
            return try objectBinary(op, x, a, b)
        case (_, .object(let y)):
            if op == .multiply, case .int = a {
                if let list = y as? PyList { return .list(try repeated(list.items, a)) }
                if let tuple = y as? PyTuple { return .tuple(try repeated(tuple.items, a)) }
            }
            return nil
        default:
            return nil
        }
    }

    private func objectBinary(_ op: BinaryOperator, _ x: PyObject, _ a: PyValue, _ b: PyValue) throws(PyError) -> PyValue? {
        if let list = x as? PyList {
            switch op {
            case .add: if let other = b.as(PyList.self) { return .list(list.items + other.items) }
            case .multiply: if case .int = b { return .list(try repeated(list.items, b)) }
            default: break
            }
            return nil
        }
        if let tuple = x as? PyTuple, x.type.usesBuiltinFastPaths || x.type.isHeapType, b.type.usesBuiltinFastPaths || b.type.isHeapType {
            switch op {
            case .add: if let other = b.as(PyTuple.self) { return .tuple(tuple.items + other.items) }
            case .multiply: if case .int = b { return .tuple(try repeated(tuple.items, b)) }
            default: break
            }
            return nil
        }
        if let set = x as? PySet, let other = b.as(PySet.self) {
            switch op {
            case .bitOr: return .object(try setUnion(set, other))
            case .bitAnd: return .object(try setIntersection(set, other))
            case .subtract: return .object(try setDifference(set, other))
            case .bitXor: return .object(try setSymmetricDifference(set, other))
            default: return nil
            }
        }
        if let dict = x as? PyDict, op == .bitOr, let other = b.as(PyDict.self) {
            let result = dict.copy()
            for (k, v) in other.items { try result.set(k, v, self) }
            return .object(result)
        }
        if let view = x as? PyDictView, view.kind != .values, [.bitOr, .bitAnd, .subtract, .bitXor].contains(op) {
            let left = PySet()
            for item in try toArray(a) { try left.add(item, self) }
            let right = PySet()
            for item in try toArray(b) { try right.add(item, self) }
            return try objectBinary(op, left, .object(left), .object(right))
        }
        return nil
    }

    private func intBinary(_ op: BinaryOperator, _ x: PyIntValue, _ y: PyIntValue) throws(PyError) -> PyValue? {
        do throws(PyNumberError) {
            switch op {
            case .add: return .int(x + y)
            case .subtract: return .int(x - y)
            case .multiply:
                // Like `**` and `<<`, a product beyond `maxBitLength` is a MemoryError, not minutes of work.
                if x.bitLength + y.bitLength > PyIntValue.maxBitLength + 1 { throw PyNumberError.memory }
                return .int(x * y)
            case .divide: return .float(try x.trueDivided(by: y))
            case .floorDivide: return .int(try x.floorDivided(by: y))
            case .modulo: return .int(try x.modulo(y))
            case .power:
                switch try x.power(y) {
                case .int(let r): return .int(r)
                case .float(let r): return .float(r)
                }
            case .leftShift: return .int(try x.shiftedLeft(by: y))
            case .rightShift: return .int(try x.shiftedRight(by: y))
            case .bitAnd: return .int(x & y)
            case .bitOr: return .int(x | y)
            case .bitXor: return .int(x ^ y)
            case .matrixMultiply: return nil
            }
        } catch {
            throw PyError(numberError: error)
        }
    }

    private func floatBinary(_ op: BinaryOperator, _ x: Double, _ y: Double) throws(PyError) -> PyValue? {
        do throws(PyNumberError) {
            switch op {
            case .add: return .float(x + y)
            case .subtract: return .float(x - y)
            case .multiply: return .float(x * y)
            case .divide: return .float(try PyFloatOps.trueDivide(x, y))
            case .floorDivide: return .float(try PyFloatOps.floorDivide(x, y))
            case .modulo: return .float(try PyFloatOps.modulo(x, y))
            case .power: return .float(try PyFloatOps.power(x, y))
            default: return nil
            }
        } catch {
            throw PyError(numberError: error)
        }
    }

    func toDouble(_ i: PyIntValue) throws(PyError) -> Double {
        do throws(PyNumberError) { return try i.toDouble() } catch { throw PyError(numberError: error) }
    }

    /// `items * n` with CPython's limits: a negative count gives an empty result, an absurd
    /// one `MemoryError` (or `OverflowError` beyond a machine int).
    func repeated(_ items: [PyValue], _ count: PyValue) throws(PyError) -> [PyValue] {
        guard case .int(let c) = count else { throw PyError.typeError("can't multiply sequence by non-int") }
        guard let n = c.asInt else {
            throw PyError.overflowError("cannot fit 'int' into an index-sized integer")
        }
        if n <= 0 || items.isEmpty { return [] }
        let (total, overflow) = items.count.multipliedReportingOverflow(by: n)
        if overflow || total > Interpreter.maxSequenceLength { throw PyError.memoryError() }
        var result: [PyValue] = []
        result.reserveCapacity(total)
        for _ in 0..<n { result += items }
        return result
    }

    private func repeatedString(_ s: String, _ count: PyValue) throws(PyError) -> String {
        guard case .int(let c) = count else { return "" }
        guard let n = c.asInt else { throw PyError.overflowError("cannot fit 'int' into an index-sized integer") }
        if n <= 0 || s.isEmpty { return "" }
        let (total, overflow) = s.utf8.count.multipliedReportingOverflow(by: n)
        if overflow || total > Interpreter.maxStringLength { throw PyError.memoryError() }
        return String(repeating: s, count: n)
    }

    /// The largest list, tuple or string MiniPython will build, in bytes (larger ones raise
    /// `MemoryError`): 2 GB, an allocation any 64-bit system grants (a failed allocation would
    /// trap). The fuzzer lowers it.
    nonisolated(unsafe) public static var maxSequenceBytes = 1 << 31
    /// The most items of a list or tuple (see ``maxSequenceBytes``).
    static var maxSequenceLength: Int { maxSequenceBytes / MemoryLayout<PyValue>.stride }
    /// The most UTF-8 bytes of a string (see ``maxSequenceBytes``).
    static var maxStringLength: Int { maxSequenceBytes }

    // MARK: - Unary

    public func unaryOperation(_ op: UnaryOperator, _ v: PyValue) throws(PyError) -> PyValue {
        switch (op, v) {
        case (.minus, .int(let i)): return .int(-i)
        case (.minus, .float(let d)): return .float(-d)
        case (.minus, .bool(let b)): return PyValue(b ? -1 : 0)
        case (.plus, .int), (.plus, .float): return v
        case (.plus, .bool(let b)): return PyValue(b ? 1 : 0)
        case (.invert, .int(let i)): return .int(~i)
        case (.invert, .bool(let b)): return PyValue(b ? -2 : -1)
        case (.not, _): return .bool(!(try isTrue(v)))
        default: break
        }
        let name: String
        switch op {
        case .minus: name = "__neg__"
        case .plus: name = "__pos__"
        case .invert: name = "__invert__"
        case .not: name = "__bool__"
        }
        if let result = try callSpecial(v, name) { return result }
        throw PyError.typeError("bad operand type for unary \(op.rawValue): '\(v.type.name)'")
    }

    // MARK: - Comparison

    public func compare(_ op: ComparisonOperator, _ a: PyValue, _ b: PyValue) throws(PyError) -> PyValue {
        switch op {
        case .is: return .bool(a.isIdentical(to: b))
        case .isNot: return .bool(!a.isIdentical(to: b))
        case .in: return .bool(try contains(b, a))
        case .notIn: return .bool(!(try contains(b, a)))
        default: return try richCompare(op, a, b)
        }
    }

    /// `a == b`, `a < b`...: the result of the special method (usually a bool, but
    /// TorchBridge's tensors return tensors).
    public func richCompare(_ op: ComparisonOperator, _ a: PyValue, _ b: PyValue) throws(PyError) -> PyValue {
        if !a.type.isHeapType && !b.type.isHeapType, let order = try nativeCompare(a, b, equalityOnly: op == .equal || op == .notEqual) {
            return .bool(order.satisfies(op))
        }
        let (name, reflectedName) = Interpreter.compareMethodNames(op)
        let leftType = a.type, rightType = b.type
        var triedRight = false
        if rightType !== leftType, rightType.isSubtype(of: leftType), let method = rightType.lookup(reflectedName), !method.isNone {
            triedRight = true
            let result = try call(try bind(method, to: b, rightType), [a])
            if !result.isNotImplemented { return result }
        }
        if let method = leftType.lookup(name), !method.isNone {
            let result = try call(try bind(method, to: a, leftType), [b])
            if !result.isNotImplemented { return result }
        }
        if !triedRight, let method = rightType.lookup(reflectedName), !method.isNone {
            let result = try call(try bind(method, to: b, rightType), [a])
            if !result.isNotImplemented { return result }
        }
        switch op {
        case .equal: return .bool(a.isIdentical(to: b))
        case .notEqual: return .bool(!a.isIdentical(to: b))
        default:
            throw PyError.typeError("'\(op.rawValue)' not supported between instances of '\(leftType.name)' and '\(rightType.name)'")
        }
    }

    static func compareMethodNames(_ op: ComparisonOperator) -> (String, String) {
        switch op {
        case .equal: return ("__eq__", "__eq__")
        case .notEqual: return ("__ne__", "__ne__")
        case .less: return ("__lt__", "__gt__")
        case .lessEqual: return ("__le__", "__ge__")
        case .greater: return ("__gt__", "__lt__")
        case .greaterEqual: return ("__ge__", "__le__")
        default: return ("", "")
        }
    }

    /// The outcome of comparing two builtin values.
    enum Order {
        case less, equal, greater
        /// Unordered (NaN) or, for equality-only comparisons, different.
        case unordered
        case notEqual

        func satisfies(_ op: ComparisonOperator) -> Bool {
            switch (self, op) {
            case (.less, .less), (.less, .lessEqual), (.less, .notEqual): return true
            case (.equal, .equal), (.equal, .lessEqual), (.equal, .greaterEqual): return true
            case (.greater, .greater), (.greater, .greaterEqual), (.greater, .notEqual): return true
            case (.unordered, .notEqual), (.notEqual, .notEqual): return true
            default: return false
            }
        }
    }

    /// Compares builtin values; nil when it takes Python-level dispatch.
    func nativeCompare(_ a: PyValue, _ b: PyValue, equalityOnly: Bool) throws(PyError) -> Order? {
        func order(_ c: Int?) -> Order { c.map { $0 < 0 ? .less : ($0 > 0 ? .greater : .equal) } ?? .unordered }
        switch (a, b) {
        case (.int(let x), .int(let y)): return order(PyIntValue.compare(x, y))
        case (.float(let x), .float(let y)): return order(x.isNaN || y.isNaN ? nil : (x < y ? -1 : (x > y ? 1 : 0)))
        case (.int(let x), .float(let y)): return order(PyFloatOps.compare(x, y))
        case (.float(let x), .int(let y)): return order(PyFloatOps.compare(y, x).map { -$0 })
        case (.bool(let x), _): return try nativeCompare(PyValue(x ? 1 : 0), b, equalityOnly: equalityOnly)
        case (_, .bool(let y)):
            if case .none = a { return equalityOnly ? .notEqual : nil }
            if case .str = a { return equalityOnly ? .notEqual : nil }
            return try nativeCompare(a, PyValue(y ? 1 : 0), equalityOnly: equalityOnly)
        case (.str(let x), .str(let y)):
            if x.utf8.elementsEqual(y.utf8) { return .equal }
            return x.utf8.lexicographicallyPrecedes(y.utf8) ? .less : .greater
        case (.none, .none): return .equal
        case (.object(let x), .object(let y)):
            if let l = x as? PyList, let r = y as? PyList { return try compareSequences(l.items, r.items, equalityOnly) }
            if let l = x as? PyTuple, let r = y as? PyTuple { return try compareSequences(l.items, r.items, equalityOnly) }
            if equalityOnly {
                if let l = x as? PyDict, let r = y as? PyDict { return try dictsEqual(l, r) ? .equal : .notEqual }
                if let l = x as? PySet, let r = y as? PySet {
                    if l.count != r.count { return .notEqual }
                    return try isSubset(l, r) ? .equal : .notEqual
                }
                if let l = x as? PyRange, let r = y as? PyRange {
                    return try compareSequences(try toArray(.object(l)), try toArray(.object(r)), true)
                }
            }
            if let l = x as? PySet, let r = y as? PySet, !equalityOnly {
                // Subset order: only used by <, <=, >, >= (not a total order).
                let sub = try isSubset(l, r), sup = try isSubset(r, l)
                if sub && sup { return .equal }
                if sub { return .less }
                if sup { return .greater }
                return .unordered
            }
            if x === y, equalityOnly, x.type.usesBuiltinFastPaths, x.type.lookup("__eq__").flatMap({ $0.as(PyBuiltinFunction.self) }) != nil {
                return .equal
            }
            return nil
        case (.none, _), (_, .none):
            return equalityOnly ? .notEqual : nil
        case (.str, .int), (.str, .float), (.int, .str), (.float, .str):
            return equalityOnly ? .notEqual : nil
        default:
            return nil
        }
    }

    private func compareSequences(_ l: [PyValue], _ r: [PyValue], _ equalityOnly: Bool) throws(PyError) -> Order {
        try checkStack()
        if equalityOnly && l.count != r.count { return .notEqual }
        for (x, y) in zip(l, r) {
            if x.isIdentical(to: y) { continue }
            if try !isTrue(try richCompare(.equal, x, y)) {
                if equalityOnly { return .notEqual }
                if try isTrue(try richCompare(.less, x, y)) { return .less }
                if try isTrue(try richCompare(.greater, x, y)) { return .greater }
                return .unordered
            }
        }
        return l.count < r.count ? .less : (l.count > r.count ? .greater : .equal)
    }

    private func dictsEqual(_ l: PyDict, _ r: PyDict) throws(PyError) -> Bool {
        guard l.count == r.count else { return false }
        for (k, v) in l.items {
            guard let other = try r.get(k, self) else { return false }
            if !v.isIdentical(to: other), try !isTrue(try richCompare(.equal, v, other)) { return false }
        }
        return true
    }

    /// `a == b` as a Swift Bool (what `list.index`, `in` and dict lookups use).
    public func equals(_ a: PyValue, _ b: PyValue) throws(PyError) -> Bool {
        if a.isIdentical(to: b) { return true }
        return try isTrue(try richCompare(.equal, a, b))
    }

    /// Key equality for dicts and sets: identity first, then `==`.
    func keysEqual(_ a: PyValue, _ b: PyValue) throws(PyError) -> Bool {
        switch (a, b) {
        case (.str(let x), .str(let y)): return x.utf8.elementsEqual(y.utf8)
        case (.int(let x), .int(let y)): return x == y
        case (.str, _), (_, .str): if case .object = a {} else if case .object = b {} else { return false }
        default: break
        }
        return try equals(a, b)
    }

    /// `a < b` as a Swift Bool (sorting, `min`, `max`).
    public func lessThan(_ a: PyValue, _ b: PyValue) throws(PyError) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y
        case (.float(let x), .float(let y)): return x < y
        default: return try isTrue(try richCompare(.less, a, b))
        }
    }
}

extension PyError {
    /// The Python exception for an error of the numeric core.
    public init(numberError: PyNumberError) {
        let type: PyType
        switch numberError.kind {
        case .zeroDivision: type = .zeroDivisionError
        case .overflow: type = .overflowError
        case .value: type = .valueError
        case .type: type = .typeError
        case .memory: type = .memoryError
        }
        self.init(type: type, message: numberError.message)
    }
}
