/// The whole course: modules of lessons, plus the lesson files that failed to load (the rest
/// of the course stays usable).
public struct Course: Sendable {
    /// The folder the lessons were read from.
    public var root: String
    /// Modules in order, each with its lessons in order.
    public var modules: [CourseModule]
    /// One error per lesson file that could not be read or parsed.
    public var errors: [LessonError]

    public init(root: String, modules: [CourseModule], errors: [LessonError]) {
        self.root = root
        self.modules = modules
        self.errors = errors
    }

    /// Every lesson, module by module.
    public var lessons: [Lesson] { modules.flatMap(\.lessons) }

    /// The lesson with this id.
    public func lesson(id: String) -> Lesson? { lessons.first { $0.id == id } }
}

/// A module of the course ("Module 1: Introduction to PyTorch").
public struct CourseModule: Equatable, Sendable {
    /// The module's number (the lessons' `module` field).
    public var number: Int
    /// Its title from the course outline (`Lessons/README.md`), or "Module N".
    public var title: String
    /// Its lessons, by `order`.
    public var lessons: [Lesson]

    public init(number: Int, title: String, lessons: [Lesson]) {
        self.number = number
        self.title = title
        self.lessons = lessons
    }
}
