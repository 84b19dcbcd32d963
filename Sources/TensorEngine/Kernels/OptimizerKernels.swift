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
/// lane by lane on `SIMD16<Float>`/`SIMD8<Double>` (the tail through the same code with padded
/// lanes), so they give PyTorch's values while reading and writing each buffer once. Negation
/// multiplies by -1, which keeps PyTorch's signed zeros (SIMD's prefix `-` computes `0 - x`).

/// The lane types the optimizers run on: 16 float32 or 8 float64 values.
protocol OptimizerVector: SIMD where Scalar: BinaryFloatingPoint {
    /// PyTorch's `sqrt` (Note [VML sqrt]).
    static func vmlSqrt(_ x: Self) -> Self
    /// `torch.maximum`: the larger lane, NaN if either is NaN (Note [Lane masks]).
    static func maximum(_ a: Self, _ b: Self) -> Self
}

extension SIMD16: OptimizerVector where Scalar == Float {
    @inline(__always) static func vmlSqrt(_ x: Self) -> Self { VMLSqrt.sqrt(x) }

    @inline(__always) static func maximum(_ a: Self, _ b: Self) -> Self {
        func nan(_ v: Self) -> SIMD16<Int32> {
            (0x7f80_0000 &- (unsafeBitCast(v, to: SIMD16<Int32>.self) & 0x7fff_ffff)) &>> 31
        }
        let larger = unsafeBitCast(a.replacing(with: b, where: a .< b), to: SIMD16<Int32>.self)
        return unsafeBitCast(VMLSqrt.select(nan(a) | nan(b), SIMD16<Int32>(repeating: 0x7fc0_0000), larger), to: Self.self)
    }
}

extension SIMD8: OptimizerVector where Scalar == Double {
    @inline(__always) static func vmlSqrt(_ x: Self) -> Self { VMLSqrt.sqrt(x) }

    @inline(__always) static func maximum(_ a: Self, _ b: Self) -> Self {
        func nan(_ v: Self) -> SIMD8<Int64> {
            (0x7ff0_0000_0000_0000 &- (unsafeBitCast(v, to: SIMD8<Int64>.self) & 0x7fff_ffff_ffff_ffff)) &>> 63
        }
        let larger = unsafeBitCast(a.replacing(with: b, where: a .< b), to: SIMD8<Int64>.self)
        return unsafeBitCast(VMLSqrt.select(nan(a) | nan(b), SIMD8<Int64>(repeating: 0x7ff8_0000_0000_0000), larger), to: Self.self)
    }
}

/// Walks `0..<n` one vector at a time; the last, partial vector is padded with zeros on load
/// and only its real lanes are stored.
private struct Lanes<V: OptimizerVector> {
    let start: Int, count: Int

    @inline(__always)
    static func forEach(_ n: Int, _ body: (Lanes) -> Void) {
        var i = 0
        while i < n {
            body(Lanes(start: i, count: Swift.min(V.scalarCount, n - i)))
            i += V.scalarCount
        }
    }

    @inline(__always)
    func load(_ p: UnsafePointer<V.Scalar>) -> V {
        if count == V.scalarCount { return UnsafeRawPointer(p + start).loadUnaligned(as: V.self) }
        var v = V()
        for j in 0..<count { v[j] = p[start + j] }
        return v
    }

    @inline(__always)
    func load(_ p: UnsafeMutablePointer<V.Scalar>) -> V { load(UnsafePointer(p)) }

    @inline(__always)
    func store(_ v: V, _ p: UnsafeMutablePointer<V.Scalar>) {
        if count == V.scalarCount {
            UnsafeMutableRawPointer(p + start).storeBytes(of: v, as: V.self)
            return
        }
        for j in 0..<count { p[start + j] = v[j] }
    }
}

/// The gradient as the update sees it: negated for `maximize`, plus `weightDecay·param`.
@inline(__always)
private func effectiveGrad<V: OptimizerVector>(_ g: V, _ p: V, maximize: Bool, weightDecay: V.Scalar?) -> V {
    var d = maximize ? g * -1 : g
    if let wd = weightDecay { d = d.addingProduct(p, V(repeating: wd)) }
    return d
}

/// `a.lerp(b, w)` as PyTorch computes it (Note [Optimizer arithmetic]).
@inline(__always)
private func lerp<V: OptimizerVector>(_ a: V, _ b: V, _ w: V.Scalar) -> V {
    let diff = b - a
    return Swift.abs(w) < 0.5 ? a.addingProduct(V(repeating: w), diff) : b.addingProduct(V(repeating: w - 1), diff)
}

// MARK: - SGD

