import MiniPython

/// Optimizers and schedulers of PyTorch that pytorch-tutor does not have: using one raises a
/// clear `NotImplementedError` instead of an `AttributeError`.
enum OptimUnimplemented {
    static let optimizers = ["Adadelta", "Adafactor", "Adamax", "ASGD", "LBFGS", "NAdam", "RAdam", "Rprop", "SparseAdam"]
    static let schedulers = ["SequentialLR", "ChainedScheduler", "CyclicLR"]

    static func add(to module: PyModule, names: [String], prefix: String) {
        for name in names where module[name] == nil {
            module.addRawFunction(name, Unimplemented.raising("\(prefix).\(name)"))
        }
    }
}
