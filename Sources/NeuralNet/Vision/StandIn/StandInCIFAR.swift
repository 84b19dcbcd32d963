/// The offline stand-in for CIFAR-10: 32x32 RGB images of the ten CIFAR classes, drawn
/// procedurally when asked for, so the data set costs no disk and almost no memory.
///
/// Each image is a class silhouette (airplane, automobile, bird, cat, deer, dog, frog, horse,
/// ship, truck) with its own colours, placed at a random scale, angle, mirror and position on
/// a background typical of the class (sometimes one of another class), with clutter shapes,
/// occluders and pixel noise. Cat/dog, automobile/truck and deer/horse look alike on purpose,
/// so a small CNN learns it well above chance yet clearly short of 100%.
///
/// Image and label of sample `i` depend only on the split and `i`.
public struct StandInCIFAR: LabeledImages {
    /// CIFAR-10's class names, in label order.
    public static let classes = ["airplane", "automobile", "bird", "cat", "deer",
                                 "dog", "frog", "horse", "ship", "truck"]

    public let count: Int
    private let stream: UInt64
    private let labelBytes: [UInt8]

    /// The stand-in for the training split (50,000 images) or the test split (10,000).
    public init(train: Bool) {
        self.init(count: train ? 50_000 : 10_000, stream: train ? 0xC1FA_0001 : 0xC1FA_0002)
    }

    init(count: Int, stream: UInt64) {
        self.count = count
        self.stream = stream
        self.labelBytes = StandInRandom.balancedLabels(count: count, classes: 10, stream: stream)
    }

    public func label(at index: Int) -> Int { Int(labelBytes[index]) }

    public func image(at index: Int) -> PixelImage {
        var random = StandInRandom(stream: stream, index: index)
        let label = self.label(at: index)
        var canvas = Canvas(width: 32, height: 32, fill: Colour(0, 0, 0))
        let scene = random.chance(0.8) ? label : random.below(10)
        Self.background(scene, &canvas, &random)
        for _ in 0..<random.below(3) { Self.clutter(&canvas, &random) }
        let placement = Placement(scale: 32 * random.uniform(0.7, 1.05), angle: random.uniform(-0.25, 0.25),
                                  mirrored: random.chance(0.5),
                                  offsetX: 16 + random.uniform(-3.5, 3.5), offsetY: 16 + random.uniform(-3, 3))
        let shade = random.uniform(0.7, 1.15)
        Self.drawObject(label, &canvas, placement, &random, shade: shade)
        if random.chance(0.2) { Self.clutter(&canvas, &random, size: 0.5) }
        return PixelImage(unchecked: 32, 32, 3, canvas.pixels(noise: random.uniform(0.01, 0.05), random: &random))
    }

    // MARK: - Colours and scenes

    private static func jitter(_ c: Colour, _ random: inout StandInRandom, _ amount: Double = 0.08) -> Colour {
        Colour(c.r + random.uniform(-amount, amount), c.g + random.uniform(-amount, amount),
               c.b + random.uniform(-amount, amount))
    }

    private static func pick(_ colours: [Colour], _ random: inout StandInRandom) -> Colour {
        jitter(colours[random.below(colours.count)], &random)
    }

    private static let sky = [Colour(0.55, 0.7, 0.9), Colour(0.75, 0.82, 0.9), Colour(0.6, 0.62, 0.66), Colour(0.4, 0.55, 0.8)]
    private static let foliage = [Colour(0.25, 0.45, 0.2), Colour(0.4, 0.5, 0.25), Colour(0.2, 0.35, 0.15), Colour(0.5, 0.45, 0.3)]
    private static let indoor = [Colour(0.75, 0.65, 0.5), Colour(0.55, 0.4, 0.3), Colour(0.85, 0.82, 0.78), Colour(0.4, 0.35, 0.35)]
    private static let street = [Colour(0.45, 0.45, 0.47), Colour(0.6, 0.58, 0.55), Colour(0.35, 0.35, 0.38)]
    private static let water = [Colour(0.15, 0.3, 0.5), Colour(0.25, 0.4, 0.55), Colour(0.1, 0.2, 0.35)]
    private static let mud = [Colour(0.3, 0.25, 0.15), Colour(0.2, 0.3, 0.15), Colour(0.35, 0.32, 0.2)]

