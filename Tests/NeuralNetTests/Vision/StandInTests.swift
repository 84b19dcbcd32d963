import Testing
@testable import NeuralNet

@Suite struct StandInTests {
    @Test func cifarStandInHasCIFARShapesAndBalancedClasses() {
        let train = StandInCIFAR(train: true), test = StandInCIFAR(train: false)
        #expect(train.count == 50_000 && test.count == 10_000)
        var counts = [Int](repeating: 0, count: 10)
        for label in train.labels { counts[label] += 1 }
        #expect(counts == [Int](repeating: 5000, count: 10))
        let image = train.image(at: 123)
        #expect(image.width == 32 && image.height == 32 && image.channels == 3)
        #expect(StandInCIFAR.classes.count == 10)
    }

    @Test func standInsAreDeterministic() {
        let a = StandInCIFAR(train: true), b = StandInCIFAR(train: true)
        for i in [0, 1, 49_999] {
            #expect(a.image(at: i) == b.image(at: i))
            #expect(a.image(at: i) == a.image(at: i))
            #expect(a.label(at: i) == b.label(at: i))
        }
        // Fixed values pin the generator: a change to it must be deliberate.
        #expect(Array(a.labels.prefix(10)) == [4, 8, 7, 4, 3, 5, 2, 7, 4, 8])
        #expect(StandInDigits(train: true).image(at: 7) == StandInDigits(train: true).image(at: 7))
    }

    @Test func imagesVaryAndAreNotFlat() {
        let set = StandInCIFAR(train: false)
        let first = set.image(at: 0)
        #expect(set.image(at: 1) != first)
        let values = first.pixels.map(Double.init)
        let mean = values.reduce(0, +) / Double(values.count)
        let spread = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)
        #expect(spread > 100)
    }

    @Test func digitsStandInLooksLikeMNIST() {
        let train = StandInDigits(train: true), test = StandInDigits(train: false)
        #expect(train.count == 60_000 && test.count == 10_000)
        let image = test.image(at: 5)
        #expect(image.width == 28 && image.height == 28 && image.channels == 1)
        // White strokes on a black background: mostly zeros, some bright pixels.
        #expect(image.pixels.filter { $0 == 0 }.count > 400)
        #expect(image.pixels.contains { $0 > 200 })
        #expect(image[0, 0, 0] == 0)
    }

    @Test func fashionStandInIsDeterministicGarmentsOnBlack() {
        let a = StandInFashion(train: false), b = StandInFashion(train: false)
        #expect(a.count == 10_000 && StandInFashion(train: true).count == 60_000)
        for i in [0, 9_999] { #expect(a.image(at: i) == b.image(at: i)) }
        let image = a.image(at: 3)
        #expect(image.width == 28 && image.height == 28 && image.channels == 1)
        #expect(image[0, 0, 0] < 20 && image.pixels.contains { $0 > 60 })
    }

    @Test func stackedPixelsLayOutNHWC() {
        let set = StandInDigits(count: 3, stream: 9)
        let (bytes, shape) = set.stackedPixels()
        #expect(shape == [3, 28, 28])
        #expect(Array(bytes[784..<1568]) == set.image(at: 1).pixels)
    }
}
