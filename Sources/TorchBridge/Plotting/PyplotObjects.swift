import Charts
import MiniPython

/// A `matplotlib.figure.Figure`: the figure model and one stable Python object per axes.
final class PyFigure: PyObject, @unchecked Sendable {
    var model: Figure
    /// `plt.figure(num)`'s number.
    let number: Int
    /// The axes `plt.plot` and friends draw in (`plt.subplot` moves it).
    var current = 0
    /// The Python objects handed out, held weakly (each holds its figure), so `ax` stays the
    /// same object while the program keeps it.
    private var handedOut: [Int: WeakAxes] = [:]

    private struct WeakAxes {
        weak var axes: PyAxes?
    }

    init(number: Int, width: Double = 6.4, height: Double = 4.8) {
        model = Figure(width: width, height: height)
        self.number = number
        super.init(type: PyplotTypes.figure)
    }

    /// Sets a `rows` x `columns` grid, keeping what the old axes hold where it fits.
    func regrid(rows: Int, columns: Int) {
        guard rows != model.rows || columns != model.columns else { return }
        var grid = Figure(width: model.width, height: model.height, rows: rows, columns: columns, title: model.title)
        for (index, axes) in model.axes.enumerated() where index < grid.axes.count { grid.axes[index] = axes }
        model = grid
        handedOut = handedOut.filter { $0.key < grid.axes.count }
        current = min(current, grid.axes.count - 1)
    }

    func axesObject(_ index: Int) -> PyValue {
        let index = max(0, min(index, model.axes.count - 1))
        if let axes = handedOut[index]?.axes { return .object(axes) }
        let axes = PyAxes(figure: self, index: index)
        handedOut[index] = WeakAxes(axes: axes)
        return .object(axes)
    }

    /// How many axes hold something (for the repr).
    var usedAxes: Int { model.axes.filter { !$0.isEmpty }.count }
}

/// A `matplotlib.axes.Axes`: a handle on one axes of a figure.
final class PyAxes: PyObject, @unchecked Sendable {
    let figure: PyFigure
    let index: Int

    init(figure: PyFigure, index: Int) {
        self.figure = figure
        self.index = index
        super.init(type: PyplotTypes.axes)
    }

    /// The axes' model (an axes dropped by a smaller `subplot` grid reads as empty).
    var model: Axes {
        get { index < figure.model.axes.count ? figure.model.axes[index] : Axes() }
        set { if index < figure.model.axes.count { figure.model.axes[index] = newValue } }
    }
}

/// The numpy array of axes `plt.subplots(r, c)` returns: indexing by `[i]`, `[i, j]` and
/// `[i][j]`, iteration, `len`, `.flat`, `.flatten()`, `.ravel()`, `.shape`.
final class PyAxesArray: PyObject, @unchecked Sendable {
    let items: [PyValue]
    let shape: [Int]

    init(items: [PyValue], shape: [Int]) {
        self.items = items
        self.shape = shape
        super.init(type: PyplotTypes.axesArray)
    }

    /// Row `i` of a 2-d array, or element `i` of a 1-d one (negative counts from the end).
    func item(_ i: Int, axis: Int = 0) throws(PyError) -> Int {
        let size = shape[axis]
        let index = i < 0 ? i + size : i
        guard index >= 0, index < size else {
            throw PyError.indexError("index \(i) is out of bounds for axis \(axis) with size \(size)")
        }
        return index
    }

    func row(_ i: Int) -> PyValue {
        guard shape.count == 2 else { return items[i] }
        let columns = shape[1]
        return .object(PyAxesArray(items: Array(items[(i * columns)..<((i + 1) * columns)]), shape: [columns]))
    }
}

