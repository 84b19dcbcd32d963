/// `torch.einsum`: Einstein summation over labelled dims.
///
/// Note [Einsum plan]
/// The engine follows PyTorch's own plan step by step, so results, and the `grad_fn`
/// chain a learner can inspect, match: every operand is aligned to one dim order
/// (output labels first, then contracted labels in alphabetical order, A-Z before
/// a-z) by taking diagonals for repeated labels, unsqueezing missing labels at the
/// end and one `permute`. A single operand is then summed over the contracted dims
/// in one `sum`. Several operands are contracted left to right: dims only one side
/// still needs are summed first (keepdim), and each pair is multiplied, or, when
/// dims are summed, permuted and reshaped into one `bmm` whose result is viewed and
/// permuted back. A final `view` drops the contracted dims.
extension Tensor {
    /// `torch.einsum(equation, *operands)`.
    public static func einsum(_ equation: String, _ operands: [Tensor]) throws(TensorError) -> Tensor {
        let eq = try EinsumEquation(equation, operandCount: operands.count)
        return try eq.evaluate(operands)
    }
}

/// A parsed einsum equation: labels are 0..<52 (`A`-`Z`, then `a`-`z`); `ellipsis` marks `...`.
struct EinsumEquation {
    static let ellipsis = 52
    /// The labels of each operand.
    let inputs: [[Int]]
    /// The output labels, or nil for an implicit output.
    let output: [Int]?
    let text: String

    init(_ equation: String, operandCount: Int) throws(TensorError) {
        text = equation
        let chars = Array(equation.utf8)
        var arrow: Int? = nil
        for i in 0..<Swift.max(chars.count - 1, 0) where chars[i] == UInt8(ascii: "-") && chars[i + 1] == UInt8(ascii: ">") {
            arrow = i
            break
        }
        let lhs = Array(chars[..<(arrow ?? chars.count)])
        var inputs: [[Int]] = [[]]
        var seenEllipsis = false
        var i = 0
        while i < lhs.count {
            let c = lhs[i]
            switch c {
            case UInt8(ascii: " "): break
            case UInt8(ascii: "."):
                let op = inputs.count - 1
                if seenEllipsis { throw .runtime("einsum(): found '.' for operand \(op) for which an ellipsis was already found") }
                guard i + 2 < lhs.count, lhs[i + 1] == c, lhs[i + 2] == c else {
                    throw .runtime("einsum(): found '.' for operand \(op) that is not part of any ellipsis")
                }
                i += 2
                inputs[inputs.count - 1].append(Self.ellipsis)
                seenEllipsis = true
            case UInt8(ascii: ","):
                guard inputs.count < operandCount else {
                    throw .runtime("einsum(): fewer operands were provided than specified in the equation")
                }
                inputs.append([])
                seenEllipsis = false
            default:
                guard let label = Self.label(c) else {
                    throw .runtime("einsum(): invalid subscript given at index \(i) in the equation string, subscripts must be in [a-zA-Z]")
                }
                inputs[inputs.count - 1].append(label)
            }
            i += 1
        }
        guard inputs.count == operandCount else {
            throw .runtime("einsum(): more operands were provided than specified in the equation")
        }
        self.inputs = inputs
        if let arrow {
            var out: [Int] = []
            let rhs = Array(chars[(arrow + 2)...])
            var j = 0
            while j < rhs.count {
                let c = rhs[j]
                switch c {
                case UInt8(ascii: " "): break
                case UInt8(ascii: "."):
                    if out.contains(Self.ellipsis) { throw .runtime("einsum(): found '.' for output but an ellipsis (...) was already found") }
                    guard j + 2 < rhs.count, rhs[j + 1] == c, rhs[j + 2] == c else {
                        throw .runtime("einsum(): found '.' for output that is not part of any ellipsis (...)")
                    }
                    j += 2
                    out.append(Self.ellipsis)
                default:
                    guard let label = Self.label(c) else {
                        throw .runtime("einsum(): invalid subscript given at index \(lhs.count + 2 + j) in the equation string, subscripts must be in [a-zA-Z]")
                    }
                    let name = Self.name(label)
                    if out.contains(label) { throw .runtime("einsum(): output subscript \(name) appears more than once in the output") }
                    if !inputs.contains(where: { $0.contains(label) }) {
                        throw .runtime("einsum(): output subscript \(name) does not appear in the equation for any input operand")
                    }
                    out.append(label)
                }
                j += 1
            }
            output = out
        } else {
            output = nil
        }
    }

