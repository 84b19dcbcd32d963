/// Per-element loops of the optimizer updates (`Tensor+OptimizerUpdates.swift`), each one pass
/// over contiguous buffers with no temporaries.
///
/// Note [Optimizer arithmetic]
/// A PyTorch optimizer step (`_single_tensor_sgd`, `_single_tensor_adam`, ...) is a chain of
/// tensor ops, and every op rounds each element once. Its CPU kernels (GCC, AVX-512, both the
/// vector body and the scalar tail) contract multiply-adds into FMAs, so, measured against
/// PyTorch 2.15 on every size from 1 to 1000:
///
///   a.add(b, alpha=s)            fma(b, s, a)
///   a.addcmul(b, c, value=s)     fma(s·b, c, a)
///   a.addcdiv(b, c, value=s)     a + (s·b)/c
///   a.lerp(b, w)                 |w| < 0.5 ? fma(w, b-a, a) : fma(w-1, b-a, b)
///   a.mul(s), a.div(s), a.add(s) one rounding each
///   a.sqrt()                     VMLSqrt (Note [VML sqrt])
///
/// Python float hyperparameters reach each op as doubles and are rounded to the element type
/// there (`*Scalars` hold them already rounded). The loops below apply the same chain, op by op,
/// to one element at a time, so they give PyTorch's values while reading and writing each
/// buffer once.

/// The element types the optimizers run on: float32 and float64.
protocol OptimizerElement: FloatElement {
    static func vmlSqrt(_ x: Self) -> Self
}

extension Float: OptimizerElement {
    @inline(__always) static func vmlSqrt(_ x: Float) -> Float { VMLSqrt.sqrt(x) }
}

extension Double: OptimizerElement {
    @inline(__always) static func vmlSqrt(_ x: Double) -> Double { VMLSqrt.sqrt(x) }
}

/// `a.lerp(b, w)` as PyTorch computes it (Note [Optimizer arithmetic]).
@inline(__always)
private func lerp<T: FloatElement>(_ a: T, _ b: T, _ w: T) -> T {
    let diff = b - a
    return Swift.abs(w) < 0.5 ? a.addingProduct(w, diff) : b.addingProduct(w - 1, diff)
}

// MARK: - SGD

struct SGDScalars<T: OptimizerElement> {
    var maximize: Bool
    /// Nil when the weight decay is 0 (PyTorch then skips the op).
    var weightDecay: T?
    /// Nil when the momentum is 0.
    var momentum: T?
    /// `1 - dampening`.
    var dampeningComplement: T
    var nesterov: Bool
    /// `-lr`.
    var negativeLR: T
}

/// `grad` (negated for maximize, plus weight decay); the momentum buffer (set to that
/// gradient when `bufferIsNew`, else `buf·m + (1-d)·grad`); then `param += -lr·step`.
func sgdKernel<T: OptimizerElement>(_ n: Int, param p: UnsafeMutablePointer<T>, grad g: UnsafePointer<T>,
                                    buffer b: UnsafeMutablePointer<T>?, bufferIsNew: Bool, _ s: SGDScalars<T>) {
    let decay = s.weightDecay ?? 0, hasDecay = s.weightDecay != nil
    let lr = s.negativeLR, damp = s.dampeningComplement
    guard let b, let m = s.momentum else {
        for i in 0..<n {
            var d = s.maximize ? -g[i] : g[i]
            if hasDecay { d = d.addingProduct(p[i], decay) }
            p[i] = p[i].addingProduct(d, lr)
        }
        return
    }
    for i in 0..<n {
        var d = s.maximize ? -g[i] : g[i]
        if hasDecay { d = d.addingProduct(p[i], decay) }
        let v = bufferIsNew ? d : (b[i] * m).addingProduct(d, damp)
        b[i] = v
        d = s.nesterov ? d.addingProduct(v, m) : v
        p[i] = p[i].addingProduct(d, lr)
    }
}

// MARK: - Adam and AdamW

