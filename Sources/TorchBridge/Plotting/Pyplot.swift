import Charts
import MiniPython

/// `matplotlib` and `matplotlib.pyplot`: pyplot's state machine (current figure, current
/// axes) over ``PyFigure`` objects. `plt.show()` hands every open figure to the interpreter's
/// ``PlotDisplay`` and closes it, as a non-interactive matplotlib backend does.
enum Pyplot {
    static let version = "3.10.0"

    static func register(_ interp: Interpreter) {
        interp.registerModule("matplotlib") { (_) throws(PyError) in
            let module = PyModule(name: "matplotlib")
            module["__version__"] = .str(version)
            /// use(backend, *, force=True): the terminal is the only backend; accepted.
            module.addFunction("use(backend, *, force=True)") { (_, _) throws(PyError) in .none }
            module.addFunction("get_backend()") { (_, _) throws(PyError) in .str("terminal") }
            return module
        }
        interp.registerModule("matplotlib.pyplot", make)
    }

    /// The figures of one interpreter's pyplot.
    final class State: PyObject, @unchecked Sendable {
        var figures: [PyFigure] = []
        var current: PyFigure?
        static let type = PyType(name: "PyplotState", module: "matplotlib.pyplot", base: .object, isBaseType: false)
        init() { super.init(type: State.type) }
    }

    static let noSavefig = TorchErrors.notInTutor("savefig (figures are drawn in the terminal with plt.show())")

    private static func state(_ interp: Interpreter) throws(PyError) -> State {
        guard let state = try interp.importModule("matplotlib.pyplot")["_state"]?.as(State.self) else {
            throw PyError.runtimeError("matplotlib.pyplot is not initialised")
        }
        return state
    }

    /// The current figure, created when there is none (`plt.gcf()`).
    private static func currentFigure(_ interp: Interpreter) throws(PyError) -> PyFigure {
        let state = try state(interp)
        if let figure = state.current { return figure }
        return newFigure(state, number: nil, size: nil)
    }

    private static func newFigure(_ state: State, number: Int?, size: (Double, Double)?) -> PyFigure {
        let number = number ?? ((state.figures.map(\.number).max() ?? 0) + 1)
        let figure = PyFigure(number: number, width: size?.0 ?? 6.4, height: size?.1 ?? 4.8)
        state.figures.append(figure)
        state.current = figure
        return figure
    }

    private static func figsize(_ value: PyValue?, _ interp: Interpreter) throws(PyError) -> (Double, Double)? {
        guard let value, !value.isNone else { return nil }
        let pair = try interp.toArray(value)
        guard pair.count == 2 else { throw PyError.valueError("figsize must be a pair (width, height)") }
        let w = try interp.expectFloat(pair[0]), h = try interp.expectFloat(pair[1])
        guard w.isFinite, h.isFinite, w > 0, h > 0 else {
            throw PyError.valueError("figure size must be positive finite not (\(PyNumberFormat.repr(w)), \(PyNumberFormat.repr(h)))")
        }
        return (w, h)
    }

    /// Moves `figure`'s current axes for `subplot(nrows, ncols, index)` or `subplot(231)`.
    static func selectSubplot(_ figure: PyFigure, _ positional: [PyValue], _ interp: Interpreter) throws(PyError) {
        var numbers: [Int]
        switch positional.count {
        case 0: numbers = [1, 1, 1]
        case 1:
            let code = try interp.index(positional[0], "subplot")
            guard code >= 111, code <= 999 else {
                throw PyError.valueError("Integer subplot specification must be a three-digit number, not \(code)")
            }
            numbers = [code / 100, (code / 10) % 10, code % 10]
        case 3: numbers = try positional.map { (v) throws(PyError) in try interp.index(v, "subplot") }
        default:
            throw PyError.typeError("subplot() takes 1 or 3 positional arguments but \(positional.count) were given")
        }
        let (rows, columns, index) = (numbers[0], numbers[1], numbers[2])
        guard rows >= 1, rows <= 50 else { throw PyError.valueError("Number of rows must be a positive integer, not \(rows)") }
        guard columns >= 1, columns <= 50 else { throw PyError.valueError("Number of columns must be a positive integer, not \(columns)") }
        guard index >= 1, index <= rows * columns else {
            throw PyError.valueError("num must be an integer with 1 <= num <= \(rows * columns), not \(index)")
        }
        figure.regrid(rows: rows, columns: columns)
        figure.current = index - 1
    }

    /// Draws every open figure, then closes them (`plt.show()`).
    static func showAll(_ interp: Interpreter) throws(PyError) {
        let state = try state(interp)
        let display = PlotDisplay.of(interp)
        for figure in state.figures { display.show(figure.model, interp) }
        state.figures = []
        state.current = nil
    }

