/// Builtins MiniPython does not provide; each raises `NotImplementedError` with its reason.
extension Builtins {
    enum UNIMPLEMENTED: String, CaseIterable {
        case exec, eval, compile, memoryview, bytearray, complex, aiter, anext, breakpoint

        var message: String {
            switch self {
            case .exec, .eval, .compile: return "\(rawValue)() is not supported by MiniPython"
            case .bytearray, .memoryview: return "\(rawValue) objects are not supported by MiniPython"
            case .complex: return "complex numbers are not supported by MiniPython"
            default: return "\(rawValue)() is not supported by MiniPython"
            }
        }
    }

    static func fillUnimplemented(_ module: PyModule) {
        for feature in UNIMPLEMENTED.allCases {
            module.addRawFunction(feature.rawValue) { (_, _) throws(PyError) in
                throw PyError.notImplementedError(feature.message)
            }
        }
    }
}
