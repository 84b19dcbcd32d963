#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The offline stand-in for MNIST: 28x28 grey images of handwritten-looking digits, white
/// strokes on black like MNIST, drawn procedurally when asked for.
///
/// Each digit is a few pen strokes (lines and arcs) written with a random slant, rotation,
/// size, position, stroke width and pressure, plus a little wobble of every stroke point.
/// Image and label of sample `i` depend only on the split and `i`.
public struct StandInDigits: LabeledImages {
    public let count: Int
    private let stream: UInt64
    private let labelBytes: [UInt8]

    /// The stand-in for the training split (60,000 images) or the test split (10,000).
    public init(train: Bool) {
        self.init(count: train ? 60_000 : 10_000, stream: train ? 0xD161_0001 : 0xD161_0002)
    }

    init(count: Int, stream: UInt64) {
        self.count = count
        self.stream = stream
        self.labelBytes = StandInRandom.balancedLabels(count: count, classes: 10, stream: stream)
    }

    public func label(at index: Int) -> Int { Int(labelBytes[index]) }

    public func image(at index: Int) -> PixelImage {
        var random = StandInRandom(stream: stream, index: index)
        let digit = label(at: index)
        let size = random.uniform(17, 21)
        let narrow = random.uniform(0.75, 1.0)
        let slant = random.uniform(-0.35, 0.2), angle = random.uniform(-0.2, 0.2)
        let cx = 14 + random.uniform(-1.5, 1.5), cy = 14 + random.uniform(-1.5, 1.5)
        let (c, s) = (cos(angle), sin(angle))
        func place(_ p: Point) -> Point {
            var x = (p.x - 0.5) * size * narrow, y = (p.y - 0.5) * size
            x += slant * y
            return Point(cx + c * x - s * y, cy + s * x + c * y)
        }
        let width = random.uniform(1.6, 3.2)
        let ink = Colour(1, 1, 1).scaled(random.uniform(0.85, 1.0))
        var canvas = Canvas(width: 28, height: 28, fill: Colour(0, 0, 0))
        for stroke in Self.strokes[digit] {
            var previous: Point?
            for point in stroke {
                let wobbled = place(Point(point.x + random.uniform(-0.025, 0.025), point.y + random.uniform(-0.025, 0.025)))
                if let previous { canvas.line(previous, wobbled, width: width, ink) }
                previous = wobbled
            }
        }
        let rgb = canvas.pixels(noise: 0, random: &random)
        return PixelImage(unchecked: 28, 28, 1, stride(from: 0, to: rgb.count, by: 3).map { rgb[$0] })
    }

    // MARK: - Glyphs

    /// Points along an elliptic arc from `from` to `to` degrees (0 is right, 90 is down).
    private static func arc(_ cx: Double, _ cy: Double, _ rx: Double, _ ry: Double, _ from: Double, _ to: Double) -> [Point] {
        let steps = max(Int(abs(to - from) / 20), 2)
        return (0...steps).map { i in
            let t = (from + (to - from) * Double(i) / Double(steps)) * Double.pi / 180
            return Point(cx + rx * cos(t), cy + ry * sin(t))
        }
    }

    private static func path(_ points: [(Double, Double)]) -> [Point] { points.map { Point($0.0, $0.1) } }

    /// The pen strokes of each digit in the unit square (y down).
    private static let strokes: [[[Point]]] = [
        [arc(0.5, 0.5, 0.28, 0.42, 0, 360)],
        [path([(0.36, 0.22), (0.52, 0.06), (0.52, 0.94)])],
        [arc(0.5, 0.3, 0.26, 0.24, 200, 360) + path([(0.22, 0.94), (0.8, 0.94)])],
        [arc(0.48, 0.28, 0.24, 0.22, 200, 450), arc(0.48, 0.72, 0.27, 0.23, 270, 520)],
        [path([(0.66, 0.94), (0.66, 0.06), (0.18, 0.66), (0.84, 0.66)])],
        [path([(0.76, 0.06), (0.32, 0.06), (0.28, 0.44)]) + arc(0.5, 0.68, 0.27, 0.26, 220, 500)],
        [path([(0.72, 0.06), (0.45, 0.3), (0.28, 0.6)]) + arc(0.5, 0.7, 0.22, 0.23, 180, 540)],
        [path([(0.2, 0.08), (0.8, 0.08), (0.42, 0.94)])],
        [arc(0.5, 0.28, 0.2, 0.2, 0, 360), arc(0.5, 0.72, 0.25, 0.22, 0, 360)],
        [arc(0.5, 0.3, 0.23, 0.22, 0, 360), path([(0.73, 0.3), (0.62, 0.94)])],
    ]
}
