import Charts
import Foundation
import Testing
import MiniPython
@testable import TorchBridge

/// The built-in `numpy`: numpy's float formatting, its wording for errors, the ndarray's
/// identity as a type, memory shared with tensors, and arrays in plots. Whole programs are
/// compared with real numpy in Fixtures/programs/numpy_*.py (ProgramFixtureTests).
@Suite struct NumPyTests {
    @Test func floatFormattingUsesShortestDigitsOfTheOwnType() {
        #expect(NumPyFloatFormat.positional(Double(Float(0.1)), .single, precision: 8, trim: .point) == "0.1")
        #expect(NumPyFloatFormat.positional(Double(Float(0.1)), .double, precision: 8, trim: .point) == "0.1")
        #expect(NumPyFloatFormat.positional(Double(Float(0.1)), .double, precision: nil, trim: .point) == "0.10000000149011612")
        #expect(NumPyFloatFormat.positional(1.0 / 3, .double, precision: 8, trim: .point) == "0.33333333")
        #expect(NumPyFloatFormat.positional(2, .double, precision: 8, trim: .point, padLeft: 3, padRight: 2) == "  2.  ")
        #expect(NumPyFloatFormat.positional(2, .double, precision: nil, trim: .zero) == "2.0")
        #expect(NumPyFloatFormat.positional(-0.0, .double, precision: 8, trim: .point) == "-0.")
        #expect(NumPyFloatFormat.scientific(1e-5, .double, precision: 8, trim: .point) == "1.e-05")
        #expect(NumPyFloatFormat.scientific(123.456, .double, precision: 8, minDigits: 5, trim: .keep) == "1.23456e+02")
        #expect(NumPyFloatFormat.scientific(1.5e-300, .double, precision: nil, trim: .none, expDigits: 3) == "1.5e-300")
    }

    @Test func arraysAreNumpyNdarrays() {
        expectOutput("""
        import numpy as np
        a = np.zeros((2, 3), dtype=np.float32)
        print(type(a).__name__, type(a).__module__, isinstance(a, np.ndarray), a.dtype, repr(a.dtype), a.shape)
        print(type(a.sum()).__name__, isinstance(a.sum(), np.floating), np.issubdtype(a.dtype, np.floating))
        """, "ndarray numpy True float32 dtype('float32') (2, 3)\nfloat32 True True\n")
    }

    @Test func errorsUseNumpysWording() {
        expectError("import numpy as np\nnp.arange(3)[5]", "IndexError", "index 5 is out of bounds for axis 0 with size 3")
        expectError("import numpy as np\nbool(np.arange(3))", "ValueError",
                    "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()")
        expectError("import numpy as np\nnp.ones((2, 3)) + np.ones(4)", "ValueError",
                    "operands could not be broadcast together with shapes (2,3) (4,) ")
        expectError("import numpy as np\nnp.arange(6).reshape(4, 2)", "ValueError", "cannot reshape array of size 6 into shape (4,2)")
        expectError("import numpy as np\nnp.zeros((2, 2)).sum(axis=2)", "AxisError", "axis 2 is out of bounds for array of dimension 2")
        expectError("import numpy as np\nnp.array([1], dtype=np.uint8) + 300", "OverflowError", "Python integer 300 out of bounds for uint8")
        expectError("import numpy as np\nnp.random.seed(-1)", "ValueError", "Seed must be between 0 and 2**32 - 1")
        expectError("import numpy as np\na = np.arange(3)\na += 1.5", "UFuncTypeError",
                    "Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'")
    }

    @Test func tensorNumpyRefusesTensorsThatRequireGrad() {
        expectError("import torch\ntorch.ones(2, requires_grad=True).numpy()", "RuntimeError",
                    "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
        expectError("import torch\ntorch.from_numpy([1, 2])", "TypeError", "expected np.ndarray (got list)")
    }

    @Test func numpyAndTorchShareMemoryBothWays() {
        expectOutput("""
        import numpy as np
        import torch
        t = torch.zeros(3)
        a = t.numpy()
        a[0] = 1
        torch.from_numpy(a)[1] = 2
        torch.as_tensor(a)[2] = 3
        torch.tensor(a)[0] = 99
        print(t, a)
        """, "tensor([1., 2., 3.]) [1. 2. 3.]\n")
    }

    @Test func plotsAcceptArrays() {
        let interp = Interpreter()
        TorchBridge.install(into: interp)
        var figures: [Figure] = []
        TorchBridge.setDisplay(interp, tier: .plain) { if case .figure(let f) = $0 { figures.append(f) } }
        do throws(PyError) {
            try interp.execute("""
            import numpy as np
            import matplotlib.pyplot as plt
            x = np.linspace(0, 1, 5)
            plt.plot(x, x ** 2)
            plt.hist(np.arange(10.0), bins=5)
            plt.imshow(np.zeros((4, 4, 3), dtype=np.float32))
            plt.show()
            """, filename: "test.py")
        } catch {
            Issue.record("raised \(error.description)")
        }
        #expect(figures.count == 1)
    }

    /// The CIFAR-10 tutorial's `imshow` (unnormalize, `.numpy()`, `np.transpose`, `plt.imshow`)
    /// draws the image grid; Fixtures/figures/cifar_imshow.out is the text figure it printed.
    @Test func cifarTutorialImshowDrawsTheGrid() throws {
        let folder = programsDirectory.deletingLastPathComponent().appendingPathComponent("figures")
        let source = try String(contentsOf: folder.appendingPathComponent("cifar_imshow.py"), encoding: .utf8)
        let expected = try String(contentsOf: folder.appendingPathComponent("cifar_imshow.out"), encoding: .utf8)
        let result = runPython(source)
        #expect(result.error == nil, "raised \(result.error ?? "")")
        #expect(result.stdout == expected)
    }
}
