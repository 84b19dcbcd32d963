/// `slice(start, stop, step)`; the parts are arbitrary values (usually ints or None).
public final class PySlice: PyObject, @unchecked Sendable {
    public private(set) var start: PyValue
    public private(set) var stop: PyValue
    public private(set) var step: PyValue

    public init(start: PyValue, stop: PyValue, step: PyValue) {
        self.start = start
        self.stop = stop
        self.step = step
        super.init(type: .slice)
    }

    deinit {
        let parts = [start, stop, step]
        (start, stop, step) = (.none, .none, .none)
        Trashcan.releaseIfNested(consume parts)
    }
}

/// A slice resolved against a sequence length (`slice.indices(len)`).
public struct SliceIndices: Sequence {
    public var start: Int
    public var stop: Int
    public var step: Int
    public var count: Int

    public func makeIterator() -> StrideToIterator<Int> {
        stride(from: start, to: start + count * step, by: step).makeIterator()
    }
}
