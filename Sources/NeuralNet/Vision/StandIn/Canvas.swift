#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An RGB colour with components in `0...1`.
struct Colour {
    var r, g, b: Double

    init(_ r: Double, _ g: Double, _ b: Double) {
        self.r = r
        self.g = g
        self.b = b
    }

    /// This colour moved towards `other` by `t`.
    func mixed(with other: Colour, _ t: Double) -> Colour {
        Colour(r + (other.r - r) * t, g + (other.g - g) * t, b + (other.b - b) * t)
    }

    /// The colour scaled by `k` (darker below 1).
    func scaled(_ k: Double) -> Colour { Colour(r * k, g * k, b * k) }
}

/// A point in the unit square an object is drawn in (x right, y down).
struct Point {
    var x, y: Double

    init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}

/// Where the unit square lands on the canvas: scale, rotation, mirror and offset in pixels.
struct Placement {
    var scale: Double
    var angle: Double
    var mirrored: Bool
    var offsetX: Double
    var offsetY: Double

    /// The canvas position of unit-square point `p` (the square's centre is the pivot).
    func apply(_ p: Point) -> Point {
        let x = (mirrored ? 0.5 - p.x : p.x - 0.5) * scale, y = (p.y - 0.5) * scale
        let c = cos(angle), s = sin(angle)
        return Point(offsetX + c * x - s * y, offsetY + s * x + c * y)
    }
}

/// A small floating-point RGB raster with anti-aliased shapes, used by the stand-in data sets.
/// Shapes are given in canvas pixels; coverage comes from the distance of each pixel centre
/// to the shape's edge, which gives smooth edges without supersampling.
struct Canvas {
    let width: Int
    let height: Int
    private(set) var values: [Double]

    init(width: Int, height: Int, fill: Colour) {
        self.width = width
        self.height = height
        values = [Double](repeating: 0, count: width * height * 3)
        for i in 0..<width * height {
            values[3 * i] = fill.r
            values[3 * i + 1] = fill.g
            values[3 * i + 2] = fill.b
        }
    }

    /// Paints `colour` over pixels in proportion to `coverage(x, y)` (pixel centres), within
    /// the given bounding box.
    mutating func paint(_ colour: Colour, minX: Double, maxX: Double, minY: Double, maxY: Double,
                        coverage: (Double, Double) -> Double) {
        let x0 = max(Int(floor(minX)) - 1, 0), x1 = min(Int(ceil(maxX)) + 1, width - 1)
        let y0 = max(Int(floor(minY)) - 1, 0), y1 = min(Int(ceil(maxY)) + 1, height - 1)
        guard x0 <= x1, y0 <= y1 else { return }
        for y in y0...y1 {
            for x in x0...x1 {
                let a = coverage(Double(x) + 0.5, Double(y) + 0.5)
                guard a > 0 else { continue }
                let i = 3 * (y * width + x)
                values[i] += (colour.r - values[i]) * a
                values[i + 1] += (colour.g - values[i + 1]) * a
                values[i + 2] += (colour.b - values[i + 2]) * a
            }
        }
    }

    /// A filled ellipse with radii `rx`, `ry`, turned by `angle`.
    mutating func ellipse(_ c: Point, _ rx: Double, _ ry: Double, angle: Double = 0, _ colour: Colour) {
        let r = max(rx, ry), ca = cos(angle), sa = sin(angle)
        let lo = max(min(rx, ry), 0.3)
        paint(colour, minX: c.x - r, maxX: c.x + r, minY: c.y - r, maxY: c.y + r) { x, y in
            let dx = x - c.x, dy = y - c.y
            let u = (ca * dx + sa * dy) / max(rx, 0.3), v = (-sa * dx + ca * dy) / max(ry, 0.3)
            let distance = (sqrt(u * u + v * v) - 1) * lo
            return min(max(0.5 - distance, 0), 1)
        }
    }

