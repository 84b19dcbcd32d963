import MiniPython
import TensorEngine

/// `numpy` (`import numpy as np`): the part of numpy that PyTorch code uses next to torch —
/// `np.ndarray` with numpy's dtypes, promotion, indexing and printing, the common creation,
/// shape, reduction and element-wise functions, and `np.random`'s legacy generator.
///
/// It is Python source over torch (like `gymnasium` and `torch.distributions`): an ndarray
/// views a tensor's storage (`._t`), so `Tensor.numpy()`, `torch.from_numpy` and
/// `torch.as_tensor` share memory as they do in real torch. Float formatting, float sums and
/// the random generator are native (`numpy._native`) and match numpy digit for digit;
/// element-wise float32 math (`np.exp`, `np.log`, ...) runs on torch's kernels and can differ
/// from numpy's own in the last digit.
enum NumPyModule {
    static func register(_ interp: Interpreter) {
        interp.registerModule("numpy._native", NumPyNative.make)
        interp.registerModule("numpy", make)
        interp.registerModule("numpy.random") { (interp) throws(PyError) in
            try VisionModule.frozen("numpy.random", NumPySource.random, interp)
        }
    }

    static func make(_ interp: Interpreter) throws(PyError) -> PyModule {
        let numpy = PyModule(name: "numpy")
        numpy["__builtins__"] = .object(interp.builtinsModule)
        numpy["__version__"] = .str("2.4.6")
        interp.addLoadedModule(numpy, as: "numpy")
        for (part, source) in NumPySource.parts {
            try interp.execute(source, filename: "<frozen numpy.\(part)>", in: numpy)
        }
        _ = try interp.importModule("numpy.random")
        return numpy
    }

    /// The tensor behind a numpy array (`np.ndarray` of `interp`'s numpy), if `value` is one.
    static func tensor(_ value: PyValue) -> Tensor? {
        guard let object = value.object, object.type.name == "ndarray", object.type.module == "numpy",
              case .object(let t)? = object.dict?.get(str: "_t") else { return nil }
        return (t as? PyTensor)?.tensor
    }

    /// The Python number inside a numpy scalar (`np.float32(2.5)`, `a.sum()`), if `value` is one;
    /// torch takes these as it takes Python numbers.
    static func number(_ value: PyValue) -> PyValue? {
        guard let object = value.object, object.type.module == "numpy", let v = object.dict?.get(str: "_v") else { return nil }
        switch v {
        case .int, .float, .bool: return v
        default: return nil
        }
    }

    /// The dtype of a numpy scalar (`np.float64(2.5)` is float64), if `value` is one.
    static func scalarDType(_ value: PyValue) -> DType? {
        guard number(value) != nil, let name = value.object?.type.name else { return nil }
        return name == "bool_" ? .bool : DType.allCases.first { $0.shortName == name }
    }

    /// A numpy array viewing `tensor` (what `Tensor.numpy()` returns).
    static func array(_ tensor: Tensor, _ interp: Interpreter) throws(PyError) -> PyValue {
        let numpy = try interp.importModule("numpy")
        let ndarray = try interp.getAttribute(.object(numpy), "ndarray")
        let wrap = try interp.getAttribute(ndarray, "_wrap")
        return try interp.call(wrap, [.tensor(tensor)])
    }
}

/// The Python source of `numpy`, one string per part, run in order into one module.
enum NumPySource {
    static let parts: [(String, String)] = [
        ("dtypes", dtypes), ("printing", printing), ("array", array), ("functions", functions),
    ]
}
