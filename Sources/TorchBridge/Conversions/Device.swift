import MiniPython
import TensorEngine

/// `torch.device`: only `cpu` runs; a `cuda` device can be named but not used.
final class PyDevice: PyObject, @unchecked Sendable {
    /// `cpu`, `cuda`, `mps`...
    let kind: String
    let index: Int?

    init(kind: String, index: Int? = nil) {
        self.kind = kind
        self.index = index
        super.init(type: PyDevice.type)
    }

    /// The text of `str(device)`: `cpu`, `cuda:0`.
    var text: String { index.map { "\(kind):\($0)" } ?? kind }

    /// The shared `cpu` device object returned by `tensor.device`.
    static let cpu = PyDevice(kind: "cpu")

    /// torch.device(type, index=None) — https://pytorch.org/docs/stable/tensor_attributes.html#torch.device
    static let type: PyType = {
        let type = PyType(name: "device", module: "torch", base: .object, isBaseType: false)
        type.addStaticMethod("__new__(cls, type, index=None)") { (interp, args) throws(PyError) in
            if let d = args[1].as(PyDevice.self) { return .object(d) }
            let spec = try interp.expectStr(args[1], "device()")
            return .object(try parse(spec, index: args.isNone(2) ? nil : try interp.expectInt(args[2])))
        }
        type.addMethod("__repr__(self, /)") { (_, args) throws(PyError) in
            guard let d = args[0].as(PyDevice.self) else { return .str("device()") }
            return .str(d.index.map { "device(type='\(d.kind)', index=\($0))" } ?? "device(type='\(d.kind)')")
        }
        type.addMethod("__str__(self, /)") { (_, args) throws(PyError) in .str(args[0].as(PyDevice.self)?.text ?? "") }
        type.addMethod("__eq__(self, other, /)") { (_, args) throws(PyError) in
            guard let a = args[0].as(PyDevice.self) else { return .notImplemented }
            if case .str(let s) = args[1], let b = try? parse(s, index: nil) { return .bool(a.text == b.text) }
            guard let b = args[1].as(PyDevice.self) else { return .notImplemented }
            return .bool(a.text == b.text)
        }
        type.addMethod("__hash__(self, /)") { (interp, args) throws(PyError) in
            PyValue(try interp.hash(.str(args[0].as(PyDevice.self)?.text ?? "")))
        }
        type.addProperty("type") { (_, v) throws(PyError) in .str(v.as(PyDevice.self)?.kind ?? "cpu") }
        type.addProperty("index") { (_, v) throws(PyError) in v.as(PyDevice.self)?.index.map { PyValue($0) } ?? .none }
        return type
    }()

    /// Parses `cpu`, `cuda`, `cuda:1`, with PyTorch's error for unknown device types.
    static func parse(_ spec: String, index: Int?) throws(PyError) -> PyDevice {
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false)
        let kind = String(parts[0])
        let known = ["cpu", "cuda", "mps", "xpu", "meta", "hip"]
        guard known.contains(kind), parts.count <= 2 else {
            throw PyError.runtimeError("Expected one of cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, maia, xla, lazy, vulkan, mps, meta, hpu, mtia, privateuseone device type at start of device string: \(spec)")
        }
        var idx = index
        if parts.count == 2 {
            guard let i = Int(parts[1]) else { throw PyError.runtimeError("Invalid device string: '\(spec)'") }
            idx = i
        }
        if kind == "cpu" && idx == nil { return cpu }
        return PyDevice(kind: kind, index: idx)
    }

    /// Checks a `device=` argument (None, a string or a device): anything but the CPU raises
    /// PyTorch's error for a build without CUDA.
    static func requireCPU(_ v: PyValue) throws(PyError) {
        if v.isNone { return }
        let device: PyDevice
        if let d = v.as(PyDevice.self) {
            device = d
        } else if case .str(let s) = v {
            device = try parse(s, index: nil)
        } else if case .int = v {
            throw TorchErrors.noCUDA
        } else {
            throw PyError.typeError("device must be a torch.device or a string, not \(v.type.name)")
        }
        if device.kind == "cuda" { throw TorchErrors.noCUDA }
        if device.kind != "cpu" && device.kind != "meta" {
            throw PyError.runtimeError("PyTorch is not linked with support for \(device.kind) devices")
        }
    }
}
