import MiniPython

/// `torchvision` and the minimal `PIL` it hands images out as.
///
/// The Python-facing package (`torchvision.datasets`, `torchvision.transforms`,
/// `torchvision.transforms.functional`, `torchvision.utils`) is Python source like
/// torchvision's own, over the native `torchvision._native` functions and the native
/// `PIL.Image.Image` type; pixels and files are handled by NeuralNet. Each file runs under its
/// own name, so tracebacks say `<frozen torchvision.transforms>`.
enum VisionModule {
    /// Registers the modules with `interp` (built on first import).
    static func register(_ interp: Interpreter) {
        interp.registerModule("PIL") { (_) throws(PyError) in
            let module = PyModule(name: "PIL")
            module["__version__"] = .str(PILImage.version)
            return module
        }
        interp.registerModule("PIL.Image", PILImage.makeModule)
        interp.registerModule("torchvision", makePackage)
        interp.registerModule("torchvision._native", VisionNative.make)
        for (name, source) in sources {
            interp.registerModule(name) { (interp) throws(PyError) in try frozen(name, source, interp) }
        }
        interp.registerModule("tutor_datasets", TutorDatasets.make)
    }

    /// The Python modules, each with its source.
    static let sources: [(String, String)] = [
        ("torchvision.datasets", DatasetsSource.module),
        ("torchvision.transforms", TransformsSource.module),
        ("torchvision.transforms.functional", FunctionalSource.module),
        ("torchvision.utils", VisionUtilsSource.utils),
    ]

    /// `import torchvision` also imports its submodules, as torchvision does.
    static func makePackage(_ interp: Interpreter) throws(PyError) -> PyModule {
        let package = try frozen("torchvision", VisionUtilsSource.package, interp)
        for name in ["datasets", "transforms", "utils"] { _ = try interp.importModule("torchvision.\(name)") }
        return package
    }

    /// Runs `source` as module `name`, registered as loaded first so that the module's own
    /// imports of its submodules find it.
    static func frozen(_ name: String, _ source: String, _ interp: Interpreter) throws(PyError) -> PyModule {
        let module = PyModule(name: name)
        module["__builtins__"] = .object(interp.builtinsModule)
        interp.addLoadedModule(module, as: name)
        try interp.execute(source, filename: "<frozen \(name)>", in: module)
        return module
    }
}