    /// The scene behind an object of class `scene`.
    private static func background(_ scene: Int, _ canvas: inout Canvas, _ random: inout StandInRandom) {
        let horizon = 14 + random.below(10)
        switch scene {
        case 0, 2:
            let top = pick(sky, &random)
            canvas.gradient(rows: 0..<32, top, top.mixed(with: Colour(0.95, 0.95, 0.95), random.uniform(0.1, 0.5)))
            if scene == 2 && random.chance(0.5) { canvas.gradient(rows: horizon + 6..<32, pick(foliage, &random), pick(foliage, &random)) }
        case 1, 9:
            canvas.gradient(rows: 0..<horizon, pick(random.chance(0.5) ? sky : indoor, &random), pick(street, &random))
            canvas.gradient(rows: horizon..<32, pick(street, &random), pick(street, &random).scaled(0.8))
        case 3, 5:
            canvas.gradient(rows: 0..<horizon + 4, pick(indoor, &random), pick(indoor, &random))
            canvas.gradient(rows: horizon + 4..<32, pick(scene == 5 && random.chance(0.4) ? foliage : indoor, &random), pick(indoor, &random).scaled(0.8))
        case 4, 7:
            canvas.gradient(rows: 0..<horizon - 4, pick(scene == 7 ? sky : foliage, &random), pick(foliage, &random))
            canvas.gradient(rows: horizon - 4..<32, pick(foliage, &random), pick(mud, &random))
        case 6:
            canvas.gradient(rows: 0..<32, pick(mud, &random), pick(foliage, &random).scaled(0.8))
        default:
            canvas.gradient(rows: 0..<horizon, pick(sky, &random), pick(sky, &random))
            canvas.gradient(rows: horizon..<32, pick(water, &random), pick(water, &random).scaled(0.7))
        }
    }

    /// A random blob or bar of a random colour.
    private static func clutter(_ canvas: inout Canvas, _ random: inout StandInRandom, size: Double = 1) {
        let colour = Colour(random.unit(), random.unit(), random.unit())
        let c = Point(random.uniform(0, 32), random.uniform(0, 32))
        if random.chance(0.5) {
            canvas.ellipse(c, random.uniform(1, 6) * size, random.uniform(1, 6) * size, angle: random.uniform(0, 3), colour)
        } else {
            let w = random.uniform(1, 10) * size, h = random.uniform(1, 4) * size
            canvas.polygon([Point(c.x - w, c.y - h), Point(c.x + w, c.y - h), Point(c.x + w, c.y + h), Point(c.x - w, c.y + h)], colour)
        }
    }

    // MARK: - Objects