struct SGDScalars<T: BinaryFloatingPoint> {
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

/// The gradient (negated for maximize, plus weight decay); the momentum buffer (set to that
/// gradient when `bufferIsNew`, else `buf·m + (1-d)·grad`); then `param += -lr·step`.
func sgdKernel<V: OptimizerVector>(_: V.Type, _ n: Int, param p: UnsafeMutablePointer<V.Scalar>,
                                   grad g: UnsafeMutablePointer<V.Scalar>, buffer b: UnsafeMutablePointer<V.Scalar>?,
                                   bufferIsNew: Bool, _ s: SGDScalars<V.Scalar>) {
    let lr = V(repeating: s.negativeLR)
    Lanes<V>.forEach(n) { lanes in
        let param = lanes.load(p)
        var d = effectiveGrad(lanes.load(g), param, maximize: s.maximize, weightDecay: s.weightDecay)
        if let b, let m = s.momentum {
            let momentum = V(repeating: m)
            let v = bufferIsNew ? d : (lanes.load(b) * momentum).addingProduct(d, V(repeating: s.dampeningComplement))
            lanes.store(v, b)
            d = s.nesterov ? d.addingProduct(v, momentum) : v
        }
        lanes.store(param.addingProduct(d, lr), p)
    }
}

// MARK: - Adam and AdamW

struct AdamScalars<T: BinaryFloatingPoint> {
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
}

func adamKernel<V: OptimizerVector>(_: V.Type, _ n: Int, param p: UnsafeMutablePointer<V.Scalar>,
                                    grad g: UnsafeMutablePointer<V.Scalar>, expAvg m: UnsafeMutablePointer<V.Scalar>,
                                    expAvgSq v: UnsafeMutablePointer<V.Scalar>,
                                    maxExpAvgSq vmax: UnsafeMutablePointer<V.Scalar>?, _ s: AdamScalars<V.Scalar>) {
    let beta2 = V(repeating: s.beta2), beta2Complement = V(repeating: s.beta2Complement)
    let correction = V(repeating: s.biasCorrection2Sqrt), eps = V(repeating: s.eps)
    let step = V(repeating: s.negativeStepSize)
    Lanes<V>.forEach(n) { lanes in
        var param = lanes.load(p)
        if let factor = s.decayFactor { param = param * V(repeating: factor) }
        let d = effectiveGrad(lanes.load(g), param, maximize: s.maximize, weightDecay: s.weightDecay)
        let first = lerp(lanes.load(m), d, s.beta1Complement)
        lanes.store(first, m)
        var second = (lanes.load(v) * beta2).addingProduct(beta2Complement * d, d)
        lanes.store(second, v)
        if let vmax {
            second = V.maximum(lanes.load(vmax), second)
            lanes.store(second, vmax)
        }
        let denom = V.vmlSqrt(second) / correction + eps
        lanes.store(param + (step * first) / denom, p)
    }
}

// MARK: - RMSprop

struct RMSpropScalars<T: BinaryFloatingPoint> {
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

func rmspropKernel<V: OptimizerVector>(_: V.Type, _ n: Int, param p: UnsafeMutablePointer<V.Scalar>,
                                       grad g: UnsafeMutablePointer<V.Scalar>, squareAvg sq: UnsafeMutablePointer<V.Scalar>,
                                       gradAvg ga: UnsafeMutablePointer<V.Scalar>?,
                                       buffer b: UnsafeMutablePointer<V.Scalar>?, _ s: RMSpropScalars<V.Scalar>) {
    let alpha = V(repeating: s.alpha), alphaComplement = V(repeating: s.alphaComplement)
    let eps = V(repeating: s.eps), lr = V(repeating: s.negativeLR)
    Lanes<V>.forEach(n) { lanes in
        let param = lanes.load(p)
        let d = effectiveGrad(lanes.load(g), param, maximize: s.maximize, weightDecay: s.weightDecay)
        let square = (lanes.load(sq) * alpha).addingProduct(alphaComplement * d, d)
        lanes.store(square, sq)
        var avg: V
        if let ga {
            let mean = lerp(lanes.load(ga), d, s.alphaComplement)
            lanes.store(mean, ga)
            avg = V.vmlSqrt(square.addingProduct(mean * -1, mean))
        } else {
            avg = V.vmlSqrt(square)
        }
        avg = avg + eps
        if let b, let m = s.momentum {
            let v = lanes.load(b) * V(repeating: m) + d / avg
            lanes.store(v, b)
            lanes.store(param.addingProduct(v, lr), p)
        } else {
            lanes.store(param + (lr * d) / avg, p)
        }
    }
}

// MARK: - Adagrad

struct AdagradScalars<T: BinaryFloatingPoint> {
    var maximize: Bool
    var weightDecay: T?
    var eps: T
    /// `-lr / (1 + (step - 1)·lr_decay)`.
    var negativeClr: T
}

func adagradKernel<V: OptimizerVector>(_: V.Type, _ n: Int, param p: UnsafeMutablePointer<V.Scalar>,
                                       grad g: UnsafeMutablePointer<V.Scalar>, sum acc: UnsafeMutablePointer<V.Scalar>,
                                       _ s: AdagradScalars<V.Scalar>) {
    let eps = V(repeating: s.eps), clr = V(repeating: s.negativeClr)
    Lanes<V>.forEach(n) { lanes in
        let param = lanes.load(p)
        let d = effectiveGrad(lanes.load(g), param, maximize: s.maximize, weightDecay: s.weightDecay)
        let total = lanes.load(acc).addingProduct(d, d)
        lanes.store(total, acc)
        lanes.store(param + (clr * d) / (V.vmlSqrt(total) + eps), p)
    }
}
