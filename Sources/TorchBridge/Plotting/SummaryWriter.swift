import Charts
import MiniPython
import Synchronization
import TensorEngine

/// `torch.utils.tensorboard.SummaryWriter` without event files: what it logs goes to the
/// interpreter's ``PlotDisplay``. In the tutor `add_scalar` feeds a live chart and images and
/// histograms are drawn as they arrive; without a display sink (`pytorch-tutor run`) the writer
/// collects everything and prints a summary at `close()`.
final class PySummaryWriter: PyObject, @unchecked Sendable {
    /// Tells writers apart in display events (one live chart each).
    let id: Int
    let logDir: String
    var board = ScalarBoard()
    /// One line per image or histogram logged (for the summary).
    var notes: [String] = []
    var closed = false

    private static let counter = Atomic<Int>(0)

    init(logDir: String) {
        id = PySummaryWriter.counter.add(1, ordering: .relaxed).newValue
        self.logDir = logDir
        super.init(type: TensorBoard.writerType)
    }
}

enum TensorBoard {
    static func make(_ interp: Interpreter) throws(PyError) -> PyModule {
        let module = PyModule(name: "torch.utils.tensorboard")
        module["SummaryWriter"] = .object(writerType)
        return module
    }

    static let writerType: PyType = {
        let type = PyType(name: "SummaryWriter", module: "torch.utils.tensorboard.writer", base: .object, isBaseType: false)
        type.addMethod("__init__(self, *args, **kwargs)") { (_, _) throws(PyError) in .none }
        /// SummaryWriter(log_dir=None, comment='', purge_step=None, max_queue=10, flush_secs=120, filename_suffix='')
        type.addStaticMethod("__new__(cls, log_dir=None, comment='', purge_step=None, max_queue=10, flush_secs=120, filename_suffix='')") {
            (interp, args) throws(PyError) in
            let dir = args["log_dir"].isNone ? "runs" : try interp.str(args["log_dir"])
            return .object(PySummaryWriter(logDir: dir + (try interp.str(args["comment"]))))
        }
        type.addProperty("log_dir") { (_, v) throws(PyError) in .str(try writer(v).logDir) }
        type.addMethod("get_logdir(self)") { (_, args) throws(PyError) in .str(try writer(args[0]).logDir) }
        /// add_scalar(tag, scalar_value, global_step=None, walltime=None, new_style=False, double_precision=False)
        type.addMethod("add_scalar(self, tag, scalar_value, global_step=None, walltime=None, new_style=False, double_precision=False)") {
            (interp, args) throws(PyError) in
            let w = try writer(args[0])
            try log(w, tag: try interp.expectStr(args["tag"], "tag"), args["scalar_value"], args["global_step"], interp)
            return .none
        }
        /// add_scalars(main_tag, tag_scalar_dict, global_step=None, walltime=None): tags `main_tag/key`.
        type.addMethod("add_scalars(self, main_tag, tag_scalar_dict, global_step=None, walltime=None)") { (interp, args) throws(PyError) in
            let w = try writer(args[0])
            let main = try interp.expectStr(args["main_tag"], "main_tag")
            for key in try interp.toArray(args["tag_scalar_dict"]) {
                let value = try interp.getItem(args["tag_scalar_dict"], key)
                try log(w, tag: main + "/" + (try interp.str(key)), value, args["global_step"], interp)
            }
            return .none
        }
        /// add_image(tag, img_tensor, global_step=None, walltime=None, dataformats='CHW')
        type.addMethod("add_image(self, tag, img_tensor, global_step=None, walltime=None, dataformats='CHW')") { (interp, args) throws(PyError) in
            let w = try writer(args[0])
            let image = try TensorBoardImages.image(args["img_tensor"], formats: try interp.expectStr(args["dataformats"], "dataformats"), interp)
            try show(w, tag: args["tag"], step: args["global_step"], kind: "image", detail: "\(image.height)x\(image.width)",
                     axes: { $0.image = image }, interp)
            return .none
        }
        /// add_images(tag, img_tensor, global_step=None, walltime=None, dataformats='NCHW'): a grid of images.
        type.addMethod("add_images(self, tag, img_tensor, global_step=None, walltime=None, dataformats='NCHW')") { (interp, args) throws(PyError) in
            let w = try writer(args[0])
            let (image, count) = try TensorBoardImages.grid(args["img_tensor"], formats: try interp.expectStr(args["dataformats"], "dataformats"), interp)
            try show(w, tag: args["tag"], step: args["global_step"], kind: "images", detail: "\(count) images",
                     axes: { $0.image = image }, interp)
            return .none
        }
        /// add_histogram(tag, values, global_step=None, bins='tensorflow', walltime=None, max_bins=None)
        type.addMethod("add_histogram(self, tag, values, global_step=None, bins='tensorflow', walltime=None, max_bins=None)") { (interp, args) throws(PyError) in
            let w = try writer(args[0])
            let values = try PlotArray.from(args["values"], interp, detaching: true).values
            let edges = try Histogram.bins(.int(30), .none, values: values, interp)
            let counts = Histogram.counts(values, edges: edges)
            let centres = (0..<counts.count).map { (edges[$0] + edges[$0 + 1]) / 2 }
            let width = edges.count > 1 ? edges[1] - edges[0] : 1
            try show(w, tag: args["tag"], step: args["global_step"], kind: "histogram", detail: "\(values.count) values",
                     axes: { $0.series = [Series(kind: .bars(width: width), xs: centres, ys: counts, color: RGB.cycled(0))] }, interp)
            return .none
        }
        /// Graphs, text, hyperparameters and embeddings have no terminal view; accepted.
        for name in ["add_graph", "add_text", "add_hparams", "add_embedding", "add_figure", "add_pr_curve"] {
            type.addMethod("\(name)(self, *args, **kwargs)") { (_, _) throws(PyError) in .none }
        }
        type.addMethod("flush(self)") { (_, _) throws(PyError) in .none }
        type.addMethod("close(self)") { (interp, args) throws(PyError) in
            close(try writer(args[0]), interp)
            return .none
        }
        type.addMethod("__enter__(self)") { (_, args) throws(PyError) in args[0] }
        type.addMethod("__exit__(self, exc_type, exc_value, traceback)") { (interp, args) throws(PyError) in
            close(try writer(args[0]), interp)
            return .bool(false)
        }
        type.addMethod("__repr__(self, /)") { (_, args) throws(PyError) in
            .str("<torch.utils.tensorboard.writer.SummaryWriter object at \(args[0].object?.addressString ?? "")>")
        }
        return type
    }()

