import TensorEngine

extension NeuralNet {
    /// Advances a parameter's step counter, PyTorch's 0-dim float32 `state['step']` tensor (in
    /// place: `step_t += 1`), and returns its new value as the Python float the bias corrections
    /// use.
    static func advance(_ step: Tensor) throws(TensorError) -> Double {
        _ = try GradMode.with(false) { () throws(TensorError) in try step.add_(.int(1)) }
        return try step.item().doubleValue
    }
}
