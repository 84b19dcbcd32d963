import MiniPython
import NeuralNet
import TensorEngine

/// `torchvision._native`: the small native functions the Python `torchvision` package is
/// written over. Dataset roots go through `HostAccess.resolve`, so they must lie inside the
/// working directory.
enum VisionNative {
    static func make(_ interp: Interpreter) throws(PyError) -> PyModule {
        let module = PyModule(name: "torchvision._native")
        module["ImageSource"] = .object(ImageSourceType.type)
        addDatasets(to: module)
        addConversions(to: module)
        addImageOps(to: module)
        return module
    }

    // MARK: - Data sets

    static func addDatasets(to module: PyModule) {
        /// The CIFAR-10 binary release under `root`, or None when it is not there.
        module.addFunction("open_cifar10(root, train)") { (interp, args) throws(PyError) in
            let root = try interp.expectStr(args[0], "root")
            let train = try interp.isTrue(args[1])
            let names = train ? (1...5).map { "data_batch_\($0).bin" } : ["test_batch.bin"]
            var paths: [String] = []
            for name in names {
                guard let path = try hostFile(root + "/cifar-10-batches-bin/" + name) else { break }
                paths.append(path)
            }
            if paths.count == names.count {
                return .object(PyImageSource(try vision { () throws(VisionError) in
                    try CIFARBinary(files: try paths.map { (p) throws(VisionError) in try FileBytes.read(p) },
                                    names: names.map { "cifar-10-batches-bin/" + $0 })
                }))
            }
            guard let archive = try hostFile(root + "/cifar-10-binary.tar.gz") else { return .none }
            return .object(PyImageSource(try vision { () throws(VisionError) in
                let tar = try TarArchive(try Gzip.decompress(try FileBytes.read(archive)))
                var files: [[UInt8]] = []
                for name in names {
                    guard let bytes = tar.contents(of: "cifar-10-batches-bin/" + name) else {
                        throw VisionError.corrupt("cifar-10-binary.tar.gz has no cifar-10-batches-bin/\(name)")
                    }
                    files.append(bytes)
                }
                return try CIFARBinary(files: files, names: names.map { "cifar-10-binary.tar.gz: " + $0 })
            }))
        }
        /// The MNIST-format IDX pair (`train-…` or `t10k-…`, plain or `.gz`) in `folder`, or None.
        module.addFunction("open_idx(folder, train)") { (interp, args) throws(PyError) in
            let folder = try interp.expectStr(args[0], "folder")
            let prefix = try interp.isTrue(args[1]) ? "train" : "t10k"
            func find(_ name: String) throws(PyError) -> String? {
                if let plain = try hostFile(folder + "/" + name) { return plain }
                return try hostFile(folder + "/" + name + ".gz")
            }
            guard let images = try find("\(prefix)-images-idx3-ubyte"), let labels = try find("\(prefix)-labels-idx1-ubyte") else {
                return .none
            }
            return .object(PyImageSource(try vision { () throws(VisionError) in
                func load(_ path: String) throws(VisionError) -> IDXFile {
                    let name = String(path.split(separator: "/").last ?? "")
                    let bytes = try FileBytes.read(path)
                    return try IDXFile(path.hasSuffix(".gz") ? try Gzip.decompress(bytes) : bytes, name: name)
                }
                return try IDXImages(images: try load(images), labels: try load(labels))
            }))
        }
        /// The built-in offline stand-in for `name` ('cifar10', 'mnist' or 'fashionmnist').
        module.addFunction("stand_in(name, train)") { (interp, args) throws(PyError) in
            let train = try interp.isTrue(args[1])
            switch try interp.expectStr(args[0], "name") {
            case "cifar10": return .object(PyImageSource(StandInCIFAR(train: train)))
            case "mnist": return .object(PyImageSource(StandInDigits(train: train)))
            case "fashionmnist": return .object(PyImageSource(StandInFashion(train: train)))
            case let other: throw PyError.valueError("no stand-in for '\(other)'")
            }
        }
    }

    /// The host path of `path` when it is a regular file inside the working directory, nil
    /// when there is no such file; PermissionError for a path (or symlink) leading outside.
    static func hostFile(_ path: String) throws(PyError) -> String? {
        let resolved = try HostAccess.resolve(path)
        return FileBytes.isFile(resolved) ? resolved : nil
    }

