import Foundation
import Testing

/// Examples/cifar10_simple_cnn.py, the classic CIFAR-10 SimpleCNN program, runs unchanged on
/// the offline stand-in. The test trims the data sets to a few batches (one line inserted
/// after each data set is made) so it stays quick in a debug build; `make bench` and the
/// issue notes cover the full two-epoch run.
@Suite(.serialized)
struct ExampleTests {
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples")

    @Test func simpleCNNTrainsAndReportsAccuracy() throws {
        let source = try String(contentsOf: Self.examples.appendingPathComponent("cifar10_simple_cnn.py"), encoding: .utf8)
        var lines: [String] = []
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(String(line))
            if line.hasPrefix("trainset = ") { lines.append("trainset = torch.utils.data.Subset(trainset, range(300))") }
            if line.hasPrefix("testset = ") { lines.append("testset = torch.utils.data.Subset(testset, range(200))") }
        }
        #expect(lines.count == source.split(separator: "\n", omittingEmptySubsequences: false).count + 2)
        let result = runPython(lines.joined(separator: "\n"))
        #expect(result.error == nil, "the example raised \(result.error ?? "")")
        #expect(result.stdout.contains("Finished Training\n"))
        let accuracy = result.stdout.split(separator: "\n").last { $0.hasPrefix("Accuracy of the network on the 10000 test images: ") }
        #expect(accuracy?.hasSuffix(" %") == true, "no accuracy line in:\n\(result.stdout)")
    }
}
