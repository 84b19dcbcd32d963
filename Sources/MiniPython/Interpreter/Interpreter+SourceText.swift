extension Interpreter {
    /// Makes tracebacks show the lines of `text` for frames in `filename`.
    ///
    /// For hosts that run a larger file piece by piece (the tutor runs a lesson's code blocks
    /// one at a time, padded to the lesson's line numbers): ``execute(_:filename:in:)`` records
    /// only the piece it ran, so a function defined by an earlier piece would otherwise show
    /// no source line. Call it after each `execute`.
    public func showSource(_ text: String, forFile filename: String) {
        sourceLines[filename] = text.split(separator: "\n", omittingEmptySubsequences: false)
    }
}
