/// How `imshow` maps a value in 0...1 to a colour (`cmap=`).
public enum Colormap: String, CaseIterable, Sendable {
    case gray, viridis, greys = "Greys", hot, plasma

    /// The colormap named `name` as matplotlib spells it (`"gray"`, `"viridis"`, `"Greys"`,
    /// also `"grey"`); nil for names we do not draw.
    public init?(matplotlib name: String) {
        switch name {
        case "gray", "grey", "binary_r": self = .gray
        case "Greys", "binary", "gray_r", "grey_r": self = .greys
        default:
            guard let map = Colormap(rawValue: name) else { return nil }
            self = map
        }
    }

    /// The colour for `t` (clamped to 0...1; NaN maps to 0).
    public func color(_ t: Double) -> RGB {
        let t = t.isNaN ? 0 : min(1, max(0, t))
        switch self {
        case .gray:
            let v = UInt8((t * 255).rounded())
            return RGB(v, v, v)
        case .greys:
            let v = UInt8(((1 - t) * 255).rounded())
            return RGB(v, v, v)
        case .viridis: return Colormap.interpolate(Colormap.viridisAnchors, t)
        case .hot: return Colormap.interpolate(Colormap.hotAnchors, t)
        case .plasma: return Colormap.interpolate(Colormap.plasmaAnchors, t)
        }
    }

    /// Linear interpolation between evenly spaced anchor colours.
    private static func interpolate(_ anchors: [RGB], _ t: Double) -> RGB {
        let position = t * Double(anchors.count - 1)
        let low = min(anchors.count - 2, Int(position))
        let f = position - Double(low)
        func mix(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8((Double(a) + (Double(b) - Double(a)) * f).rounded()) }
        let a = anchors[low], b = anchors[low + 1]
        return RGB(mix(a.red, b.red), mix(a.green, b.green), mix(a.blue, b.blue))
    }

    // Samples of matplotlib's colormaps at t = 0, 0.1, ..., 1.
    private static let viridisAnchors: [RGB] = [
        0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c, 0x22a884, 0x44bf70, 0x7ad151, 0xbddf26, 0xfde725,
    ].map { RGB(hex: $0) }
    private static let plasmaAnchors: [RGB] = [
        0x0d0887, 0x41049d, 0x6a00a8, 0x8f0da4, 0xb12a90, 0xcc4778, 0xe16462, 0xf2844b, 0xfca636, 0xfcce25, 0xf0f921,
    ].map { RGB(hex: $0) }
    private static let hotAnchors: [RGB] = [
        0x0b0000, 0x4d0000, 0x910000, 0xd30000, 0xff1700, 0xff5a00, 0xff9d00, 0xffe000, 0xffff3b, 0xffff9d, 0xffffff,
    ].map { RGB(hex: $0) }
}
