// Note [DataLoader shuffle draws]
// With `shuffle=True` and no `generator=`, each epoch of a torch DataLoader takes
// four 32-bit draws from the global generator (torch/utils/data/dataloader.py,
// torch/utils/data/sampler.py):
//   1. `_BaseDataLoaderIter.__init__`: `_base_seed = int64 random_()`  (random64 % 2^63)
//   2. `RandomSampler.__iter__`, on the first `next()`: `seed = int64 random_()`,
//      then `randperm(n)` on a *new* `torch.Generator()` seeded with `seed`.
// The global stream therefore advances by exactly two `random64()` per epoch,
// however large the data set is.

extension Generator {
    /// The index order of one epoch of `DataLoader(dataset, shuffle=True)` over `n` items.
    ///
    /// Draws the iterator's base seed and the sampler's seed from this generator, then
    /// returns `randperm(n)` from a fresh generator seeded with the latter
    /// (see Note [DataLoader shuffle draws]). Call it once per epoch.
    ///
    /// - Throws: for `n < 0`, like `randperm`.
    public func dataLoaderShuffleOrder(n: Int) throws(TensorError) -> [Int64] {
        try checkCount(n)
        let (_, samplerSeed) = withState { s in
            (Int64(bitPattern: s.random64() % (1 << 63)), Int64(bitPattern: s.random64() % (1 << 63)))
        }
        return try Generator(seed: UInt64(samplerSeed)).randperm(n)
    }
}
