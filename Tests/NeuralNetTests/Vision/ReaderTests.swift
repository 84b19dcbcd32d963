import Testing
@testable import NeuralNet

@Suite struct ReaderTests {
    @Test func cifarRecordsBecomeHWCImages() throws {
        let batch = try CIFARBinary(files: [try VisionFixtures.bytes("cifar3.bin")])
        #expect(batch.count == 3)
        #expect(batch.labels == [7, 0, 9])
        let image = batch.image(at: 2)
        #expect(image.width == 32 && image.height == 32 && image.channels == 3)
        // Channel c of pixel (y, x) of record r is (r*50 + c*70 + y*3 + x) % 256.
        for (y, x) in [(0, 0), (5, 17), (31, 31)] {
            for c in 0..<3 { #expect(Int(image[y, x, c]) == (2 * 50 + c * 70 + y * 3 + x) % 256) }
        }
        #expect(image.planes() == Array(try VisionFixtures.bytes("cifar3.bin")[2 * 3073 + 1 ..< 3 * 3073]))
    }

    @Test func cifarRejectsWrongSizesAndLabels() throws {
        let good = try VisionFixtures.bytes("cifar3.bin")
        #expect(throws: VisionError.corrupt("data_batch_1.bin is not a CIFAR-10 binary batch: its 9218 bytes are not a whole number of 3073-byte records (truncated or wrong file?)")) {
            try CIFARBinary(files: [Array(good.dropLast())], names: ["data_batch_1.bin"])
        }
        #expect(throws: VisionError.self) { try CIFARBinary(files: [[]]) }
        var badLabel = good
        badLabel[3073] = 12
        #expect(throws: VisionError.self) { try CIFARBinary(files: [badLabel]) }
    }

    @Test(arguments: ["t10k-images-idx3-ubyte", "t10k-images-idx3-ubyte.gz"])
    func idxPairReads(_ name: String) throws {
        var bytes = try VisionFixtures.bytes(name)
        if Gzip.isGzip(bytes) { bytes = try Gzip.decompress(bytes) }
        let images = try IDXFile(bytes, name: name)
        let labels = try IDXFile(try VisionFixtures.bytes("t10k-labels-idx1-ubyte"), name: "labels")
        let set = try IDXImages(images: images, labels: labels)
        #expect(images.shape == [3, 5, 4])
        #expect(set.labels == [4, 1, 8])
        let image = set.image(at: 1)
        #expect(image.width == 4 && image.height == 5 && image.channels == 1)
        #expect(Int(image[3, 2, 0]) == (40 + 3 * 5 + 2 * 2) % 256)
    }

    @Test func idxRejectsCorruptFiles() throws {
        let good = try VisionFixtures.bytes("t10k-images-idx3-ubyte")
        #expect(throws: VisionError.self) { try IDXFile(Array(good.dropLast()), name: "x") }
        #expect(throws: VisionError.self) { try IDXFile(Array(good.prefix(7)), name: "x") }
        #expect(throws: VisionError.self) { try IDXFile([1, 2, 8, 1], name: "x") }
        #expect(throws: VisionError.self) { try IDXFile([0, 0, 0x0d, 1, 0, 0, 0, 0], name: "x") }
        let images = try IDXFile(good, name: "images")
        let labels = try IDXFile([0, 0, 8, 1, 0, 0, 0, 2, 1, 2], name: "labels")
        #expect(throws: VisionError.self) { try IDXImages(images: images, labels: labels) }
        #expect(throws: VisionError.self) { try IDXImages(images: labels, labels: images) }
    }

    @Test func fileBytesReportsMissingFiles() {
        #expect(throws: VisionError.self) { try FileBytes.read(VisionFixtures.path("no-such-file")) }
        #expect(FileBytes.isFile(VisionFixtures.path("cifar3.bin")))
        #expect(!FileBytes.isFile(VisionFixtures.directory.path))
    }
}
