import MiniPython
import TensorEngine

/// `torch.nn.functional`: the stateless form of every layer. Each group of functions lives in
/// its own file (`Functional+Activations.swift`, ...) and is added here.
enum FunctionalModule {
    static func make(_ interp: Interpreter) throws(PyError) -> PyModule {
        let module = PyModule(name: "torch.nn.functional")
        addActivations(to: module)
        addLinear(to: module)
        addLosses(to: module)
        addNormalization(to: module)
        addEmbedding(to: module)
        addConvolution(to: module)
        addPooling(to: module)
        addPadding(to: module)
        addUpsampling(to: module)
        OpHooks.instrument(module)
        return module
    }
}
