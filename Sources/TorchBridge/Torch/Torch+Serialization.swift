import MiniPython
import NeuralNet
import TensorEngine

/// `torch.save` and `torch.load` over PyTorch's own `.pt` format (``TorchFile`` in
/// NeuralNet), for file paths inside the working directory (``HostAccess``) and for
/// file-like objects such as `io.BytesIO` (whose archives PyTorch names `archive`); `torch.load`
/// also reads the weights bundled in the binary, by the paths `tutor_datasets.pretrained_path` gives.
enum SerializationOps {
    static func add(to module: PyModule) {
        /// torch.save(obj, f, pickle_module=pickle, pickle_protocol=2, _use_new_zipfile_serialization=True, _disable_byteorder_record=False)
        /// https://pytorch.org/docs/stable/generated/torch.save.html
        /// The tutor always pickles with its own protocol 2 pickler, whatever `pickle_module` is.
        module.addFunction("save(obj, f, pickle_module=None, pickle_protocol=2, _use_new_zipfile_serialization=True, _disable_byteorder_record=False)") { (interp, args) throws(PyError) in
            guard try interp.isTrue(args["_use_new_zipfile_serialization"]) else {
                throw TorchErrors.notInTutor("torch.save with _use_new_zipfile_serialization=False (the legacy format)")
            }
            guard try interp.expectInt(args["pickle_protocol"]) == 2 else {
                throw TorchErrors.notInTutor("torch.save with a pickle_protocol other than 2")
            }
            let target = args["f"]
            var path: (resolved: String, shown: String)?
            let archiveName: String
            if case .str(let shown) = target {
                path = (try HostAccess.resolve(shown), shown)
                guard let name = TorchFile.archiveName(forPath: shown) else {
                    throw PyError.runtimeError("invalid file name: \(shown)")
                }
                archiveName = name
            } else {
                guard target.as(PyBytesIO.self) != nil || target.type.lookup("write") != nil else {
                    throw PyError.attributeError("expected 'f' to be string, path, or a file-like object with a 'write' attribute")
                }
                archiveName = "archive"
            }
            let value = try SavedValue.torchValue(args["obj"], interp)
            let byteOrderRecord = !(try interp.isTrue(args["_disable_byteorder_record"]))
            let bytes = try converting { () throws(SerializationError) in
                try TorchFile.save(value, archiveName: archiveName, byteOrderRecord: byteOrderRecord)
            }
            if let path {
                try HostFile.create(path.resolved, with: bytes, shownAs: path.shown)
            } else if let stream = target.as(PyBytesIO.self) {
                try stream.write(bytes)
            } else {
                _ = try interp.callMethod(target, "write", Arguments([.object(PyBytes(bytes))]))
            }
            return .none
        }

        /// torch.load(f, map_location=None, pickle_module=None, *, weights_only=True, mmap=None, **pickle_load_args)
        /// https://pytorch.org/docs/stable/generated/torch.load.html
        /// `mmap` is accepted and the file read whole; `pickle_load_args` (the `encoding` of
        /// Python 2 pickles) do not apply to the files the tutor reads.
        module.addFunction("load(f, map_location=None, pickle_module=None, *, weights_only=None, mmap=None, **pickle_load_args)") { (interp, args) throws(PyError) in
            var weightsOnly = args["pickle_module"].isNone
            if !args["weights_only"].isNone {
                weightsOnly = try interp.isTrue(args["weights_only"])
                if weightsOnly && !args["pickle_module"].isNone {
                    throw PyError.runtimeError("Can not safely load weights when explicit pickle_module is specified")
                }
            }
            let options = TorchFile.LoadOptions(weightsOnly: weightsOnly, mapLocation: try locationMap(args["map_location"], interp))
            let bytes = try contents(of: args["f"], interp)
            let value = try converting { () throws(SerializationError) in try TorchFile.load(bytes, options: options) }
            var tensors: [ObjectIdentifier: PyValue] = [:]
            return try SavedValue.python(value, interp, &tensors)
        }
    }

    /// The bytes `torch.load` reads: a whole file, or the rest of a file-like object from its
    /// position on (which then stands at its end).
    static func contents(of source: PyValue, _ interp: Interpreter) throws(PyError) -> [UInt8] {
        if case .str(let path) = source {
            if let bundled = try TutorDatasets.bundledBytes(atPath: path) { return bundled }
            return try HostFile.contents(of: try HostAccess.resolve(path), shownAs: path)
        }
        if let stream = source.as(PyBytesIO.self) { return try stream.read() }
        guard source.type.lookup("seek") != nil, source.type.lookup("read") != nil else {
            throw PyError.attributeError("'\(source.type.name)' object has no attribute 'seek'. You can only torch.load from a file that is seekable. Please pre-load the data into a buffer like io.BytesIO and try to load from it instead.")
        }
        let data = try interp.callMethod(source, "read", Arguments())
        guard let bytes = data.as(PyBytes.self) else {
            throw PyError.typeError("a bytes-like object is required, not '\(data.type.name)'")
        }
        return bytes.bytes
    }

    /// `map_location`: None, a device or device string, a dict of locations, or a function.
    static func locationMap(_ v: PyValue, _ interp: Interpreter) throws(PyError) -> TorchFile.LocationMap {
        func location(_ v: PyValue) throws(PyError) -> String {
            if let device = v.as(PyDevice.self) { return device.text }
            return try interp.expectStr(v, "map_location")
        }
        switch v {
        case .none: return .saved
        case .str(let s): return .device(try PyDevice.parse(s, index: nil).text)
        case .object(let o):
            if let device = o as? PyDevice { return .device(device.text) }
            if let dict = o as? PyDict {
                var table: [String: String] = [:]
                for (key, value) in dict.items { table[try location(key)] = try location(value) }
                return .table(table)
            }
            if o is PyFunction || o is PyBuiltinFunction || o is PyMethod || o.type.lookup("__call__") != nil {
                return .function
            }
        default: break
        }
        throw PyError.typeError("'\(v.type.name)' object is not callable")
    }

    /// `_pickle.PickleError`, the base of `UnpicklingError`.
    static let pickleError = PyType(name: "PickleError", module: "_pickle", base: .exception)

    /// `_pickle.UnpicklingError` (`pickle.UnpicklingError`), which `torch.load` raises for
    /// bad pickle data and for globals `weights_only` refuses.
    static let unpicklingError: PyType = {
        let type = PyType(name: "UnpicklingError", module: "_pickle", base: pickleError)
        PyType.registerExceptionType(type)
        return type
    }()

    /// Runs NeuralNet serialization code, turning its errors into Python exceptions.
    static func converting<T>(_ body: () throws(SerializationError) -> T) throws(PyError) -> T {
        do {
            return try body()
        } catch {
            switch error {
            case .runtime(let m): throw PyError.runtimeError(m)
            case .unpickling(let m): throw PyError(type: unpicklingError, message: m)
            case .endOfFile(let m): throw PyError(type: .eofError, message: m)
            case .value(let m): throw PyError.valueError(m)
            case .notImplemented(let m): throw PyError.notImplementedError(m)
            case .engine(let e): throw PyError(e)
            }
        }
    }
}
