// swift-tools-version:6.0
import PackageDescription

/// Release builds of the engine run without bounds checks; the Makefile adds the
/// host-CPU flags (see ARCHITECTURE.md, "Conventions") so SIMD FMA lowers to real
/// vector instructions instead of one libm call per lane.
let engineSettings: [SwiftSetting] = [
    .unsafeFlags(["-Ounchecked", "-enforce-exclusivity=unchecked"], .when(configuration: .release)),
]

let package = Package(
    name: "pytorch-tutor",
    products: [
        .executable(name: "pytorch-tutor", targets: ["pytorch-tutor"]),
    ],
    targets: [
        .target(name: "TensorEngine", swiftSettings: engineSettings),
        .executableTarget(name: "pytorch-tutor", dependencies: ["TensorEngine", "MiniPython", "TorchBridge", "Course", "TutorUI", "Charts"]),
        .executableTarget(name: "TensorBench", dependencies: ["TensorEngine", "NeuralNet", "MiniPython", "TorchBridge", "Course", "TutorUI", "Charts"], swiftSettings: engineSettings),
        .target(name: "MiniPython", swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        .target(name: "NeuralNet", dependencies: ["TensorEngine"], swiftSettings: engineSettings),
        .target(name: "TorchBridge", dependencies: ["TensorEngine", "NeuralNet", "MiniPython", "Charts"]),
        .target(name: "Charts"),
        .executableTarget(name: "MiniPythonFuzz", dependencies: ["MiniPython"]),
        .target(name: "CNcursesShim", linkerSettings: [.linkedLibrary("ncursesw"), .linkedLibrary("tinfo")]),
        .target(name: "Course", dependencies: ["MiniPython", "TorchBridge", "Charts"]),
        .target(name: "TutorUI", dependencies: ["Course", "MiniPython", "CNcursesShim", "Charts"]),
        .testTarget(name: "TensorEngineTests", dependencies: ["TensorEngine"], exclude: ["Fixtures"]),
        .testTarget(name: "NeuralNetTests", dependencies: ["NeuralNet", "TensorEngine"], exclude: ["Fixtures"]),
        .testTarget(name: "MiniPythonTests", dependencies: ["MiniPython"], exclude: ["Fixtures", "Programs"]),
        .testTarget(name: "TorchBridgeTests", dependencies: ["TorchBridge", "MiniPython", "TensorEngine", "Charts"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "CourseTests", dependencies: ["Course", "MiniPython"], exclude: ["Fixtures"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts"]),
        .testTarget(name: "TutorUITests", dependencies: ["TutorUI", "Course"], exclude: ["Fixtures", "Snapshots"]),
    ]
)
