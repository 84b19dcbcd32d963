import Testing
@testable import NeuralNet

/// Every operation against Pillow's own result (Fixtures/vision/images.json).
@Suite struct PixelImageTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String, source: String, channels: Int, width: Int, height: Int, pixels: [UInt8]
        var testDescription: String { "\(source): \(name)" }
    }

    static let loaded: (sources: [String: PixelImage], cases: [Case]) = {
        guard let json = try? VisionFixtures.json("images.json"),
              let sources = json["sources"] as? [String: [String: Any]],
              let cases = json["cases"] as? [[String: Any]] else { return ([:], []) }
        var images: [String: PixelImage] = [:]
        for (name, s) in sources {
            images[name] = try? PixelImage(width: s["width"] as? Int ?? 0, height: s["height"] as? Int ?? 0,
                                           channels: s["channels"] as? Int ?? 0,
                                           pixels: (s["pixels"] as? [Int] ?? []).map(UInt8.init))
        }
        return (images, cases.map { c in
            Case(name: c["name"] as? String ?? "", source: c["source"] as? String ?? "",
                 channels: c["mode"] as? String == "L" ? 1 : 3, width: c["width"] as? Int ?? 0,
                 height: c["height"] as? Int ?? 0, pixels: (c["pixels"] as? [Int] ?? []).map(UInt8.init))
        })
    }()

    static func apply(_ name: String, to image: PixelImage) throws -> PixelImage {
        let words = name.split(separator: " ")
        let numbers = name.split { !$0.isNumber && $0 != "-" }.compactMap { Int($0) }
        switch words[0] {
        case "transpose":
            let m = numbers[0]
            let flips = [image.flippedHorizontally(), image.flippedVertically(),
                         image.transposed().flippedVertically(), image.flippedHorizontally().flippedVertically(),
                         image.transposed().flippedHorizontally(), image.transposed(),
                         image.transposed().flippedHorizontally().flippedVertically()]
            return flips[m]
        case "crop":
            return words[1] == "inside" ? try image.cropped(left: 1, top: 2, right: 5, bottom: 4)
                                        : try image.cropped(left: -2, top: -1, right: 4, bottom: 7)
        case "pad":
            let mode = PaddingMode(rawValue: String(words[1])) ?? .constant
            return try image.padded(left: numbers[0], top: numbers[1], right: numbers[2], bottom: numbers[3], mode: mode)
        case "resize":
            let filter = ResamplingFilter(rawValue: numbers[0]) ?? .bilinear
            return try image.resized(width: numbers[1], height: numbers[2], filter: filter)
        default:
            return try image.converted(channels: words[1] == "L" ? 1 : 3)
        }
    }

    @Test(arguments: loaded.cases)
    func matchesPillow(_ c: Case) throws {
        let source = try #require(Self.loaded.sources[c.source])
        let out = try Self.apply(c.name, to: source)
        #expect(out.width == c.width && out.height == c.height && out.channels == c.channels)
        let wrong = zip(out.pixels, c.pixels).filter { $0 != $1 }.count
        #expect(out.pixels.count == c.pixels.count && wrong == 0, "\(wrong) bytes differ")
    }

    @Test func fixturesLoaded() { #expect(Self.loaded.cases.count == 110) }

    @Test func badArgumentsThrow() throws {
        let image = try PixelImage(width: 2, height: 2, channels: 1)
        #expect(throws: VisionError.self) { try PixelImage(width: 2, height: 2, channels: 2, pixels: [0, 0, 0, 0]) }
        #expect(throws: VisionError.self) { try PixelImage(width: 2, height: 2, channels: 1, pixels: [0]) }
        #expect(throws: VisionError.self) { try PixelImage(width: -1, height: 2, channels: 1) }
        #expect(throws: VisionError.self) { try PixelImage(width: 1 << 40, height: 1 << 40, channels: 3) }
        #expect(throws: VisionError.value("Coordinate 'right' is less than 'left'")) { try image.cropped(left: 2, top: 0, right: 1, bottom: 1) }
        #expect(throws: VisionError.self) { try image.resized(width: 0, height: 3) }
        #expect(throws: VisionError.self) { try image.resized(width: 1 << 20, height: 1 << 20) }
        #expect(throws: VisionError.self) { try PixelImage(width: 0, height: 0, channels: 1).padded(left: 1, top: 1, right: 1, bottom: 1, mode: .reflect) }
        let filled = try PixelImage(width: 2, height: 1, channels: 3, fill: [1, 2, 3])
        #expect(filled.pixels == [1, 2, 3, 1, 2, 3])
    }
}
