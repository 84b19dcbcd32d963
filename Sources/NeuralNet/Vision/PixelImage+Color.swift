extension PixelImage {
    /// The image in mode "L" (grey) or "RGB", converted as PIL's `convert` does: grey is
    /// `(19595 R + 38470 G + 7471 B + 2^15) >> 16` (ITU-R 601-2 luma in 16-bit fixed point),
    /// and grey to RGB copies the value into all three channels.
    public func converted(channels target: Int) throws(VisionError) -> PixelImage {
        guard target == 1 || target == 3 else { throw .value("images have 1 or 3 channels, not \(target)") }
        if target == channels { return self }
        let n = width * height
        var out = [UInt8](repeating: 0, count: n * target)
        if target == 1 {
            for i in 0..<n {
                let r = UInt32(pixels[3 * i]), g = UInt32(pixels[3 * i + 1]), b = UInt32(pixels[3 * i + 2])
                out[i] = UInt8((r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16)
            }
        } else {
            for i in 0..<n {
                let v = pixels[i]
                out[3 * i] = v
                out[3 * i + 1] = v
                out[3 * i + 2] = v
            }
        }
        return PixelImage(unchecked: width, height, target, out)
    }
}
