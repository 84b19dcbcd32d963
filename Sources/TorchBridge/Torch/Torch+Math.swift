import MiniPython
import TensorEngine

/// Elementwise math: arithmetic, unary functions, comparisons, logical ops, `where`, `clamp`.
///
/// Reference: https://pytorch.org/docs/stable/torch.html#pointwise-ops
enum MathOps {
    // MARK: - Unary

    /// A unary op with its in-place form: `torch.exp(input)`, `Tensor.exp()`, `Tensor.exp_()`.
    /// `inPlace` is the engine's own in-place kernel; without one, `name_` writes the result back
    /// with `copy_`.
    static func unary(_ name: String, _ op: @escaping (Tensor) throws(TensorError) -> Tensor,
                      inPlace: ((Tensor) throws(TensorError) -> Tensor)? = nil) -> [TorchOp] {
        [
            TorchOp(name) { (_, args) throws(PyError) in
                let x = try args.tensor(0)
                return .tensor(try engine { try op(x) })
            },
            TorchOp(name + "_", "", .both) { (_, args) throws(PyError) in
                let x = try args.tensor(0)
                try engine { () throws in
                    if let inPlace { _ = try inPlace(x) } else { _ = try x.copy_(try op(x)) }
                }
                return args.selfValue
            },
        ]
    }

    static let unaryOps: [TorchOp] = {
        var ops: [TorchOp] = []
        ops += unary("abs", { (x) throws(TensorError) in try x.abs() }, inPlace: { (x) throws(TensorError) in try x.abs_() })
        ops += unary("absolute", { (x) throws(TensorError) in try x.abs() })
        ops += unary("neg", { (x) throws(TensorError) in try x.neg() }, inPlace: { (x) throws(TensorError) in try x.neg_() })
        ops += unary("negative", { (x) throws(TensorError) in try x.neg() }, inPlace: { (x) throws(TensorError) in try x.neg_() })
        ops += unary("sign", { (x) throws(TensorError) in try x.sign() })
        ops += unary("exp", { (x) throws(TensorError) in try x.exp() }, inPlace: { (x) throws(TensorError) in try x.exp_() })
        ops += unary("exp2", { (x) throws(TensorError) in try x.exp2() })
        ops += unary("expm1", { (x) throws(TensorError) in try x.expm1() })
        ops += unary("log", { (x) throws(TensorError) in try x.log() })
        ops += unary("log2", { (x) throws(TensorError) in try x.log2() })
        ops += unary("log10", { (x) throws(TensorError) in try x.log10() })
        ops += unary("log1p", { (x) throws(TensorError) in try x.log1p() })
        ops += unary("sqrt", { (x) throws(TensorError) in try x.sqrt() }, inPlace: { (x) throws(TensorError) in try x.sqrt_() })
        ops += unary("rsqrt", { (x) throws(TensorError) in try x.rsqrt() })
        ops += unary("reciprocal", { (x) throws(TensorError) in try x.reciprocal() })
        ops += unary("square", { (x) throws(TensorError) in try x.square() })
        ops += unary("sin", { (x) throws(TensorError) in try x.sin() })
        ops += unary("cos", { (x) throws(TensorError) in try x.cos() })
        ops += unary("tan", { (x) throws(TensorError) in try x.tan() })
        ops += unary("tanh", { (x) throws(TensorError) in try x.tanh() }, inPlace: { (x) throws(TensorError) in try x.tanh_() })
        ops += unary("asin", { (x) throws(TensorError) in try x.asin() })
        ops += unary("arcsin", { (x) throws(TensorError) in try x.asin() })
        ops += unary("acos", { (x) throws(TensorError) in try x.acos() })
        ops += unary("arccos", { (x) throws(TensorError) in try x.acos() })
        ops += unary("atan", { (x) throws(TensorError) in try x.atan() })
        ops += unary("arctan", { (x) throws(TensorError) in try x.atan() })
        ops += unary("sinh", { (x) throws(TensorError) in try x.sinh() })
        ops += unary("cosh", { (x) throws(TensorError) in try x.cosh() })
        ops += unary("erf", { (x) throws(TensorError) in try x.erf() })
        ops += unary("sigmoid", { (x) throws(TensorError) in try x.sigmoid() }, inPlace: { (x) throws(TensorError) in try x.sigmoid_() })
        ops += unary("relu", { (x) throws(TensorError) in try x.relu() }, inPlace: { (x) throws(TensorError) in try x.relu_() })
        ops += unary("floor", { (x) throws(TensorError) in try x.floor() })
        ops += unary("ceil", { (x) throws(TensorError) in try x.ceil() })
        ops += unary("trunc", { (x) throws(TensorError) in try x.trunc() })
        ops += unary("fix", { (x) throws(TensorError) in try x.trunc() })
        ops += unary("frac", { (x) throws(TensorError) in try x.frac() })
        ops += unary("logical_not", { (x) throws(TensorError) in try x.logicalNot() })
        ops += unary("bitwise_not", { (x) throws(TensorError) in try x.bitwiseNot() })
        /// torch.round(input, *, decimals=0)
        ops.append(TorchOp("round", "*, decimals=0") { (interp, args) throws(PyError) in
            let x = try args.tensor(0)
            let d = try args.int("decimals", interp)
            return .tensor(try engine { try x.round(decimals: d) })
        })
        ops.append(TorchOp("round_", "*, decimals=0", .method) { (interp, args) throws(PyError) in
            let x = try args.tensor(0)
            let d = try args.int("decimals", interp)
            try engine { _ = try x.copy_(try x.round(decimals: d)) }
            return args.selfValue
        })
        for (name, op) in [("isnan", { (x: Tensor) throws(TensorError) in try x.isnan() }),
                           ("isinf", { (x: Tensor) throws(TensorError) in try x.isinf() }),
                           ("isfinite", { (x: Tensor) throws(TensorError) in try x.isfinite() })] as [(String, (Tensor) throws(TensorError) -> Tensor)] {
            ops.append(TorchOp(name) { (_, args) throws(PyError) in
                let x = try args.tensor(0)
                return .tensor(try engine { try op(x) })
            })
        }
        return ops
    }()

