/// A data set of labelled images served by index: the real files or a procedural stand-in.
///
/// Sources are immutable and cheap to share; `image(at:)` builds the image on demand.
public protocol LabeledImages: Sendable {
    /// How many samples there are.
    var count: Int { get }
    /// The class index of sample `index` (`0 ..< count`).
    func label(at index: Int) -> Int
    /// The image of sample `index` (`0 ..< count`).
    func image(at index: Int) -> PixelImage
}

extension LabeledImages {
    /// Every label, in order.
    public var labels: [Int] { (0..<count).map(label(at:)) }

    /// All images stacked as one byte array of shape `[count, H, W, C]` (`[count, H, W]` for
    /// grey images), which is how torchvision's `data` attributes lay them out.
    public func stackedPixels() -> (bytes: [UInt8], shape: [Int]) {
        guard count > 0 else { return ([], [0]) }
        let first = image(at: 0)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count * first.pixels.count)
        for i in 0..<count { bytes.append(contentsOf: image(at: i).pixels) }
        let shape = first.channels == 1 ? [count, first.height, first.width]
                                        : [count, first.height, first.width, first.channels]
        return (bytes, shape)
    }
}
