#if canImport(Glibc)
import Glibc
#endif

/// Runs generic code for the Swift type behind a `DType`.
protocol DTypeVisitor {
    associatedtype Result
    func visit<T: ArithmeticElement>(_ type: T.Type) throws(TensorError) -> Result
}

extension DType {
    func visit<V: DTypeVisitor>(_ v: V) throws(TensorError) -> V.Result {
        switch self {
        case .bool: try v.visit(Bool.self)
        case .uint8: try v.visit(UInt8.self)
        case .int8: try v.visit(Int8.self)
        case .int16: try v.visit(Int16.self)
        case .int32: try v.visit(Int32.self)
        case .int64: try v.visit(Int64.self)
        case .float16: try v.visit(Float16.self)
        case .float32: try v.visit(Float.self)
        case .float64: try v.visit(Double.self)
        }
    }
}

/// Runs generic code for the Swift type behind a floating-point `DType`.
protocol FloatVisitor {
    associatedtype Result
    func visit<T: FloatElement>(_ type: T.Type) throws(TensorError) -> Result
}

extension DType {
    /// Visits the Swift type of a floating-point dtype (callers convert other dtypes first;
    /// `Float` stands in for them).
    func visitFloat<V: FloatVisitor>(_ v: V) throws(TensorError) -> V.Result {
        switch self {
        case .float64: try v.visit(Double.self)
        case .float16: try v.visit(Float16.self)
        default: try v.visit(Float.self)
        }
    }
}

// MARK: - Typed pointers

extension Tensor {
    /// Pointer to element `[0, 0, ...]`, typed as `T` (which must match `dtype`).
    @inline(__always)
    func basePointer<T: TensorElement>(_: T.Type) -> UnsafeMutablePointer<T> {
        storage.pointer(as: T.self) + offset
    }

    /// The elements of a contiguous tensor as a buffer.
    @inline(__always)
    func contiguousBuffer<T: TensorElement>(_: T.Type) -> UnsafeMutableBufferPointer<T> {
        UnsafeMutableBufferPointer(start: basePointer(T.self), count: numel)
    }

    /// All elements in row-major order, converted to `T`. Pre-specialised for the element
    /// types NeuralNet reads in bulk, so callers in other modules get a concrete loop.
    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    @_specialize(exported: true, where T == Int64)
    public func toArray<T: TensorElement>(_: T.Type) -> [T] {
        (try? dtype.visit(ArrayReader<T>(t: self))) ?? []
    }

    /// The element at a flat row-major index, as a Python-style scalar.
    func scalar(atFlatIndex flat: Int) -> Scalar {
        var rem = flat, off = offset
        for d in stride(from: dim - 1, through: 0, by: -1) {
            off += (rem % shape[d]) * strides[d]
            rem /= shape[d]
        }
        return scalar(atStorageOffset: off)
    }

    func scalar(atStorageOffset off: Int) -> Scalar {
        switch dtype {
        case .bool: .bool(storage.pointer(as: Bool.self)[off])
        case .uint8: .int(Int64(storage.pointer(as: UInt8.self)[off]))
        case .int8: .int(Int64(storage.pointer(as: Int8.self)[off]))
        case .int16: .int(Int64(storage.pointer(as: Int16.self)[off]))
        case .int32: .int(Int64(storage.pointer(as: Int32.self)[off]))
        case .int64: .int(storage.pointer(as: Int64.self)[off])
        case .float16: .double(Double(storage.pointer(as: Float16.self)[off]))
        case .float32: .double(Double(storage.pointer(as: Float.self)[off]))
        case .float64: .double(storage.pointer(as: Double.self)[off])
        }
    }
}

private struct ArrayReader<T: TensorElement>: DTypeVisitor {
    let t: Tensor
    func visit<S: ArithmeticElement>(_: S.Type) -> [T] {
        let p = t.storage.pointer(as: S.self)
        if t.isContiguous {
            let source = UnsafeBufferPointer(start: p + t.offset, count: t.numel)
            if S.self == T.self { return Array(UnsafeRawBufferPointer(source).assumingMemoryBound(to: T.self)) }
            return source.map { T.convert($0) }
        }
        var out: [T] = []
        out.reserveCapacity(t.numel)
        forEachOffset(shape: t.shape, strides: t.strides, offset: t.offset) { out.append(T.convert(p[$0])) }
        return out
    }
}

// MARK: - Copy with conversion

/// Copies `src` into `dst` element by element, converting dtypes.
///
/// Both must have the same shape; `src` may be a broadcast view (zero strides).
/// The destination may be any strided view, so this also implements `copy_`
/// and index assignment.
func copyConverting(from src: Tensor, to dst: Tensor) {
    struct SourceVisitor: DTypeVisitor {
        let src: Tensor, dst: Tensor
        func visit<S: ArithmeticElement>(_: S.Type) {
            try? dst.dtype.visit(CopyDestination<S>(src: src, dst: dst))
        }
    }
    try? src.dtype.visit(SourceVisitor(src: src, dst: dst))
}

private struct CopyDestination<S: ArithmeticElement>: DTypeVisitor {
    let src: Tensor, dst: Tensor
    func visit<D: ArithmeticElement>(_: D.Type) { copyTyped(src, S.self, dst, D.self) }
}

@inline(__always)
private func copyTyped<S: TensorElement, D: TensorElement>(_ src: Tensor, _: S.Type, _ dst: Tensor, _: D.Type) {
    let n = dst.numel
    if n == 0 { return }
    let sp = src.storage.pointer(as: S.self), dp = dst.storage.pointer(as: D.self)
    if src.isContiguous && dst.isContiguous && src.numel == n {
        if S.self == D.self {
            memmove(UnsafeMutableRawPointer(dp + dst.offset), UnsafeRawPointer(sp + src.offset), n * MemoryLayout<S>.stride)
        } else {
            let s = sp + src.offset, d = dp + dst.offset
            for i in 0..<n { d[i] = D.convert(s[i]) }
        }
        return
    }
    if src.numel == 1 && src.strides.allSatisfy({ $0 == 0 }) || src.dim == 0 {
        let v = D.convert(sp[src.offset])
        forEachOffset(shape: dst.shape, strides: dst.strides, offset: dst.offset) { dp[$0] = v }
        return
    }
    forEachOffset(shape: dst.shape, src.strides, src.offset, dst.strides, dst.offset) { a, b in
        dp[b] = D.convert(sp[a])
    }
}

/// Fills every element of a (possibly strided) tensor with one value.
func fill(_ t: Tensor, with value: Scalar) {
    struct Filler: DTypeVisitor {
        let t: Tensor, value: Scalar
        func visit<T: ArithmeticElement>(_: T.Type) {
            let v: T = switch value {
            case .bool(let b): T.from(bool: b)
            case .int(let i): T.from(int64: i)
            case .double(let d): T.from(double: d)
            }
            let p = t.storage.pointer(as: T.self)
            if t.isContiguous {
                let b = p + t.offset
                for i in 0..<t.numel { b[i] = v }
            } else {
                forEachOffset(shape: t.shape, strides: t.strides, offset: t.offset) { p[$0] = v }
            }
        }
    }
    try? t.dtype.visit(Filler(t: t, value: value))
}

/// Writes values given in row-major order into a fresh contiguous tensor.
func write<T: TensorElement>(_ values: [T], into t: Tensor) {
    let p = t.basePointer(T.self)
    values.withUnsafeBufferPointer { src in
        for i in 0..<min(src.count, t.numel) { p[i] = src[i] }
    }
}
