import Testing
import NeuralNet
@testable import TensorEngine

// Float64 finite-difference checks of every recorded backward in NeuralNet
// (Support/GradcheckSupport.swift is TensorEngineTests' checker, shared by a link).

@Suite struct LossGradcheckTests {
    let target = try! Tensor.from([Int64(1), 0, 4, 2], shape: [4])

    @Test func nllAndCrossEntropy() throws {
        let w = try leaf([0.5, 1.5, 1, 2, 0.25], requiresGrad: false)
        for reduction in [Reduction.mean, .sum, .none] {
            gradcheck({ try NeuralNet.nllLoss($0[0], target, weight: w, reduction: reduction) }, inputs: [try randomInput([4, 5])])
            gradcheck({ try NeuralNet.crossEntropy($0[0], target, reduction: reduction, labelSmoothing: 0.2) },
                      inputs: [try randomInput([4, 5])])
        }
        let spatial = try Tensor.from([Int64(1), 0, 2, 2, 1, 0], shape: [2, 3])
        gradcheck({ try NeuralNet.crossEntropy($0[0], spatial, ignoreIndex: 0) }, inputs: [try randomInput([2, 3, 3])])
        let probabilities = try randomInput([4, 5], seed: 7, requiresGrad: false).softmax(dim: 1)
        gradcheck({ try NeuralNet.crossEntropy($0[0], $0[1], weight: w) }, inputs: [try randomInput([4, 5]), probabilities])
        gradgradcheck({ try NeuralNet.crossEntropy($0[0], target) }, inputs: [try randomInput([4, 5])])
    }

    @Test func regressionLosses() throws {
        for reduction in [Reduction.mean, .sum, .none] {
            gradcheck({ try NeuralNet.mseLoss($0[0], $0[1], reduction: reduction) },
                      inputs: [try randomInput([3, 4]), try randomInput([3, 4], seed: 2)])
            gradcheck({ try NeuralNet.smoothL1Loss($0[0], $0[1], reduction: reduction, beta: 0.5) },
                      inputs: [try randomInput([3, 4]), try randomInput([3, 4], seed: 2)])
            gradcheck({ try NeuralNet.huberLoss($0[0], $0[1], reduction: reduction, delta: 0.5) },
                      inputs: [try randomInput([3, 4]), try randomInput([3, 4], seed: 2)])
        }
        gradcheck({ try NeuralNet.mseLoss($0[0], $0[1]) }, inputs: [try randomInput([3, 1]), try randomInput([3], seed: 3)])
        gradgradcheck({ try NeuralNet.mseLoss($0[0], $0[1]) }, inputs: [try randomInput([3, 4]), try randomInput([3, 4], seed: 2)])
    }

    @Test func binaryCrossEntropy() throws {
        let weight = try uniformInput([3, 4], 0.5, 2, seed: 5, requiresGrad: false)
        for reduction in [Reduction.mean, .sum, .none] {
            gradcheck({ try NeuralNet.binaryCrossEntropy($0[0], $0[1], weight: weight, reduction: reduction) },
                      inputs: [try uniformInput([3, 4], 0.1, 0.9), try uniformInput([3, 4], 0.1, 0.9, seed: 2)])
            gradcheck({ try NeuralNet.binaryCrossEntropyWithLogits($0[0], $0[1], weight: weight, reduction: reduction,
                                                                   posWeight: try leaf([1, 2, 0.5, 3], requiresGrad: false)) },
                      inputs: [try randomInput([3, 4]), try uniformInput([3, 4], 0, 1, seed: 2)])
        }
    }

    @Test func klDivergence() throws {
        let input = try randomInput([3, 4]).logSoftmax(dim: 1).detach().requiresGrad_()
        let target = try randomInput([3, 4], seed: 2).softmax(dim: 1).detach().requiresGrad_()
        gradcheck({ try NeuralNet.klDiv($0[0], $0[1], reduction: .batchMean) }, inputs: [input, target])
        gradcheck({ try NeuralNet.klDiv($0[0], $0[1], reduction: .plain(.none), logTarget: true) }, inputs: [input, target])
    }
}