    // MARK: - Binary

    /// Applies a binary op to `input` and `other`, either of which may be a Python number.
    static func binary(_ args: BoundArguments, _ input: PyValue, _ other: PyValue,
                       tensor: (Tensor, Tensor) throws(TensorError) -> Tensor,
                       scalar: ((Tensor, Scalar) throws(TensorError) -> Tensor)? = nil) throws(PyError) -> Tensor {
        guard let a = try Operand(input) else {
            throw PyError.typeError("\(args.functionName)(): argument 'input' (position 1) must be Tensor, not \(Scalars.typeName(input))")
        }
        guard let b = try Operand(other) else {
            throw PyError.typeError("\(args.functionName)(): argument 'other' (position 2) must be Tensor, not \(Scalars.typeName(other))")
        }
        switch (a, b) {
        case (.tensor(let x), .scalar(let s)):
            if let scalar { return try engine { try scalar(x, s) } }
            let y = try b.asTensor()
            return try engine { try tensor(x, y) }
        default:
            let x = try a.asTensor(), y = try b.asTensor()
            return try engine { try tensor(x, y) }
        }
    }

    /// `torch.name(input, other)`, `Tensor.name(other)` and, with `inPlace`, `Tensor.name_(other)`.
    static func binaryOp(_ name: String, _ parameters: String = "other",
                         tensor: @escaping (Tensor, Tensor) throws(TensorError) -> Tensor,
                         scalar: ((Tensor, Scalar) throws(TensorError) -> Tensor)? = nil,
                         inPlace: Bool = true) -> [TorchOp] {
        var ops = [TorchOp(name, parameters) { (_, args) throws(PyError) in
            .tensor(try binary(args, args[0], args["other"], tensor: tensor, scalar: scalar))
        }]
        if inPlace {
            ops.append(TorchOp(name + "_", parameters, .method) { (_, args) throws(PyError) in
                let x = try args.tensor(0)
                let result = try binary(args, args[0], args["other"], tensor: tensor, scalar: scalar)
                try engine { _ = try x.copy_(result) }
                return args.selfValue
            })
        }
        return ops
    }

