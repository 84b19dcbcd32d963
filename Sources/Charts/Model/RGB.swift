/// A 24-bit colour.
public struct RGB: Hashable, Sendable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// `0xRRGGBB`.
    public init(hex: UInt32) {
        self.init(UInt8((hex >> 16) & 0xFF), UInt8((hex >> 8) & 0xFF), UInt8(hex & 0xFF))
    }

    /// Perceived brightness in 0...1 (Rec. 601 weights).
    public var luminance: Double {
        (0.299 * Double(red) + 0.587 * Double(green) + 0.114 * Double(blue)) / 255
    }

    /// The nearest colour of the xterm 256-colour palette: the 6x6x6 cube (16...231) or the
    /// grey ramp (232...255), whichever is closer.
    public var xterm256: UInt8 {
        func level(_ c: UInt8) -> Int { c < 48 ? 0 : c < 115 ? 1 : (Int(c) - 35) / 40 }
        let levels = [0, 95, 135, 175, 215, 255]
        let (r, g, b) = (level(red), level(green), level(blue))
        let cube = RGB(UInt8(levels[r]), UInt8(levels[g]), UInt8(levels[b]))
        let average = (Int(red) + Int(green) + Int(blue)) / 3
        let greyIndex = average > 238 ? 23 : max(0, (average - 3) / 10)
        let greyLevel = UInt8(8 + 10 * greyIndex)
        let grey = RGB(greyLevel, greyLevel, greyLevel)
        let cubeIndex = UInt8(16 + 36 * r + 6 * g + b)
        return distance(to: grey) < distance(to: cube) ? UInt8(232 + greyIndex) : cubeIndex
    }

    private func distance(to other: RGB) -> Int {
        let dr = Int(red) - Int(other.red), dg = Int(green) - Int(other.green), db = Int(blue) - Int(other.blue)
        return dr * dr + dg * dg + db * db
    }
}

extension RGB {
    /// Matplotlib's default colour cycle (`tab10`, "C0" ... "C9").
    public static let cycle: [RGB] = [
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf,
    ].map { RGB(hex: $0) }

    /// The `n`th colour of the cycle (wrapping).
    public static func cycled(_ n: Int) -> RGB { cycle[((n % cycle.count) + cycle.count) % cycle.count] }

    /// A matplotlib colour spec: a one-letter code (`"r"`), a name (`"red"`, `"tab:blue"`),
    /// `"C3"`, or `"#rrggbb"`; nil if it is none of these.
    public init?(matplotlib spec: String) {
        let name = spec.lowercased()
        if name.hasPrefix("#"), name.count == 7, let hex = UInt32(name.dropFirst(), radix: 16) {
            self.init(hex: hex)
            return
        }
        if name.count == 2, name.hasPrefix("c"), let n = Int(name.dropFirst()) {
            self = RGB.cycled(n)
            return
        }
        guard let hex = RGB.named[name] else { return nil }
        self.init(hex: hex)
    }

    private static let named: [String: UInt32] = [
        "b": 0x0000ff, "g": 0x008000, "r": 0xff0000, "c": 0x00bfbf, "m": 0xbf00bf, "y": 0xbfbf00,
        "k": 0x000000, "w": 0xffffff,
        "blue": 0x0000ff, "green": 0x008000, "red": 0xff0000, "cyan": 0x00ffff, "magenta": 0xff00ff,
        "yellow": 0xffff00, "black": 0x000000, "white": 0xffffff, "orange": 0xffa500, "purple": 0x800080,
        "gray": 0x808080, "grey": 0x808080, "brown": 0xa52a2a, "pink": 0xffc0cb,
        "tab:blue": 0x1f77b4, "tab:orange": 0xff7f0e, "tab:green": 0x2ca02c, "tab:red": 0xd62728,
        "tab:purple": 0x9467bd, "tab:brown": 0x8c564b, "tab:pink": 0xe377c2, "tab:gray": 0x7f7f7f,
        "tab:olive": 0xbcbd22, "tab:cyan": 0x17becf,
    ]
}
