/// A nested Python-style list of numbers, as given to `torch.tensor(data)`.
public indirect enum NestedValue: Sendable {
    case scalar(Scalar)
    case list([NestedValue])
}

// MARK: - Factories

extension Tensor {
    /// `torch.empty(*size, dtype)`; the engine zero-fills, so it equals `zeros`.
    public static func empty(_ shape: [Int], dtype: DType = .float32) throws(TensorError) -> Tensor {
        try Tensor(uninitializedShape: shape, dtype: dtype)
    }

    /// `torch.zeros(*size, dtype)`.
    public static func zeros(_ shape: [Int], dtype: DType = .float32) throws(TensorError) -> Tensor {
        if shape.contains(where: { $0 < 0 }) { throw .runtime("zeros: Dimension size must be non-negative.") }
        return try Tensor(uninitializedShape: shape, dtype: dtype)
    }

    /// `torch.ones(*size, dtype)`.
    public static func ones(_ shape: [Int], dtype: DType = .float32) throws(TensorError) -> Tensor {
        try full(shape, .int(1), dtype: dtype)
    }

    /// `torch.full(size, fill_value, dtype)`; without a dtype it follows the value
    /// (bool, int64 or the default float), as PyTorch does.
    public static func full(_ shape: [Int], _ value: Scalar, dtype: DType? = nil) throws(TensorError) -> Tensor {
        try checkFits(value, dtype ?? value.wrappedDType)
        let t = try Tensor(uninitializedShape: shape, dtype: dtype ?? value.wrappedDType)
        fill(t, with: value)
        return t
    }

    /// PyTorch's overflow check when a Python number fills an integer tensor: floats must lie in
    /// the type's range; ints may also be negative down to -max for unsigned types (they wrap).
    static func checkFits(_ value: Scalar, _ dtype: DType) throws(TensorError) {
        let (lo, hi, name): (Double, Double, String)
        switch dtype {
        case .uint8: (lo, hi, name) = (0, 255, "uint8_t")
        case .int8: (lo, hi, name) = (-128, 127, "int8_t")
        case .int16: (lo, hi, name) = (-32768, 32767, "int16_t")
        case .int32: (lo, hi, name) = (-2147483648, 2147483647, "int")
        case .int64: (lo, hi, name) = (-9.223372036854775808e18, 9.223372036854775807e18, "int64_t")
        default: return
        }
        let fits: Bool = switch value {
        case .bool: true
        case .int(let i): Double(i) <= hi && (dtype == .uint8 ? -Double(i) <= hi : Double(i) >= lo)
        case .double(let d): d >= lo && d < hi + 1  // truncation toward zero must land in range; NaN fails
        }
        if !fits { throw .runtime("value cannot be converted to type \(name) without overflow") }
    }

    /// A 0-dim tensor holding one number (`torch.tensor(3.5)`).
    public static func scalar(_ value: Scalar, dtype: DType? = nil) throws(TensorError) -> Tensor {
        try full([], value, dtype: dtype)
    }

    /// A tensor from row-major values of a Swift element type (pre-specialised like `toArray`).
    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    @_specialize(exported: true, where T == Int64)
    public static func from<T: TensorElement>(_ values: [T], shape: [Int]? = nil) throws(TensorError) -> Tensor {
        let shape = shape ?? [values.count]
        let n = try Shape.checkedCount(shape)
        guard n == values.count else {
            throw .runtime("shape '\(Shape.format(shape))' is invalid for input of size \(values.count)")
        }
        let t = try Tensor(uninitializedShape: shape, dtype: T.dtype)
        write(values, into: t)
        return t
    }

    /// A tensor from row-major values converted to `dtype`.
    public static func from<T: TensorElement>(_ values: [T], shape: [Int]? = nil, dtype: DType) throws(TensorError) -> Tensor {
        let t = try from(values, shape: shape)
        return dtype == T.dtype ? t : try t.to(dtype)
    }

