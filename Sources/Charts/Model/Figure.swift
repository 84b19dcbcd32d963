/// A matplotlib figure as the renderers see it: a grid of axes and a size.
public struct Figure: Equatable, Sendable {
    /// `figsize` in inches (matplotlib's default 6.4 x 4.8); only its aspect ratio matters.
    public var width: Double
    public var height: Double
    public var rows: Int
    public var columns: Int
    /// Row by row, `rows * columns` of them.
    public var axes: [Axes]
    /// `suptitle`.
    public var title: String

    public init(width: Double = 6.4, height: Double = 4.8, rows: Int = 1, columns: Int = 1, title: String = "") {
        self.width = width
        self.height = height
        self.rows = max(1, rows)
        self.columns = max(1, columns)
        self.title = title
        axes = Array(repeating: Axes(), count: self.rows * self.columns)
    }
}

/// One plot area: its series or image, titles and labels.
public struct Axes: Equatable, Sendable {
    public var title = ""
    public var xlabel = ""
    public var ylabel = ""
    public var series: [Series] = []
    public var image: Image?
    public var showsLegend = false
    /// `axis('off')`: no frame, ticks or labels.
    public var showsAxis = true
    /// `set_xlim` / `set_ylim`.
    public var xLimits = AxisLimits()
    public var yLimits = AxisLimits()
    /// `set_xticks` / `set_yticks` (nil: the renderer picks them).
    public var xTicks: AxisTicks?
    public var yTicks: AxisTicks?
    /// `grid(True)`: dotted lines across the plot at the ticks.
    public var showsGrid = false
    /// `set_xscale('log')` / `set_yscale('log')`: the axis shows log10 of the data.
    public var xIsLog = false
    public var yIsLog = false

    public init() {}

    /// Whether anything was drawn in it.
    public var isEmpty: Bool { series.isEmpty && image == nil && title.isEmpty }

    /// The colour of the next series without an explicit one (matplotlib's colour cycle).
    public var nextColor: RGB { RGB.cycled(series.filter { $0.usesCycle }.count) }
}

/// Data drawn in axes: `plot`, `scatter`, `bar`, or `hist` (as bars).
public struct Series: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case line
        case scatter
        /// Bars centred on x (`bar`) or spanning bins (`hist`), `width` in data units.
        case bars(width: Double)
    }

    public var kind: Kind
    public var xs: [Double]
    public var ys: [Double]
    public var label: String?
    public var color: RGB
    /// Whether the colour came from the cycle (it then advances the cycle).
    public var usesCycle: Bool

    public init(kind: Kind, xs: [Double], ys: [Double], label: String? = nil, color: RGB, usesCycle: Bool = true) {
        self.kind = kind
        self.xs = xs
        self.ys = ys
        self.label = label
        self.color = color
        self.usesCycle = usesCycle
    }
}

/// An image for `imshow`: `height` x `width` pixels of 1 (mapped through `colormap`), 3 (RGB)
/// or 4 (RGBA, alpha ignored) channels, row-major with channels last. RGB values run from 0 to
/// `rgbScale` (1 for floats, 255 for integers, as in matplotlib) and are clipped to it.
public struct Image: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public var channels: Int
    public var pixels: [Double]
    public var colormap: Colormap
    /// The values mapped to the colormap's ends (`vmin`, `vmax`; default: the data's range).
    public var low: Double?
    public var high: Double?
    public var rgbScale: Double

    public init(width: Int, height: Int, channels: Int, pixels: [Double], colormap: Colormap = .viridis,
                low: Double? = nil, high: Double? = nil, rgbScale: Double = 1) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.channels = max(1, channels)
        self.pixels = pixels
        self.colormap = colormap
        self.low = low
        self.high = high
        self.rgbScale = rgbScale > 0 && rgbScale.isFinite ? rgbScale : 1
    }

    /// The colour of pixel (`x`, `y`), black outside the image. One-channel values go through
    /// the colormap over `range`.
    func color(x: Int, y: Int, range: ClosedRange<Double>) -> RGB {
        let base = (y * width + x) * channels
        guard x >= 0, y >= 0, x < width, y < height, base + channels <= pixels.count else { return RGB(0, 0, 0) }
        if channels < 3 {
            let span = range.upperBound - range.lowerBound
            let t = span > 0 ? (pixels[base] - range.lowerBound) / span : 0
            return colormap.color(t)
        }
        func channel(_ v: Double) -> UInt8 {
            let c = v.isNaN ? 0 : min(1, max(0, v / rgbScale))
            return UInt8((c * 255).rounded())
        }
        return RGB(channel(pixels[base]), channel(pixels[base + 1]), channel(pixels[base + 2]))
    }

    /// The finite range of the one-channel values, or `low`/`high` where given.
    var valueRange: ClosedRange<Double> {
        var lo = Double.infinity, hi = -Double.infinity
        for v in pixels where v.isFinite {
            lo = min(lo, v)
            hi = max(hi, v)
        }
        if lo > hi { (lo, hi) = (0, 1) }
        let a = low ?? lo, b = high ?? hi
        return a <= b ? a...b : b...a
    }
}
