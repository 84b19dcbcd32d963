/// An op's output as its own node's backward closure holds it.
///
/// A closure that captured the output strongly would close the cycle output -> `grad_fn` ->
/// closure -> output, and a graph whose backward never runs (a forward pass with grad
/// enabled, say for validation) would never be freed. This holds the output weakly, so
/// double backward still sees its `grad_fn` while the output lives, and otherwise rebuilds
/// a detached view of the same storage from the geometry it saw.
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

    /// The output, or a view of its values once it is gone.
    var value: Tensor { tensor ?? Tensor(storage: storage, shape: shape, strides: strides, offset: offset) }
}
