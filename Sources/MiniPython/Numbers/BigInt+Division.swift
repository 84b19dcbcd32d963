extension Mag {
    /// Magnitude division (Knuth algorithm D). `b` must be nonzero.
    static func divMod(_ a: [UInt64], _ b: [UInt64]) -> (quotient: [UInt64], remainder: [UInt64]) {
        precondition(!b.isEmpty, "BigInt division by zero")
        if compare(a, b) < 0 { return ([], a) }
        if b.count == 1 {
            var q = a
            let r = divSmall(&q, b[0])
            return (q, r == 0 ? [] : [r])
        }
        let s = b[b.count - 1].leadingZeroBitCount
        let v = shiftLeft(b, s)
        var u = shiftLeft(a, s)
        while u.count < a.count + 1 { u.append(0) }
        let n = v.count
        let m = u.count - n
        var q = [UInt64](repeating: 0, count: m)
        let vTop = v[n - 1], vNext = v[n - 2]
        var j = m - 1
        while j >= 0 {
            var qhat: UInt64
            var rhat: UInt64
            var rhatOverflow = false
            let ujn = u[j + n]
            if ujn >= vTop {
                qhat = UInt64.max
                let (r, o) = u[j + n - 1].addingReportingOverflow(vTop)
                rhat = r
                rhatOverflow = o
            } else {
                (qhat, rhat) = vTop.dividingFullWidth((ujn, u[j + n - 1]))
            }
            while !rhatOverflow {
                let (hi, lo) = qhat.multipliedFullWidth(by: vNext)
                if hi > rhat || (hi == rhat && lo > u[j + n - 2]) {
                    qhat -= 1
                    let (r2, o2) = rhat.addingReportingOverflow(vTop)
                    rhat = r2
                    rhatOverflow = o2
                } else {
                    break
                }
            }
            var borrow: UInt64 = 0
            var carry: UInt64 = 0
            for i in 0..<n {
                let (phi, plo) = qhat.multipliedFullWidth(by: v[i])
                let (plo2, c1) = plo.addingReportingOverflow(carry)
                carry = phi &+ (c1 ? 1 : 0)
                let (t1, b1) = u[i + j].subtractingReportingOverflow(plo2)
                let (t2, b2) = t1.subtractingReportingOverflow(borrow)
                u[i + j] = t2
                borrow = (b1 ? 1 : 0) + (b2 ? 1 : 0)
            }
            let (t1, b1) = u[j + n].subtractingReportingOverflow(carry)
            let (t2, b2) = t1.subtractingReportingOverflow(borrow)
            u[j + n] = t2
            if b1 || b2 {
                qhat -= 1
                var c: UInt64 = 0
                for i in 0..<n {
                    let (s1, o1) = u[i + j].addingReportingOverflow(v[i])
                    let (s2, o2) = s1.addingReportingOverflow(c)
                    u[i + j] = s2
                    c = (o1 ? 1 : 0) + (o2 ? 1 : 0)
                }
                u[j + n] = u[j + n] &+ c
            }
            q[j] = qhat
            j -= 1
        }
        normalize(&q)
        var r = Array(u[0..<n])
        normalize(&r)
        return (q, shiftRight(r, s))
    }
}

extension BigInt {
    /// Truncated quotient and remainder (C semantics: quotient rounds toward zero,
    /// remainder has the dividend's sign). Precondition: `divisor` is nonzero.
    public func quotientAndRemainder(dividingBy divisor: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        let (q, r) = Mag.divMod(limbs, divisor.limbs)
        return (BigInt(limbs: q, negative: isNegative != divisor.isNegative),
                BigInt(limbs: r, negative: isNegative))
    }

    /// Floor quotient and remainder (Python semantics: remainder has the divisor's sign).
    /// Precondition: `divisor` is nonzero.
    public func floorDivMod(_ divisor: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        var (q, r) = quotientAndRemainder(dividingBy: divisor)
        if !r.isZero && r.isNegative != divisor.isNegative {
            q = q - .one
            r = r + divisor
        }
        return (q, r)
    }
}
