#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The offline stand-in for Fashion-MNIST: 28x28 grey silhouettes of the ten Fashion-MNIST
/// classes (T-shirt/top, trouser, pullover, dress, coat, sandal, shirt, sneaker, bag, ankle
/// boot) on black, drawn procedurally when asked for.
///
/// Each garment has a random size, tilt, mirror, grey level and a few stripes of texture.
/// Tops, pullovers, coats and shirts share most of their outline, as in the real data set, so
/// those classes are the hard ones. Image and label of sample `i` depend only on the split and `i`.
public struct StandInFashion: LabeledImages {
    public let count: Int
    private let stream: UInt64
    private let labelBytes: [UInt8]

    /// The stand-in for the training split (60,000 images) or the test split (10,000).
    public init(train: Bool) {
        count = train ? 60_000 : 10_000
        stream = train ? 0xFA57_0001 : 0xFA57_0002
        labelBytes = StandInRandom.balancedLabels(count: count, classes: 10, stream: stream)
    }

    public func label(at index: Int) -> Int { Int(labelBytes[index]) }

    public func image(at index: Int) -> PixelImage {
        var random = StandInRandom(stream: stream, index: index)
        let label = self.label(at: index)
        let placement = Placement(scale: 28 * random.uniform(0.82, 1.0), angle: random.uniform(-0.08, 0.08),
                                  mirrored: random.chance(0.5),
                                  offsetX: 14 + random.uniform(-1, 1), offsetY: 14 + random.uniform(-1, 1))
        let grey = random.uniform(0.3, 1.0)
        var pen = Pen(canvas: Canvas(width: 28, height: 28, fill: Colour(0, 0, 0)), at: placement)
        var shapeRandom = random
        Self.draw(label, &pen, Colour(grey, grey, grey), &random)
        for _ in 0..<random.below(4) {
            let y = random.uniform(0.2, 0.9), shade = grey * random.uniform(0.6, 1.3)
            pen.line(0, y, 1, y + random.uniform(-0.1, 0.1), random.uniform(0.02, 0.06), Colour(shade, shade, shade))
        }
        // Stripes were drawn across the whole square: cut them back to the garment.
        var mask = Pen(canvas: Canvas(width: 28, height: 28, fill: Colour(0, 0, 0)), at: placement)
        Self.draw(label, &mask, Colour(1, 1, 1), &shapeRandom)
        let rgb = pen.canvas.pixels(noise: 0.02, random: &random), cover = mask.canvas.pixels(noise: 0, random: &random)
        return PixelImage(unchecked: 28, 28, 1, (0..<784).map { UInt8((Int(rgb[3 * $0]) * Int(cover[3 * $0]) + 127) / 255) })
    }

    private static func draw(_ label: Int, _ pen: inout Pen, _ c: Colour, _ random: inout StandInRandom) {
        let dark = Colour(0, 0, 0)
        func shortSleeves() {
            pen.polygon([(0.3, 0.15), (0.08, 0.35), (0.16, 0.48), (0.3, 0.35)], c)
            pen.polygon([(0.7, 0.15), (0.92, 0.35), (0.84, 0.48), (0.7, 0.35)], c)
        }
        func longSleeves() {
            pen.polygon([(0.3, 0.15), (0.1, 0.3), (0.05, 0.92), (0.18, 0.92), (0.3, 0.45)], c)
            pen.polygon([(0.7, 0.15), (0.9, 0.3), (0.95, 0.92), (0.82, 0.92), (0.7, 0.45)], c)
        }
        switch label {
        case 0:
            pen.polygon([(0.3, 0.12), (0.7, 0.12), (0.72, 0.95), (0.28, 0.95)], c)
            shortSleeves()
            pen.ellipse(0.5, 0.12, 0.1, 0.06, 0, dark)
        case 1:
            pen.polygon([(0.3, 0.04), (0.7, 0.04), (0.7, 0.18), (0.3, 0.18)], c)
            pen.polygon([(0.3, 0.18), (0.49, 0.18), (0.46, 0.97), (0.3, 0.97)], c)
            pen.polygon([(0.51, 0.18), (0.7, 0.18), (0.7, 0.97), (0.54, 0.97)], c)
        case 2:
            pen.polygon([(0.3, 0.12), (0.7, 0.12), (0.72, 0.92), (0.28, 0.92)], c)
            longSleeves()
            pen.ellipse(0.5, 0.12, 0.09, 0.05, 0, dark)
        case 3:
            pen.polygon([(0.38, 0.04), (0.62, 0.04), (0.64, 0.35), (0.36, 0.35)], c)
            pen.polygon([(0.36, 0.34), (0.64, 0.34), (0.86, 0.97), (0.14, 0.97)], c)
        case 4:
            pen.polygon([(0.28, 0.08), (0.72, 0.08), (0.74, 0.98), (0.26, 0.98)], c)
            longSleeves()
            pen.line(0.5, 0.14, 0.5, 0.98, 0.03, c.scaled(0.5))
        case 5:
            pen.polygon([(0.04, 0.72), (0.96, 0.62), (0.96, 0.7), (0.04, 0.8)], c)
            for (x0, y0, x1, y1) in [(0.15, 0.72, 0.35, 0.45), (0.35, 0.45, 0.7, 0.66), (0.45, 0.5, 0.85, 0.42), (0.25, 0.6, 0.6, 0.4)] {
                pen.line(x0, y0, x1, y1, random.uniform(0.04, 0.07), c)
            }
        case 6:
            pen.polygon([(0.3, 0.1), (0.7, 0.1), (0.72, 0.95), (0.28, 0.95)], c)
            if random.chance(0.5) { longSleeves() } else { shortSleeves() }
            pen.polygon([(0.4, 0.08), (0.5, 0.2), (0.6, 0.08)], c.scaled(0.6))
            for y in [0.35, 0.5, 0.65, 0.8] { pen.ellipse(0.5, y, 0.02, 0.02, 0, c.scaled(0.4)) }
        case 7:
            pen.polygon([(0.04, 0.56), (0.3, 0.42), (0.55, 0.44), (0.96, 0.62), (0.96, 0.78), (0.04, 0.78)], c)
            pen.line(0.04, 0.76, 0.96, 0.76, 0.06, c.scaled(1.3))
        case 8:
            pen.polygon([(0.14, 0.36), (0.86, 0.36), (0.9, 0.94), (0.1, 0.94)], c)
            var previous = (0.3, 0.37)
            for step in 1...8 {
                let t = Double(step) / 8 * Double.pi
                let point = (0.5 - 0.2 * cos(t), 0.37 - 0.25 * sin(t))
                pen.line(previous.0, previous.1, point.0, point.1, 0.05, c)
                previous = point
            }
        default:
            pen.polygon([(0.3, 0.06), (0.66, 0.06), (0.68, 0.6), (0.3, 0.6)], c)
            pen.polygon([(0.3, 0.5), (0.72, 0.55), (0.96, 0.7), (0.96, 0.9), (0.3, 0.9)], c)
            pen.line(0.3, 0.88, 0.96, 0.88, 0.05, c.scaled(0.6))
        }
    }
}
