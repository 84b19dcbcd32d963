import Testing
@testable import TensorEngine

// Numerical gradient checks in float64, like `torch.autograd.gradcheck`.
//
// The analytical side is one vector-Jacobian product: backward of
// `(out * w).sum()` with fixed random weights `w`. The numerical side perturbs
// each input element by ±eps and takes the central difference of the same
// weighted sum. Inputs must be float64 leaves whose elements do not overlap
// (no stride-0 dims); any layout (transposed, sliced with a step) is fine.
//
// The helpers never switch grad mode off: numerical evaluations record a graph
// they then drop, so they cannot disturb tests running on other threads.

/// A float64 leaf of normally distributed values, `requires_grad=True` unless told otherwise.
func randomInput(_ shape: [Int], seed: UInt64 = 1, requiresGrad: Bool = true) throws -> Tensor {
    let t = try Tensor.randn(shape, dtype: .float64, generator: Generator(seed: seed))
    return requiresGrad ? try t.requiresGrad_() : t
}

/// A float64 leaf of uniform values in `low..<high` (away from singular points).
func uniformInput(_ shape: [Int], _ low: Double, _ high: Double, seed: UInt64 = 1,
                  requiresGrad: Bool = true) throws -> Tensor {
    let u = try Tensor.rand(shape, dtype: .float64, generator: Generator(seed: seed))
    let t = try u.mul(.double(high - low)).add(.double(low))
    return requiresGrad ? try t.requiresGrad_() : t
}

/// A float64 leaf with the given values.
func leaf(_ values: [Double], _ shape: [Int]? = nil, requiresGrad: Bool = true) throws -> Tensor {
    let t = try Tensor.from(values, shape: shape ?? [values.count])
    return requiresGrad ? try t.requiresGrad_() : t
}

/// Storage offsets of a tensor's elements in row-major order.
func storageOffsets(_ t: Tensor) -> [Int] {
    var out: [Int] = []
    out.reserveCapacity(t.numel)
    if t.shape.contains(0) { return out }
    var index = [Int](repeating: 0, count: t.dim)
    for _ in 0..<t.numel {
        var off = t.offset
        for d in 0..<t.dim { off += index[d] * t.strides[d] }
        out.append(off)
        var d = t.dim - 1
        while d >= 0 {
            index[d] += 1
            if index[d] < t.shape[d] { break }
            index[d] = 0
            d -= 1
        }
    }
    return out
}

private func describe(_ values: [Double]) -> String {
    "[" + values.map { String($0) }.joined(separator: ", ") + "]"
}

/// Checks the analytical gradients of a single-output function against finite differences.
func gradcheck(_ f: ([Tensor]) throws -> Tensor, inputs: [Tensor], eps: Double = 1e-6, atol: Double = 1e-5,
               rtol: Double = 1e-3, sourceLocation: SourceLocation = #_sourceLocation) {
    gradcheck(outputs: { [try f($0)] }, inputs: inputs, eps: eps, atol: atol, rtol: rtol,
              sourceLocation: sourceLocation)
}

/// Checks a function with several outputs (non-float outputs such as indices are ignored).
func gradcheck(outputs f: ([Tensor]) throws -> [Tensor], inputs: [Tensor], eps: Double = 1e-6,
               atol: Double = 1e-5, rtol: Double = 1e-3, sourceLocation: SourceLocation = #_sourceLocation) {
    do {
        let diff = inputs.filter(\.requiresGrad)
        guard !diff.isEmpty else {
            Issue.record("gradcheck: no input requires grad", sourceLocation: sourceLocation)
            return
        }
        for x in inputs where x.requiresGrad && x.dtype != .float64 {
            Issue.record("gradcheck: inputs must be float64, got \(x.dtype)", sourceLocation: sourceLocation)
            return
        }
        // Analytical: one vector-Jacobian product with fixed random weights.
        let outs = try f(inputs).filter(\.isFloatingPoint)
        let weights = try outs.enumerated().map { i, o in
            try Tensor.randn(o.shape, dtype: o.dtype, generator: Generator(seed: 1000 + UInt64(i)))
        }
        for o in outs where o.dtype != .float64 {
            Issue.record("gradcheck: output dtype is \(o.dtype), expected float64", sourceLocation: sourceLocation)
        }
        let recorded = outs.indices.filter { outs[$0].requiresGrad }
        var analytical: [[Double]] = diff.map { [Double](repeating: 0, count: $0.numel) }
        if !recorded.isEmpty {
            var loss = try outs[recorded[0]].mul(weights[recorded[0]]).sum()
            for i in recorded.dropFirst() { loss = try loss.add(outs[i].mul(weights[i]).sum()) }
            let grads = try Autograd.grad(outputs: [loss], inputs: diff, allowUnused: true)
            for (k, g) in grads.enumerated() {
                guard let g else { continue }
                if g.shape != diff[k].shape {
                    Issue.record("gradcheck: gradient of input \(k) has shape \(g.shape), expected \(diff[k].shape)",
                                 sourceLocation: sourceLocation)
                    return
                }
                analytical[k] = g.toArray(Double.self)
            }
        }
        // Numerical: central differences of the same weighted sum.
        let w = weights.map { $0.toArray(Double.self) }
        func loss() throws -> Double {
            let outs = try f(inputs).filter(\.isFloatingPoint)
            var total = 0.0
            for (o, wo) in zip(outs, w) {
                for (a, b) in zip(o.toArray(Double.self), wo) { total += a * b }
            }
            return total
        }
        for (k, x) in diff.enumerated() {
            let p = x.storage.pointer(as: Double.self)
            var numerical: [Double] = []
            for off in storageOffsets(x) {
                let original = p[off]
                p[off] = original + eps
                let plus = try loss()
                p[off] = original - eps
                let minus = try loss()
                p[off] = original
                numerical.append((plus - minus) / (2 * eps))
            }
            let bad = zip(analytical[k], numerical).contains { a, n in
                !(Swift.abs(a - n) <= atol + rtol * Swift.abs(n))
            }
            if bad {
                Issue.record("""
                    gradcheck: Jacobian mismatch for input \(k) of shape \(x.shape)
                      analytical: \(describe(analytical[k]))
                      numerical:  \(describe(numerical))
                    """, sourceLocation: sourceLocation)
            }
        }
    } catch {
        Issue.record("gradcheck threw \(error)", sourceLocation: sourceLocation)
    }
}

