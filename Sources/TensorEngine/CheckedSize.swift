/// Integer arithmetic on user-supplied sizes (kernel sizes, paddings, strides) that
/// remembers overflow instead of trapping, so absurd arguments become an error.
///
///     let padded = try (Sized(h) + 2 * Sized(pad)).value()
struct Sized: ExpressibleByIntegerLiteral {
    private let raw: Int
    private let overflow: Bool

    init(_ v: Int) { raw = v; overflow = false }
    init(integerLiteral v: Int) { self.init(v) }
    private init(_ v: Int, _ o: Bool) { raw = v; overflow = o }

    /// The result, or PyTorch's out-of-memory error when any step overflowed.
    func value() throws(TensorError) -> Int {
        if overflow { throw TensorError(.outOfMemory, "CPU out of memory: the requested sizes do not fit in 64-bit integers") }
        return raw
    }

    static func + (a: Sized, b: Sized) -> Sized {
        let (v, o) = a.raw.addingReportingOverflow(b.raw)
        return Sized(v, o || a.overflow || b.overflow)
    }
    static func - (a: Sized, b: Sized) -> Sized {
        let (v, o) = a.raw.subtractingReportingOverflow(b.raw)
        return Sized(v, o || a.overflow || b.overflow)
    }
    static func * (a: Sized, b: Sized) -> Sized {
        let (v, o) = a.raw.multipliedReportingOverflow(by: b.raw)
        return Sized(v, o || a.overflow || b.overflow)
    }
    /// Division rounding toward negative infinity (PyTorch's `div_rtn`); `b` must not be zero.
    static func / (a: Sized, b: Sized) -> Sized {
        guard b.raw != 0, !(a.raw == .min && b.raw == -1) else { return Sized(0, true) }
        let q = a.raw / b.raw, r = a.raw % b.raw
        return Sized(r != 0 && (r < 0) != (b.raw < 0) ? q - 1 : q, a.overflow || b.overflow)
    }

    /// Division rounding toward zero, as C++ `/`; `b` must not be zero.
    func truncatingDivided(by b: Sized) -> Sized {
        guard b.raw != 0, !(raw == .min && b.raw == -1) else { return Sized(0, true) }
        return Sized(raw / b.raw, overflow || b.overflow)
    }
}
