import Charts
import MiniPython

/// Where one interpreter's figures and logged scalars go, set by the host
/// (``TorchBridge/setDisplay(_:tier:columns:sink:)``).
///
/// With a sink (the tutor), every ``DisplayEvent`` goes to it. Without one (`pytorch-tutor
/// run`, tests), figures are drawn as text to the interpreter's stdout when shown, and a
/// `SummaryWriter` prints a summary when it closes.
final class PlotDisplay: PyObject, @unchecked Sendable {
    var tier = ColorTier.plain
    var columns = 80
    var sink: ((DisplayEvent) -> Void)?
    /// Whether the program imported `matplotlib.pyplot` (only then can figures be open).
    var pyplotImported = false

    static let moduleName = "_pytorch_tutor_display"
    static let type = PyType(name: "PlotDisplay", module: moduleName, base: .object, isBaseType: false)

    init() { super.init(type: PlotDisplay.type) }

    static func register(_ interp: Interpreter) {
        interp.registerModule(moduleName) { (_) throws(PyError) in
            let module = PyModule(name: moduleName)
            module["display"] = .object(PlotDisplay())
            return module
        }
    }

    /// `interp`'s display settings.
    static func of(_ interp: Interpreter) -> PlotDisplay {
        if let module = try? interp.importModule(moduleName), let display = module["display"]?.as(PlotDisplay.self) {
            return display
        }
        return PlotDisplay()
    }

    /// Hands a finished figure to the host, or draws it to stdout.
    func show(_ figure: Figure, _ interp: Interpreter) {
        if let sink {
            sink(.figure(figure))
        } else {
            // Wider than 100 columns a chart only stretches; it stays readable at that width.
            let block = FigureRenderer.render(figure, columns: min(columns, 100), tier: tier)
            interp.writeStdout(ANSIWriter.render(block, tier: tier))
        }
    }
}

extension TorchBridge {
    /// Sets how `interp` shows plots: the colour tier and width of text output, and an
    /// optional sink that receives every figure and logged scalar instead (the tutor's output
    /// pane). Call after ``install(into:)``.
    public static func setDisplay(_ interp: Interpreter, tier: ColorTier, columns: Int = 80,
                                  sink: ((DisplayEvent) -> Void)? = nil) {
        let display = PlotDisplay.of(interp)
        display.tier = tier
        display.columns = max(0, columns)
        display.sink = sink
    }

    /// Shows the figures `interp`'s pyplot still has open, as a notebook does at the end of a
    /// cell (the tutor calls it after each step; scripts need `plt.show()`, as in Python).
    public static func showOpenFigures(_ interp: Interpreter) {
        guard PlotDisplay.of(interp).pyplotImported else { return }
        try? Pyplot.showAll(interp)
    }
}
