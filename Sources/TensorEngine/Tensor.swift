/// An n-dimensional array with PyTorch semantics: a strided view over shared
/// `Storage`, a dtype, and the autograd fields (`requiresGrad`, `grad`, `gradFn`).
///
/// Tensors are reference types, as in PyTorch: `b = a` shares the object, in-place
/// ops (`add_`, index assignment) are visible through every view of the storage.
/// Views share `storage` and differ only in `shape`, `strides` and `offset`.
public final class Tensor: @unchecked Sendable {
    public let storage: Storage
    public internal(set) var shape: [Int]
    /// Strides in elements, one per dimension.
    public internal(set) var strides: [Int]
    /// Index of element `[0, 0, ...]` in `storage`.
    public internal(set) var offset: Int

    /// Whether autograd records operations on this tensor.
    public internal(set) var requiresGrad: Bool = false
    /// The accumulated gradient of a leaf (or of a tensor that called `retainGrad`).
    public var grad: Tensor?
    /// The node that created this tensor; `nil` for leaves.
    public internal(set) var gradFn: GradFn?
    /// Which output of `gradFn` this tensor is.
    var outputNr: Int = 0
    /// Set by `retain_grad()` on a non-leaf.
    public internal(set) var retainsGrad = false
    /// The tensor this one is a view of, as PyTorch's `._base`.
    public internal(set) var base: Tensor?
    /// Cached `AccumulateGrad` node of a leaf that requires grad.
    weak var gradAccumulator: GradFn?

    init(storage: Storage, shape: [Int], strides: [Int], offset: Int) {
        self.storage = storage
        self.shape = shape
        self.strides = strides
        self.offset = offset
    }

    /// A fresh contiguous tensor, zero-filled unless `zeroed` is false (only for
    /// outputs a kernel overwrites completely).
    init(uninitializedShape shape: [Int], dtype: DType, zeroed: Bool = true) throws(TensorError) {
        for s in shape where s < 0 {
            throw .runtime("Trying to create tensor with negative dimension \(s): \(Shape.format(shape))")
        }
        let n = try Shape.checkedCount(shape)
        // An empty tensor can have huge other dims; PyTorch rejects strides that overflow.
        if n == 0, shape.reduce((1, false), { acc, s in
            let (p, o) = acc.0.multipliedReportingOverflow(by: Swift.max(s, 1))
            return (p, acc.1 || o)
        }).1 {
            throw .runtime("Stride calculation overflowed")
        }
        self.storage = try Storage(count: n, dtype: dtype, zeroed: zeroed)
        self.shape = shape
        self.strides = Shape.contiguousStrides(shape)
        self.offset = 0
    }

    public var dtype: DType { storage.dtype }
    public var dim: Int { shape.count }
    public var numel: Int { shape.reduce(1, *) }
    public var isLeaf: Bool { gradFn == nil }
    public var isFloatingPoint: Bool { dtype.isFloatingPoint }

    /// Whether the elements lie in row-major order without gaps (size-1 dims ignored).
    public var isContiguous: Bool {
        var expected = 1
        for d in stride(from: dim - 1, through: 0, by: -1) where shape[d] != 1 {
            if strides[d] != expected { return false }
            expected *= shape[d]
        }
        return true
    }

    /// Normalises a possibly negative dimension index, with PyTorch's error.
    public func normalizeDim(_ d: Int) throws(TensorError) -> Int {
        try Shape.normalizeDim(d, rank: dim)
    }

    /// A view sharing this tensor's storage with a new layout. Autograd wiring is the caller's job.
    func makeView(shape: [Int], strides: [Int], offset: Int) -> Tensor {
        let v = Tensor(storage: storage, shape: shape, strides: strides, offset: offset)
        v.base = base ?? self
        return v
    }
}

/// Helpers for shapes and strides, with PyTorch's error wording.
public enum Shape {
    public static func contiguousStrides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var acc = 1
        for d in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[d] = acc
            acc *= max(shape[d], 1)
        }
        return strides
    }

    /// Number of elements, rejecting sizes whose product overflows.
    public static func checkedCount(_ shape: [Int]) throws(TensorError) -> Int {
        var n = 1
        for s in shape {
            let (p, o) = n.multipliedReportingOverflow(by: s)
            if o { throw .runtime("numel: integer multiplication overflow") }
            n = p
        }
        return n
    }

    /// `torch.Size([2, 3])`, as in messages that show a size object.
    public static func sizeRepr(_ shape: [Int]) -> String { "torch.Size(\(format(shape)))" }

    /// `[2, 3]` as PyTorch prints it in messages.
    public static func format(_ shape: [Int]) -> String {
        "[" + shape.map(String.init).joined(separator: ", ") + "]"
    }

    public static func normalizeDim(_ d: Int, rank: Int) throws(TensorError) -> Int {
        let r = max(rank, 1)
        if d < -r || d >= r {
            throw .index("Dimension out of range (expected to be in range of [\(-r), \(r - 1)], but got \(d))")
        }
        return d < 0 ? d + r : d
    }

    /// The broadcast shape of two shapes, or PyTorch's size-mismatch error.
    public static func broadcast(_ a: [Int], _ b: [Int]) throws(TensorError) -> [Int] {
        let n = max(a.count, b.count)
        var out = [Int](repeating: 1, count: n)
        for i in 0..<n {
            let da = i < n - a.count ? 1 : a[i - (n - a.count)]
            let db = i < n - b.count ? 1 : b[i - (n - b.count)]
            if da == db || db == 1 {
                out[i] = da
            } else if da == 1 {
                out[i] = db
            } else {
                throw .runtime("The size of tensor a (\(da)) must match the size of tensor b (\(db)) at non-singleton dimension \(i)")
            }
        }
        return out
    }
}
