/// An IDX file, the format of the MNIST family: a 4-byte magic number (two zero bytes, the
/// element type, the number of dimensions), one big-endian 32-bit size per dimension, then
/// the elements. Only unsigned bytes (type 0x08) occur in MNIST and are read here.
public struct IDXFile: Sendable {
    public let shape: [Int]
    public let bytes: [UInt8]

    /// Parses `data` (already decompressed).
    ///
    /// - Parameter name: the file's name, for error messages.
    /// - Throws: `VisionError.corrupt` for a bad magic number, an unsupported element type, or a
    ///   size that does not match the dimensions.
    public init(_ data: [UInt8], name: String) throws(VisionError) {
        guard data.count >= 4, data[0] == 0, data[1] == 0 else {
            throw .corrupt("\(name) is not an IDX file (bad magic number)")
        }
        guard data[2] == 0x08 else {
            throw .corrupt("\(name) holds IDX element type 0x\(String(data[2], radix: 16)); only unsigned bytes (0x08) are supported")
        }
        let rank = Int(data[3])
        let headerSize = 4 + 4 * rank
        guard rank >= 1, data.count >= headerSize else { throw .corrupt("\(name) is truncated (incomplete IDX header)") }
        var shape: [Int] = []
        var total = 1
        for d in 0..<rank {
            let i = 4 + 4 * d
            let size = Int(data[i]) << 24 | Int(data[i + 1]) << 16 | Int(data[i + 2]) << 8 | Int(data[i + 3])
            shape.append(size)
            let (product, overflow) = total.multipliedReportingOverflow(by: size)
            guard !overflow else { throw .corrupt("\(name) has impossible IDX sizes \(shape)") }
            total = product
        }
        guard data.count - headerSize == total else {
            throw .corrupt("\(name) is truncated or corrupt: its IDX header promises \(total) bytes of data for shape \(shape), the file has \(data.count - headerSize)")
        }
        self.shape = shape
        self.bytes = Array(data[headerSize...])
    }
}

/// MNIST-style images and labels from a pair of IDX files (`train-images-idx3-ubyte` and
/// `train-labels-idx1-ubyte`, or the `t10k-` pair).
public struct IDXImages: LabeledImages {
    public let images: IDXFile
    public let labelFile: IDXFile

    /// Pairs an image file of shape `[N, H, W]` with a label file of shape `[N]`.
    public init(images: IDXFile, labels: IDXFile) throws(VisionError) {
        guard images.shape.count == 3 else {
            throw .corrupt("an IDX image file has 3 dimensions [N, H, W], this one has shape \(images.shape)")
        }
        guard labels.shape.count == 1 else {
            throw .corrupt("an IDX label file has 1 dimension [N], this one has shape \(labels.shape)")
        }
        guard images.shape[0] == labels.shape[0] else {
            throw .corrupt("the IDX files do not match: \(images.shape[0]) images but \(labels.shape[0]) labels")
        }
        self.images = images
        self.labelFile = labels
    }

    public var count: Int { labelFile.shape[0] }

    public func label(at index: Int) -> Int { Int(labelFile.bytes[index]) }

    public func image(at index: Int) -> PixelImage {
        let h = images.shape[1], w = images.shape[2]
        let start = index * h * w
        return PixelImage(unchecked: w, h, 1, Array(images.bytes[start..<start + h * w]))
    }
}
