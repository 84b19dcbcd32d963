/// `repr(tensor)` / `str(tensor)` exactly as PyTorch prints them (see Printing/).
extension Tensor: CustomStringConvertible {
    /// The printer's view of this tensor: elements read lazily, so summarised
    /// printing of a huge tensor touches only its edges.
    public func printable(isParameter: Bool = false) -> PrintableTensor {
        PrintableTensor(shape: shape, dtype: dtype, gradFnName: gradFn?.name,
                        requiresGrad: requiresGrad, isParameter: isParameter) { [self] flat in
            switch scalar(atFlatIndex: flat) {
            case .bool(let b): .bool(b)
            case .int(let i): .int(i)
            case .double(let d): .float(d)
            }
        }
    }

    public var description: String { formatTensor(printable()) }
}
