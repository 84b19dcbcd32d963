import MiniPython
import NeuralNet

/// A `PIL.Image.Image` as a Python object: a box around a ``PixelImage``.
///
/// torchvision's datasets hand out PIL images and its transforms accept them. The tutor has no
/// Pillow, so this is the small part of it that torchvision needs, with Pillow's names, reprs
/// and errors: `mode`, `size`, `width`, `height`, `getbands`, `convert`, `resize`, `transpose`,
/// `crop`, `copy`, `getpixel`.
final class PyImage: PyObject, @unchecked Sendable {
    let image: PixelImage

    init(_ image: PixelImage) {
        self.image = image
        super.init(type: PILImage.type)
    }
}

extension PyValue {
    /// A new `PIL.Image.Image`.
    static func image(_ image: PixelImage) -> PyValue { .object(PyImage(image)) }

    /// The pixels, if this value is a `PIL.Image.Image`.
    var imageValue: PixelImage? { (object as? PyImage)?.image }
}

/// The `PIL.Image.Image` type and the `PIL.Image` module.
enum PILImage {
    /// Pillow's version as the tutor reports it.
    static let version = "13.0.0"

    /// Pillow's transpose methods (`Image.Transpose`).
    static let transposeNames = ["FLIP_LEFT_RIGHT", "FLIP_TOP_BOTTOM", "ROTATE_90", "ROTATE_180",
                                 "ROTATE_270", "TRANSPOSE", "TRANSVERSE"]
    /// Pillow's resampling filters (`Image.Resampling`), by number.
    static let resamplingNames: [(String, Int)] = [("NEAREST", 0), ("LANCZOS", 1), ("BILINEAR", 2),
                                                   ("BICUBIC", 3), ("BOX", 4), ("HAMMING", 5)]