@Suite struct NormalizationGradcheckTests {
    @Test func batchNorm() throws {
        for shape in [[5, 3], [4, 3, 2], [2, 3, 2, 2]] {
            let weight = try uniformInput([3], 0.5, 1.5, seed: 2), bias = try randomInput([3], seed: 3)
            gradcheck({ try NeuralNet.batchNorm($0[0], runningMean: nil, runningVar: nil, weight: $0[1], bias: $0[2],
                                                training: true) },
                      inputs: [try randomInput(shape), weight, bias])
            let mean = try randomInput([3], seed: 4, requiresGrad: false)
            let variance = try uniformInput([3], 0.5, 2, seed: 5, requiresGrad: false)
            gradcheck({ try NeuralNet.batchNorm($0[0], runningMean: mean, runningVar: variance, weight: $0[1], bias: $0[2]) },
                      inputs: [try randomInput(shape), weight, bias])
        }
        gradgradcheck({ try NeuralNet.batchNorm($0[0], runningMean: nil, runningVar: nil, training: true) },
                      inputs: [try randomInput([4, 2])])
    }

    @Test func layerAndGroupNorm() throws {
        gradcheck({ try NeuralNet.layerNorm($0[0], normalizedShape: [4], weight: $0[1], bias: $0[2]) },
                  inputs: [try randomInput([2, 3, 4]), try uniformInput([4], 0.5, 1.5, seed: 2), try randomInput([4], seed: 3)])
        gradcheck({ try NeuralNet.layerNorm($0[0], normalizedShape: [3, 4]) }, inputs: [try randomInput([2, 3, 4])])
        gradcheck({ try NeuralNet.groupNorm($0[0], numGroups: 2, weight: $0[1], bias: $0[2]) },
                  inputs: [try randomInput([2, 4, 3]), try uniformInput([4], 0.5, 1.5, seed: 2), try randomInput([4], seed: 3)])
        gradcheck({ try NeuralNet.instanceNorm($0[0]) }, inputs: [try randomInput([2, 3, 4])])
    }

    @Test func distances() throws {
        gradcheck({ try NeuralNet.normalize($0[0]) }, inputs: [try randomInput([3, 4])])
        gradcheck({ try NeuralNet.normalize($0[0], p: 3, dim: 0) }, inputs: [try randomInput([3, 4])])
        gradcheck({ try NeuralNet.cosineSimilarity($0[0], $0[1]) }, inputs: [try randomInput([3, 4]), try randomInput([3, 4], seed: 2)])
        gradcheck({ try NeuralNet.pairwiseDistance($0[0], $0[1]) }, inputs: [try randomInput([3, 4]), try randomInput([3, 4], seed: 2)])
    }
}

@Suite struct EmbeddingAndDropoutGradcheckTests {
    @Test func embedding() throws {
        // padding_idx and scale_grad_by_freq deliberately change the gradient (the fixtures check those).
        let indices = try Tensor.from([Int64(1), 3, 1, 0, 2, 3], shape: [2, 3])
        gradcheck({ try NeuralNet.embedding(indices, weight: $0[0]) }, inputs: [try randomInput([5, 2])])
        gradgradcheck({ try NeuralNet.embedding(indices, weight: $0[0]).mul($0[0].sum()) }, inputs: [try randomInput([5, 2])])
    }

    @Test func dropoutsWithAFixedMask() throws {
        // A fresh generator with the same seed on every call gives the same mask.
        gradcheck({ try NeuralNet.featureDropout($0[0], p: 0.5, training: true, generator: Generator(seed: 3)) },
                  inputs: [try randomInput([3, 4, 2])])
        gradcheck({ try NeuralNet.alphaDropout($0[0], p: 0.3, training: true, generator: Generator(seed: 3)) },
                  inputs: [try randomInput([3, 4])])
    }
}
