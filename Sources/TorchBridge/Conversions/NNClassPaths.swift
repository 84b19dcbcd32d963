/// Where PyTorch defines each `torch.nn` layer (`torch.nn.modules.linear` for `Linear`): a
/// whole module saved by the tutor names its classes as PyTorch does, so files read the same
/// either way. The tutor defines them all in `torch.nn` itself.
enum NNClassPaths {
    /// The PyTorch module of `torch.nn.<name>`, or nil for a name PyTorch does not define there.
    static func module(of name: String) -> String? {
        files[name].map { "torch.nn.modules.\($0)" }
    }

    private static let files: [String: String] = {
        let groups: [String: [String]] = [
            "activation": ["ELU", "GELU", "Hardswish", "Hardtanh", "LeakyReLU", "LogSoftmax", "Mish", "PReLU", "ReLU",
                           "ReLU6", "SiLU", "Sigmoid", "Softmax", "Softplus", "Softsign", "Tanh", "Tanhshrink", "Threshold"],
            "batchnorm": ["BatchNorm1d", "BatchNorm2d", "_BatchNorm"],
            "container": ["ModuleDict", "ModuleList", "ParameterDict", "ParameterList", "Sequential"],
            "conv": ["Conv1d", "Conv2d", "ConvTranspose2d", "_ConvNd"],
            "dropout": ["Dropout", "Dropout1d", "Dropout2d", "_DropoutNd"],
            "flatten": ["Flatten", "Unflatten"],
            "linear": ["Bilinear", "Identity", "Linear"],
            "loss": ["BCELoss", "BCEWithLogitsLoss", "CrossEntropyLoss", "HuberLoss", "KLDivLoss", "L1Loss", "MSELoss",
                     "NLLLoss", "SmoothL1Loss", "_Loss", "_WeightedLoss"],
            "module": ["Module"],
            "normalization": ["GroupNorm", "LayerNorm"],
            "pooling": ["AdaptiveAvgPool1d", "AdaptiveAvgPool2d", "AdaptiveMaxPool2d", "AvgPool1d", "AvgPool2d",
                        "MaxPool1d", "MaxPool2d", "_AdaptivePool", "_MaxPoolNd"],
            "rnn": ["GRU", "GRUCell", "LSTM", "LSTMCell", "RNN", "RNNBase", "RNNCell", "RNNCellBase"],
            "sparse": ["Embedding"],
            "upsampling": ["Upsample"],
        ]
        var files: [String: String] = [:]
        for (file, names) in groups { for name in names { files[name] = file } }
        return files
    }()
}
