/// A problem in a lesson file, at a line: `Lessons/01/tensors.md:12: unknown front-matter key 'tilte'`.
public struct LessonError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file, as given to the parser or loader.
    public var file: String
    /// The 1-based line the problem is on (0 when it concerns the whole file).
    public var line: Int
    /// What is wrong, in one sentence without a final period.
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}
