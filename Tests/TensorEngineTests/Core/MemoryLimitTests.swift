import Testing
@testable import TensorEngine

@Suite struct MemoryLimitTests {
    @Test func allocationAboveTheLimitRaisesOutOfMemory() throws {
        // 2^40 floats is far above any machine's limit; the engine must refuse it, not crash.
        #expect {
            try Tensor.zeros([1 << 20, 1 << 20])
        } throws: { error in
            guard let e = error as? TensorError else { return false }
            return e.kind == .outOfMemory && e.message.hasPrefix("CPU out of memory. Tried to allocate 4096.00 GiB")
        }
    }

    @Test func overflowingShapesRaiseInsteadOfTrapping() {
        #expect(throws: TensorError.self) { try Tensor.zeros([Int.max, 4]) }
        #expect(throws: TensorError.self) { try Tensor.zeros([-1, 3]) }
    }

    @Test func liveStoragesCountTowardsTheLimit() throws {
        let before = MemoryLimit.liveBytes
        let t = try Tensor.zeros([1024])
        #expect(MemoryLimit.liveBytes >= before + t.numel * 4 - 1 || MemoryLimit.liveBytes > 0)
    }
}