    /// `torch.tensor(data, dtype)`: infers the shape from the nesting and the dtype
    /// from the values (bool, int64, or the default float when any value is a float).
    public static func from(nested data: NestedValue, dtype: DType? = nil) throws(TensorError) -> Tensor {
        var shape: [Int] = []
        var probe = data
        while case .list(let items) = probe {
            shape.append(items.count)
            guard let first = items.first else { break }
            probe = first
        }
        var values: [Scalar] = []
        values.reserveCapacity(try Shape.checkedCount(shape))
        try flatten(data, depth: 0, shape: shape, into: &values)
        var inferred = DType.bool
        if values.isEmpty { inferred = .float32 }
        for v in values {
            switch v {
            case .double: inferred = .float32
            case .int where inferred == .bool: inferred = .int64
            default: break
            }
        }
        let t = try Tensor(uninitializedShape: shape, dtype: dtype ?? inferred)
        try t.setFlat(values)
        return t
    }

    private static func flatten(_ v: NestedValue, depth: Int, shape: [Int], into out: inout [Scalar]) throws(TensorError) {
        switch v {
        case .scalar(let s):
            if depth != shape.count {
                throw .value("expected sequence of length \(shape[depth]) at dim \(depth) (got 0)")
            }
            out.append(s)
        case .list(let items):
            if depth >= shape.count {
                throw .type("new(): invalid data type 'list'")
            }
            if items.count != shape[depth] {
                throw .value("expected sequence of length \(shape[depth]) at dim \(depth) (got \(items.count))")
            }
            for item in items { try flatten(item, depth: depth + 1, shape: shape, into: &out) }
        }
    }

    /// Writes Python-style scalars, in row-major order, into this contiguous tensor.
    func setFlat(_ values: [Scalar]) throws(TensorError) {
        switch dtype {
        case .bool: write(values.map(\.boolValue), into: self)
        case .uint8: write(values.map { UInt8(truncatingIfNeeded: $0.int64Value) }, into: self)
        case .int8: write(values.map { Int8(truncatingIfNeeded: $0.int64Value) }, into: self)
        case .int16: write(values.map { Int16(truncatingIfNeeded: $0.int64Value) }, into: self)
        case .int32: write(values.map { Int32(truncatingIfNeeded: $0.int64Value) }, into: self)
        case .int64: write(values.map(\.int64Value), into: self)
        case .float16: write(values.map { Float16.from(double: $0.doubleValue) }, into: self)
        case .float32: write(values.map { Float($0.doubleValue) }, into: self)
        case .float64: write(values.map(\.doubleValue), into: self)
        }
    }

    /// `torch.arange(start, end, step, dtype)`; integer arguments give int64, any
    /// float argument gives the default float dtype.
    public static func arange(_ start: Scalar = .int(0), _ end: Scalar, step: Scalar = .int(1),
                              dtype: DType? = nil) throws(TensorError) -> Tensor {
        let isFloat = start.isFloatingPoint || end.isFloatingPoint || step.isFloatingPoint
        let dtype = dtype ?? (isFloat ? .defaultFloat : .int64)
        let s = start.doubleValue, e = end.doubleValue, st = step.doubleValue
        guard st != 0 else { throw .runtime("step must be nonzero") }
        guard s.isFinite && e.isFinite else { throw .runtime("unsupported range: \(start) -> \(end)") }
        guard (st > 0 && e >= s) || (st < 0 && e <= s) else {
            throw .runtime("upper bound and lower bound inconsistent with step sign")
        }
        let count: Int
        if dtype.isFloatingPoint || isFloat {
            count = Int(((e - s) / st).rounded(.up))
        } else {
            let si = start.int64Value, ei = end.int64Value, sti = step.int64Value
            count = Int((ei - si + sti - (sti > 0 ? 1 : -1)) / sti)
        }
        let t = try Tensor(uninitializedShape: [Swift.max(count, 0)], dtype: dtype)
        if dtype == .float16 {
            write(halfRange(Float(s), Float(st), count: count), into: t)
        } else if dtype.isFloatingPoint {
            try t.setFlat((0..<count).map { .double(s + Double($0) * st) })
        } else {
            let si = start.int64Value, sti = step.int64Value
            try t.setFlat((0..<count).map { .int(si + Int64($0) * sti) })
        }
        return t
    }

