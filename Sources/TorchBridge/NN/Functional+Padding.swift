import MiniPython
import TensorEngine

/// `F.pad` and `torch.constant_pad_nd`.
/// https://pytorch.org/docs/stable/generated/torch.nn.functional.pad.html
extension FunctionalModule {
    static func addPadding(to module: PyModule) {
        /// torch.nn.functional.pad(input, pad, mode='constant', value=None)
        module.addFunction("pad(input, pad, mode='constant', value=None)") { (interp, args) throws(PyError) in
            let x = try args.tensor(0)
            let pad = try IntArgs.list(args["pad"], interp, "pad", "pad")
            let name = try interp.expectStr(args["mode"], "mode")
            guard let mode = Tensor.PaddingMode(rawValue: name) else {
                throw PyError.notImplementedError("Unrecognised padding mode \(name)")
            }
            let value = args["value"].isNone ? nil : try args.double("value", interp)
            return .tensor(try engine { try x.pad(pad, mode: mode, value: value) })
        }
    }

    /// `torch.constant_pad_nd(input, pad, value=0)`.
    static let paddingTorchOps: [TorchOp] = [
        .function("constant_pad_nd", signature: "input, pad, value=0") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), pad = try args.ints("pad", interp), value = try args.scalar("value")
            return .tensor(try engine { try x.constantPad(pad, value: value) })
        },
    ]
}
