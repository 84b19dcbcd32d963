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

    /// `torch.promote_types` for every pair, as printed by torch 2.15 (rows and columns in
    /// the order bool, uint8, int8, int16, int32, int64, float16, float32, float64).
    @Test func fullPromotionTable() {
        let order: [DType] = [.bool, .uint8, .int8, .int16, .int32, .int64, .float16, .float32, .float64]
        let table = [
            "bool uint8 int8 int16 int32 int64 float16 float32 float64",
            "uint8 uint8 int16 int16 int32 int64 float16 float32 float64",
            "int8 int16 int8 int16 int32 int64 float16 float32 float64",
            "int16 int16 int16 int16 int32 int64 float16 float32 float64",
            "int32 int32 int32 int32 int32 int64 float16 float32 float64",
            "int64 int64 int64 int64 int64 int64 float16 float32 float64",
            "float16 float16 float16 float16 float16 float16 float16 float32 float64",
            "float32 float32 float32 float32 float32 float32 float32 float32 float64",
            "float64 float64 float64 float64 float64 float64 float64 float64 float64",
        ]
        for (a, row) in zip(order, table) {
            for (b, name) in zip(order, row.split(separator: " ")) {
                #expect(DType.promote(a, b).shortName == name, "promote(\(a), \(b))")
            }
        }
    }

    @Test func smallDTypeNames() {
        #expect(DType.float16.legacyTypeName == "torch.HalfTensor" && DType.float16.scalarTypeName == "Half")
        #expect(DType.int16.legacyTypeName == "torch.ShortTensor" && DType.int16.scalarTypeName == "Short")
        #expect(DType.int8.legacyTypeName == "torch.CharTensor" && DType.int8.scalarTypeName == "Char")
        #expect(DType.float16.itemSize == 2 && DType.float16.isFloatingPoint && DType.float16.opmath == .float32)
    }

    /// A Python float takes PyTorch's route into float16: rounded to float, then to half.
    @Test func float16ConversionRoundsThroughFloat() {
        #expect(Float16.from(double: 0.1) == Float16(0.0999755859375))
        #expect(Float16.from(double: 65520) == .infinity)
        #expect(Float16(65504).asInt64 == 65504 && Int8.from(double: 300.7) == 44 && Int16.from(double: 70000) == 4464)
    }
}
