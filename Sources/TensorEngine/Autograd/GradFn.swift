import Synchronization

/// A node of the autograd graph: PyTorch's `grad_fn` object (`AddBackward0`, ...).
///
/// Each differentiable op creates one node holding edges to the nodes of its
/// inputs and a closure that maps the gradients of its outputs to the gradients
/// of its inputs. Leaves that require grad are reached through an
/// `AccumulateGrad` node that adds into their `.grad`.
public final class GradFn: @unchecked Sendable {
    private static let counter = Atomic<Int>(0)
    /// Creation order; backward runs ready nodes newest first, as PyTorch's engine does.
    let sequenceNr: Int = GradFn.counter.add(1, ordering: .relaxed).newValue
    /// PyTorch's class name for this node, e.g. `MulBackward0`.
    public let name: String
    /// One edge per differentiable input; `nil` where the input needs no gradient.
    public let inputs: [Edge?]
    /// Shapes and dtypes of the outputs, used to make zero gradients for outputs
    /// that did not receive one.
    let outputs: [(shape: [Int], dtype: DType)]
    /// Maps output gradients to input gradients; dropped after backward unless the graph is retained.
    var backward: (([Tensor]) throws(TensorError) -> [Tensor?])?
    /// Tensors the closure captured, with the storage version seen when they were saved.
    let saved: [SavedTensor]
    /// The leaf this node accumulates into (only for `AccumulateGrad`).
    public let variable: Tensor?
    /// Hooks registered with `register_hook` on an output tensor, by output number;
    /// each sees the gradient and may replace it.
    var tensorPreHooks: [(outputNr: Int, hook: (Tensor) throws(TensorError) -> Tensor?)] = []
    /// Non-leaf outputs that asked for `.grad` via `retain_grad()`.
    var retainedOutputs: [WeakTensor] = []

    /// The edge list as PyTorch's `next_functions` shows it.
    public struct Edge {
        public let node: GradFn
        public let inputNr: Int
    }

    init(name: String, inputs: [Edge?], outputs: [(shape: [Int], dtype: DType)], saved: [SavedTensor],
         backward: @escaping ([Tensor]) throws(TensorError) -> [Tensor?]) {
        self.name = name
        self.inputs = inputs
        self.outputs = outputs
        self.saved = saved
        self.backward = backward
        self.variable = nil
    }

    /// An `AccumulateGrad` node for a leaf.
    init(accumulatingInto leaf: Tensor) {
        self.name = "AccumulateGrad"
        self.inputs = []
        self.outputs = [(leaf.shape, leaf.dtype)]
        self.saved = []
        self.backward = nil
        self.variable = leaf
    }

    /// Whether backward already ran and freed the saved tensors.
    var isReleased: Bool { backward == nil && variable == nil }

    /// The node whose backward closure is running on this thread (see ``CapturedOutput``).
    @TaskLocal static var running: GradFn?

    /// Runs this node's backward closure with ``running`` set to it (needed only while
    /// building a graph of the backward pass: ``CapturedOutput`` attaches nothing otherwise).
    func runBackward(_ backward: ([Tensor]) throws(TensorError) -> [Tensor?],
                     _ grads: [Tensor]) throws(TensorError) -> [Tensor?] {
        try GradFn.$running.withValue(self, typed: { () throws(TensorError) in try backward(grads) })
    }
}

/// A tensor saved for backward together with its storage version at save time.
///
/// Note [Version counter]
/// Every in-place write bumps `Storage.version`. If a saved tensor's storage
/// changed between forward and backward, the gradient would be computed from
/// the wrong values, so backward raises PyTorch's "modified by an inplace
/// operation" error instead.
struct SavedTensor {
    let tensor: Tensor
    let version: Int
    /// For an output of the saving node, that node's name and output number, kept
    /// from save time as PyTorch does. A saved input reports its current node instead.
    let savedAsOutput: (name: String, outputNr: Int)?

    /// An output of the saving node is held as a detached alias (same storage, no `grad_fn`):
    /// holding the output itself would close the cycle output -> node -> output, and the
    /// graph would never be freed (PyTorch's `SavedVariable` drops the output's `grad_fn`
    /// for the same reason).
    init(_ t: Tensor, outputOf node: (name: String, outputNr: Int)? = nil) {
        tensor = node == nil ? t : t.detach()
        version = t.storage.version
        savedAsOutput = node
    }

    /// The node named in the "modified by an inplace operation" error, if any.
    var producer: (name: String, outputNr: Int)? {
        savedAsOutput ?? tensor.gradFn.map { ($0.name, tensor.outputNr) }
    }
}

extension GradFn {
    /// How PyTorch's messages name a node: `ExpBackward0` is `Exp`, `SumBackward1`
    /// is `Sum1`, `CopySlices` is `torch::autograd::CopySlices`.
    static func messageName(_ name: String) -> String {
        if name == "CopySlices" { return "torch::autograd::CopySlices" }
        if name.hasSuffix("Backward0") { return String(name.dropLast("Backward0".count)) }
        return name.replacing("Backward", with: "")
    }
}

/// A weak reference, so a node does not keep its outputs alive.
struct WeakTensor {
    weak var tensor: Tensor?
}