struct AdamScalars<T: OptimizerElement> {
    var maximize: Bool
    /// Adam's L2 penalty added to the gradient; nil when 0 or decoupled.
    var weightDecay: T?
    /// AdamW's `1 - lr·weight_decay` applied to the parameter first; nil when not decoupled.
    var decayFactor: T?
    /// `1 - beta1`, the lerp weight of the first moment.
    var beta1Complement: T
    var beta2: T
    /// `1 - beta2`.
    var beta2Complement: T
    /// `sqrt(1 - beta2^step)`.
    var biasCorrection2Sqrt: T
    var eps: T
    /// `-lr / (1 - beta1^step)`.
    var negativeStepSize: T
    var amsgrad: Bool
}

func adamKernel<T: OptimizerElement>(_ n: Int, param p: UnsafeMutablePointer<T>, grad g: UnsafePointer<T>,
                                     expAvg m: UnsafeMutablePointer<T>, expAvgSq v: UnsafeMutablePointer<T>,
                                     maxExpAvgSq vmax: UnsafeMutablePointer<T>?, _ s: AdamScalars<T>) {
    let decay = s.weightDecay ?? 0, hasDecay = s.weightDecay != nil
    let factor = s.decayFactor ?? 1, hasFactor = s.decayFactor != nil
    for i in 0..<n {
        var d = s.maximize ? -g[i] : g[i]
        if hasFactor { p[i] = p[i] * factor }
        if hasDecay { d = d.addingProduct(p[i], decay) }
        m[i] = lerp(m[i], d, s.beta1Complement)
        var second = (v[i] * s.beta2).addingProduct(s.beta2Complement * d, d)
        v[i] = second
        if let vmax {
            second = T.maximum(vmax[i], second)
            vmax[i] = second
        }
        let denom = T.vmlSqrt(second) / s.biasCorrection2Sqrt + s.eps
        p[i] = p[i] + (s.negativeStepSize * m[i]) / denom
    }
}

// MARK: - RMSprop

struct RMSpropScalars<T: OptimizerElement> {
    var maximize: Bool
    var weightDecay: T?
    var alpha: T
    /// `1 - alpha`.
    var alphaComplement: T
    var eps: T
    /// Nil unless momentum > 0.
    var momentum: T?
    var negativeLR: T
}

func rmspropKernel<T: OptimizerElement>(_ n: Int, param p: UnsafeMutablePointer<T>, grad g: UnsafePointer<T>,
                                        squareAvg sq: UnsafeMutablePointer<T>, gradAvg ga: UnsafeMutablePointer<T>?,
                                        buffer b: UnsafeMutablePointer<T>?, _ s: RMSpropScalars<T>) {
    let decay = s.weightDecay ?? 0, hasDecay = s.weightDecay != nil
    let one: T = 1, minusOne: T = -1
    for i in 0..<n {
        var d = s.maximize ? -g[i] : g[i]
        if hasDecay { d = d.addingProduct(p[i], decay) }
        let square = (sq[i] * s.alpha).addingProduct(s.alphaComplement * d, d)
        sq[i] = square
        var avg: T
        if let ga {
            let mean = lerp(ga[i], d, s.alphaComplement)
            ga[i] = mean
            avg = T.vmlSqrt(square.addingProduct(minusOne * mean, mean))
        } else {
            avg = T.vmlSqrt(square)
        }
        avg = avg + s.eps
        if let b, let m = s.momentum {
            let v = b[i] * m + (one * d) / avg
            b[i] = v
            p[i] = p[i].addingProduct(v, s.negativeLR)
        } else {
            p[i] = p[i] + (s.negativeLR * d) / avg
        }
    }
}

// MARK: - Adagrad

struct AdagradScalars<T: OptimizerElement> {
    var maximize: Bool
    var weightDecay: T?
    var eps: T
    /// `-lr / (1 + (step - 1)·lr_decay)`.
    var negativeClr: T
}

func adagradKernel<T: OptimizerElement>(_ n: Int, param p: UnsafeMutablePointer<T>, grad g: UnsafePointer<T>,
                                        sum acc: UnsafeMutablePointer<T>, _ s: AdagradScalars<T>) {
    let decay = s.weightDecay ?? 0, hasDecay = s.weightDecay != nil
    let one: T = 1
    for i in 0..<n {
        var d = s.maximize ? -g[i] : g[i]
        if hasDecay { d = d.addingProduct(p[i], decay) }
        let total = acc[i].addingProduct(one * d, d)
        acc[i] = total
        let std = T.vmlSqrt(total) + s.eps
        p[i] = p[i] + (s.negativeClr * d) / std
    }
}