    private static func drawObject(_ label: Int, _ canvas: inout Canvas, _ at: Placement,
                                   _ random: inout StandInRandom, shade: Double) {
        var pen = Pen(canvas: canvas, at: at)
        defer { canvas = pen.canvas }
        func colour(_ palette: [Colour]) -> Colour { pick(palette, &random).scaled(shade) }
        let dark = Colour(0.08, 0.08, 0.1)
        switch label {
        case 0:
            let body = colour([Colour(0.85, 0.85, 0.88), Colour(0.6, 0.62, 0.66), Colour(0.95, 0.95, 0.95), Colour(0.4, 0.42, 0.5)])
            pen.ellipse(0.5, 0.5, 0.42, 0.07, 0, body)
            pen.polygon([(0.45, 0.47), (0.58, 0.47), (0.4, 0.12), (0.33, 0.12)], body.scaled(0.9))
            pen.polygon([(0.45, 0.53), (0.58, 0.53), (0.4, 0.88), (0.33, 0.88)], body.scaled(0.9))
            pen.polygon([(0.08, 0.48), (0.18, 0.48), (0.1, 0.3), (0.05, 0.3)], body.scaled(0.85))
        case 1:
            let body = colour([Colour(0.8, 0.1, 0.1), Colour(0.1, 0.25, 0.7), Colour(0.9, 0.85, 0.2), Colour(0.9, 0.9, 0.9), Colour(0.15, 0.15, 0.15)])
            pen.polygon([(0.08, 0.48), (0.92, 0.48), (0.92, 0.7), (0.08, 0.7)], body)
            pen.polygon([(0.25, 0.49), (0.33, 0.3), (0.65, 0.3), (0.76, 0.49)], body)
            pen.polygon([(0.3, 0.47), (0.36, 0.34), (0.62, 0.34), (0.7, 0.47)], Colour(0.25, 0.3, 0.38))
            for x in [0.27, 0.73] {
                pen.ellipse(x, 0.71, 0.1, 0.1, 0, dark)
                pen.ellipse(x, 0.71, 0.04, 0.04, 0, Colour(0.6, 0.6, 0.6))
            }
        case 2:
            let body = colour([Colour(0.5, 0.35, 0.2), Colour(0.2, 0.3, 0.6), Colour(0.8, 0.2, 0.15), Colour(0.3, 0.3, 0.3), Colour(0.85, 0.75, 0.3)])
            pen.polygon([(0.3, 0.55), (0.1, 0.64), (0.13, 0.5)], body.scaled(0.8))
            pen.ellipse(0.48, 0.53, 0.22, 0.13, -0.3, body)
            pen.ellipse(0.68, 0.38, 0.09, 0.09, 0, body)
            pen.polygon([(0.75, 0.35), (0.87, 0.4), (0.75, 0.42)], Colour(0.9, 0.6, 0.1))
            pen.polygon([(0.36, 0.5), (0.58, 0.47), (0.42, 0.24)], body.scaled(0.7))
            pen.ellipse(0.7, 0.36, 0.02, 0.02, 0, dark)
        case 3:
            let fur = colour([Colour(0.85, 0.55, 0.2), Colour(0.5, 0.5, 0.52), Colour(0.15, 0.15, 0.15), Colour(0.92, 0.9, 0.86), Colour(0.55, 0.4, 0.25)])
            pen.ellipse(0.5, 0.8, 0.3, 0.2, 0, fur.scaled(0.92))
            pen.polygon([(0.29, 0.4), (0.32, 0.13), (0.46, 0.3)], fur)
            pen.polygon([(0.71, 0.4), (0.68, 0.13), (0.54, 0.3)], fur)
            pen.ellipse(0.5, 0.45, 0.22, 0.19, 0, fur)
            for x in [0.42, 0.58] {
                pen.ellipse(x, 0.43, 0.04, 0.035, 0, Colour(0.6, 0.75, 0.2))
                pen.ellipse(x, 0.43, 0.012, 0.03, 0, dark)
            }
            pen.polygon([(0.47, 0.51), (0.53, 0.51), (0.5, 0.55)], Colour(0.9, 0.55, 0.6))
        case 4:
            let fur = colour([Colour(0.6, 0.42, 0.25), Colour(0.7, 0.55, 0.35), Colour(0.5, 0.35, 0.2)])
            for (top, bottom) in [(0.35, 0.33), (0.42, 0.42), (0.6, 0.6), (0.66, 0.68)] {
                pen.line(top, 0.6, bottom, 0.93, 0.035, fur.scaled(0.85))
            }
            pen.ellipse(0.5, 0.55, 0.26, 0.12, 0, fur)
            pen.polygon([(0.64, 0.52), (0.74, 0.52), (0.8, 0.28), (0.72, 0.26)], fur)
            pen.ellipse(0.8, 0.26, 0.08, 0.05, 0.4, fur)
            let antler = Colour(0.35, 0.25, 0.15).scaled(shade)
            pen.line(0.77, 0.2, 0.72, 0.05, 0.025, antler)
            pen.line(0.745, 0.12, 0.66, 0.1, 0.02, antler)
            pen.line(0.81, 0.2, 0.86, 0.05, 0.025, antler)
            pen.line(0.835, 0.12, 0.92, 0.1, 0.02, antler)
        case 5:
            let fur = colour([Colour(0.75, 0.6, 0.4), Colour(0.45, 0.3, 0.18), Colour(0.12, 0.1, 0.1), Colour(0.92, 0.9, 0.85), Colour(0.85, 0.65, 0.3)])
            pen.ellipse(0.5, 0.8, 0.32, 0.2, 0, fur.scaled(0.92))
            pen.ellipse(0.5, 0.45, 0.2, 0.2, 0, fur)
            pen.ellipse(0.29, 0.48, 0.07, 0.17, 0.3, fur.scaled(0.6))
            pen.ellipse(0.71, 0.48, 0.07, 0.17, -0.3, fur.scaled(0.6))
            pen.ellipse(0.5, 0.59, 0.1, 0.08, 0, fur.mixed(with: Colour(0.9, 0.85, 0.8), 0.4))
            pen.ellipse(0.5, 0.54, 0.035, 0.03, 0, dark)
            for x in [0.43, 0.57] { pen.ellipse(x, 0.41, 0.025, 0.025, 0, dark) }
        case 6:
            let skin = colour([Colour(0.3, 0.6, 0.2), Colour(0.45, 0.5, 0.2), Colour(0.5, 0.4, 0.25), Colour(0.2, 0.45, 0.25)])
            pen.ellipse(0.22, 0.72, 0.12, 0.06, 0.5, skin.scaled(0.85))
            pen.ellipse(0.78, 0.72, 0.12, 0.06, -0.5, skin.scaled(0.85))
            pen.ellipse(0.5, 0.62, 0.3, 0.17, 0, skin)
            pen.ellipse(0.5, 0.5, 0.2, 0.12, 0, skin)
            for x in [0.38, 0.62] {
                pen.ellipse(x, 0.41, 0.07, 0.07, 0, skin.scaled(1.1))
                pen.ellipse(x, 0.41, 0.03, 0.03, 0, dark)
            }
            for (x, y) in [(0.42, 0.66), (0.58, 0.7), (0.5, 0.6)] { pen.ellipse(x, y, 0.04, 0.03, 0, skin.scaled(0.6)) }
        case 7:
            let coat = colour([Colour(0.5, 0.3, 0.15), Colour(0.15, 0.12, 0.1), Colour(0.9, 0.88, 0.85), Colour(0.65, 0.35, 0.2)])
            pen.line(0.23, 0.48, 0.14, 0.76, 0.05, coat.scaled(0.6))
            for (top, bottom) in [(0.3, 0.28), (0.38, 0.38), (0.6, 0.6), (0.67, 0.7)] {
                pen.line(top, 0.58, bottom, 0.96, 0.045, coat.scaled(0.88))
            }
            pen.ellipse(0.48, 0.52, 0.27, 0.13, 0, coat)
            pen.polygon([(0.62, 0.48), (0.74, 0.52), (0.84, 0.22), (0.74, 0.17)], coat)
            pen.ellipse(0.85, 0.27, 0.11, 0.05, 1.0, coat)
            pen.line(0.7, 0.2, 0.64, 0.44, 0.03, coat.scaled(0.5))
        case 8:
            let hull = colour([Colour(0.6, 0.1, 0.1), Colour(0.15, 0.15, 0.18), Colour(0.2, 0.3, 0.5), Colour(0.85, 0.85, 0.85)])
            pen.polygon([(0.06, 0.58), (0.94, 0.58), (0.82, 0.74), (0.16, 0.74)], hull)
            pen.polygon([(0.3, 0.45), (0.64, 0.45), (0.64, 0.58), (0.3, 0.58)], Colour(0.9, 0.9, 0.88).scaled(shade))
            pen.polygon([(0.38, 0.35), (0.54, 0.35), (0.54, 0.45), (0.38, 0.45)], Colour(0.8, 0.8, 0.8).scaled(shade))
            pen.line(0.72, 0.58, 0.72, 0.22, 0.03, dark)
        default:
            let box = colour([Colour(0.85, 0.85, 0.85), Colour(0.8, 0.2, 0.1), Colour(0.2, 0.4, 0.7), Colour(0.9, 0.7, 0.2), Colour(0.3, 0.5, 0.3)])
            let cab = random.chance(0.5) ? box : colour([Colour(0.8, 0.1, 0.1), Colour(0.1, 0.2, 0.6), Colour(0.9, 0.9, 0.9)])
            pen.polygon([(0.06, 0.25), (0.64, 0.25), (0.64, 0.7), (0.06, 0.7)], box)
            pen.polygon([(0.64, 0.4), (0.84, 0.4), (0.92, 0.55), (0.92, 0.7), (0.64, 0.7)], cab)
            pen.polygon([(0.68, 0.43), (0.82, 0.43), (0.88, 0.55), (0.68, 0.55)], Colour(0.25, 0.3, 0.38))
            for x in [0.2, 0.45, 0.78] {
                pen.ellipse(x, 0.72, 0.09, 0.09, 0, dark)
                pen.ellipse(x, 0.72, 0.035, 0.035, 0, Colour(0.6, 0.6, 0.6))
            }
        }
    }
}
