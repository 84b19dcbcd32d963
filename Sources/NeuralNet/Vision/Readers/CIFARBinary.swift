/// The binary release of CIFAR-10 (`cifar-10-batches-bin/*.bin`): records of one label byte
/// followed by a 32x32 image as three 1024-byte planes (red, green, blue), rows top to bottom.
///
/// ```swift
/// let train = try CIFARBinary(files: (1...5).map { try FileBytes.read("…/data_batch_\($0).bin") })
/// train.count          // 50000
/// ```
public struct CIFARBinary: LabeledImages {
    public static let side = 32
    public static let imageBytes = 3 * 32 * 32
    public static let recordBytes = 1 + imageBytes

    private let labelBytes: [UInt8]
    /// The images' planes, `imageBytes` per record, records in file order.
    private let planes: [UInt8]

    /// The records of the given files, in order.
    ///
    /// - Parameter names: the files' names, for error messages.
    /// - Throws: `VisionError.corrupt` when a file's size is not a whole number of records or a
    ///   label is not 0...9.
    public init(files: [[UInt8]], names: [String] = []) throws(VisionError) {
        var labels: [UInt8] = []
        var planes: [UInt8] = []
        for (f, bytes) in files.enumerated() {
            let name = f < names.count ? names[f] : "file \(f + 1)"
            guard !bytes.isEmpty, bytes.count % Self.recordBytes == 0 else {
                throw .corrupt("\(name) is not a CIFAR-10 binary batch: its \(bytes.count) bytes are not a whole number of \(Self.recordBytes)-byte records (truncated or wrong file?)")
            }
            let records = bytes.count / Self.recordBytes
            labels.reserveCapacity(labels.count + records)
            planes.reserveCapacity(planes.count + records * Self.imageBytes)
            for r in 0..<records {
                let start = r * Self.recordBytes
                let label = bytes[start]
                guard label < 10 else {
                    throw .corrupt("\(name) is not a CIFAR-10 binary batch: record \(r) has label \(label) (labels are 0-9)")
                }
                labels.append(label)
                planes.append(contentsOf: bytes[start + 1..<start + Self.recordBytes])
            }
        }
        self.labelBytes = labels
        self.planes = planes
    }

    public var count: Int { labelBytes.count }

    public func label(at index: Int) -> Int { Int(labelBytes[index]) }

    public func image(at index: Int) -> PixelImage {
        let plane = Self.side * Self.side
        let base = index * Self.imageBytes
        var pixels = [UInt8](repeating: 0, count: Self.imageBytes)
        for i in 0..<plane {
            pixels[3 * i] = planes[base + i]
            pixels[3 * i + 1] = planes[base + plane + i]
            pixels[3 * i + 2] = planes[base + 2 * plane + i]
        }
        return PixelImage(unchecked: Self.side, Self.side, 3, pixels)
    }
}
