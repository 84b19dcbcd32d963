/// Raw bytes in and out of a storage, for file formats such as PyTorch's `.pt` archives.
extension Storage {
    /// The size of the storage in bytes.
    public var byteCount: Int { count * dtype.itemSize }

    /// A new storage holding `bytes` as elements of `dtype`.
    ///
    /// `bytes.count` must be a multiple of the item size. Elements are read in `byteOrder`
    /// and swapped when it is not the host's. Bool bytes other than 0 and 1 become `true`
    /// (any other bit pattern would not be a valid Swift `Bool`).
    ///
    /// - Throws: PyTorch's out-of-memory error past the engine's memory limit.
    /// - Complexity: O(n) in the number of bytes.
    public static func fromBytes(_ bytes: ArraySlice<UInt8>, dtype: DType,
                                 byteOrder: ByteOrder = .little) throws(TensorError) -> Storage {
        let itemSize = dtype.itemSize
        guard bytes.count % itemSize == 0 else {
            throw .runtime("a buffer of \(bytes.count) bytes does not hold whole elements of \(dtype.name)")
        }
        let storage = try Storage(count: bytes.count / itemSize, dtype: dtype, zeroed: false)
        let target = UnsafeMutableRawBufferPointer(start: storage.bytes, count: bytes.count)
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress, !source.isEmpty { target.copyMemory(from: UnsafeRawBufferPointer(start: base, count: source.count)) }
        }
        if byteOrder != .host && itemSize > 1 {
            for start in stride(from: 0, to: bytes.count, by: itemSize) {
                var i = start, j = start + itemSize - 1
                while i < j { target.swapAt(i, j); i += 1; j -= 1 }
            }
        }
        if dtype == .bool {
            for i in 0..<target.count where target[i] > 1 { target[i] = 1 }
        }
        return storage
    }

    /// Appends every element's bytes, little-endian, to `output`.
    ///
    /// - Complexity: O(n) in the number of bytes.
    public func appendBytes(to output: inout [UInt8]) {
        let source = UnsafeRawBufferPointer(start: bytes, count: byteCount)
        let start = output.count
        output.append(contentsOf: source)
        if ByteOrder.host == .big && dtype.itemSize > 1 {
            let itemSize = dtype.itemSize
            for first in stride(from: start, to: output.count, by: itemSize) {
                output[first..<first + itemSize].reverse()
            }
        }
    }
}

/// The order of the bytes of one element in memory or in a file.
public enum ByteOrder: Sendable {
    case little, big

    /// The order of the machine the tutor runs on.
    public static var host: ByteOrder { 1.littleEndian == 1 ? .little : .big }
}
