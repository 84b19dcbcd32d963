#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// PIL's resampling filters, with PIL's numbers (`Image.Resampling.BILINEAR == 2`).
public enum ResamplingFilter: Int, Sendable {
    case nearest = 0, lanczos = 1, bilinear = 2, bicubic = 3, box = 4, hamming = 5

    /// How far the filter reaches, in source pixels at scale 1.
    var support: Double {
        switch self {
        case .nearest, .box: 0.5
        case .bilinear, .hamming: 1
        case .bicubic: 2
        case .lanczos: 3
        }
    }

    /// The filter's weight at distance `x`.
    func weight(_ x: Double) -> Double {
        switch self {
        case .nearest, .box:
            return x > -0.5 && x <= 0.5 ? 1 : 0
        case .bilinear:
            let a = abs(x)
            return a < 1 ? 1 - a : 0
        case .hamming:
            let a = abs(x)
            if a == 0 { return 1 }
            if a >= 1 { return 0 }
            let t = a * Double.pi
            // The 0.54/0.46 constants are float literals in PIL; keep their float rounding.
            return sin(t) / t * (Double(Float(0.54)) + Double(Float(0.46)) * cos(t))
        case .bicubic:
            let a = abs(x), k = -0.5
            if a < 1 { return ((k + 2) * a - (k + 3)) * a * a + 1 }
            if a < 2 { return (((a - 5) * a + 8) * a - 4) * k }
            return 0
        case .lanczos:
            guard x >= -3 && x < 3 else { return 0 }
            return Self.sinc(x) * Self.sinc(x / 3)
        }
    }

    private static func sinc(_ x: Double) -> Double {
        if x == 0 { return 1 }
        let t = x * Double.pi
        return sin(t) / t
    }
}

// Note [PIL resampling]
// torchvision resizes PIL images with PIL itself, so `Resize` on an image must reproduce PIL's
// pixels. PIL (libImaging/Resample.c) resizes in two separable passes, horizontal first, each
// a convolution whose filter is stretched by the scale when shrinking (so shrinking averages,
// "antialias"). The weights of each output pixel are normalised to sum to 1, then turned into
// 22-bit fixed point; sums start at 2^21 (rounding) and are clipped to 0...255 after the shift.
// The horizontal pass goes first and computes only the source rows the vertical pass will
// read, unless the height shrinks by more than twice as many pixels as the width: then the
// vertical pass goes first (Pillow 11+ chooses so; the order changes the rounding). NEAREST is not
// a convolution: PIL samples the source at `(x + 0.5) * scale`, accumulating the position by
// repeated addition, as its affine scaler does.

extension PixelImage {
    private static let precisionBits = 22

    /// The image resized to `newWidth` x `newHeight` as PIL's `Image.resize` does.
    public func resized(width newWidth: Int, height newHeight: Int,
                        filter: ResamplingFilter = .bilinear) throws(VisionError) -> PixelImage {
        guard newWidth > 0, newHeight > 0 else { throw .value("height and width must be > 0") }
        guard width > 0, height > 0 else { throw .value("cannot resize an empty image") }
        _ = try Self.byteCount(width: newWidth, height: newHeight, channels: channels)
        if newWidth == width && newHeight == height { return self }
        if filter == .nearest { return nearest(newWidth, newHeight) }
        let vertical = Self.coefficients(inSize: height, outSize: newHeight, filter: filter)
        let horizontal = Self.coefficients(inSize: width, outSize: newWidth, filter: filter)
        let shrinkY = height - newHeight, shrinkX = width - newWidth
        if shrinkY > 0 && shrinkY > shrinkX * 2 {
            let shorter = verticalPass(vertical, rowOffset: 0)
            return newWidth == width ? shorter : shorter.horizontalPass(horizontal, rows: 0..<newHeight)
        }
        var source = self
        var rowOffset = 0
        if newWidth != width {
            let first = vertical.bounds[0].start
            let last = vertical.bounds[newHeight - 1].start + vertical.bounds[newHeight - 1].count
            source = horizontalPass(horizontal, rows: first..<last)
            rowOffset = first
        }
        if newHeight == height { return source }
        return source.verticalPass(vertical, rowOffset: rowOffset)
    }