    static let type: PyType = {
        let type = PyType(name: "Image", module: "PIL.Image", base: .object, isBaseType: false)
        type.addProperty("mode") { (_, v) throws(PyError) in .str(try pixels(v).mode) }
        type.addProperty("size") { (_, v) throws(PyError) in
            let image = try pixels(v)
            return .tuple([PyValue(image.width), PyValue(image.height)])
        }
        type.addProperty("width") { (_, v) throws(PyError) in PyValue(try pixels(v).width) }
        type.addProperty("height") { (_, v) throws(PyError) in PyValue(try pixels(v).height) }
        type.addProperty("format") { (_, _) throws(PyError) in .none }
        type.addMethod("getbands(self)") { (_, args) throws(PyError) in
            try pixels(args[0]).channels == 1 ? .tuple([.str("L")]) : .tuple([.str("R"), .str("G"), .str("B")])
        }
        type.addMethod("__repr__(self, /)") { (_, args) throws(PyError) in
            let image = try pixels(args[0])
            let address = "0x" + (args[0].object?.addressString.dropFirst(2).uppercased() ?? "")
            return .str("<PIL.Image.Image image mode=\(image.mode) size=\(image.width)x\(image.height) at \(address)>")
        }
        type.addMethod("__eq__(self, other, /)") { (_, args) throws(PyError) in
            guard let other = args[1].imageValue else { return .bool(false) }
            return .bool(try pixels(args[0]) == other)
        }
        type.addMethod("copy(self)") { (_, args) throws(PyError) in .image(try pixels(args[0])) }
        type.addMethod("convert(self, mode=None, matrix=None, dither=None, palette=0, colors=256)") { (interp, args) throws(PyError) in
            let image = try pixels(args[0])
            if args[1].isNone { return .image(image) }
            let mode = try interp.expectStr(args[1], "mode")
            guard let channels = ["L": 1, "RGB": 3][mode] else {
                if ["1", "P", "RGBA", "CMYK", "YCbCr", "LAB", "HSV", "I", "F", "LA", "RGBX"].contains(mode) {
                    throw TorchErrors.notInTutor("PIL images of mode '\(mode)'")
                }
                throw PyError.valueError("image has wrong mode")
            }
            return .image(try vision { () throws(VisionError) in try image.converted(channels: channels) })
        }
        type.addMethod("resize(self, size, resample=None, box=None, reducing_gap=None)") { (interp, args) throws(PyError) in
            let image = try pixels(args[0])
            let size = try interp.toArray(args[1])
            guard size.count == 2 else { throw PyError.valueError("size must be a list or tuple of two integers") }
            let w = try interp.index(size[0], "size"), h = try interp.index(size[1], "size")
            guard args[3].isNone, args[4].isNone else { throw TorchErrors.notInTutor("Image.resize with box or reducing_gap") }
            let filter = try resampling(args[2], interp, default: .bicubic)
            return .image(try vision { () throws(VisionError) in try image.resized(width: w, height: h, filter: filter) })
        }
        type.addMethod("transpose(self, method)") { (interp, args) throws(PyError) in
            let image = try pixels(args[0])
            let method = try interp.index(args[1], "method")
            guard method >= 0 && method < transposeNames.count else { throw PyError.valueError("No such transpose operation") }
            return .image(transposed(image, method))
        }
        type.addMethod("crop(self, box=None)") { (interp, args) throws(PyError) in
            let image = try pixels(args[0])
            if args[1].isNone { return .image(image) }
            let box = try interp.toArray(args[1])
            guard box.count == 4 else { throw PyError.valueError("crop box must have 4 coordinates") }
            var c: [Int] = []
            for v in box {
                switch v {
                case .float(let d):
                    guard d.isFinite, abs(d) < 1e15 else { throw PyError.valueError("crop box coordinates must be finite") }
                    c.append(Int(d.rounded(.toNearestOrEven)))
                default: c.append(try interp.index(v, "box"))
                }
            }
            return .image(try vision { () throws(VisionError) in try image.cropped(left: c[0], top: c[1], right: c[2], bottom: c[3]) })
        }
        type.addMethod("getpixel(self, xy)") { (interp, args) throws(PyError) in
            let image = try pixels(args[0])
            let xy = try interp.toArray(args[1])
            guard xy.count == 2 else { throw PyError.typeError("argument must be sequence of length 2") }
            var x = try interp.index(xy[0], "x"), y = try interp.index(xy[1], "y")
            if x < 0 { x += image.width }
            if y < 0 { y += image.height }
            guard x >= 0, x < image.width, y >= 0, y < image.height else { throw PyError.indexError("image index out of range") }
            if image.channels == 1 { return PyValue(Int(image[y, x, 0])) }
            return .tuple((0..<3).map { PyValue(Int(image[y, x, $0])) })
        }
        for name in ["save", "show", "rotate", "filter", "paste", "putpixel", "tobytes", "split", "histogram"] {
            type.addRawMethod(name) { (_, _) throws(PyError) in throw TorchErrors.notInTutor("Image.\(name)") }
        }
        return type
    }()

    private static func pixels(_ v: PyValue) throws(PyError) -> PixelImage {
        guard let image = v.imageValue else {
            throw PyError.typeError("descriptor requires a 'PIL.Image.Image' object but received a '\(v.type.name)'")
        }
        return image
    }

    /// A `resample=` argument (a Pillow filter number), or `fallback` for None.
    static func resampling(_ v: PyValue, _ interp: Interpreter, default fallback: ResamplingFilter) throws(PyError) -> ResamplingFilter {
        if v.isNone { return fallback }
        let n = try interp.index(v, "resample")
        guard let filter = ResamplingFilter(rawValue: n) else {
            throw PyError.valueError("Unknown resampling filter (\(n)). Use Image.Resampling.NEAREST (0), Image.Resampling.LANCZOS (1), Image.Resampling.BILINEAR (2), Image.Resampling.BICUBIC (3), Image.Resampling.BOX (4) or Image.Resampling.HAMMING (5)")
        }
        return filter
    }

