import Synchronization

// Note [Recurrent workspace cache]
// A fused LSTM or GRU run needs several megabytes of scratch per call (gates, saved
// states, gate gradients: about 12 floats per row and hidden unit), freed when its graph is. Freeing
// blocks that large makes glibc give the pages back to the kernel, and the next call
// faults every page in again: in the 32×50 LSTM(32 -> 128) benchmark that was a third of
// the forward time. Runs therefore take their scratch from a small process-wide cache and
// return it when done; the cache keeps a few blocks, at most `cachedBytesLimit` in all.

/// Flat float32 scratch blocks kept between fused recurrent runs (Note [Recurrent workspace cache]).
enum RecurrentWorkspace {
    private static let cache = Mutex<[Tensor]>([])
    private static let cachedBlocksLimit = 4
    private static let cachedBytesLimit = 64 << 20

    /// A flat float32 tensor of at least `count` elements: the smallest cached block
    /// that fits, or a new one.
    static func take(_ count: Int) throws(TensorError) -> Tensor {
        let cached = cache.withLock { blocks -> Tensor? in
            guard let i = blocks.indices.filter({ blocks[$0].numel >= count })
                .min(by: { blocks[$0].numel < blocks[$1].numel }) else { return nil }
            return blocks.remove(at: i)
        }
        if let cached { return cached }
        return try Tensor(uninitializedShape: [count], dtype: .float32, zeroed: false)
    }

    /// Returns `block` to the cache, evicting the smallest blocks beyond the limits.
    static func give(_ block: Tensor) {
        cache.withLock { blocks in
            blocks.append(block)
            blocks.sort { $0.numel > $1.numel }
            while blocks.count > cachedBlocksLimit || blocks.reduce(0, { $0 + $1.numel * 4 }) > cachedBytesLimit {
                blocks.removeLast()
            }
        }
    }
}
