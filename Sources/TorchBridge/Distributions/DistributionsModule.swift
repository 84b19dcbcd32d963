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
        let constraints = try interp.makeModule(name: "torch.distributions.constraints",
                                                source: DistributionsSource.constraints)
        interp.addLoadedModule(constraints, as: "torch.distributions.constraints")
        let utils = try interp.makeModule(name: "torch.distributions.utils", source: DistributionsSource.utils)
        interp.addLoadedModule(utils, as: "torch.distributions.utils")

        let distributions = PyModule(name: "torch.distributions")
        distributions["__builtins__"] = .object(interp.builtinsModule)
        distributions["constraints"] = .object(constraints)
        distributions["utils"] = .object(utils)
        // The files import from this module while it is being built.
        interp.addLoadedModule(distributions, as: "torch.distributions")
        for (file, source) in DistributionsSource.files {
            // Classes take their __module__ from the file, as PyTorch prints them
            // (`<class 'torch.distributions.normal.Normal'>`).
            distributions["__name__"] = .str("torch.distributions.\(file)")
            try interp.execute(source, filename: "<frozen torch.distributions.\(file)>", in: distributions)
        }
        distributions["__name__"] = .str("torch.distributions")
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
