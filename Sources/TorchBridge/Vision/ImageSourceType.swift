import MiniPython
import NeuralNet
import TensorEngine

/// A data set's images and labels as a Python object (`torchvision._native.ImageSource`),
/// behind the Python dataset classes: the real files or a stand-in, served by index.
final class PyImageSource: PyObject, @unchecked Sendable {
    let source: any LabeledImages

    init(_ source: any LabeledImages) {
        self.source = source
        super.init(type: ImageSourceType.type)
    }
}

enum ImageSourceType {
    static let type: PyType = {
        let type = PyType(name: "ImageSource", module: "torchvision._native", base: .object, isBaseType: false)
        type.addMethod("__len__(self, /)") { (_, args) throws(PyError) in PyValue(try source(args[0]).count) }
        /// The PIL image of sample `index` (negative counts from the end, like numpy's indexing).
        type.addMethod("image(self, index)") { (interp, args) throws(PyError) in
            let images = try source(args[0])
            let i = try position(args[1], images.count, interp)
            return .image(images.image(at: i))
        }
        /// The label of sample `index`.
        type.addMethod("label(self, index)") { (interp, args) throws(PyError) in
            let images = try source(args[0])
            return PyValue(images.label(at: try position(args[1], images.count, interp)))
        }
        /// Every label as a list of ints.
        type.addMethod("labels(self)") { (_, args) throws(PyError) in
            .list(try source(args[0]).labels.map { PyValue($0) })
        }
        /// All images as one uint8 tensor `[N, H, W, C]` (`[N, H, W]` for grey images).
        type.addMethod("pixels(self)") { (_, args) throws(PyError) in
            let (bytes, shape) = try source(args[0]).stackedPixels()
            return .tensor(try engine { try Tensor.from(bytes, shape: shape) })
        }
        return type
    }()

    private static func source(_ v: PyValue) throws(PyError) -> any LabeledImages {
        guard let s = v.as(PyImageSource.self) else { throw PyError.typeError("expected an ImageSource") }
        return s.source
    }

    /// `index` as a position in `0..<count`, with numpy's IndexError for axis 0.
    private static func position(_ v: PyValue, _ count: Int, _ interp: Interpreter) throws(PyError) -> Int {
        let i = try interp.index(v, "index")
        guard i >= -count && i < count else {
            throw PyError.indexError("index \(i) is out of bounds for axis 0 with size \(count)")
        }
        return i < 0 ? i + count : i
    }
}