    static let binaryOps: [TorchOp] = {
        var ops: [TorchOp] = []
        /// torch.add(input, other, *, alpha=1)
        ops.append(TorchOp("add", "other, *, alpha=1") { (_, args) throws(PyError) in
            let alpha = try args.scalar("alpha")
            return .tensor(try binary(args, args[0], args["other"],
                                      tensor: { (x, y) throws(TensorError) in try x.add(y, alpha: alpha) },
                                      scalar: { (x, s) throws(TensorError) in try x.add(Scalar.double(s.doubleValue * alpha.doubleValue).matching(s, alpha)) }))
        })
        ops.append(TorchOp("add_", "other, *, alpha=1", .method) { (_, args) throws(PyError) in
            let x = try args.tensor(0)
            let alpha = try args.scalar("alpha")
            if let s = try Scalars.from(args["other"]) {
                try engine { _ = try x.add_(Scalar.double(s.doubleValue * alpha.doubleValue).matching(s, alpha)) }
            } else {
                let y = try args.tensor("other")
                try engine { _ = try x.add_(y, alpha: alpha) }
            }
            return args.selfValue
        })
        /// torch.sub(input, other, *, alpha=1)
        for name in ["sub", "subtract"] {
            ops.append(TorchOp(name, "other, *, alpha=1") { (_, args) throws(PyError) in
                let alpha = try args.scalar("alpha")
                return .tensor(try binary(args, args[0], args["other"],
                                          tensor: { (x, y) throws(TensorError) in try x.sub(y, alpha: alpha) },
                                          scalar: { (x, s) throws(TensorError) in try x.sub(Scalar.double(s.doubleValue * alpha.doubleValue).matching(s, alpha)) }))
            })
            ops.append(TorchOp(name + "_", "other, *, alpha=1", .method) { (_, args) throws(PyError) in
                let x = try args.tensor(0)
                let alpha = try args.scalar("alpha")
                if let s = try Scalars.from(args["other"]) {
                    try engine { _ = try x.sub_(Scalar.double(s.doubleValue * alpha.doubleValue).matching(s, alpha)) }
                } else {
                    let y = try args.tensor("other")
                    try engine { _ = try x.sub_(y, alpha: alpha) }
                }
                return args.selfValue
            })
        }
        /// torch.rsub(input, other, *, alpha=1): other - alpha * input
        ops.append(TorchOp("rsub", "other, *, alpha=1") { (_, args) throws(PyError) in
            let x = try args.tensor(0)
            let alpha = try args.scalar("alpha")
            if let s = try Scalars.from(args["other"]), alpha == .int(1) { return .tensor(try engine { try x.rsub(s) }) }
            let y = try Operand(args["other"])?.asTensor() ?? x
            return .tensor(try engine { try y.sub(x, alpha: alpha) })
        })
        for name in ["mul", "multiply"] {
            ops.append(TorchOp(name, "other") { (_, args) throws(PyError) in
                .tensor(try binary(args, args[0], args["other"],
                                   tensor: { (x, y) throws(TensorError) in try x.mul(y) },
                                   scalar: { (x, s) throws(TensorError) in try x.mul(s) }))
            })
            ops.append(TorchOp(name + "_", "other", .method) { (_, args) throws(PyError) in
                let x = try args.tensor(0)
                if let s = try Scalars.from(args["other"]) {
                    try engine { _ = try x.mul_(s) }
                } else {
                    let y = try args.tensor("other")
                    try engine { _ = try x.mul_(y) }
                }
                return args.selfValue
            })
        }
        /// torch.div(input, other, *, rounding_mode=None)
        for name in ["div", "divide", "true_divide"] {
            ops.append(TorchOp(name, "other, *, rounding_mode=None") { (interp, args) throws(PyError) in
                let mode = args["rounding_mode"].isNone ? nil : try interp.expectStr(args["rounding_mode"], "rounding_mode")
                if let mode, mode != "trunc" && mode != "floor" {
                    throw PyError.runtimeError("div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '\(mode)'")
                }
                return .tensor(try binary(args, args[0], args["other"],
                                          tensor: { (x, y) throws(TensorError) in try x.div(y, roundingMode: mode) },
                                          scalar: mode == nil ? { (x, s) throws(TensorError) in try x.div(s) } : nil))
            })
            ops.append(TorchOp(name + "_", "other, *, rounding_mode=None", .method) { (interp, args) throws(PyError) in
                let x = try args.tensor(0)
                let mode = args["rounding_mode"].isNone ? nil : try interp.expectStr(args["rounding_mode"], "rounding_mode")
                if mode == nil, let s = try Scalars.from(args["other"]) {
                    try engine { _ = try x.div_(s) }
                } else if mode == nil, let y = args["other"].tensorValue {
                    try engine { _ = try x.div_(y) }
                } else {
                    let y = try Operand(args["other"])?.asTensor() ?? x
                    try engine { _ = try x.copy_(try x.div(y, roundingMode: mode)) }
                }
                return args.selfValue
            })
        }
        ops += binaryOp("floor_divide", tensor: { (x, y) throws(TensorError) in try x.floorDivide(y) })
        ops += binaryOp("remainder", tensor: { (x, y) throws(TensorError) in try x.remainder(y) })
        ops += binaryOp("fmod", tensor: { (x, y) throws(TensorError) in try x.fmod(y) })
        ops += binaryOp("maximum", tensor: { (x, y) throws(TensorError) in try x.maximum(y) }, inPlace: false)
        ops += binaryOp("minimum", tensor: { (x, y) throws(TensorError) in try x.minimum(y) }, inPlace: false)
        ops += binaryOp("fmax", tensor: { (x, y) throws(TensorError) in try x.maximum(y) }, inPlace: false)
        ops += binaryOp("fmin", tensor: { (x, y) throws(TensorError) in try x.minimum(y) }, inPlace: false)
        ops += binaryOp("atan2", tensor: { (x, y) throws(TensorError) in try x.atan2(y) })
        ops += binaryOp("arctan2", tensor: { (x, y) throws(TensorError) in try x.atan2(y) }, inPlace: false)
        /// torch.pow(input, exponent): input may be a number (`torch.pow(2, t)`).
        ops.append(TorchOp("pow", "exponent") { (_, args) throws(PyError) in
            if let base = try Scalars.from(args[0]), let e = args["exponent"].tensorValue {
                return .tensor(try engine { try e.rpow(base) })
            }
            guard let x = args[0].tensorValue else { _ = try args.tensor(0); return .none }
            if let s = try Scalars.from(args["exponent"]) { return .tensor(try engine { try x.pow(s) }) }
            let e = try args.tensor("exponent")
            return .tensor(try engine { try x.pow(e) })
        })
        ops.append(TorchOp("pow_", "exponent", .method) { (_, args) throws(PyError) in
            let x = try args.tensor(0)
            if let s = try Scalars.from(args["exponent"]) {
                try engine { _ = try x.pow_(s) }
            } else {
                let e = try args.tensor("exponent")
                try engine { _ = try x.copy_(try x.pow(e)) }
            }
            return args.selfValue
        })
        ops.append(TorchOp("float_power", "exponent") { (_, args) throws(PyError) in
            let x = try engine { try args.tensor(0).to(.float64) }
            if let s = try Scalars.from(args["exponent"]) { return .tensor(try engine { try x.pow(s) }) }
            let e = try args.tensor("exponent")
            return .tensor(try engine { try x.pow(e.to(.float64)) })
        })
        // Comparisons
        let comparisons: [(String, (Tensor, Tensor) throws(TensorError) -> Tensor, (Tensor, Scalar) throws(TensorError) -> Tensor)] = [
            ("eq", { (x, y) throws(TensorError) in try x.eq(y) }, { (x, s) throws(TensorError) in try x.eq(s) }),
            ("ne", { (x, y) throws(TensorError) in try x.ne(y) }, { (x, s) throws(TensorError) in try x.ne(s) }),
            ("lt", { (x, y) throws(TensorError) in try x.lt(y) }, { (x, s) throws(TensorError) in try x.lt(s) }),
            ("le", { (x, y) throws(TensorError) in try x.le(y) }, { (x, s) throws(TensorError) in try x.le(s) }),
            ("gt", { (x, y) throws(TensorError) in try x.gt(y) }, { (x, s) throws(TensorError) in try x.gt(s) }),
            ("ge", { (x, y) throws(TensorError) in try x.ge(y) }, { (x, s) throws(TensorError) in try x.ge(s) }),
        ]
        let aliases = ["ne": "not_equal", "lt": "less", "le": "less_equal", "gt": "greater", "ge": "greater_equal"]
        for (name, t, s) in comparisons {
            ops += binaryOp(name, tensor: t, scalar: s, inPlace: false)
            if let alias = aliases[name] { ops += binaryOp(alias, tensor: t, scalar: s, inPlace: false) }
        }
        ops += binaryOp("logical_and", tensor: { (x, y) throws(TensorError) in try x.logicalAnd(y) }, inPlace: false)
        ops += binaryOp("logical_or", tensor: { (x, y) throws(TensorError) in try x.logicalOr(y) }, inPlace: false)
        ops += binaryOp("logical_xor", tensor: { (x, y) throws(TensorError) in try x.logicalXor(y) }, inPlace: false)
        ops += binaryOp("bitwise_and", tensor: { (x, y) throws(TensorError) in try x.bitwise(y, "and") })
        ops += binaryOp("bitwise_or", tensor: { (x, y) throws(TensorError) in try x.bitwise(y, "or") })
        ops += binaryOp("bitwise_xor", tensor: { (x, y) throws(TensorError) in try x.bitwise(y, "xor") })
        /// torch.equal(input, other) -> bool
        ops.append(TorchOp("equal", "other") { (_, args) throws(PyError) in
            let x = try args.tensor(0), y = try args.tensor("other")
            return .bool(try engine { try x.equal(y) })
        })
        /// torch.allclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False) -> bool
        ops.append(TorchOp("allclose", "other, rtol=1e-05, atol=1e-08, equal_nan=False") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), y = try args.tensor("other")
            let rtol = try args.double("rtol", interp), atol = try args.double("atol", interp), nan = try args.bool("equal_nan")
            return .bool(try engine { try x.allclose(y, rtol: rtol, atol: atol, equalNaN: nan) })
        })
        /// torch.isclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False)
        ops.append(TorchOp("isclose", "other, rtol=1e-05, atol=1e-08, equal_nan=False") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), y = try args.tensor("other")
            let rtol = try args.double("rtol", interp), atol = try args.double("atol", interp), nan = try args.bool("equal_nan")
            return .tensor(try engine { try x.isclose(y, rtol: rtol, atol: atol, equalNaN: nan) })
        })
        return ops
    }()

    // MARK: - Selection and clamping

    static let selectionOps: [TorchOp] = {
        var ops: [TorchOp] = []
        /// torch.clamp(input, min=None, max=None)
        for name in ["clamp", "clip"] {
            ops.append(TorchOp(name, "min=None, max=None") { (_, args) throws(PyError) in
                .tensor(try clamp(args))
            })
            ops.append(TorchOp(name + "_", "min=None, max=None", .method) { (_, args) throws(PyError) in
                let x = try args.tensor(0)
                if args["min"].tensorValue == nil && args["max"].tensorValue == nil {
                    let lo = try args.optionalScalar("min"), hi = try args.optionalScalar("max")
                    if lo == nil && hi == nil { throw PyError.runtimeError("torch.clamp: At least one of 'min' or 'max' must not be None") }
                    try engine { _ = try x.clamp_(min: lo, max: hi) }
                } else {
                    let result = try clamp(args)
                    try engine { _ = try x.copy_(result) }
                }
                return args.selfValue
            })
        }
        /// torch.where(condition, input, other) / torch.where(condition)
        ops.append(TorchOp.function("where", signature: "condition, input=<unset>, other=<unset>") { (_, args) throws(PyError) in
            let cond = try args.tensor(0)
            guard let a = args.optional("input") else {
                let nz = try engine { try cond.nonzero() }
                return tensorTuple(try engine { try nz.unbind(1) })
            }
            guard let b = args.optional("other") else { throw PyError.typeError("where() missing 1 required positional argument: 'other'") }
            return .tensor(try whereSelect(args, cond, a, b))
        })
        ops.append(TorchOp("where", "condition, other", .method) { (_, args) throws(PyError) in
            let cond = try args.tensor("condition")
            return .tensor(try whereSelect(args, cond, args[0], args["other"]))
        })
        /// torch.masked_fill(input, mask, value)
        ops.append(TorchOp("masked_fill", "mask, value") { (_, args) throws(PyError) in
            let x = try args.tensor(0), mask = try args.tensor("mask"), v = try args.scalar("value")
            return .tensor(try engine { try x.maskedFill(mask, v) })
        })
        ops.append(TorchOp("masked_fill_", "mask, value", .method) { (_, args) throws(PyError) in
            let x = try args.tensor(0), mask = try args.tensor("mask"), v = try args.scalar("value")
            try engine { _ = try x.maskedFill_(mask, v) }
            return args.selfValue
        })
        /// torch.lerp(input, end, weight)
        ops.append(TorchOp("lerp", "end, weight") { (_, args) throws(PyError) in
            let x = try args.tensor(0), end = try args.tensor("end")
            if let w = try Scalars.from(args["weight"]) {
                return .tensor(try engine { try x.add(end.sub(x).mul(w)) })
            }
            let w = try args.tensor("weight")
            return .tensor(try engine { try x.add(end.sub(x).mul(w)) })
        })
        ops.append(TorchOp("lerp_", "end, weight", .method) { (_, args) throws(PyError) in
            let x = try args.tensor(0), end = try args.tensor("end"), w = try args.scalar("weight")
            try engine { _ = try x.lerp_(end, w) }
            return args.selfValue
        })
        /// Tensor.addcmul_(tensor1, tensor2, *, value=1) and addcdiv_
        for (name, isMul) in [("addcmul", true), ("addcdiv", false)] {
            ops.append(TorchOp(name, "tensor1, tensor2, *, value=1") { (_, args) throws(PyError) in
                let x = try args.tensor(0), t1 = try args.tensor("tensor1"), t2 = try args.tensor("tensor2")
                let v = try args.scalar("value")
                return .tensor(try engine { isMul ? try x.addcmul(t1, t2, value: v) : try x.addcdiv(t1, t2, value: v) })
            })
            ops.append(TorchOp(name + "_", "tensor1, tensor2, *, value=1", .method) { (_, args) throws(PyError) in
                let x = try args.tensor(0), t1 = try args.tensor("tensor1"), t2 = try args.tensor("tensor2")
                let v = try args.scalar("value")
                try engine { _ = isMul ? try x.addcmul_(t1, t2, value: v) : try x.addcdiv_(t1, t2, value: v) }
                return args.selfValue
            })
        }
        return ops
    }()

    static func clamp(_ args: BoundArguments) throws(PyError) -> Tensor {
        let x = try args.tensor(0)
        let minT = args["min"].tensorValue, maxT = args["max"].tensorValue
        if minT != nil || maxT != nil {
            var lo = minT, hi = maxT
            if lo == nil, let s = try args.optionalScalar("min") { lo = try Scalars.tensor(s) }
            if hi == nil, let s = try args.optionalScalar("max") { hi = try Scalars.tensor(s) }
            let l = lo, h = hi
            return try engine { try x.clamp(min: l, max: h) }
        }
        let lo = try args.optionalScalar("min"), hi = try args.optionalScalar("max")
        if lo == nil && hi == nil { throw PyError.runtimeError("torch.clamp: At least one of 'min' or 'max' must not be None") }
        return try engine { try x.clamp(min: lo, max: hi) }
    }

    static func whereSelect(_ args: BoundArguments, _ cond: Tensor, _ a: PyValue, _ b: PyValue) throws(PyError) -> Tensor {
        guard let x = try Operand(a) else { throw PyError.typeError("where(): argument 'input' must be Tensor, not \(Scalars.typeName(a))") }
        guard let y = try Operand(b) else { throw PyError.typeError("where(): argument 'other' must be Tensor, not \(Scalars.typeName(b))") }
        switch (x, y) {
        case (.tensor(let t), .scalar(let s)):
            return try engine { try Tensor.whereSelect(cond, t, s) }
        case (.scalar(let s1), .scalar(let s2)):
            // Two numbers: the result has the default dtype of their category.
            let isFloat = s1.isFloatingPoint || s2.isFloatingPoint
            let dtype: DType = isFloat ? .float32 : (s1 == .bool(true) || s1 == .bool(false)) && (s2 == .bool(true) || s2 == .bool(false)) ? .bool : .int64
            let t = try engine { try Tensor.scalar(s1, dtype: dtype) }
            return try engine { try Tensor.whereSelect(cond, t, s2) }
        default:
            let t1 = try x.asTensor(), t2 = try y.asTensor()
            return try engine { try Tensor.whereSelect(cond, t1, t2) }
        }
    }
}

extension Scalar {
    /// `value * alpha` keeping an integer type when both are integers (for `add(s, alpha=)`).
    func matching(_ value: Scalar, _ alpha: Scalar) -> Scalar {
        if alpha == .int(1) { return value }
        if !value.isFloatingPoint && !alpha.isFloatingPoint { return .int(value.int64Value &* alpha.int64Value) }
        return self
    }
}
