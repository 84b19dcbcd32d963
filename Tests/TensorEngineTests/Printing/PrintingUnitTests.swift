import Testing
@testable import TensorEngine

/// Hand-written checks of the documented PyTorch printing facts
/// (the exhaustive comparison against torch lives in PrintingFixtureTests).
@Suite struct PrintingUnitTests {
    func f32(_ xs: [Float], shape: [Int]? = nil) -> PrintableTensor {
        PrintableTensor(shape: shape ?? [xs.count], doubles: xs.map(Double.init))
    }

    @Test func defaultOptions() {
        let o = PrintOptions()
        #expect(o.precision == 4 && o.threshold == 1000 && o.edgeitems == 3 && o.linewidth == 80 && o.sciMode == nil)
        #expect(o == .default)
    }

    @Test func setPrintOptionsSemantics() {
        var o = PrintOptions()
        o.set(profile: .short)
        #expect(o == PrintOptions(precision: 2, threshold: 1000, edgeitems: 2, linewidth: 80))
        o.set(precision: 6, profile: .full, sciMode: true)
        #expect(o == PrintOptions(precision: 6, threshold: .infinity, edgeitems: 3, linewidth: 80, sciMode: true))
        // Like torch: any call without sci_mode resets it to None.
        o.set(linewidth: 100)
        #expect(o.sciMode == nil && o.linewidth == 100 && o.precision == 6)
        o.set(profile: .default)
        #expect(o == .default)
    }

    @Test func processWideOptionsRoundTrip() {
        let saved = PrintOptions.current
        PrintOptions.current = saved
        #expect(PrintOptions.current == saved)
    }

    @Test func floatModes() {
        let o = PrintOptions()
        #expect(formatTensor(f32([1e-4, 1]), options: o) == "tensor([1.0000e-04, 1.0000e+00])")
        #expect(formatTensor(f32([0.001, 1]), options: o) == "tensor([0.0010, 1.0000])")
        #expect(formatTensor(f32([1, 2, 300]), options: o) == "tensor([  1.,   2., 300.])")
        #expect(formatTensor(f32([1, .nan, .infinity, -2]), options: o) == "tensor([ 1., nan, inf, -2.])")
        #expect(formatTensor(f32([1e-5, 0.5]), options: o) == "tensor([1.0000e-05, 5.0000e-01])")
        #expect(formatTensor(f32([0, 0, 0]), options: o) == "tensor([0., 0., 0.])")
        #expect(formatTensor(f32([.nan], shape: []), options: o) == "tensor(nan)")
        #expect(formatTensor(f32([3.14159265], shape: []), options: o) == "tensor(3.1416)")
        #expect(formatTensor(f32([2], shape: []), options: o) == "tensor(2.)")
        #expect(formatTensor(f32([-0.0, 1]), options: o) == "tensor([-0., 1.])")
    }

    @Test func integersAndBools() {
        let o = PrintOptions()
        #expect(formatTensor(PrintableTensor(shape: [3], ints: [1, 2, 300]), options: o) == "tensor([  1,   2, 300])")
        #expect(formatTensor(PrintableTensor(shape: [], ints: [7]), options: o) == "tensor(7)")
        #expect(formatTensor(PrintableTensor(shape: [2], bools: [true, false]), options: o) == "tensor([ True, False])")
        #expect(formatTensor(PrintableTensor(shape: [2], dtype: .int32, ints: [1, -2]), options: o)
                == "tensor([ 1, -2], dtype=torch.int32)")
        #expect(formatTensor(PrintableTensor(shape: [1], dtype: .uint8, ints: [255]), options: o)
                == "tensor([255], dtype=torch.uint8)")
    }

    @Test func emptyTensors() {
        let o = PrintOptions()
        #expect(formatTensor(PrintableTensor(shape: [0], doubles: []), options: o) == "tensor([])")
        #expect(formatTensor(PrintableTensor(shape: [0, 3], doubles: []), options: o) == "tensor([], size=(0, 3))")
        #expect(formatTensor(PrintableTensor(shape: [0], dtype: .int32, ints: []), options: o)
                == "tensor([], dtype=torch.int32)")
        #expect(formatTensor(PrintableTensor(shape: [0], ints: []), options: o) == "tensor([], dtype=torch.int64)")
    }

    @Test func summarisationThreshold() {
        let o = PrintOptions()
        let full = PrintableTensor(shape: [1000], ints: (0..<1000).map(Int64.init))
        #expect(!formatTensor(full, options: o).contains("..."))
        let summarised = PrintableTensor(shape: [1001], ints: (0..<1001).map(Int64.init))
        #expect(formatTensor(summarised, options: o) == "tensor([   0,    1,    2,  ...,  998,  999, 1000])")
        var t5 = PrintOptions(); t5.set(threshold: 5)
        #expect(formatTensor(PrintableTensor(shape: [10], ints: (0..<10).map(Int64.init)), options: t5)
                == "tensor([0, 1, 2,  ..., 7, 8, 9])")
    }

    @Test func suffixes() {
        let o = PrintOptions()
        let values: [Double] = [3.0820, -0.5869, -4.3576, 1.1369, -2.1690, -2.7972]
        let t = PrintableTensor(shape: [2, 3], dtype: .float64, doubles: values, gradFnName: "MulBackward0")
        #expect(formatTensor(t, options: o) == """
            tensor([[ 3.0820, -0.5869, -4.3576],
                    [ 1.1369, -2.1690, -2.7972]], dtype=torch.float64,
                   grad_fn=<MulBackward0>)
            """)
        let leaf = PrintableTensor(shape: [2], doubles: [1, 2], requiresGrad: true)
        #expect(formatTensor(leaf, options: o) == "tensor([1., 2.], requires_grad=True)")
        let named = PrintableTensor(shape: [2], doubles: [1, 2], gradFnName: "AddBackward0", requiresGrad: true)
        #expect(formatTensor(named, options: o) == "tensor([1., 2.], grad_fn=<AddBackward0>)")
        let p = PrintableTensor(shape: [2], doubles: [0, 0], requiresGrad: true, isParameter: true)
        #expect(formatTensor(p, options: o) == "Parameter containing:\ntensor([0., 0.], requires_grad=True)")
    }

    @Test func sizesAndTuples() {
        #expect(formatSize([2, 3]) == "torch.Size([2, 3])")
        #expect(formatSize([]) == "torch.Size([])")
        #expect(formatShapeTuple([5]) == "(5,)")
        #expect(formatShapeTuple([]) == "()")
        #expect(formatShapeTuple([0, 3]) == "(0, 3)")
    }

    @Test func pythonRepr() {
        typealias F = PythonFloatFormat
        #expect(F.repr(1e16) == "1e+16")
        #expect(F.repr(1e-5) == "1e-05")
        #expect(F.repr(0.0001) == "0.0001")
        #expect(F.repr(9953539463839744.0) == "9953539463839744.0")
        #expect(F.repr(0.1) == "0.1")
        #expect(F.repr(.leastNonzeroMagnitude) == "5e-324")
        #expect(F.repr(1.7976931348623157e308) == "1.7976931348623157e+308")
        #expect(F.repr(-0.0) == "-0.0")
        #expect(F.repr(2) == "2.0")
        #expect(F.repr(Double(Float(0.1))) == "0.10000000149011612")
        #expect(F.fixed(-.nan, precision: 4) == "nan")
        #expect(F.fixed(2.5, precision: 0) == "2")
        #expect(F.scientific(12345, precision: 4) == "1.2345e+04")
        #expect(PrintableElement.bool(true).pythonString == "True")
        #expect(PrintableElement.float(3).pythonString == "3.0")
    }
}
