import MiniPython
import TensorEngine

/// PyTorch names the tutor knows but does not implement: each raises a clear
/// `NotImplementedError` instead of an `AttributeError`, so learners see what is missing.
enum Unimplemented {
    /// `torch.` functions not in the engine yet.
    static let torchFunctions = [
        "histogram", "cosine_similarity", "pairwise_distance", "det", "inverse", "pinverse", "svd", "qr",
        "cholesky", "matrix_power", "addbmm", "chain_matmul", "index_put", "masked_scatter", "put", "combinations",
        "block_diag", "dstack", "complex", "real", "imag", "view_as_real", "view_as_complex", "polar", "angle",
        "conj", "sgn", "lgamma", "digamma", "i0", "sinc", "logaddexp2", "gcd", "lcm", "heaviside", "quantile",
        "nanquantile", "nanmedian", "std_mean_unbiased", "corrcoef", "cov",
        "gradient", "trapezoid", "cumulative_trapezoid", "compile", "vmap", "func",
        "sparse_coo_tensor", "stft", "istft", "fft", "from_file", "frombuffer", "asarray", "empty_strided",
        "conv3d", "dropout", "batch_norm",
        "layer_norm", "embedding", "sigmoid_", "lstm", "gru", "rnn_tanh",
    ]

    /// Tensor methods not in the engine yet.
    static let tensorMethods = [
        "index_put_", "masked_scatter_", "put_", "unfold",
        "as_strided", "storage", "untyped_storage", "data_ptr", "apply_", "map_", "resize_", "resize_as_", "set_",
        "register_post_accumulate_grad_hook", "to_sparse", "to_dense", "lgamma", "digamma", "det", "inverse", "sinc",
        "nanmedian", "quantile", "cauchy_", "geometric_", "log_normal_",
    ]

    static func raising(_ qualified: String) -> (Interpreter, Arguments) throws(PyError) -> PyValue {
        { (_, _) throws(PyError) in throw TorchErrors.notInTutor(qualified) }
    }

    /// Adds the unimplemented `torch.` names that are not otherwise defined.
    static func add(to module: PyModule) {
        for name in torchFunctions where module[name] == nil {
            module.addRawFunction(name, raising("torch.\(name)"))
        }
    }

    /// Adds the unimplemented `Tensor` methods (while building the type).
    static func add(to type: PyType) {
        for name in tensorMethods where type.members[name] == nil {
            type.addRawMethod(name, raising("Tensor.\(name)"))
        }
    }

    static func addLinalg(to module: PyModule) {
        for name in ["matrix_norm", "det", "inv", "solve", "svd", "eig", "eigh", "qr", "cholesky", "lstsq",
                     "matrix_rank", "pinv", "multi_dot", "matrix_power", "slogdet", "eigvals", "eigvalsh"] {
            module.addRawFunction(name, raising("torch.linalg.\(name)"))
        }
    }
}
