import MiniPython
import TensorEngine

/// Python operators on tensors: `+ - * / // % ** @ & | ^`, their reflected and in-place
/// forms, unary `- + ~ abs()`, and rich comparisons (elementwise, returning bool tensors).
///
/// An operand that is neither a tensor nor a Python number gives `NotImplemented`, so Python
/// raises its usual `unsupported operand type(s)` TypeError.
extension TensorType {
    typealias TensorBinary = (Tensor, Tensor) throws(TensorError) -> Tensor
    typealias ScalarBinary = (Tensor, Scalar) throws(TensorError) -> Tensor

    /// One operator: `x op y` with y a tensor or a number; `reflected` computes `y op x` for a number y.
    struct Operator: @unchecked Sendable {
        let name: String
        let tensor: TensorBinary
        let scalar: ScalarBinary?
        let reflected: ScalarBinary?
        /// The engine's in-place kernel for `x op= y`; nil writes the result back with `copy_`.
        let inPlaceTensor: TensorBinary?
        let inPlaceScalar: ScalarBinary?
    }

    static let operators: [Operator] = [
        Operator(name: "add", tensor: { (x, y) throws(TensorError) in try x.add(y) }, scalar: { (x, s) throws(TensorError) in try x.add(s) },
                 reflected: { (x, s) throws(TensorError) in try x.add(s) },
                 inPlaceTensor: { (x, y) throws(TensorError) in try x.add_(y) }, inPlaceScalar: { (x, s) throws(TensorError) in try x.add_(s) }),
        Operator(name: "sub", tensor: { (x, y) throws(TensorError) in try x.sub(y) }, scalar: { (x, s) throws(TensorError) in try x.sub(s) },
                 reflected: { (x, s) throws(TensorError) in try x.rsub(s) },
                 inPlaceTensor: { (x, y) throws(TensorError) in try x.sub_(y) }, inPlaceScalar: { (x, s) throws(TensorError) in try x.sub_(s) }),
        Operator(name: "mul", tensor: { (x, y) throws(TensorError) in try x.mul(y) }, scalar: { (x, s) throws(TensorError) in try x.mul(s) },
                 reflected: { (x, s) throws(TensorError) in try x.mul(s) },
                 inPlaceTensor: { (x, y) throws(TensorError) in try x.mul_(y) }, inPlaceScalar: { (x, s) throws(TensorError) in try x.mul_(s) }),
        Operator(name: "truediv", tensor: { (x, y) throws(TensorError) in try x.div(y) }, scalar: { (x, s) throws(TensorError) in try x.div(s) },
                 reflected: { (x, s) throws(TensorError) in try x.rdiv(s) },
                 inPlaceTensor: { (x, y) throws(TensorError) in try x.div_(y) }, inPlaceScalar: { (x, s) throws(TensorError) in try x.div_(s) }),
        Operator(name: "floordiv", tensor: { (x, y) throws(TensorError) in try x.floorDivide(y) }, scalar: nil,
                 reflected: { (x, s) throws(TensorError) in try wrapped(s).floorDivide(x) }, inPlaceTensor: nil, inPlaceScalar: nil),
        Operator(name: "mod", tensor: { (x, y) throws(TensorError) in try x.remainder(y) }, scalar: nil,
                 reflected: { (x, s) throws(TensorError) in try wrapped(s).remainder(x) }, inPlaceTensor: nil, inPlaceScalar: nil),
        Operator(name: "pow", tensor: { (x, y) throws(TensorError) in try x.pow(y) }, scalar: { (x, s) throws(TensorError) in try x.pow(s) },
                 reflected: { (x, s) throws(TensorError) in try x.rpow(s) },
                 inPlaceTensor: nil, inPlaceScalar: { (x, s) throws(TensorError) in try x.pow_(s) }),
        Operator(name: "matmul", tensor: { (x, y) throws(TensorError) in try x.matmul(y) }, scalar: { (_, _) throws(TensorError) in
                    throw TensorError.runtime("both arguments to matmul need to be at least 1D, but they are 1D and 0D") },
                 reflected: { (_, _) throws(TensorError) in
                    throw TensorError.runtime("both arguments to matmul need to be at least 1D, but they are 0D and 1D") },
                 inPlaceTensor: nil, inPlaceScalar: nil),
        Operator(name: "and", tensor: { (x, y) throws(TensorError) in try x.bitwise(y, "and") }, scalar: nil,
                 reflected: { (x, s) throws(TensorError) in try wrapped(s).bitwise(x, "and") }, inPlaceTensor: nil, inPlaceScalar: nil),
        Operator(name: "or", tensor: { (x, y) throws(TensorError) in try x.bitwise(y, "or") }, scalar: nil,
                 reflected: { (x, s) throws(TensorError) in try wrapped(s).bitwise(x, "or") }, inPlaceTensor: nil, inPlaceScalar: nil),
        Operator(name: "xor", tensor: { (x, y) throws(TensorError) in try x.bitwise(y, "xor") }, scalar: nil,
                 reflected: { (x, s) throws(TensorError) in try wrapped(s).bitwise(x, "xor") }, inPlaceTensor: nil, inPlaceScalar: nil),
    ]

