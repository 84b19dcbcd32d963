/// A Swift type that backs one `DType`, with the conversions PyTorch performs
/// between dtypes (C++ static_cast semantics, made trap-free).
public protocol TensorElement: Sendable {
    static var dtype: DType { get }
    static func from(double: Double) -> Self
    static func from(int64: Int64) -> Self
    static func from(bool: Bool) -> Self
    var asDouble: Double { get }
    var asInt64: Int64 { get }
    var asBool: Bool { get }
}

extension TensorElement {
    /// Converts one element of another element type, choosing the path C++'s
    /// `static_cast` takes so integers above 2^53 convert exactly.
    @inline(__always)
    static func convert<S: TensorElement>(_ s: S) -> Self {
        switch S.dtype {
        case .float16, .float32, .float64: from(double: s.asDouble)
        case .bool: from(bool: s.asBool)
        default: from(int64: s.asInt64)
        }
    }
}

extension Float: TensorElement {
    public static var dtype: DType { .float32 }
    @inline(__always) public static func from(double: Double) -> Float { Float(double) }
    @inline(__always) public static func from(int64: Int64) -> Float { Float(int64) }
    @inline(__always) public static func from(bool: Bool) -> Float { bool ? 1 : 0 }
    @inline(__always) public var asDouble: Double { Double(self) }
    @inline(__always) public var asInt64: Int64 { Int64(saturating: Double(self)) }
    @inline(__always) public var asBool: Bool { self != 0 }
}

extension Double: TensorElement {
    public static var dtype: DType { .float64 }
    @inline(__always) public static func from(double: Double) -> Double { double }
    @inline(__always) public static func from(int64: Int64) -> Double { Double(int64) }
    @inline(__always) public static func from(bool: Bool) -> Double { bool ? 1 : 0 }
    @inline(__always) public var asDouble: Double { self }
    @inline(__always) public var asInt64: Int64 { Int64(saturating: self) }
    @inline(__always) public var asBool: Bool { self != 0 }
}

/// Conversions go through Float, as PyTorch's `c10::Half` does (it is built only from a
/// float), so a double rounds twice: first to float, then to half.
extension Float16: TensorElement {
    public static var dtype: DType { .float16 }
    @inline(__always) public static func from(double: Double) -> Float16 { Float16(Float(double)) }
    @inline(__always) public static func from(int64: Int64) -> Float16 { Float16(Float(int64)) }
    @inline(__always) public static func from(bool: Bool) -> Float16 { bool ? 1 : 0 }
    @inline(__always) public var asDouble: Double { Double(self) }
    @inline(__always) public var asInt64: Int64 { Int64(saturating: Double(self)) }
    @inline(__always) public var asBool: Bool { self != 0 }
}

extension Int64: TensorElement {
    public static var dtype: DType { .int64 }
    @inline(__always) public static func from(double: Double) -> Int64 { Int64(saturating: double) }
    @inline(__always) public static func from(int64: Int64) -> Int64 { int64 }
    @inline(__always) public static func from(bool: Bool) -> Int64 { bool ? 1 : 0 }
    @inline(__always) public var asDouble: Double { Double(self) }
    @inline(__always) public var asInt64: Int64 { self }
    @inline(__always) public var asBool: Bool { self != 0 }
}

extension Int32: TensorElement {
    public static var dtype: DType { .int32 }
    @inline(__always) public static func from(double: Double) -> Int32 { Int32(truncatingIfNeeded: Int64(saturating: double)) }
    @inline(__always) public static func from(int64: Int64) -> Int32 { Int32(truncatingIfNeeded: int64) }
    @inline(__always) public static func from(bool: Bool) -> Int32 { bool ? 1 : 0 }
    @inline(__always) public var asDouble: Double { Double(self) }
    @inline(__always) public var asInt64: Int64 { Int64(self) }
    @inline(__always) public var asBool: Bool { self != 0 }
}

extension Int16: TensorElement {
    public static var dtype: DType { .int16 }
    @inline(__always) public static func from(double: Double) -> Int16 { Int16(truncatingIfNeeded: Int64(saturating: double)) }
    @inline(__always) public static func from(int64: Int64) -> Int16 { Int16(truncatingIfNeeded: int64) }
    @inline(__always) public static func from(bool: Bool) -> Int16 { bool ? 1 : 0 }
    @inline(__always) public var asDouble: Double { Double(self) }
    @inline(__always) public var asInt64: Int64 { Int64(self) }
    @inline(__always) public var asBool: Bool { self != 0 }
}

extension Int8: TensorElement {
    public static var dtype: DType { .int8 }
    @inline(__always) public static func from(double: Double) -> Int8 { Int8(truncatingIfNeeded: Int64(saturating: double)) }
    @inline(__always) public static func from(int64: Int64) -> Int8 { Int8(truncatingIfNeeded: int64) }
    @inline(__always) public static func from(bool: Bool) -> Int8 { bool ? 1 : 0 }
    @inline(__always) public var asDouble: Double { Double(self) }
    @inline(__always) public var asInt64: Int64 { Int64(self) }
    @inline(__always) public var asBool: Bool { self != 0 }
}

extension UInt8: TensorElement {
    public static var dtype: DType { .uint8 }
    @inline(__always) public static func from(double: Double) -> UInt8 { UInt8(truncatingIfNeeded: Int64(saturating: double)) }
    @inline(__always) public static func from(int64: Int64) -> UInt8 { UInt8(truncatingIfNeeded: int64) }
    @inline(__always) public static func from(bool: Bool) -> UInt8 { bool ? 1 : 0 }
    @inline(__always) public var asDouble: Double { Double(self) }
    @inline(__always) public var asInt64: Int64 { Int64(self) }
    @inline(__always) public var asBool: Bool { self != 0 }
}

extension Bool: TensorElement {
    public static var dtype: DType { .bool }
    @inline(__always) public static func from(double: Double) -> Bool { double != 0 }
    @inline(__always) public static func from(int64: Int64) -> Bool { int64 != 0 }
    @inline(__always) public static func from(bool: Bool) -> Bool { bool }
    @inline(__always) public var asDouble: Double { self ? 1 : 0 }
    @inline(__always) public var asInt64: Int64 { self ? 1 : 0 }
    @inline(__always) public var asBool: Bool { self }
}
