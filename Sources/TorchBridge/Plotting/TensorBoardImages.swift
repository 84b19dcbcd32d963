import Charts
import MiniPython

/// Image tensors as `SummaryWriter.add_image(s)` takes them: `dataformats` names the axes
/// (`CHW`, `HWC`, `HW`, `NCHW`, `NHWC`); floats run 0...1, integers 0...255; one channel is
/// drawn in grey.
enum TensorBoardImages {
    static func image(_ value: PyValue, formats: String, _ interp: Interpreter) throws(PyError) -> Image {
        let data = try PlotArray.from(value, interp, detaching: true)
        let (images, height, width, channels) = try layout(data, formats: formats, batched: false)
        return Image(width: width, height: height, channels: channels, pixels: images[0], colormap: .gray,
                     low: 0, high: data.isIntegral ? 255 : 1, rgbScale: data.isIntegral ? 255 : 1)
    }

    /// A batch tiled into a grid (as torchvision's `make_grid`: 8 per row, 2-pixel gaps).
    static func grid(_ value: PyValue, formats: String, _ interp: Interpreter) throws(PyError) -> (Image, Int) {
        let data = try PlotArray.from(value, interp, detaching: true)
        let (images, height, width, channels) = try layout(data, formats: formats, batched: true)
        let perRow = min(8, max(1, images.count)), gap = 2
        let rows = (images.count + perRow - 1) / perRow
        let gridWidth = perRow * (width + gap) + gap, gridHeight = rows * (height + gap) + gap
        guard gridWidth.multipliedReportingOverflow(by: gridHeight * channels).overflow == false,
              gridWidth * gridHeight * channels <= 64 << 20 else {
            throw PyError.valueError("images are too large to draw (\(images.count) of \(height)x\(width))")
        }
        var pixels = Array(repeating: 0.0, count: gridWidth * gridHeight * channels)
        for (n, image) in images.enumerated() {
            let top = gap + (n / perRow) * (height + gap), left = gap + (n % perRow) * (width + gap)
            for y in 0..<height {
                for x in 0..<width {
                    for c in 0..<channels {
                        pixels[((top + y) * gridWidth + left + x) * channels + c] = image[(y * width + x) * channels + c]
                    }
                }
            }
        }
        let scale = data.isIntegral ? 255.0 : 1.0
        return (Image(width: gridWidth, height: gridHeight, channels: channels, pixels: pixels, colormap: .gray,
                      low: 0, high: scale, rgbScale: scale), images.count)
    }

    /// The images as HWC pixel arrays, with their height, width and channel count.
    private static func layout(_ data: PlotArray, formats: String, batched: Bool) throws(PyError) -> ([[Double]], Int, Int, Int) {
        let format = formats.uppercased()
        guard Set(format).count == format.count, format.allSatisfy({ "NCHW".contains($0) }),
              format.contains("H"), format.contains("W") else {
            throw PyError.valueError("dataformats must be a permutation of letters from 'NCHW' with H and W, not '\(formats)'")
        }
        guard data.shape.count == format.count else {
            throw PyError.valueError("size of input tensor and input format are different. tensor shape: "
                + "(\(data.shape.map(String.init).joined(separator: ", "))), input_format: \(formats)")
        }
        func size(_ axis: Character) -> Int { format.firstIndex(of: axis).map { data.shape[format.distance(from: format.startIndex, to: $0)] } ?? 1 }
        let (count, channels, height, width) = (size("N"), size("C"), size("H"), size("W"))
        guard [1, 3, 4].contains(channels) else {
            throw PyError.valueError("images must have 1, 3 or 4 channels, not \(channels)")
        }
        guard count > 0, height > 0, width > 0 else { throw PyError.valueError("cannot draw an empty image") }
        let strides: [Character: Int] = {
            var strides: [Character: Int] = [:]
            var step = 1
            for (i, axis) in format.enumerated().reversed() {
                strides[axis] = step
                step *= data.shape[i]
            }
            return strides
        }()
        let drawn = min(count, 64)
        let kept = min(channels, 3)
        var images: [[Double]] = []
        for n in 0..<drawn {
            var pixels = Array(repeating: 0.0, count: height * width * kept)
            for y in 0..<height {
                for x in 0..<width {
                    for c in 0..<kept {
                        let source = n * (strides["N"] ?? 0) + c * (strides["C"] ?? 0) + y * (strides["H"] ?? 0) + x * (strides["W"] ?? 0)
                        pixels[(y * width + x) * kept + c] = source < data.values.count ? data.values[source] : 0
                    }
                }
            }
            images.append(pixels)
        }
        return (images, height, width, kept)
    }
}
