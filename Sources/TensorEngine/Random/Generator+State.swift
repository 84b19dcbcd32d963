// Note [Generator byte state]
// `torch.get_rng_state()` returns a 5056-byte uint8 tensor holding a little-endian
// `CPUGeneratorImplState` (aten/src/ATen/CPUGeneratorImpl.cpp):
//
//     offset  size  field
//          0     8  the_initial_seed (uint64)
//          8     4  left (int32)
//         12     4  seeded (int32)
//         16     8  next (uint64)
//         24  4992  state[624], each word widened to uint64
//       5016     8  normal_x (double, always 0)
//       5024     8  normal_y (double): the cached double normal sample
//       5032     8  normal_rho (double, always 0)
//       5040     4  normal_is_valid (int32)
//       5044     4  padding
//       5048     4  next_float_normal_sample (float)
//       5052     1  is_next_float_normal_sample_valid (bool)
//       5053     3  padding
//
// Round-tripping through these bytes restores the cached normal, as real torch does.

extension Generator {
    /// Size in bytes of `torch.get_rng_state()` for a CPU generator.
    public static let stateByteCount = 5056

    /// The state in the byte layout of `torch.get_rng_state()` (see Note [Generator byte state]).
    public func stateBytes() -> [UInt8] {
        GeneratorByteState.encode(getState())
    }

    /// Restores a state saved by `stateBytes()` or by real torch (`torch.set_rng_state`).
    ///
    /// - Throws: `RuntimeError` with PyTorch's message for a wrong size or an invalid engine state.
    public func setStateBytes(_ bytes: [UInt8]) throws(TensorError) {
        try setState(GeneratorByteState.decode(bytes))
    }
}

/// Encoding and decoding of the 5056-byte `CPUGeneratorImplState`.
enum GeneratorByteState {
    static let stateOffset = 24
    static let normalYOffset = 5024
    static let normalValidOffset = 5040
    static let floatNormalOffset = 5048
    static let floatValidOffset = 5052

    static func encode(_ s: GeneratorState) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Generator.stateByteCount)
        func put(_ value: UInt64, at offset: Int, width: Int) {
            for k in 0..<width { out[offset + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(k))) }
        }
        put(s.engine.seed, at: 0, width: 8)
        put(UInt64(UInt32(bitPattern: s.engine.left)), at: 8, width: 4)
        put(s.engine.seeded ? 1 : 0, at: 12, width: 4)
        put(UInt64(s.engine.next), at: 16, width: 8)
        for (i, word) in s.engine.state.enumerated() { put(UInt64(word), at: stateOffset + 8 * i, width: 8) }
        if let y = s.nextDoubleNormalSample {
            put(y.bitPattern, at: normalYOffset, width: 8)
            put(1, at: normalValidOffset, width: 4)
        }
        if let f = s.nextFloatNormalSample {
            put(UInt64(f.bitPattern), at: floatNormalOffset, width: 4)
            out[floatValidOffset] = 1
        }
        return out
    }

    static func decode(_ bytes: [UInt8]) throws(TensorError) -> GeneratorState {
        guard bytes.count == Generator.stateByteCount else {
            throw .runtime("Expected a CPUGeneratorImplState of size \(Generator.stateByteCount) "
                + "but found the input RNG state size to be \(bytes.count)")
        }
        func get(_ offset: Int, _ width: Int) -> UInt64 {
            var v: UInt64 = 0
            for k in (0..<width).reversed() { v = v << 8 | UInt64(bytes[offset + k]) }
            return v
        }
        var s = GeneratorState(seed: get(0, 8))
        s.engine.left = Int32(bitPattern: UInt32(truncatingIfNeeded: get(8, 4)))
        s.engine.seeded = get(12, 4) != 0
        // PyTorch casts `next` to uint32; a huge value then fails the validity check.
        let next = get(16, 8)
        s.engine.next = next > UInt64(MT19937.stateSize) ? UInt32.max : UInt32(next)
        for i in 0..<MT19937.stateSize {
            s.engine.state[i] = UInt32(truncatingIfNeeded: get(stateOffset + 8 * i, 8))
        }
        if get(normalValidOffset, 4) != 0 {
            s.nextDoubleNormalSample = Double(bitPattern: get(normalYOffset, 8))
        }
        if bytes[floatValidOffset] != 0 {
            s.nextFloatNormalSample = Float(bitPattern: UInt32(truncatingIfNeeded: get(floatNormalOffset, 4)))
        }
        return s
    }
}
