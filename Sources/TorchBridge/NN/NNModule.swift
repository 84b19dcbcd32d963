import MiniPython

/// `torch.nn`: the module classes, written in Python over the native `torch.nn.functional`
/// and `nn.Parameter`, as PyTorch's own are (so user subclasses behave exactly as there).
///
/// `import torch.nn` builds `torch.nn.functional`, `torch.nn.init`, `torch.nn.parameter` and
/// `torch.nn.utils` with it. Each Python file runs in the one `torch.nn` namespace under its
/// own name, so tracebacks say `<frozen torch.nn.modules.conv>`.
enum NNModule {
    static func make(_ interp: Interpreter) throws(PyError) -> PyModule {
        let functional = try FunctionalModule.make(interp)
        interp.addLoadedModule(functional, as: "torch.nn.functional")
        let parameter = PyModule(name: "torch.nn.parameter")
        parameter["Parameter"] = .object(ParameterType.type)
        interp.addLoadedModule(parameter, as: "torch.nn.parameter")
        let initModule = try interp.loadSubmodule(name: "torch.nn.init", source: NNSource.initModule)

        let nn = PyModule(name: "torch.nn")
        nn["__builtins__"] = .object(interp.builtinsModule)
        nn["functional"] = .object(functional)
        nn["F"] = .object(functional)
        nn["init"] = .object(initModule)
        nn["parameter"] = .object(parameter)
        nn["Parameter"] = .object(ParameterType.type)
        let vf = RecurrentFunctions.make()
        nn["_VF"] = .object(vf)
        let rnnUtils = try interp.loadSubmodule(name: "torch.nn.utils.rnn", source: NNSource.rnnUtilsModule,
                                                globals: [("_VF", .object(vf))])
        nn["_rnn_utils"] = .object(rnnUtils)
        for (file, source) in NNSource.files {
            try interp.execute(source, filename: "<frozen torch.nn.modules.\(file)>", in: nn)
        }

        let utils = try interp.loadSubmodule(name: "torch.nn.utils", source: NNSource.utilsModule)
        utils["rnn"] = .object(rnnUtils)
        nn["utils"] = .object(utils)
        return nn
    }
}

/// The Python source of `torch.nn`, one string per file of PyTorch's `torch/nn/modules`.
enum NNSource {
    static let files: [(String, String)] = [
        ("module", module), ("container", containers), ("linear", linear), ("conv", conv),
        ("batchnorm", norm), ("dropout", dropout), ("activation", activation), ("loss", loss),
        ("rnn", rnn),
    ]
}
