/// An op's (single) output as its own node's backward closure holds it.
///
/// A closure that captured the output strongly would close the cycle output -> `grad_fn` ->
/// closure -> output, and a graph whose backward never runs (a forward pass with grad
/// enabled, say for validation) would never be freed. This holds the output weakly and,
/// once the output is gone, rebuilds a view of the same storage whose `grad_fn` is the node
/// now running backward, as PyTorch's `SavedVariable` unpacks a saved output: double
/// backward (`create_graph=True`) still differentiates through it.
struct CapturedOutput {
    private weak var tensor: Tensor?
    private let storage: Storage
    private let shape: [Int]
    private let strides: [Int]
    private let offset: Int

    init(_ t: Tensor) {
        tensor = t
        storage = t.storage
        shape = t.shape
        strides = t.strides
        offset = t.offset
    }

    /// The output, or a view of its values attached to the running node once it is gone.
    var value: Tensor {
        if let tensor { return tensor }
        let view = Tensor(storage: storage, shape: shape, strides: strides, offset: offset)
        if GradMode.isEnabled, let node = GradFn.running {
            view.requiresGrad = true
            view.gradFn = node
            view.outputNr = 0
        }
        return view
    }
}
