import Testing
@testable import TensorEngine

@Suite struct DTypeTests {
    @Test func promoteTypesMatchesPyTorch() {
        #expect(DType.promote(.bool, .uint8) == .uint8)
        #expect(DType.promote(.uint8, .int32) == .int32)
        #expect(DType.promote(.int32, .int64) == .int64)
        #expect(DType.promote(.int64, .float32) == .float32)
        #expect(DType.promote(.float32, .float64) == .float64)
        #expect(DType.promote(.bool, .float64) == .float64)
    }
}
