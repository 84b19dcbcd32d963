#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MiniPython
import NeuralNet
import TensorEngine

/// `tutor_datasets`: loaders for the small real data sets bundled from `Datasets/` (digits,
/// iris, wine), shaped like scikit-learn's `load_*` functions but returning torch tensors, and
/// the paths of the bundled pre-trained weights (`Datasets/pretrained/`).
enum TutorDatasets {
    /// Where bundled files appear to Python: `pretrained_path` returns this prefix plus the
    /// file's repository path, and `torch.load` reads such paths from the binary.
    static let bundlePrefix = "pytorch-tutor://"

    /// The bytes of a bundled file named by a `bundlePrefix` path, or nil for any other path.
    static func bundledBytes(atPath path: String) throws(PyError) -> [UInt8]? {
        guard path.hasPrefix(bundlePrefix) else { return nil }
        let repositoryPath = String(path.dropFirst(bundlePrefix.count))
        guard let name = BundledTables.names.first(where: { BundledTables.path($0) == repositoryPath }) else {
            throw PyError.osError(ENOENT, path)
        }
        return try vision { () throws(VisionError) in try BundledTables.bytes(name) }
    }

    /// The bundled files under `Datasets/pretrained/`, by name.
    static var pretrainedNames: [String] {
        BundledTables.names.filter { BundledTables.path($0)?.hasPrefix("Datasets/pretrained/") == true }
    }

    static func make(_ interp: Interpreter) throws(PyError) -> PyModule {
        let native = PyModule(name: "tutor_datasets._native")
        /// table(name) -> (data float32 [n, f], target int64 [n], class names)
        native.addFunction("table(name)") { (interp, args) throws(PyError) in
            let name = try interp.expectStr(args[0], "name")
            let table = try vision { () throws(VisionError) in try BundledTables.table(name) }
            let features = table.rows.first?.count ?? 0
            let data = try engine { try Tensor.from(table.rows.flatMap { $0.map(Float.init) }, shape: [table.rows.count, features]) }
            let target = try engine { try Tensor.from(table.labels.map(Int64.init), shape: [table.labels.count]) }
            return .tuple([.tensor(data), .tensor(target), .list(table.classNames.map { PyValue($0) })])
        }
        /// pretrained_path(name) -> the path `torch.load` reads bundled weights `name` from
        native.addFunction("pretrained_path(name)") { (interp, args) throws(PyError) in
            let name = try interp.expectStr(args[0], "name")
            guard pretrainedNames.contains(name), let path = BundledTables.path(name) else {
                throw PyError.valueError("no pre-trained weights named '\(name)' (there are \(pretrainedNames.joined(separator: ", ")))")
            }
            return PyValue(bundlePrefix + path)
        }
        return try interp.makeModule(name: "tutor_datasets", source: source, globals: [("_native", .object(native))])
    }

    static let source = #"""
"""Small real data sets bundled with the tutor (see Datasets/README.md): scikit-learn's copies
of the UCI digits, iris and wine tables, as torch tensors, and pre-trained weights.

    digits = tutor_datasets.load_digits()
    X, y = tutor_datasets.load_iris(return_X_y=True)
    state = torch.load(tutor_datasets.pretrained_path("cifar5_cnn"), weights_only=True)
"""


def pretrained_path(name):
    """The path of the bundled weights `name` (Datasets/pretrained/NAME.pt), for torch.load."""
    return _native.pretrained_path(name)


class Bunch(dict):
    """A dict whose keys are also attributes (as scikit-learn's Bunch): data, target,
    feature_names, target_names, DESCR."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)

    def __setattr__(self, name, value):
        self[name] = value

    def __dir__(self):
        return list(self.keys())


def _load(name, feature_names, descr, return_X_y):
    data, target, class_names = _native.table(name)
    if return_X_y:
        return data, target
    return Bunch(data=data, target=target, feature_names=feature_names, target_names=class_names, DESCR=descr)


_SOURCE = ("Copy distributed with scikit-learn (BSD 3-Clause licence); original in the UCI Machine "
           "Learning Repository. See Datasets/README.md.")


def load_digits(*, n_class=10, return_X_y=False):
    """1,797 handwritten digits: `data` float32 [1797, 64] (pixel counts 0-16), `images`
    [1797, 8, 8], `target` int64 [1797] (0-9). `n_class` keeps only digits below it."""
    import torch
    data, target, _ = _native.table("digits")
    if n_class < 10:
        keep = target < n_class
        data, target = data[keep], target[keep]
    if return_X_y:
        return data, target
    names = [f"pixel_{r}_{c}" for r in range(8) for c in range(8)]
    return Bunch(data=data, target=target, images=data.reshape(-1, 8, 8), feature_names=names,
                 target_names=list(range(10)),
                 DESCR="Optical recognition of handwritten digits (E. Alpaydin, C. Kaynak, 1998): 8x8 images "
                       "of counts 0-16. " + _SOURCE)


def load_iris(*, return_X_y=False):
    """150 iris flowers: `data` float32 [150, 4] (sepal and petal length and width in cm),
    `target` int64 [150] (setosa, versicolor, virginica)."""
    return _load("iris", ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"],
                 "Iris plants (R. A. Fisher, 1936): 3 species, 50 flowers each. " + _SOURCE, return_X_y)


def load_wine(*, return_X_y=False):
    """178 wines: `data` float32 [178, 13] (chemical measurements), `target` int64 [178]
    (three cultivars)."""
    names = ["alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids",
             "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue", "od280/od315_of_diluted_wines",
             "proline"]
    return _load("wine", names, "Wine recognition (M. Forina et al., UCI 1991): 3 cultivars. " + _SOURCE, return_X_y)
"""#
}
