import Testing
import MiniPython
import TensorEngine
@testable import TorchBridge

/// Behaviour that the PyTorch fixtures cannot record (CPU-only errors, the tutor's own
/// messages) or that is about the bridge itself.
@Suite(.serialized)
struct BridgeTests {
    @Test func everyOpSignatureParses() {
        // Building the type and the function table parses every signature string.
        #expect(TensorType.type.lookup("add") != nil)
        #expect(TorchModule.functions.count > 150)
        #expect(TensorType.type.lookup("sum") != nil && TensorType.type.lookup("__getitem__") != nil)
    }

    @Test func engineErrorsMapToPythonExceptions() {
        let cases: [(TensorError.Kind, String)] = [
            (.runtime, "RuntimeError"), (.index, "IndexError"), (.type, "TypeError"), (.value, "ValueError"),
            (.notImplemented, "NotImplementedError"), (.outOfMemory, "OutOfMemoryError"),
        ]
        for (kind, name) in cases {
            let error = PyError(TensorError(kind, "boom"))
            #expect(error.exception.type.name == name)
            #expect(error.exception.message == "boom")
        }
        #expect(PyError(TensorError(.outOfMemory, "x")).matches(.runtimeError))
    }

    @Test func cudaIsClearlyUnavailable() {
        expectError("import torch\ntorch.ones(1).cuda()", "AssertionError", "Torch not compiled with CUDA enabled")
        expectError("import torch\ntorch.ones(1).to('cuda')", "AssertionError", "Torch not compiled with CUDA enabled")
        expectError("import torch\ntorch.ones(1, dtype=torch.bfloat16)", "NotImplementedError")
        expectOutput("import torch\nprint(torch.cuda.is_available(), torch.__version__)", "False 2.15.0\n")
    }

    @Test func outOfMemoryIsATorchRuntimeError() {
        expectOutput("""
            import torch
            print(issubclass(torch.OutOfMemoryError, RuntimeError), torch.cuda.OutOfMemoryError is torch.OutOfMemoryError)
            """, "True True\n")
    }

    @Test func unimplementedNamesRaiseNotImplementedError() {
        expectError("import torch\ntorch.svd(torch.eye(2))", "NotImplementedError",
                    "torch.svd is not available in pytorch-tutor")
        expectError("import torch\ntorch.ones(2).cauchy_()", "NotImplementedError")
        expectError("import torch.distributed", "ModuleNotFoundError")
    }

    @Test func printOptionsArePerInterpreter() {
        expectOutput("import torch\ntorch.set_printoptions(precision=1)\nprint(torch.tensor([1.25]))", "tensor([1.2])\n")
        expectOutput("import torch\nprint(torch.tensor([1.25]))", "tensor([1.2500])\n")
    }

    @Test func argumentErrorsUseTheSignatureBinder() {
        expectError("import torch\ntorch.zeros(2).sum(foo=1)", "TypeError", "Tensor.sum() got an unexpected keyword argument 'foo'")
        expectError("import torch\ntorch.ones(2).add('x')", "TypeError")
        expectError("import torch\ntorch.ones(2) + 'x'", "TypeError")
    }

    @Test func tensorsHashByIdentity() {
        expectOutput("""
            import torch
            a = torch.tensor([1.0]); b = torch.tensor([1.0])
            d = {a: 'a', b: 'b'}
            print(len(d), d[a], a is a, (a == b).item())
            """, "2 a True True\n")
    }

    @Test func gradFnReprAndNoGradDecoratorWithoutParentheses() {
        let result = runPython("""
            import torch
            x = torch.ones(2, requires_grad=True)
            print((x * 2).grad_fn)
            @torch.no_grad
            def f(t):
                return t * 2
            print(f(x).requires_grad)
            """)
        #expect(result.error == nil)
        #expect(result.stdout.hasPrefix("<MulBackward0 object at 0x"))
        #expect(result.stdout.hasSuffix(">\nFalse\n"))
    }

    @Test func importingTorchIsLazy() {
        // Installing registers factories only; nothing is built until `import torch`.
        let interp = Interpreter()
        TorchBridge.install(into: interp)
        var out = ""
        interp.writeStdout = { out += $0 }
        try? interp.execute("print(1)")
        #expect(out == "1\n")
    }
}