    /// Pillow's `transpose(method)` for method numbers 0...6.
    static func transposed(_ image: PixelImage, _ method: Int) -> PixelImage {
        switch method {
        case 0: return image.flippedHorizontally()
        case 1: return image.flippedVertically()
        case 2: return image.transposed().flippedVertically()
        case 3: return image.flippedHorizontally().flippedVertically()
        case 4: return image.transposed().flippedHorizontally()
        case 5: return image.transposed()
        default: return image.transposed().flippedHorizontally().flippedVertically()
        }
    }

    // MARK: - The PIL.Image module

    static func makeModule(_ interp: Interpreter) throws(PyError) -> PyModule {
        let module = PyModule(name: "PIL.Image")
        module["Image"] = .object(type)
        for (i, name) in transposeNames.enumerated() { module[name] = PyValue(i) }
        for (name, n) in resamplingNames { module[name] = PyValue(n) }
        module["ANTIALIAS"] = PyValue(1)
        let transpose = PyModule(name: "PIL.Image.Transpose")
        for (i, name) in transposeNames.enumerated() { transpose[name] = PyValue(i) }
        module["Transpose"] = .object(transpose)
        let resampling = PyModule(name: "PIL.Image.Resampling")
        for (name, n) in resamplingNames { resampling[name] = PyValue(n) }
        module["Resampling"] = .object(resampling)
        /// PIL.Image.new(mode, size, color=0)
        module.addFunction("new(mode, size, color=0)") { (interp, args) throws(PyError) in
            let mode = try interp.expectStr(args[0], "mode")
            guard let channels = ["L": 1, "RGB": 3][mode] else {
                throw PyError.valueError("unrecognized image mode")
            }
            let size = try interp.toArray(args[1])
            guard size.count == 2 else { throw PyError.typeError("size must be a tuple of two integers") }
            let w = try interp.index(size[0], "size"), h = try interp.index(size[1], "size")
            guard w >= 0, h >= 0 else { throw PyError.valueError("Width and height must be >= 0") }
            let fill = try colour(args[2], channels: channels, interp)
            return .image(try vision { () throws(VisionError) in try PixelImage(width: w, height: h, channels: channels, fill: fill) })
        }
        for name in ["open", "fromarray", "frombytes"] {
            module.addRawFunction(name) { (_, _) throws(PyError) in
                throw TorchErrors.notInTutor("PIL.Image.\(name)")
            }
        }
        return module
    }

    /// A Pillow colour: an int (the first channel), a tuple, or a few names.
    private static func colour(_ v: PyValue, channels: Int, _ interp: Interpreter) throws(PyError) -> [UInt8] {
        func byte(_ v: PyValue) throws(PyError) -> UInt8 {
            let n: Int
            if case .float(let d) = v { n = Int(max(min(d.rounded(.down), 255), 0)) } else { n = try interp.index(v, "color") }
            return UInt8(max(min(n, 255), 0))
        }
        switch v {
        case .str(let name):
            let named: [String: [UInt8]] = ["black": [0, 0, 0], "white": [255, 255, 255], "red": [255, 0, 0],
                                            "green": [0, 128, 0], "blue": [0, 0, 255], "gray": [128, 128, 128],
                                            "grey": [128, 128, 128], "yellow": [255, 255, 0]]
            guard let rgb = named[name.lowercased()] else { throw PyError.valueError("unknown color specifier: '\(name)'") }
            if channels == 3 { return rgb }
            let r = UInt32(rgb[0]), g = UInt32(rgb[1]), b = UInt32(rgb[2])
            return [UInt8((r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16)]
        case .int, .float, .bool:
            return [try byte(v)]
        default:
            var out: [UInt8] = []
            for item in try interp.toArray(v) { out.append(try byte(item)) }
            return out
        }
    }
}
