import Testing
import TensorEngine
@testable import NeuralNet

@Suite struct ImageTensorTests {
    @Test func floatTensorIsCHWOver255() throws {
        let image = try PixelImage(width: 2, height: 1, channels: 3, pixels: [0, 51, 255, 10, 20, 30])
        let t = try image.floatTensor()
        #expect(t.shape == [3, 1, 2])
        let expected: [Float] = [0, 10, 51, 20, 255, 30].map { $0 / 255 }
        #expect(t.toArray(Float.self) == expected)
        #expect(try image.byteTensor().toArray(UInt8.self) == [0, 10, 51, 20, 255, 30])
    }

    @Test func tensorToImageWrapsLikeNumpy() throws {
        let t = try Tensor.from([Float(0), 0.5, -0.25, 1, 1.5, 0.999], shape: [1, 2, 3])
        let image = try PixelImage(tensor: t)
        #expect(image.width == 3 && image.height == 2 && image.channels == 1)
        #expect(image.pixels == [0, 127, 193, 255, 126, 254])
        #expect(throws: VisionError.self) { try PixelImage(tensor: try Tensor.zeros([2, 2, 2])) }
        #expect(throws: VisionError.self) { try PixelImage(tensor: try Tensor.zeros([4])) }
        #expect(throws: VisionError.self) { try PixelImage(tensor: try Tensor.zeros([1, 2, 2], dtype: .int64)) }
    }

    @Test func normalizeChecksLikeTorchvision() throws {
        let x = try Tensor.from([Float](repeating: 0.25, count: 12), shape: [3, 2, 2])
        let y = try NeuralNet.normalizeImage(x, mean: [0.5], std: [0.5, 0.25, 0.125], inplace: false)
        #expect(Array(y.toArray(Float.self).prefix(12)) == [-0.5, -0.5, -0.5, -0.5, -1, -1, -1, -1, -2, -2, -2, -2])
        #expect(throws: TensorError.self) { try NeuralNet.normalizeImage(x, mean: [0], std: [1, 0, 1], inplace: false) }
        #expect(throws: TensorError.self) { try NeuralNet.normalizeImage(try Tensor.zeros([2, 2]), mean: [0], std: [1], inplace: false) }
        #expect(throws: TensorError.self) { try NeuralNet.normalizeImage(try Tensor.zeros([1, 2, 2], dtype: .int64), mean: [0], std: [1], inplace: false) }
    }
}