/// Checks second derivatives: the gradient of `Σ (first-order grads · v)` built
/// with `createGraph: true`, against finite differences of the first-order grads.
func gradgradcheck(_ f: ([Tensor]) throws -> Tensor, inputs: [Tensor], eps: Double = 1e-6, atol: Double = 1e-5,
                   rtol: Double = 1e-3, sourceLocation: SourceLocation = #_sourceLocation) {
    do {
        let diff = inputs.filter(\.requiresGrad)
        let probe = try f(inputs)
        let w = try Tensor.randn(probe.shape, dtype: .float64, generator: Generator(seed: 2000))
        let v = try diff.enumerated().map { i, x in
            try Tensor.randn(x.shape, dtype: .float64, generator: Generator(seed: 3000 + UInt64(i)))
        }
        /// Σ_i <d(out·w)/dx_i, v_i>, as a tensor (recorded when `createGraph`).
        func firstOrder(createGraph: Bool) throws -> Tensor {
            let out = try f(inputs)
            let grads = try Autograd.grad(outputs: [out.mul(w).sum()], inputs: diff, createGraph: createGraph,
                                          allowUnused: true)
            var h = try Tensor.zeros([], dtype: .float64)
            for (g, vi) in zip(grads, v) {
                if let g { h = try h.add(g.mul(vi).sum()) }
            }
            return h
        }
        let h = try firstOrder(createGraph: true)
        var analytical: [[Double]] = diff.map { [Double](repeating: 0, count: $0.numel) }
        if h.requiresGrad {
            let grads = try Autograd.grad(outputs: [h], inputs: diff, allowUnused: true)
            for (k, g) in grads.enumerated() {
                if let g { analytical[k] = g.toArray(Double.self) }
            }
        }
        for (k, x) in diff.enumerated() {
            let p = x.storage.pointer(as: Double.self)
            var numerical: [Double] = []
            for off in storageOffsets(x) {
                let original = p[off]
                p[off] = original + eps
                let plus = try firstOrder(createGraph: false).item().doubleValue
                p[off] = original - eps
                let minus = try firstOrder(createGraph: false).item().doubleValue
                p[off] = original
                numerical.append((plus - minus) / (2 * eps))
            }
            let bad = zip(analytical[k], numerical).contains { a, n in
                !(Swift.abs(a - n) <= atol + rtol * Swift.abs(n))
            }
            if bad {
                Issue.record("""
                    gradgradcheck: second-order mismatch for input \(k) of shape \(x.shape)
                      analytical: \(describe(analytical[k]))
                      numerical:  \(describe(numerical))
                    """, sourceLocation: sourceLocation)
            }
        }
    } catch {
        Issue.record("gradgradcheck threw \(error)", sourceLocation: sourceLocation)
    }
}

/// Whether two float tensors have the same shape and values (NaNs equal), within `tol`.
func sameValues(_ a: Tensor, _ b: Tensor, tol: Double = 0) -> Bool {
    guard a.shape == b.shape else { return false }
    return zip(a.toArray(Double.self), b.toArray(Double.self)).allSatisfy { x, y in
        (x.isNaN && y.isNaN) || x == y || Swift.abs(x - y) <= tol * Swift.max(1, Swift.abs(y))
    }
}