    static func label(_ c: UInt8) -> Int? {
        switch c {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): Int(c - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): Int(c - UInt8(ascii: "a")) + 26
        default: nil
        }
    }

    static func name(_ label: Int) -> String {
        String(UnicodeScalar(UInt8(label < 26 ? label + 65 : label - 26 + 97)))
    }

    // MARK: - Evaluation

    func evaluate(_ operands: [Tensor]) throws(TensorError) -> Tensor {
        // Dims per operand, and how many dims the ellipsis covers at most.
        var labelCount = [Int](repeating: 0, count: 52)
        var ellipsisDims = 0
        for (i, (labels, t)) in zip(inputs, operands).enumerated() {
            var named = labels.count
            let hasEllipsis = labels.contains(Self.ellipsis)
            if hasEllipsis { named -= 1; ellipsisDims = Swift.max(ellipsisDims, t.dim - named) }
            for l in labels where l != Self.ellipsis { labelCount[l] += 1 }
            guard hasEllipsis ? named <= t.dim : named == t.dim else {
                throw .runtime("einsum(): the number of subscripts in the equation (\(named)) \(hasEllipsis ? "is more than" : "does not match") the number of dimensions (\(t.dim)) for operand \(i)\(hasEllipsis ? "" : " and no ellipsis was given")")
            }
        }
        // Positions: output dims, then the ellipsis if contracted, then contracted labels.
        var position = [Int](repeating: -1, count: 52)
        var ellipsisAt = 0, next = 0
        if let output {
            for l in output {
                if l == Self.ellipsis { ellipsisAt = next; next += ellipsisDims } else { position[l] = next; next += 1 }
            }
        } else {
            next = ellipsisDims
            for l in 0..<52 where labelCount[l] == 1 { position[l] = next; next += 1 }
        }
        let outDims = next
        if let output, !output.contains(Self.ellipsis) { ellipsisAt = next; next += ellipsisDims }
        for l in 0..<52 where labelCount[l] > 0 && position[l] == -1 { position[l] = next; next += 1 }
        let total = next

        // Align every operand to the common dim order.
        var labelSize = [Int](repeating: 1, count: 52)
        var ellipsisSize = [Int](repeating: 1, count: ellipsisDims)
        var dimCounts = [Int](repeating: 0, count: total)
        var aligned: [Tensor] = []
        for (i, (labels, t)) in zip(inputs, operands).enumerated() {
            var op = t
            var permutation = [Int](repeating: -1, count: total)
            var d = 0
            for l in labels {
                if l == Self.ellipsis {
                    let covered = t.dim - (labels.count - 1)
                    for j in (ellipsisDims - covered)..<ellipsisDims {
                        let size = op.shape[d]
                        if size != 1 {
                            guard ellipsisSize[j] == 1 || ellipsisSize[j] == size else {
                                throw .runtime("einsum(): dimension \(d) covered by ellipsis in operand \(i)has size \(size) which does not broadcast with previously seen ellipsis with size \(ellipsisSize[j]) for the respective dimension")
                            }
                            ellipsisSize[j] = size
                            dimCounts[ellipsisAt + j] += 1
                        }
                        permutation[ellipsisAt + j] = d
                        d += 1
                    }
                } else if permutation[position[l]] == -1 {
                    let size = op.shape[d]
                    if size != 1 {
                        guard labelSize[l] == 1 || labelSize[l] == size else {
                            throw .runtime("einsum(): subscript \(Self.name(l)) has size \(size) for operand \(i) which does not broadcast with previously seen size \(labelSize[l])")
                        }
                        labelSize[l] = size
                        dimCounts[position[l]] += 1
                    }
                    permutation[position[l]] = d
                    d += 1
                } else {
                    let previous = permutation[position[l]]
                    guard op.shape[d] == op.shape[previous] else {
                        throw .runtime("einsum(): subscript \(Self.name(l)) is repeated for operand \(i) but the sizes don't match, \(op.shape[d]) != \(op.shape[previous])")
                    }
                    op = try op.diagonal(offset: 0, dim1: previous, dim2: d).moveLastDim(to: previous)
                }
            }
            for k in 0..<total where permutation[k] == -1 {
                op = try op.unsqueeze(d)
                permutation[k] = d
                d += 1
            }
            aligned.append(try op.permute(permutation))
        }

        if aligned.count == 1 {
            return total > outDims ? try aligned[0].sum(dims: Array(outDims..<total)) : aligned[0]
        }
        var result = aligned[0]
        for b0 in aligned.dropFirst() {
            var a = result, b = b0
            var sumDims: [Int] = [], aOnly: [Int] = [], bOnly: [Int] = []
            for d in outDims..<total {
                if a.shape[d] != 1 && b.shape[d] != 1 {
                    dimCounts[d] -= 1
                    if dimCounts[d] == 1 { sumDims.append(d); dimCounts[d] = 0 }
                } else if dimCounts[d] == 1 {
                    if a.shape[d] != 1 { aOnly.append(d); dimCounts[d] = 0 } else if b.shape[d] != 1 { bOnly.append(d); dimCounts[d] = 0 }
                }
            }
            if !aOnly.isEmpty { a = try a.sum(dims: aOnly, keepdim: true) }
            if !bOnly.isEmpty { b = try b.sum(dims: bOnly, keepdim: true) }
            result = try Self.sumProductPair(a, b, sumDims)
        }
        if total > outDims { return try result.view(Array(result.shape.prefix(outDims))) }
        return result
    }

    /// PyTorch's `sumproduct_pair` with keepdim: `a * b` summed over `sumDims` (left as
    /// size 1), through one `bmm` of the permuted and flattened operands.
    static func sumProductPair(_ left: Tensor, _ right: Tensor, _ sumDims: [Int]) throws(TensorError) -> Tensor {
        if sumDims.isEmpty { return try left.mul(right) }
        guard left.dtype == right.dtype else {
            throw .runtime("expected scalar type \(left.dtype.scalarTypeName) but found \(right.dtype.scalarTypeName)")
        }
        var a = left, b = right
        var both: [Int] = [], leftOnly: [Int] = [], rightOnly: [Int] = []
        var bothSize = 1, leftSize = 1, rightSize = 1, sumSize = 1
        for d in 0..<a.dim {
            let sl = a.shape[d] != 1, sr = b.shape[d] != 1
            if sumDims.contains(d) {
                if sl && sr { sumSize *= a.shape[d] } else if sl { a = try a.sum(dims: [d], keepdim: true) } else if sr { b = try b.sum(dims: [d], keepdim: true) }
            } else if sl && sr {
                both.append(d); bothSize *= a.shape[d]
            } else if sl {
                leftOnly.append(d); leftSize *= a.shape[d]
            } else {
                rightOnly.append(d); rightSize *= b.shape[d]
            }
        }
        let outSize = both.map { a.shape[$0] } + leftOnly.map { a.shape[$0] } + sumDims.map { _ in 1 } + rightOnly.map { b.shape[$0] }
        let leftOrder = both + leftOnly + sumDims + rightOnly
        let rightOrder = both + sumDims + rightOnly + leftOnly
        var outOrder = [Int](repeating: 0, count: leftOrder.count)
        for (i, d) in leftOrder.enumerated() { outOrder[d] = i }
        let l3 = try a.permute(leftOrder).reshape([bothSize, leftSize, sumSize])
        let r3 = try b.permute(rightOrder).reshape([bothSize, sumSize, rightSize])
        return try l3.bmm(r3).view(outSize).permute(outOrder)
    }
}

extension Tensor {
    /// `movedim(-1, d)` as a recorded permute.
    func moveLastDim(to d: Int) throws(TensorError) -> Tensor {
        var order = Array(0..<(dim - 1))
        order.insert(dim - 1, at: d)
        return try permute(order)
    }
}
