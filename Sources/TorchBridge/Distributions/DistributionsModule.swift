import MiniPython

/// `torch.distributions`: Normal, Categorical and Bernoulli over the base class
/// `Distribution` and the argument `constraints`, written in Python over torch ops as
/// PyTorch's are (user code may subclass them, and a seeded `sample()` draws from the
/// default generator exactly as PyTorch does: `torch.normal`, `torch.multinomial`,
/// `torch.bernoulli`).
///
/// Each file runs in the one `torch.distributions` namespace under its own name, so
/// tracebacks say `<frozen torch.distributions.normal>` and classes print as PyTorch's do.
enum DistributionsModule {
    static func make(_ interp: Interpreter) throws(PyError) -> PyModule {
        let constraints = try interp.loadSubmodule(name: "torch.distributions.constraints",
                                                   source: DistributionsSource.constraints)
        let utils = try interp.loadSubmodule(name: "torch.distributions.utils", source: DistributionsSource.utils)
        let distributions = try interp.makePackage(name: "torch.distributions", files: DistributionsSource.files,
                                                   attributes: [("constraints", .object(constraints)), ("utils", .object(utils))])
        DistributionsUnimplemented.add(to: distributions)
        return distributions
    }
}

/// The Python source of `torch.distributions`, one string per file of PyTorch's `torch/distributions`.
enum DistributionsSource {
    static let files: [(String, String)] = [
        ("distribution", distribution), ("exp_family", expFamily), ("normal", normal), ("categorical", categorical), ("bernoulli", bernoulli),
    ]
}
