import MiniPython
import TensorEngine

/// The bridge between the interpreter and the tensor engine: the Python `torch` package.
///
/// ```swift
/// let interp = Interpreter()
/// TorchBridge.install(into: interp)
/// try interp.execute("import torch\nprint(torch.ones(2))")   // tensor([1., 1.])
/// ```
public enum TorchBridge {
    /// Registers `torch` and its submodules (`torch.autograd`, `torch.cuda`, `torch.random`,
    /// `torch.linalg`, `torch.return_types`) with `interp`, and `torchvision`, `PIL`,
    /// `tutor_datasets`, `gymnasium`, `numpy`, `matplotlib.pyplot` and `torch.utils.tensorboard`. Nothing
    /// is built until the first import, so start-up stays fast for scripts that never import them.
    ///
    /// The interpreter gets its own default generator, bound while its code runs: one
    /// interpreter is one Python process, so `torch.manual_seed` in one never moves another's
    /// stream (the tutor's lesson sessions and the test suites run side by side).
    public static func install(into interp: Interpreter) {
        TorchModule.register(interp)
        VisionModule.register(interp)
        GymnasiumModule.register(interp)
        NumPyModule.register(interp)
        PlotDisplay.register(interp)
        Pyplot.register(interp)
        interp.registerModule("torch.utils.tensorboard", TensorBoard.make)
        let generator = Generator(seed: Generator.nondeterministicSeed())
        interp.runScope = { (body) throws(PyError) in try Generator.withDefault(generator, body) }
    }

    /// The engine tensor behind a Python value, if it is a `torch.Tensor` (for other modules
    /// built on the bridge, such as `torch.nn`).
    public static func tensor(_ value: PyValue) -> Tensor? { value.tensorValue }

    /// A Python `torch.Tensor` for an engine tensor.
    public static func value(_ tensor: Tensor) -> PyValue { .tensor(tensor) }

    /// The tensor print options of `interp`'s `torch` module (`torch.set_printoptions`).
    public static func printOptions(_ interp: Interpreter) -> PrintOptions { PrintOptionsBox.current(interp) }

    /// Runs engine code and turns a ``TensorError`` into the matching Python exception.
    public static func run<T>(_ body: () throws(TensorError) -> T) throws(PyError) -> T { try engine(body) }
}