enum PyplotTypes {
    static let figure: PyType = {
        let type = PyType(name: "Figure", module: "matplotlib.figure", base: .object, isBaseType: false)
        type.addMethod("__repr__(self, /)") { (_, args) throws(PyError) in
            let f = try fig(args[0])
            let w = Int((f.model.width * 100).rounded()), h = Int((f.model.height * 100).rounded())
            return .str("<Figure size \(w)x\(h) with \(f.usedAxes) Axes>")
        }
        type.addProperty("axes") { (_, v) throws(PyError) in
            let f = try fig(v)
            return .list(f.model.axes.indices.filter { !f.model.axes[$0].isEmpty }.map { f.axesObject($0) })
        }
        type.addProperty("number") { (_, v) throws(PyError) in PyValue(try fig(v).number) }
        type.addMethod("add_subplot(self, *args, **kwargs)") { (interp, args) throws(PyError) in
            let f = try fig(args[0])
            try Pyplot.selectSubplot(f, args.varArgs, interp)
            return f.axesObject(f.current)
        }
        type.addMethod("gca(self)") { (_, args) throws(PyError) in
            let f = try fig(args[0])
            return f.axesObject(f.current)
        }
        type.addMethod("suptitle(self, t, **kwargs)") { (interp, args) throws(PyError) in
            try fig(args[0]).model.title = try interp.str(args[1])
            return .none
        }
        type.addMethod("savefig(self, fname, *, transparent=None, dpi='figure', format=None, **kwargs)") { (_, _) throws(PyError) in
            throw Pyplot.noSavefig
        }
        type.addMethod("show(self, warn=True)") { (interp, args) throws(PyError) in
            PlotDisplay.of(interp).show(try fig(args[0]).model, interp)
            return .none
        }
        /// Layout requests are accepted and have no effect: the terminal layout is fixed.
        for name in ["tight_layout", "subplots_adjust", "colorbar", "set_size_inches", "clf"] {
            type.addMethod("\(name)(self, *args, **kwargs)") { (_, _) throws(PyError) in .none }
        }
        return type
    }()

    static let axes: PyType = {
        let type = PyType(name: "Axes", module: "matplotlib.axes", base: .object, isBaseType: false)
        type.addMethod("__repr__(self, /)") { (_, args) throws(PyError) in
            let title = try ax(args[0]).model.title
            return .str(title.isEmpty ? "<Axes: >" : "<Axes: title={'center': '\(title)'}>")
        }
        for function in AxesFunctions.all {
            type.addMethod(function.methodSignature) { (interp, args) throws(PyError) in
                try function.body(interp, try ax(args[0]), args)
            }
        }
        return type
    }()

    static let axesArray: PyType = {
        let type = PyType(name: "ndarray", module: "numpy", base: .object, isBaseType: false)
        type.addMethod("__repr__(self, /)") { (interp, args) throws(PyError) in
            let a = try array(args[0])
            return .str("array(" + (try interp.repr(.list(a.items))) + ", dtype=object)")
        }
        type.addMethod("__len__(self, /)") { (_, args) throws(PyError) in PyValue(try array(args[0]).shape[0]) }
        type.addMethod("__getitem__(self, key, /)") { (interp, args) throws(PyError) in
            let a = try array(args[0])
            if case .object(let o) = args[1], let tuple = o as? PyTuple {
                guard tuple.items.count == a.shape.count else {
                    throw PyError.indexError("too many indices for array: array is \(a.shape.count)-dimensional, but \(tuple.items.count) were indexed")
                }
                var flat = 0
                for (axis, key) in tuple.items.enumerated() {
                    flat = flat * a.shape[axis] + (try a.item(try interp.index(key, "index"), axis: axis))
                }
                return a.items[flat]
            }
            return a.row(try a.item(try interp.index(args[1], "index")))
        }
        type.addMethod("__iter__(self, /)") { (interp, args) throws(PyError) in
            let a = try array(args[0])
            return try interp.callMethod(.list((0..<a.shape[0]).map { a.row($0) }), "__iter__", Arguments())
        }
        type.addProperty("flat") { (interp, v) throws(PyError) in
            try interp.callMethod(.list(try array(v).items), "__iter__", Arguments())
        }
        type.addProperty("shape") { (_, v) throws(PyError) in .tuple(try array(v).shape.map { PyValue($0) }) }
        type.addProperty("ndim") { (_, v) throws(PyError) in PyValue(try array(v).shape.count) }
        type.addProperty("size") { (_, v) throws(PyError) in PyValue(try array(v).items.count) }
        for name in ["flatten", "ravel"] {
            type.addMethod("\(name)(self, order='C')") { (_, args) throws(PyError) in
                let a = try array(args[0])
                return .object(PyAxesArray(items: a.items, shape: [a.items.count]))
            }
        }
        return type
    }()

    private static func fig(_ v: PyValue) throws(PyError) -> PyFigure {
        guard let f = v.object as? PyFigure else { throw PyError.typeError("descriptor requires a 'Figure' object") }
        return f
    }

    private static func ax(_ v: PyValue) throws(PyError) -> PyAxes {
        guard let a = v.object as? PyAxes else { throw PyError.typeError("descriptor requires an 'Axes' object") }
        return a
    }

    private static func array(_ v: PyValue) throws(PyError) -> PyAxesArray {
        guard let a = v.object as? PyAxesArray else { throw PyError.typeError("descriptor requires a 'numpy.ndarray' object") }
        return a
    }
}