    /// Note [Half-precision arange]
    /// PyTorch fills a float16 range in float32 steps, 16 lanes at a time for as many
    /// whole pairs of vectors as fit: each vector starts from its first value rounded to
    /// half, `half(start + step·i)`, and adds `k·step` for its lanes; the remaining
    /// elements are `half(start + step·i)` one by one.
    private static func halfRange(_ start: Float, _ step: Float, count: Int) -> [Float16] {
        var values: [Float16] = []
        values.reserveCapacity(Swift.max(count, 0))
        let vectorized = count / 32 * 32
        var i = 0
        while i < vectorized {
            let base = Float(Float16(start + step * Float(i)))
            for k in 0..<16 { values.append(Float16(base + Float(k) * step)) }
            i += 16
        }
        while i < count {
            values.append(Float16(start + step * Float(i)))
            i += 1
        }
        return values
    }

    /// `torch.linspace(start, end, steps)`, evaluated from both ends as PyTorch's kernel does.
    public static func linspace(_ start: Double, _ end: Double, steps: Int, dtype: DType = .float32) throws(TensorError) -> Tensor {
        guard steps >= 0 else { throw .runtime("number of steps must be non-negative") }
        let t = try Tensor(uninitializedShape: [steps], dtype: dtype)
        if steps == 0 { return t }
        if steps == 1 { fill(t, with: .double(start)); return t }
        let halfway = steps / 2
        if dtype == .float32 || dtype == .float16 {
            // float16 is computed as float32 and rounded.
            let a = Float(start), b = Float(end)
            let step = (b - a) / Float(steps - 1)
            let values = (0..<steps).map { i in i < halfway ? a + step * Float(i) : b - step * Float(steps - i - 1) }
            if dtype == .float16 { write(values.map { Float16($0) }, into: t) } else { write(values, into: t) }
        } else {
            let step = (end - start) / Double(steps - 1)
            let values = (0..<steps).map { i in i < halfway ? start + step * Double(i) : end - step * Double(steps - i - 1) }
            try t.setFlat(values.map { dtype.isFloatingPoint ? .double($0) : .int(Int64(saturating: $0)) })
        }
        return t
    }

    /// `torch.eye(n, m)`.
    public static func eye(_ n: Int, _ m: Int? = nil, dtype: DType = .float32) throws(TensorError) -> Tensor {
        let m = m ?? n
        guard n >= 0 else { throw .runtime("n must be greater or equal to 0, got \(n)") }
        guard m >= 0 else { throw .runtime("m must be greater or equal to 0, got \(m)") }
        let t = try zeros([n, m], dtype: dtype)
        let diag = t.makeView(shape: [Swift.min(n, m)], strides: [m + 1], offset: 0)
        fill(diag, with: .int(1))
        return t
    }

    /// `torch.zeros_like`, `ones_like`, `full_like`, `empty_like`.
    public static func zerosLike(_ t: Tensor, dtype: DType? = nil) throws(TensorError) -> Tensor {
        try zeros(t.shape, dtype: dtype ?? t.dtype)
    }

    public static func onesLike(_ t: Tensor, dtype: DType? = nil) throws(TensorError) -> Tensor {
        try ones(t.shape, dtype: dtype ?? t.dtype)
    }

    public static func fullLike(_ t: Tensor, _ value: Scalar, dtype: DType? = nil) throws(TensorError) -> Tensor {
        try full(t.shape, value, dtype: dtype ?? t.dtype)
    }

    /// `F.one_hot(tensor, num_classes=-1)` on an int64 tensor.
    public func oneHot(numClasses: Int = -1) throws(TensorError) -> Tensor {
        guard dtype == .int64 else {
            throw .runtime("one_hot is only applicable to index tensor of type LongTensor.")
        }
        let values = toArray(Int64.self)
        if let mn = values.min(), mn < 0 { throw .runtime("Class values must be non-negative.") }
        let classes: Int
        if numClasses == -1 {
            guard let mx = values.max() else {
                throw .runtime("Can not infer total number of classes from empty tensor.")
            }
            classes = Int(mx) + 1
        } else {
            if let mx = values.max(), mx >= numClasses { throw .runtime("Class values must be smaller than num_classes.") }
            classes = numClasses
        }
        var out = [Int64](repeating: 0, count: values.count * classes)
        for (i, v) in values.enumerated() { out[i * classes + Int(v)] = 1 }
        return try Tensor.from(out, shape: shape + [classes])
    }
}