    /// A Python number as a wrapped 0-dim tensor (see ``Scalars/tensor(_:)``).
    static func wrapped(_ s: Scalar) throws(TensorError) -> Tensor {
        switch s {
        case .bool: try Tensor.scalar(s, dtype: .bool)
        case .int: try Tensor.scalar(s, dtype: .int64)
        case .double: try Tensor.scalar(s, dtype: .float64)
        }
    }

    static func apply(_ op: Operator, _ x: Tensor, _ other: Operand) throws(TensorError) -> Tensor {
        switch other {
        case .tensor(let y): return try op.tensor(x, y)
        case .scalar(let s):
            if let scalar = op.scalar { return try scalar(x, s) }
            return try op.tensor(x, try wrapped(s))
        }
    }

    static func addOperators(_ type: PyType) {
        for op in operators {
            type.addMethod("__\(op.name)__(self, other, /)") { (_, args) throws(PyError) in
                guard let x = args[0].tensorValue, let other = try Operand(args[1]) else { return .notImplemented }
                return .tensor(try engine { try apply(op, x, other) })
            }
            type.addMethod("__r\(op.name)__(self, other, /)") { (_, args) throws(PyError) in
                guard let x = args[0].tensorValue, let other = try Operand(args[1]) else { return .notImplemented }
                switch other {
                case .tensor(let y): return .tensor(try engine { try op.tensor(y, x) })
                case .scalar(let s):
                    guard let reflected = op.reflected else { return .notImplemented }
                    return .tensor(try engine { try reflected(x, s) })
                }
            }
            type.addMethod("__i\(op.name)__(self, other, /)") { (_, args) throws(PyError) in
                guard let x = args[0].tensorValue, let other = try Operand(args[1]) else { return .notImplemented }
                try engine { () throws in
                    switch other {
                    case .tensor(let y):
                        if let f = op.inPlaceTensor { _ = try f(x, y) } else { _ = try x.copy_(try op.tensor(x, y)) }
                    case .scalar(let s):
                        if let f = op.inPlaceScalar { _ = try f(x, s) } else { _ = try x.copy_(try apply(op, x, other)) }
                    }
                }
                return args[0]
            }
        }
        // `__div__`-style aliases PyTorch also defines.
        if let div = type.lookup("__truediv__") { type.setMember("__div__", div) }

        let comparisons: [(String, TensorBinary, ScalarBinary)] = [
            ("eq", { (x, y) throws(TensorError) in try x.eq(y) }, { (x, s) throws(TensorError) in try x.eq(s) }),
            ("ne", { (x, y) throws(TensorError) in try x.ne(y) }, { (x, s) throws(TensorError) in try x.ne(s) }),
            ("lt", { (x, y) throws(TensorError) in try x.lt(y) }, { (x, s) throws(TensorError) in try x.lt(s) }),
            ("le", { (x, y) throws(TensorError) in try x.le(y) }, { (x, s) throws(TensorError) in try x.le(s) }),
            ("gt", { (x, y) throws(TensorError) in try x.gt(y) }, { (x, s) throws(TensorError) in try x.gt(s) }),
            ("ge", { (x, y) throws(TensorError) in try x.ge(y) }, { (x, s) throws(TensorError) in try x.ge(s) }),
        ]
        for (name, t, s) in comparisons {
            type.addMethod("__\(name)__(self, other, /)") { (_, args) throws(PyError) in
                guard let x = args[0].tensorValue, let other = try Operand(args[1]) else { return .notImplemented }
                switch other {
                case .tensor(let y): return .tensor(try engine { try t(x, y) })
                case .scalar(let v): return .tensor(try engine { try s(x, v) })
                }
            }
        }
        type.addMethod("__neg__(self, /)") { (_, args) throws(PyError) in
            let x = try receiver(args[0], "__neg__")
            return .tensor(try engine { try x.neg() })
        }
        type.addMethod("__pos__(self, /)") { (_, args) throws(PyError) in
            let x = try receiver(args[0], "__pos__")
            if x.dtype == .bool { throw PyError.runtimeError("The `+` operator, on a bool tensor is not supported.") }
            return args[0]
        }
        type.addMethod("__invert__(self, /)") { (_, args) throws(PyError) in
            let x = try receiver(args[0], "__invert__")
            return .tensor(try engine { try x.bitwiseNot() })
        }
        type.addMethod("__abs__(self, /)") { (_, args) throws(PyError) in
            let x = try receiver(args[0], "__abs__")
            return .tensor(try engine { try x.abs() })
        }
        type.addMethod("__round__(self, ndigits=None, /)") { (interp, args) throws(PyError) in
            let x = try receiver(args[0], "__round__")
            let d = args.isNone(1) ? 0 : try interp.expectInt(args[1])
            return .tensor(try engine { try x.round(decimals: d) })
        }
    }
}
