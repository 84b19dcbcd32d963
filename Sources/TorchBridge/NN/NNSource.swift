/// The Python source of `torch.nn`.
enum NNSource {
    static let module = #"""
"""#
}