    /// Per output pixel: the first source pixel, how many it reads, and their fixed-point weights.
    struct Coefficients {
        var bounds: [(start: Int, count: Int)]
        var weights: [[Int32]]
    }

    static func coefficients(inSize: Int, outSize: Int, filter: ResamplingFilter) -> Coefficients {
        let scale = Double(inSize) / Double(outSize)
        let filterScale = max(scale, 1)
        let support = filter.support * filterScale
        var bounds: [(start: Int, count: Int)] = []
        var weights: [[Int32]] = []
        bounds.reserveCapacity(outSize)
        weights.reserveCapacity(outSize)
        for xx in 0..<outSize {
            let center = (Double(xx) + 0.5) * scale
            let start = max(Int(center - support + 0.5), 0)
            let end = min(Int(center + support + 0.5), inSize)
            var w = [Double]()
            var total = 0.0
            for x in start..<max(end, start) {
                let v = filter.weight((Double(x) - center + 0.5) / filterScale)
                w.append(v)
                total += v
            }
            if total != 0 { w = w.map { $0 / total } }
            let unit = Double(1 << precisionBits)
            weights.append(w.map { $0 < 0 ? Int32(-0.5 + $0 * unit) : Int32(0.5 + $0 * unit) })
            bounds.append((start, max(end - start, 0)))
        }
        return Coefficients(bounds: bounds, weights: weights)
    }

    private static func clip(_ sum: Int) -> UInt8 {
        UInt8(min(max(sum >> precisionBits, 0), 255))
    }

    private func horizontalPass(_ k: Coefficients, rows: Range<Int>) -> PixelImage {
        let outWidth = k.bounds.count
        var out = [UInt8](repeating: 0, count: outWidth * rows.count * channels)
        for (yy, y) in rows.enumerated() {
            for xx in 0..<outWidth {
                let (start, count) = k.bounds[xx]
                let w = k.weights[xx]
                for c in 0..<channels {
                    var sum = 1 << (Self.precisionBits - 1)
                    for i in 0..<count {
                        sum += Int(pixels[(y * width + start + i) * channels + c]) * Int(w[i])
                    }
                    out[(yy * outWidth + xx) * channels + c] = Self.clip(sum)
                }
            }
        }
        return PixelImage(unchecked: outWidth, rows.count, channels, out)
    }

    private func verticalPass(_ k: Coefficients, rowOffset: Int) -> PixelImage {
        let outHeight = k.bounds.count
        var out = [UInt8](repeating: 0, count: width * outHeight * channels)
        for yy in 0..<outHeight {
            let (start, count) = k.bounds[yy]
            let w = k.weights[yy]
            for x in 0..<width {
                for c in 0..<channels {
                    var sum = 1 << (Self.precisionBits - 1)
                    for i in 0..<count {
                        sum += Int(pixels[((start - rowOffset + i) * width + x) * channels + c]) * Int(w[i])
                    }
                    out[(yy * width + x) * channels + c] = Self.clip(sum)
                }
            }
        }
        return PixelImage(unchecked: width, outHeight, channels, out)
    }

    private func nearest(_ newWidth: Int, _ newHeight: Int) -> PixelImage {
        func positions(_ inSize: Int, _ outSize: Int) -> [Int] {
            let step = Double(inSize) / Double(outSize)
            var at = step * 0.5
            var out: [Int] = []
            for _ in 0..<outSize {
                out.append(min(max(Int(at), 0), inSize - 1))
                at += step
            }
            return out
        }
        let xs = positions(width, newWidth), ys = positions(height, newHeight)
        var out = [UInt8](repeating: 0, count: newWidth * newHeight * channels)
        for (yy, y) in ys.enumerated() {
            for (xx, x) in xs.enumerated() {
                for c in 0..<channels { out[(yy * newWidth + xx) * channels + c] = pixels[(y * width + x) * channels + c] }
            }
        }
        return PixelImage(unchecked: newWidth, newHeight, channels, out)
    }
}
