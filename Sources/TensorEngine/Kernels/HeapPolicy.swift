#if canImport(Glibc)
import Glibc
#endif

/// How the process's C heap treats freed tensor buffers.
public enum HeapPolicy {
    /// Keeps freed buffers in the heap for reuse instead of handing them back to the kernel.
    ///
    /// glibc serves large blocks (a batch's activations) with `mmap` and returns them with
    /// `munmap`, and trims the heap top on free: every training step then faults in fresh
    /// zero-filled pages for the same buffers it freed a moment ago (about 320 page faults
    /// and 15-20% of a SimpleCNN step here). With these thresholds a step reuses the last
    /// step's pages; peak memory is unchanged, and blocks over 256 MiB still come from and
    /// go back to the kernel. (../shared/bench's `--stable-malloc` gives PyTorch the same.)
    /// Call once at start-up, before threads allocate.
    public static func keepFreedBuffers() {
        #if canImport(Glibc)
        // Swift's Glibc module leaves out <malloc.h>: look `mallopt` up by name (RTLD_DEFAULT).
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let mmapThreshold: Int32 = -3, trimThreshold: Int32 = -1  // M_MMAP_THRESHOLD, M_TRIM_THRESHOLD
        _ = mallopt(mmapThreshold, 256 << 20)
        _ = mallopt(trimThreshold, 512 << 20)
        #endif
    }
}