    static func make(_ interp: Interpreter) throws(PyError) -> PyModule {
        let module = PyModule(name: "matplotlib.pyplot")
        module["_state"] = .object(State())
        PlotDisplay.of(interp).pyplotImported = true
        module["Figure"] = .object(PyplotTypes.figure)
        module["Axes"] = .object(PyplotTypes.axes)
        for function in AxesFunctions.all {
            module.addFunction(function.functionSignature) { (interp, args) throws(PyError) in
                let figure = try currentFigure(interp)
                guard let axes = figure.axesObject(figure.current).object as? PyAxes else { return .none }
                return try function.body(interp, axes, args)
            }
        }
        /// figure(num=None, figsize=None, dpi=None, *, facecolor=None, edgecolor=None, frameon=True, clear=False, **kwargs)
        module.addFunction("figure(num=None, figsize=None, dpi=None, *, facecolor=None, edgecolor=None, frameon=True, "
                           + "clear=False, **kwargs)") { (interp, args) throws(PyError) in
            let state = try state(interp)
            var number: Int?
            if !args["num"].isNone {
                if let figure = args["num"].object as? PyFigure {
                    state.current = figure
                    return .object(figure)
                }
                number = try interp.index(args["num"], "num")
                if let existing = state.figures.first(where: { $0.number == number }) {
                    state.current = existing
                    return .object(existing)
                }
            }
            return .object(newFigure(state, number: number, size: try figsize(args["figsize"], interp)))
        }
        /// subplots(nrows=1, ncols=1, *, sharex=False, sharey=False, squeeze=True, ..., **fig_kw) -> (fig, ax)
        module.addFunction("subplots(nrows=1, ncols=1, *, sharex=False, sharey=False, squeeze=True, width_ratios=None, "
                           + "height_ratios=None, subplot_kw=None, gridspec_kw=None, **fig_kw)") { (interp, args) throws(PyError) in
            let rows = try interp.index(args["nrows"], "nrows"), columns = try interp.index(args["ncols"], "ncols")
            guard rows >= 1, rows <= 50 else { throw PyError.valueError("Number of rows must be a positive integer, not \(rows)") }
            guard columns >= 1, columns <= 50 else { throw PyError.valueError("Number of columns must be a positive integer, not \(columns)") }
            let size = try figsize(args.varKeywords.last { $0.name == "figsize" }?.value, interp)
            let figure = newFigure(try state(interp), number: nil, size: size)
            figure.regrid(rows: rows, columns: columns)
            let axes = (0..<(rows * columns)).map { figure.axesObject($0) }
            let squeeze = try interp.isTrue(args["squeeze"])
            let grid: PyValue
            if squeeze && axes.count == 1 {
                grid = axes[0]
            } else if squeeze && (rows == 1 || columns == 1) {
                grid = .object(PyAxesArray(items: axes, shape: [axes.count]))
            } else {
                grid = .object(PyAxesArray(items: axes, shape: [rows, columns]))
            }
            return .tuple([.object(figure), grid])
        }
        /// subplot(nrows, ncols, index, **kwargs) or subplot(pos, **kwargs) -> Axes
        module.addFunction("subplot(*args, **kwargs)") { (interp, args) throws(PyError) in
            let figure = try currentFigure(interp)
            try selectSubplot(figure, args.varArgs, interp)
            return figure.axesObject(figure.current)
        }
        module.addFunction("gcf()") { (interp, _) throws(PyError) in .object(try currentFigure(interp)) }
        module.addFunction("gca()") { (interp, _) throws(PyError) in
            let figure = try currentFigure(interp)
            return figure.axesObject(figure.current)
        }
        module.addFunction("suptitle(t, **kwargs)") { (interp, args) throws(PyError) in
            try currentFigure(interp).model.title = try interp.str(args[0])
            return .none
        }
        /// show(*, block=None): draws every open figure, then closes them.
        module.addFunction("show(*, block=None)") { (interp, _) throws(PyError) in
            try showAll(interp)
            return .none
        }
        /// close(fig=None): the current figure, a figure, its number, or 'all'.
        module.addFunction("close(fig=None)") { (interp, args) throws(PyError) in
            let state = try state(interp)
            let target = args["fig"]
            if case .str(let text) = target, text == "all" {
                state.figures = []
            } else if let figure = target.object as? PyFigure {
                state.figures.removeAll { $0 === figure }
            } else if target.isNone {
                if let current = state.current { state.figures.removeAll { $0 === current } }
            } else {
                let number = try interp.index(target, "fig")
                state.figures.removeAll { $0.number == number }
            }
            if let current = state.current, !state.figures.contains(where: { $0 === current }) { state.current = state.figures.last }
            return .none
        }
        module.addFunction("clf()") { (interp, _) throws(PyError) in
            let figure = try currentFigure(interp)
            figure.model = Figure(width: figure.model.width, height: figure.model.height)
            figure.current = 0
            return .none
        }
        module.addFunction("savefig(*args, **kwargs)") { (_, _) throws(PyError) in throw noSavefig }
        /// Layout and interactivity requests are accepted and have no effect in the terminal.
        for name in ["tight_layout", "colorbar", "subplots_adjust", "ion", "ioff", "pause", "draw"] {
            module.addFunction("\(name)(*args, **kwargs)") { (_, _) throws(PyError) in .none }
        }
        return module
    }
}
