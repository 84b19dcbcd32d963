import Foundation
import Testing
@testable import NeuralNet

@Suite struct BundledTablesTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: ["digits", "iris", "wine", "cifar5_cnn"])
    func bundleMatchesDatasetsFolder(_ name: String) throws {
        let path = try #require(BundledTables.path(name))
        let onDisk = try FileBytes.read(Self.repository.appendingPathComponent(path).path)
        #expect(try BundledTables.bytes(name) == onDisk, "run python3 Datasets/make_bundle.py")
    }

    @Test func tablesHaveTheirKnownShapes() throws {
        let digits = try BundledTables.table("digits")
        #expect(digits.rows.count == 1797 && digits.rows[0].count == 64)
        #expect(Array(digits.labels.prefix(10)) == Array(0..<10))
        let iris = try BundledTables.table("iris")
        #expect(iris.rows.count == 150 && iris.rows[0] == [5.1, 3.5, 1.4, 0.2])
        #expect(iris.classNames == ["setosa", "versicolor", "virginica"])
        #expect((0..<3).map { c in iris.labels.filter { $0 == c }.count } == [50, 50, 50])
        let wine = try BundledTables.table("wine")
        #expect(wine.rows.count == 178 && wine.rows[0].count == 13)
        #expect((0..<3).map { c in wine.labels.filter { $0 == c }.count } == [59, 71, 48])
        #expect(throws: VisionError.self) { try BundledTables.table("mnist") }
    }

    @Test func csvErrorsAreClear() {
        #expect(throws: VisionError.self) { try NumericTable(csv: Array("2,1,a,b\n1,0\n".utf8), hasHeader: true) }
        #expect(throws: VisionError.self) { try NumericTable(csv: Array("1,x,0\n".utf8), hasHeader: false) }
        #expect(throws: VisionError.self) { try NumericTable(csv: Array("1,2,0\n1,0\n".utf8), hasHeader: false) }
    }
}
