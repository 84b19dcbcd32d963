import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A flat, untyped block of tensor memory shared by a tensor and its views.
///
/// This is the one type that owns raw memory. Tensors reach elements through
/// typed pointers handed out here, inside the kernel layer only.
public final class Storage: @unchecked Sendable {
    /// 64-byte aligned so that SIMD loads of whole cache lines never split.
    static let alignment = 64

    let bytes: UnsafeMutableRawPointer
    /// Capacity in elements of `dtype`.
    public let count: Int
    public let dtype: DType
    /// Bumped by every in-place write; autograd compares it with the value seen
    /// when a tensor was saved for backward (Note [Version counter]).
    public var version: Int = 0
    /// Allocated in inference mode: tensors over it are inference tensors (see `InferenceMode`).
    public let isInference = InferenceMode.isEnabled

    /// Allocates zero-filled storage (left uninitialised with `zeroed: false`, for
    /// kernel outputs that write every element), or throws PyTorch's out-of-memory
    /// error when the request exceeds `MemoryLimit.bytes`.
    init(count: Int, dtype: DType, zeroed: Bool = true) throws(TensorError) {
        let (byteCount, overflow) = count.multipliedReportingOverflow(by: dtype.itemSize)
        guard count >= 0, !overflow else {
            throw TensorError.runtime("Trying to create tensor with negative dimension \(count): [\(count)]")
        }
        try MemoryLimit.reserve(byteCount)
        self.count = count
        self.dtype = dtype
        self.bytes = UnsafeMutableRawPointer.allocate(byteCount: max(byteCount, 1), alignment: Self.alignment)
        if zeroed { self.bytes.initializeMemory(as: UInt8.self, repeating: 0, count: max(byteCount, 1)) }
    }

    deinit {
        MemoryLimit.release(count * dtype.itemSize)
        bytes.deallocate()
    }

    @inline(__always)
    func pointer<T>(as: T.Type) -> UnsafeMutablePointer<T> { bytes.assumingMemoryBound(to: T.self) }
}

/// The engine's allocation budget: an allocation that would pass it raises
/// PyTorch's out-of-memory error instead of letting the kernel kill the process.
public enum MemoryLimit {
    private static let limit = Atomic<Int>(defaultLimit())
    private static let live = Atomic<Int>(0)

    /// The current limit in bytes (default: half of physical memory).
    public static var bytes: Int {
        get { limit.load(ordering: .relaxed) }
        set { limit.store(newValue, ordering: .relaxed) }
    }

    /// Bytes currently held by live storages.
    public static var liveBytes: Int { live.load(ordering: .relaxed) }

    static func reserve(_ n: Int) throws(TensorError) {
        let now = live.add(n, ordering: .relaxed).newValue
        if now > bytes {
            live.subtract(n, ordering: .relaxed)
            let gib = Double(n) / 1_073_741_824
            let free = Double(max(0, bytes - (now - n))) / 1_073_741_824
            throw TensorError(.outOfMemory, "CPU out of memory. Tried to allocate \(formatGiB(gib)) GiB (\(formatGiB(free)) GiB free of the tutor's \(formatGiB(Double(bytes) / 1_073_741_824)) GiB limit)")
        }
    }

    static func release(_ n: Int) { live.subtract(n, ordering: .relaxed) }

    private static func formatGiB(_ v: Double) -> String {
        let hundredths = (v * 100).rounded()
        let whole = Int(hundredths / 100)
        let frac = Int(hundredths) % 100
        return "\(whole).\(frac < 10 ? "0" : "")\(frac)"
    }

    private static func defaultLimit() -> Int {
        let pages = sysconf(Int32(_SC_PHYS_PAGES))
        let size = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, size > 0 else { return 4 << 30 }
        return Int(pages) * Int(size) / 2
    }
}
