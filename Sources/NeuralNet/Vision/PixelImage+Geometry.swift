/// How `padded` fills the new border (numpy's `np.pad` modes, which torchvision uses for PIL
/// images).
public enum PaddingMode: String, Sendable {
    /// One fill colour.
    case constant
    /// Repeats the outermost pixel.
    case edge
    /// Mirrors without repeating the edge pixel: `c b | a b c | b a`.
    case reflect
    /// Mirrors including the edge pixel: `b a | a b c | c b`.
    case symmetric
}

extension PixelImage {
    /// The image mirrored left to right (PIL's `FLIP_LEFT_RIGHT`).
    public func flippedHorizontally() -> PixelImage {
        var out = pixels
        for y in 0..<height {
            for x in 0..<width {
                let src = (y * width + (width - 1 - x)) * channels, dst = (y * width + x) * channels
                for c in 0..<channels { out[dst + c] = pixels[src + c] }
            }
        }
        return PixelImage(unchecked: width, height, channels, out)
    }

    /// The image mirrored top to bottom (PIL's `FLIP_TOP_BOTTOM`).
    public func flippedVertically() -> PixelImage {
        var out = pixels
        let row = width * channels
        for y in 0..<height {
            let src = (height - 1 - y) * row
            for i in 0..<row { out[y * row + i] = pixels[src + i] }
        }
        return PixelImage(unchecked: width, height, channels, out)
    }

    /// The pixels of the box `left..<right`, `top..<bottom` (PIL's `crop`): parts of the box
    /// outside the image are black, so any box is valid as long as it is not inverted.
    public func cropped(left: Int, top: Int, right: Int, bottom: Int) throws(VisionError) -> PixelImage {
        guard right >= left else { throw .value("Coordinate 'right' is less than 'left'") }
        guard bottom >= top else { throw .value("Coordinate 'lower' is less than 'upper'") }
        let w = right - left, h = bottom - top
        var out = try PixelImage(width: w, height: h, channels: channels)
        let x0 = max(left, 0), x1 = min(right, width)
        guard x1 > x0 else { return out }
        for y in max(top, 0)..<max(min(bottom, height), max(top, 0)) {
            let src = (y * width + x0) * channels
            let dst = ((y - top) * w + (x0 - left)) * channels
            for i in 0..<(x1 - x0) * channels { out.pixels[dst + i] = pixels[src + i] }
        }
        return out
    }

    /// The image with `left`, `top`, `right` and `bottom` pixels added on each side (a negative
    /// amount crops that side first, as torchvision does).
    ///
    /// - Parameter fill: the colour of a `.constant` border, one value per channel.
    public func padded(left: Int, top: Int, right: Int, bottom: Int, mode: PaddingMode,
                       fill: [UInt8] = []) throws(VisionError) -> PixelImage {
        var source = self
        if left < 0 || top < 0 || right < 0 || bottom < 0 {
            source = try cropped(left: max(-left, 0), top: max(-top, 0),
                                 right: width - max(-right, 0), bottom: height - max(-bottom, 0))
        }
        let l = max(left, 0), t = max(top, 0)
        let w = source.width + l + max(right, 0), h = source.height + t + max(bottom, 0)
        if mode == .constant {
            var out = try PixelImage(width: w, height: h, channels: channels, fill: fill)
            for y in 0..<source.height {
                let src = y * source.width * channels, dst = ((y + t) * w + l) * channels
                for i in 0..<source.width * channels { out.pixels[dst + i] = source.pixels[src + i] }
            }
            return out
        }
        guard source.width > 0, source.height > 0 else {
            throw .value("can't extend empty axis 0 using modes other than 'constant' or 'empty'")
        }
        let columns = (0..<w).map { Self.sourceIndex($0 - l, count: source.width, mode: mode) }
        let rows = (0..<h).map { Self.sourceIndex($0 - t, count: source.height, mode: mode) }
        var out = try PixelImage(width: w, height: h, channels: channels)
        for y in 0..<h {
            for x in 0..<w {
                let src = (rows[y] * source.width + columns[x]) * channels, dst = (y * w + x) * channels
                for c in 0..<channels { out.pixels[dst + c] = source.pixels[src + c] }
            }
        }
        return out
    }

    /// Which pixel of a row of `count` fills position `i` (possibly outside `0..<count`).
    static func sourceIndex(_ i: Int, count: Int, mode: PaddingMode) -> Int {
        if i >= 0 && i < count { return i }
        switch mode {
        case .constant, .edge:
            return min(max(i, 0), count - 1)
        case .reflect:
            guard count > 1 else { return 0 }
            let period = 2 * (count - 1)
            var j = i % period
            if j < 0 { j += period }
            return j < count ? j : period - j
        case .symmetric:
            let period = 2 * count
            var j = i % period
            if j < 0 { j += period }
            return j < count ? j : period - 1 - j
        }
    }
}

extension PixelImage {
    /// The image mirrored along its main diagonal: pixel (row, column) moves to (column, row).
    public func transposed() -> PixelImage {
        var out = pixels
        for y in 0..<height {
            for x in 0..<width {
                let src = (y * width + x) * channels, dst = (x * height + y) * channels
                for c in 0..<channels { out[dst + c] = pixels[src + c] }
            }
        }
        return PixelImage(unchecked: height, width, channels, out)
    }
}
