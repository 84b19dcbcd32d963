import Foundation
import Testing
@testable import NeuralNet

/// Writes the CIFAR-10 stand-in in the official binary layout (`cifar-10-batches-bin/`) into the
/// folder named by `STANDIN_EXPORT`, so that Fixtures/vision/standin_learnability.py can train
/// real PyTorch on exactly these images. Skipped unless the variable is set.
@Test(.enabled(if: ProcessInfo.processInfo.environment["STANDIN_EXPORT"] != nil))
func exportCIFARStandIn() throws {
    let root = ProcessInfo.processInfo.environment["STANDIN_EXPORT"] ?? ""
    let folder = root + "/cifar-10-batches-bin"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for (train, names) in [(true, (1...5).map { "data_batch_\($0).bin" }), (false, ["test_batch.bin"])] {
        let set = StandInCIFAR(train: train)
        for (f, name) in names.enumerated() {
            var out = Data()
            for i in f * 10_000..<(f + 1) * 10_000 {
                out.append(UInt8(set.label(at: i)))
                out.append(contentsOf: set.image(at: i).planes())
            }
            try out.write(to: URL(fileURLWithPath: folder + "/" + name))
        }
    }
}