    private static func writer(_ v: PyValue) throws(PyError) -> PySummaryWriter {
        guard let w = v.object as? PySummaryWriter else { throw PyError.typeError("descriptor requires a 'SummaryWriter' object") }
        return w
    }

    private static func log(_ w: PySummaryWriter, tag: String, _ value: PyValue, _ step: PyValue, _ interp: Interpreter) throws(PyError) {
        let number: Double
        if let tensor = value.tensorValue {
            guard tensor.numel == 1 else {
                throw PyError.valueError("only one element tensors can be converted to Python scalars")
            }
            number = try engine { () throws(TensorError) in try tensor.item() }.doubleValue
        } else {
            number = try interp.expectFloat(value)
        }
        let index = w.board.tags.first { $0.name == tag }?.points.count ?? 0
        let at = step.isNone ? Double(index) : try interp.expectFloat(step, "global_step")
        w.board.add(tag: tag, step: at, value: number)
        PlotDisplay.of(interp).sink?(.scalar(writer: w.id, tag: tag, step: at, value: number))
    }

    /// Draws an image or histogram at once in the tutor; notes it for the summary otherwise.
    private static func show(_ w: PySummaryWriter, tag: PyValue, step: PyValue, kind: String, detail: String,
                             axes edit: (inout Axes) -> Void, _ interp: Interpreter) throws(PyError) {
        let name = try interp.str(tag)
        let stepText = step.isNone ? "" : " (step \(try interp.str(step)))"
        let display = PlotDisplay.of(interp)
        guard let sink = display.sink else {
            w.notes.append("\(kind) \(name)\(stepText): \(detail)")
            return
        }
        var figure = Figure(width: 6.4, height: 4.8)
        figure.axes[0].title = name + stepText
        edit(&figure.axes[0])
        sink(.figure(figure))
    }

    private static func close(_ w: PySummaryWriter, _ interp: Interpreter) {
        guard !w.closed else { return }
        w.closed = true
        let display = PlotDisplay.of(interp)
        guard display.sink == nil, w.board.count > 0 || !w.notes.isEmpty else { return }
        var text = "SummaryWriter \(w.logDir):\n"
        text += w.board.summary(tier: display.tier).split(separator: "\n").map { "  \($0)\n" }.joined()
        text += w.notes.map { "  \($0)\n" }.joined()
        interp.writeStdout(text)
    }
}
