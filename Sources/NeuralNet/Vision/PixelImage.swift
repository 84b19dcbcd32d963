/// An 8-bit image as PIL keeps one: `height` rows of `width` pixels, each pixel `channels`
/// bytes (1 for mode "L", 3 for mode "RGB"), row-major and interleaved (HWC).
///
/// A value type over one compact byte array; every operation returns a new image.
///
/// ```swift
/// var image = try PixelImage(width: 2, height: 1, channels: 3, pixels: [255, 0, 0, 0, 0, 255])
/// image[0, 1, 2]          // 255: row 0, column 1, blue
/// ```
public struct PixelImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Bytes per pixel: 1 (grey, "L") or 3 ("RGB").
    public let channels: Int
    /// `height * width * channels` bytes, row by row, channels interleaved.
    public internal(set) var pixels: [UInt8]

    /// An image over `pixels`, which must hold exactly `height * width * channels` bytes.
    public init(width: Int, height: Int, channels: Int, pixels: [UInt8]) throws(VisionError) {
        guard channels == 1 || channels == 3 else {
            throw .value("images have 1 or 3 channels, not \(channels)")
        }
        guard width >= 0, height >= 0 else { throw .value("image size must be non-negative, got \(width)x\(height)") }
        let (area, o1) = width.multipliedReportingOverflow(by: height)
        let (count, o2) = area.multipliedReportingOverflow(by: channels)
        guard !o1, !o2, count == pixels.count else {
            throw .value("an image of \(width)x\(height)x\(channels) needs \(o1 || o2 ? "too many" : String(count)) bytes, got \(pixels.count)")
        }
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = pixels
    }

    /// An image filled with one colour (`fill` has one value per channel; missing ones are 0).
    public init(width: Int, height: Int, channels: Int, fill: [UInt8] = []) throws(VisionError) {
        guard channels == 1 || channels == 3 else {
            throw .value("images have 1 or 3 channels, not \(channels)")
        }
        let count = try Self.byteCount(width: width, height: height, channels: channels)
        var pixels = [UInt8](repeating: 0, count: count)
        let colour = (0..<channels).map { $0 < fill.count ? fill[$0] : 0 }
        if colour.contains(where: { $0 != 0 }) {
            for i in 0..<count { pixels[i] = colour[i % channels] }
        }
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = pixels
    }

    /// The largest image the kernels make (256 MiB of pixels), so that a typo in a size gives a
    /// clear error instead of exhausting memory.
    public static let maxBytes = 1 << 28

    /// `width * height * channels`, or an error for negative or too large sizes.
    static func byteCount(width: Int, height: Int, channels: Int) throws(VisionError) -> Int {
        guard width >= 0, height >= 0 else { throw .value("image size must be non-negative, got \(width)x\(height)") }
        let (area, o1) = width.multipliedReportingOverflow(by: height)
        let (count, o2) = area.multipliedReportingOverflow(by: channels)
        guard !o1, !o2, count <= maxBytes else { throw .value("an image of \(width)x\(height) is too large") }
        return count
    }

    /// Builds an image whose bytes are known to fit (internal callers only).
    init(unchecked width: Int, _ height: Int, _ channels: Int, _ pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = pixels
    }

    /// PIL's mode name: "L" or "RGB".
    public var mode: String { channels == 1 ? "L" : "RGB" }

    /// The byte of channel `c` of the pixel at `row`, `column`.
    public subscript(row: Int, column: Int, channel: Int) -> UInt8 {
        get { pixels[(row * width + column) * channels + channel] }
        set { pixels[(row * width + column) * channels + channel] = newValue }
    }
}
