import MiniPython
import TensorEngine

/// `torch.dtype` objects: `torch.float32`, `torch.long`, ... with repr `torch.float32`.
///
/// Each dtype is one shared object (so `t.dtype == torch.float32` and `is` both work). The
/// dtypes the engine lacks (bfloat16, complex64) exist so that scripts naming them get a
/// clear `NotImplementedError` when they are used, rather than an `AttributeError`.
final class PyDType: PyObject, @unchecked Sendable {
    /// `float32`, `int64`...
    let shortName: String
    /// The engine dtype, or nil for a dtype the tutor does not implement.
    let dtype: DType?
    let isFloatingPoint: Bool
    let itemSize: Int
    let isSigned: Bool

    private init(_ shortName: String, _ dtype: DType?, floating: Bool, itemSize: Int, signed: Bool) {
        self.shortName = shortName
        self.dtype = dtype
        self.isFloatingPoint = floating
        self.itemSize = itemSize
        self.isSigned = signed
        super.init(type: PyDType.type)
    }

    /// `torch.dtype`
    static let type: PyType = {
        let type = PyType(name: "dtype", module: "torch", base: .object, isBaseType: false)
        type.addMethod("__repr__(self, /)") { (_, args) throws(PyError) in .str("torch." + (args[0].as(PyDType.self)?.shortName ?? "?")) }
        type.addMethod("__hash__(self, /)") { (_, args) throws(PyError) in PyValue(args[0].object?.identity ?? 0) }
        type.addProperty("is_floating_point") { (_, v) throws(PyError) in .bool(v.as(PyDType.self)?.isFloatingPoint ?? false) }
        type.addProperty("is_complex") { (_, _) throws(PyError) in .bool(false) }
        type.addProperty("is_signed") { (_, v) throws(PyError) in .bool(v.as(PyDType.self)?.isSigned ?? false) }
        type.addProperty("itemsize") { (_, v) throws(PyError) in PyValue(v.as(PyDType.self)?.itemSize ?? 0) }
        return type
    }()

    static let float32 = PyDType("float32", .float32, floating: true, itemSize: 4, signed: true)
    static let float64 = PyDType("float64", .float64, floating: true, itemSize: 8, signed: true)
    static let int64 = PyDType("int64", .int64, floating: false, itemSize: 8, signed: true)
    static let int32 = PyDType("int32", .int32, floating: false, itemSize: 4, signed: true)
    static let uint8 = PyDType("uint8", .uint8, floating: false, itemSize: 1, signed: false)
    static let bool = PyDType("bool", .bool, floating: false, itemSize: 1, signed: false)
    static let float16 = PyDType("float16", .float16, floating: true, itemSize: 2, signed: true)
    static let bfloat16 = PyDType("bfloat16", nil, floating: true, itemSize: 2, signed: true)
    static let int16 = PyDType("int16", .int16, floating: false, itemSize: 2, signed: true)
    static let int8 = PyDType("int8", .int8, floating: false, itemSize: 1, signed: true)
    static let complex64 = PyDType("complex64", nil, floating: false, itemSize: 8, signed: true)

    /// The `torch` attribute names of every dtype object, aliases included.
    static let attributes: [(String, PyDType)] = [
        ("float32", float32), ("float", float32), ("float64", float64), ("double", float64),
        ("int64", int64), ("long", int64), ("int32", int32), ("int", int32), ("uint8", uint8),
        ("bool", bool), ("float16", float16), ("half", float16), ("bfloat16", bfloat16),
        ("int16", int16), ("short", int16), ("int8", int8), ("complex64", complex64), ("cfloat", complex64),
    ]

    /// The object for an engine dtype.
    static func object(_ dtype: DType) -> PyDType {
        switch dtype {
        case .float16: float16
        case .float32: float32
        case .float64: float64
        case .int64: int64
        case .int32: int32
        case .int16: int16
        case .int8: int8
        case .uint8: uint8
        case .bool: bool
        }
    }

    /// A `dtype=` argument: nil for None; Python's `float`, `int` and `bool` types count as
    /// float64, int64 and bool, as in PyTorch.
    static func argument(_ v: PyValue, _ function: String = "", _ parameter: String = "dtype") throws(PyError) -> DType? {
        if v.isNone { return nil }
        if let d = v.as(PyDType.self) {
            guard let dtype = d.dtype else { throw unsupported(d.shortName) }
            return dtype
        }
        if let t = v.as(PyType.self) {
            if t === PyType.float { return .float64 }
            if t === PyType.int { return .int64 }
            if t === PyType.bool { return .bool }
        }
        let prefix = function.isEmpty ? "" : "\(function)(): "
        throw PyError.typeError("\(prefix)argument '\(parameter)' must be torch.dtype, not \(Scalars.typeName(v))")
    }

    /// The error for a dtype the engine does not implement.
    static func unsupported(_ shortName: String) -> PyError {
        let supported = DType.allCases.map(\.shortName).joined(separator: ", ")
        return PyError.notImplementedError("dtype torch.\(shortName) is not supported by pytorch-tutor (supported: \(supported))")
    }
}
