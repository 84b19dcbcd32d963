#if canImport(Glibc)
import Glibc
#endif
import Course

/// Finds the course folder and the lessons a command names.
enum CourseLocation {
    /// The course folder: `--lessons`, else `$PYTORCH_TUTOR_LESSONS`, else `./Lessons`, else
    /// a `Lessons` folder in one of the program's parent folders (`.build/release/..`).
    static func root(_ option: String?) -> String {
        if let option { return option }
        if let env = getenv("PYTORCH_TUTOR_LESSONS"), let path = String(validatingCString: env), !path.isEmpty {
            return path
        }
        if FileSystem.isDirectory("Lessons") { return "Lessons" }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if count > 0 {
            var directory = FileSystem.directory(of: String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self))
            for _ in 0..<5 {
                let candidate = FileSystem.join(directory, "Lessons")
                if FileSystem.isDirectory(candidate) { return candidate }
                directory = FileSystem.directory(of: directory)
            }
        }
        return "Lessons"
    }

    /// The lesson a command-line name refers to: a lesson file's path, or an id in `course`.
    static func lesson(named name: String, in course: @autoclosure () -> Course) -> Result<Lesson, LessonError> {
        if name.hasSuffix(".md") || name.contains("/") {
            return CourseLoader.loadLesson(name)
        }
        let loaded = course()
        if let lesson = loaded.lesson(id: name) { return .success(lesson) }
        let known = loaded.lessons.map(\.id).joined(separator: ", ")
        return .failure(LessonError(file: loaded.root, line: 0,
                                    message: "no lesson with id '\(name)' (lessons: \(known.isEmpty ? "none" : known))"))
    }
}
