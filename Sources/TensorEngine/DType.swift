/// The element type of a tensor, with PyTorch's names and promotion rules.
///
/// The cases are the dtypes the tutor supports; `float32` is the default
/// floating-point type, as in PyTorch. `float16` is stored as half precision
/// and computed in float32 (Note [Half precision]).
public enum DType: Sendable, CaseIterable, Hashable {
    case bool, uint8, int8, int16, int32, int64, float16, float32, float64

    /// Bytes per element.
    public var itemSize: Int {
        switch self {
        case .bool, .uint8, .int8: 1
        case .int16, .float16: 2
        case .int32, .float32: 4
        case .int64, .float64: 8
        }
    }

    public var isFloatingPoint: Bool { self == .float16 || self == .float32 || self == .float64 }
    public var isIntegral: Bool { !isFloatingPoint && self != .bool }

    /// The name PyTorch prints, e.g. `torch.float32`.
    public var name: String { "torch." + shortName }

    /// The name without the `torch.` prefix (`float32`, `int64`, ...).
    public var shortName: String {
        switch self {
        case .bool: "bool"
        case .uint8: "uint8"
        case .int8: "int8"
        case .int16: "int16"
        case .int32: "int32"
        case .int64: "int64"
        case .float16: "float16"
        case .float32: "float32"
        case .float64: "float64"
        }
    }

    /// The legacy tensor type name used in some PyTorch messages (`torch.FloatTensor`).
    public var legacyTypeName: String {
        switch self {
        case .bool: "torch.BoolTensor"
        case .uint8: "torch.ByteTensor"
        case .int8: "torch.CharTensor"
        case .int16: "torch.ShortTensor"
        case .int32: "torch.IntTensor"
        case .int64: "torch.LongTensor"
        case .float16: "torch.HalfTensor"
        case .float32: "torch.FloatTensor"
        case .float64: "torch.DoubleTensor"
        }
    }

    /// The C++ scalar type name PyTorch uses in error messages (`Float`, `Long`, ...).
    public var scalarTypeName: String {
        switch self {
        case .bool: "Bool"
        case .uint8: "Byte"
        case .int8: "Char"
        case .int16: "Short"
        case .int32: "Int"
        case .int64: "Long"
        case .float16: "Half"
        case .float32: "Float"
        case .float64: "Double"
        }
    }

    /// The dtype PyTorch uses for floating-point results of integer inputs.
    public static let defaultFloat: DType = .float32

    /// Category order used by `combineCategories`: bool < integral < floating.
    var category: Int { self == .bool ? 0 : (isFloatingPoint ? 2 : 1) }

    /// The dtype PyTorch's CPU kernels compute in: float32 for float16, otherwise the dtype itself.
    public var opmath: DType { self == .float16 ? .float32 : self }

    /// `torch.promote_types(a, b)` for the supported dtypes.
    public static func promote(_ a: DType, _ b: DType) -> DType {
        if a == b { return a }
        if a.isFloatingPoint || b.isFloatingPoint {
            if a == .float64 || b == .float64 { return .float64 }
            if a == .float32 || b == .float32 { return .float32 }
            return .float16
        }
        if a == .bool { return b }
        if b == .bool { return a }
        // uint8 and int8 have no common 1-byte type.
        if (a == .uint8 && b == .int8) || (a == .int8 && b == .uint8) { return .int16 }
        // Otherwise the wider type wins (uint8, int8 < int16 < int32 < int64).
        return a.itemSize >= b.itemSize ? a : b
    }
}

/// PyTorch's `result_type` state: operands fall into three priority groups.
///
/// Note [Type promotion]
/// Tensors with at least one dimension decide the result type; 0-dim tensors
/// and Python scalars can only raise its *category* (bool -> integral ->
/// floating), never its width. So `int32_tensor + 5` stays int32,
/// `float32_tensor + float64_scalar_tensor` stays float32, but
/// `int64_tensor + 1.5` becomes the default float dtype.
public struct ResultTypeState: Sendable {
    var dimResult: DType?
    var zeroResult: DType?
    var wrappedResult: DType?

    public init() {}

    public mutating func add(_ t: Tensor) {
        if t.dim == 0 { zeroResult = Self.promote(zeroResult, t.dtype) } else { dimResult = Self.promote(dimResult, t.dtype) }
    }

    public mutating func add(_ s: Scalar) {
        wrappedResult = Self.promote(wrappedResult, s.wrappedDType)
    }

    public var result: DType {
        Self.combine(dimResult, Self.combine(zeroResult, wrappedResult)) ?? .float32
    }

    static func promote(_ a: DType?, _ b: DType) -> DType {
        guard let a else { return b }
        return DType.promote(a, b)
    }

    static func combine(_ higher: DType?, _ lower: DType?) -> DType? {
        guard let higher else { return lower }
        guard let lower else { return higher }
        if higher.isFloatingPoint { return higher }
        if higher == .bool || lower.isFloatingPoint { return DType.promote(higher, lower) }
        return higher
    }
}