    // MARK: - Image <-> tensor

    static func addConversions(to module: PyModule) {
        module.addFunction("to_tensor(pic)") { (_, args) throws(PyError) in
            .tensor(try engine { try picture(args[0]).floatTensor() })
        }
        module.addFunction("pil_to_tensor(pic)") { (_, args) throws(PyError) in
            .tensor(try engine { try picture(args[0]).byteTensor() })
        }
        module.addFunction("to_pil_image(pic)") { (_, args) throws(PyError) in
            let t = try args.tensor(0)
            return .image(try vision { () throws(VisionError) in try PixelImage(tensor: t) })
        }
        /// normalize(tensor, mean, std, inplace): torchvision's `F.normalize` for tensors.
        module.addFunction("normalize(tensor, mean, std, inplace=False)") { (interp, args) throws(PyError) in
            let t = try args.tensor(0)
            let mean = try numbers(args[1], interp), std = try numbers(args[2], interp)
            let inplace = try interp.isTrue(args[3])
            let out = try engine { try NeuralNet.normalizeImage(t, mean: mean, std: std, inplace: inplace) }
            return inplace ? args[0] : .tensor(out)
        }
    }

    /// The image in a PIL-image argument, or torchvision's TypeError.
    static func picture(_ v: PyValue) throws(PyError) -> PixelImage {
        guard let image = v.imageValue else {
            throw PyError.typeError("pic should be PIL Image or ndarray. Got \(classRepr(v.type))")
        }
        return image
    }

    /// `<class 'torch.Tensor'>`, as `type(x)` prints.
    static func classRepr(_ type: PyType) -> String {
        "<class '\(type.module == "builtins" ? type.qualname : type.module + "." + type.qualname)'>"
    }

    /// A number or a sequence of numbers, as doubles.
    static func numbers(_ v: PyValue, _ interp: Interpreter) throws(PyError) -> [Double] {
        switch v {
        case .int, .float, .bool: return [try interp.expectFloat(v)]
        default:
            if let t = v.tensorValue { return t.toArray(Double.self) }
            var out: [Double] = []
            for item in try interp.toArray(v) { out.append(try interp.expectFloat(item)) }
            return out
        }
    }

    // MARK: - Image operations

    static func addImageOps(to module: PyModule) {
        /// resize_tensor(img, height, width, mode, antialias): integer images are resized in
        /// float and rounded back, as torchvision does.
        module.addFunction("resize_tensor(img, height, width, mode, antialias)") { (interp, args) throws(PyError) in
            let x = try args.tensor(0)
            let h = try interp.index(args[1], "height"), w = try interp.index(args[2], "width")
            let mode = try interp.expectStr(args[3], "mode"), antialias = try interp.isTrue(args[4])
            return .tensor(try engine {
                if x.dtype == .float32 { return try NeuralNet.resizeImage(x, height: h, width: w, mode: mode, antialias: antialias) }
                let resized = try NeuralNet.resizeImage(try x.to(.float32), height: h, width: w, mode: mode, antialias: antialias)
                if x.dtype == .float64 { return try resized.to(.float64) }
                let rounded = try resized.round()
                return try (x.dtype == .uint8 ? try rounded.clamp(min: .int(0), max: .int(255)) : rounded).to(x.dtype)
            })
        }
        /// pad(img, left, top, right, bottom, mode, fill): numpy-style padding of a PIL image.
        module.addFunction("pad(img, left, top, right, bottom, mode, fill)") { (interp, args) throws(PyError) in
            let image = try picture(args[0])
            var amounts: [Int] = []
            for i in 1...4 { amounts.append(try interp.index(args[i], "padding")) }
            let modeName = try interp.expectStr(args[5], "padding_mode")
            guard let mode = PaddingMode(rawValue: modeName) else {
                throw PyError.valueError("Padding mode should be either constant, edge, reflect or symmetric")
            }
            let fill = try numbers(args[6], interp).map { UInt8(truncatingIfNeeded: Int(max(min($0, 1e9), -1e9))) }
            return .image(try vision { () throws(VisionError) in
                try image.padded(left: amounts[0], top: amounts[1], right: amounts[2], bottom: amounts[3], mode: mode, fill: fill)
            })
        }
    }
}
