#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Per-thread scratch memory for kernels that need temporary buffers (padded
/// image copies, packed weights, column tiles), reused from call to call so a
/// training loop does not allocate in its hot path.
///
/// Each thread owns a few numbered slots; a slot grows to the largest request
/// seen and is freed when its thread exits. A pointer stays valid until the same
/// thread asks for the same slot again (or trims it), so a driver keeps shared
/// per-call data in one slot on the calling thread and each work item takes
/// another (`ThreadPool.parallelFor` also runs items on the caller). Users call
/// `trim` when done, which gives back buffers above `cacheLimit`: one huge call
/// must not pin its memory on every thread for the rest of the process.
final class KernelScratch {
    /// Slot for data the calling thread prepares once per call and shares with workers.
    static let sharedSlot = 0
    /// Slot for the buffers of one work item.
    static let itemSlot = 1
    private static let slotCount = 2

    /// Largest buffer kept for reuse after `trim`.
    static let cacheLimit = 16 << 20

    private var pointers: [UnsafeMutableRawPointer?]
    private var capacities: [Int]

    private init() {
        pointers = Array(repeating: nil, count: Self.slotCount)
        capacities = Array(repeating: 0, count: Self.slotCount)
    }

    deinit {
        for p in pointers { p?.deallocate() }
    }

    /// At least `bytes` bytes of 64-byte aligned memory in `slot`; the contents are unspecified.
    func buffer(slot: Int, bytes: Int) -> UnsafeMutableRawPointer {
        if bytes <= capacities[slot], let p = pointers[slot] { return p }
        pointers[slot]?.deallocate()
        // Grow by at least half again, so slowly growing requests do not reallocate every call.
        let size = max(bytes, capacities[slot] + capacities[slot] / 2, 4096)
        let p = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 64)
        pointers[slot] = p
        capacities[slot] = size
        return p
    }

    /// Frees `slot`'s buffer if it is larger than `cacheLimit`.
    func trim(slot: Int) {
        guard capacities[slot] > Self.cacheLimit else { return }
        pointers[slot]?.deallocate()
        pointers[slot] = nil
        capacities[slot] = 0
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let rc = pthread_key_create(&key) { raw in
            #if canImport(Glibc)
            if let raw { Unmanaged<KernelScratch>.fromOpaque(raw).release() }
            #else
            Unmanaged<KernelScratch>.fromOpaque(raw).release()
            #endif
        }
        precondition(rc == 0, "pthread_key_create failed")
        return key
    }()

    /// The calling thread's scratch.
    static var current: KernelScratch {
        if let raw = pthread_getspecific(key) {
            return Unmanaged<KernelScratch>.fromOpaque(raw).takeUnretainedValue()
        }
        let scratch = KernelScratch()
        pthread_setspecific(key, Unmanaged.passRetained(scratch).toOpaque())
        return scratch
    }
}

/// Carves typed, 64-byte aligned regions out of one scratch buffer.
///
/// Measure first without a base (`reserve` only adds up sizes; the pointers it returns
/// must not be used), then carve the real buffer with the same calls in the same order.
struct ScratchLayout {
    private(set) var bytes = 0
    private let base: UnsafeMutableRawPointer?

    init(base: UnsafeMutableRawPointer? = nil) { self.base = base }

    /// A stand-in base for measuring, never written through.
    private nonisolated(unsafe) static let measuring = UnsafeMutableRawPointer.allocate(byteCount: 64, alignment: 64)

    /// The next region of `count` elements of `T`.
    mutating func reserve<T>(_: T.Type, _ count: Int) -> UnsafeMutablePointer<T> {
        let start = bytes
        bytes += (count * MemoryLayout<T>.stride + 63) & ~63
        guard let base else { return Self.measuring.assumingMemoryBound(to: T.self) }
        return (base + start).bindMemory(to: T.self, capacity: count)
    }
}
