import Testing

/// `torch.jit` exists so that scripting or tracing a model explains that the tutor has no TorchScript.
@Suite
struct TorchScriptTests {
    static let message = "is not available in pytorch-tutor: the tutor does not include TorchScript "
        + "(the compiler that exports models to run without Python). Run the model directly, and "
        + "save it with torch.save(model.state_dict(), path)"

    @Test(arguments: ["script(nn.Linear(2, 2))", "trace(nn.Linear(2, 2), torch.ones(1, 2))", "load('m.pt')"])
    func entryPointsRaise(_ call: String) {
        let name = String(call.prefix { $0 != "(" })
        expectError("import torch\nimport torch.nn as nn\ntorch.jit.\(call)", "NotImplementedError",
                    "torch.jit.\(name) \(Self.message)")
    }

    @Test func decoratorRaisesWhereTheFunctionIsDefined() {
        expectError("import torch\n@torch.jit.script\ndef f(x):\n    return x\n", "NotImplementedError",
                    "torch.jit.script \(Self.message)")
    }
}