    /// A filled convex polygon (points in either winding order).
    mutating func polygon(_ points: [Point], _ colour: Colour) {
        guard points.count >= 3 else { return }
        var area = 0.0
        for i in points.indices {
            let a = points[i], b = points[(i + 1) % points.count]
            area += a.x * b.y - b.x * a.y
        }
        let sign = area >= 0 ? 1.0 : -1.0
        let edges = points.indices.map { i -> (Point, Double, Double) in
            let a = points[i], b = points[(i + 1) % points.count]
            let dx = b.x - a.x, dy = b.y - a.y
            let length = max(sqrt(dx * dx + dy * dy), 1e-9)
            return (a, dx / length * sign, dy / length * sign)
        }
        paint(colour, minX: points.map(\.x).min() ?? 0, maxX: points.map(\.x).max() ?? 0,
              minY: points.map(\.y).min() ?? 0, maxY: points.map(\.y).max() ?? 0) { x, y in
            var distance = -Double.infinity
            for (a, ux, uy) in edges {
                // Outward distance from the edge line (positive outside).
                distance = max(distance, (x - a.x) * uy - (y - a.y) * ux)
            }
            return min(max(0.5 - distance, 0), 1)
        }
    }

    /// A thick line segment with round ends.
    mutating func line(_ a: Point, _ b: Point, width: Double, _ colour: Colour) {
        let half = width / 2
        let dx = b.x - a.x, dy = b.y - a.y, length2 = max(dx * dx + dy * dy, 1e-12)
        paint(colour, minX: min(a.x, b.x) - half, maxX: max(a.x, b.x) + half,
              minY: min(a.y, b.y) - half, maxY: max(a.y, b.y) + half) { x, y in
            let t = min(max(((x - a.x) * dx + (y - a.y) * dy) / length2, 0), 1)
            let px = a.x + t * dx - x, py = a.y + t * dy - y
            return min(max(0.5 - (sqrt(px * px + py * py) - half), 0), 1)
        }
    }

    /// A vertical gradient from `top` to `bottom` over rows `from ..< to`.
    mutating func gradient(rows: Range<Int>, _ top: Colour, _ bottom: Colour) {
        for y in rows where y >= 0 && y < height {
            let t = rows.count > 1 ? Double(y - rows.lowerBound) / Double(rows.count - 1) : 0
            let c = top.mixed(with: bottom, t)
            for x in 0..<width {
                let i = 3 * (y * width + x)
                values[i] = c.r
                values[i + 1] = c.g
                values[i + 2] = c.b
            }
        }
    }

    /// The canvas as bytes, with per-value noise of about `noise` (in 0...1 units; triangular,
    /// the sum of two uniforms, which looks Gaussian enough at this size and costs one random
    /// draw per value).
    func pixels(noise: Double, random: inout StandInRandom) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: values.count)
        let scale = noise * 1.7 * 255 / 4_294_967_296
        for i in 0..<values.count {
            var v = values[i] * 255 + 0.5
            if noise > 0 {
                let r = random.next()
                v += (Double(r & 0xffff_ffff) + Double(r >> 32) - 4_294_967_295) * scale
            }
            out[i] = UInt8(min(max(v, 0), 255))
        }
        return out
    }
}

/// Draws shapes given in the unit square through a `Placement`.
struct Pen {
    var canvas: Canvas
    let at: Placement

    mutating func ellipse(_ x: Double, _ y: Double, _ rx: Double, _ ry: Double, _ angle: Double, _ colour: Colour) {
        let turn = at.mirrored ? -angle : angle
        canvas.ellipse(at.apply(Point(x, y)), rx * at.scale, ry * at.scale, angle: turn + at.angle, colour)
    }

    mutating func polygon(_ points: [(Double, Double)], _ colour: Colour) {
        canvas.polygon(points.map { at.apply(Point($0.0, $0.1)) }, colour)
    }

    mutating func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, _ width: Double, _ colour: Colour) {
        canvas.line(at.apply(Point(x0, y0)), at.apply(Point(x1, y1)), width: width * at.scale, colour)
    }
}
