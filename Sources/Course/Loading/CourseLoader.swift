/// Reads a course folder: every lesson file under it, the module titles from its outline,
/// and an error for each file that fails to load, without stopping at it.
///
/// Lesson files are the `*.md` files in the folder and its subfolders, except files whose
/// name is in capitals (`README.md`, `FORMAT.md`). The outline, `README.md` in the course
/// folder, names the modules with headings such as `## Module 1: Introduction to PyTorch`.
public enum CourseLoader {
    /// Loads the course in `root`.
    public static func load(root: String) -> Course {
        var lessons: [Lesson] = []
        var errors: [LessonError] = []
        for file in lessonFiles(in: root) {
            switch loadLesson(file) {
            case .success(let lesson): lessons.append(lesson)
            case .failure(let error): errors.append(error)
            }
        }
        lessons = rejectDuplicates(lessons, &errors)
        let titles = moduleTitles(FileSystem.readText(FileSystem.join(root, "README.md")) ?? "")
        let numbers = Set(lessons.map(\.module)).sorted()
        let modules = numbers.map { number in
            CourseModule(number: number, title: titles[number] ?? "Module \(number)",
                         lessons: lessons.filter { $0.module == number }.sorted { ($0.order, $0.id) < ($1.order, $1.id) })
        }
        return Course(root: root, modules: modules, errors: errors)
    }

    /// Reads and parses one lesson file.
    public static func loadLesson(_ file: String) -> Result<Lesson, LessonError> {
        guard let text = FileSystem.readText(file) else {
            return .failure(LessonError(file: file, line: 0, message: "cannot read the file"))
        }
        do throws(LessonError) {
            return .success(try LessonParser.parse(text, file: file))
        } catch {
            return .failure(error)
        }
    }

    /// The lesson files under `directory`, depth first, in name order.
    static func lessonFiles(in directory: String) -> [String] {
        var files: [String] = []
        for name in FileSystem.contents(of: directory) ?? [] where !name.hasPrefix(".") {
            let path = FileSystem.join(directory, name)
            if FileSystem.isDirectory(path) {
                files += lessonFiles(in: path)
            } else if name.hasSuffix(".md") && !isDocument(name) {
                files.append(path)
            }
        }
        return files
    }

    /// `README.md`, `FORMAT.md`: documents about the course, not lessons.
    private static func isDocument(_ name: String) -> Bool {
        let stem = name.dropLast(3)
        return stem.contains { $0.isLetter } && !stem.contains { $0.isLowercase }
    }

    /// Keeps the first lesson of each id and of each (module, order) place.
    static func rejectDuplicates(_ lessons: [Lesson], _ errors: inout [LessonError]) -> [Lesson] {
        var ids: [String: String] = [:]
        var places: [String: String] = [:]
        var kept: [Lesson] = []
        for lesson in lessons {
            let place = "\(lesson.module).\(lesson.order)"
            if let other = ids[lesson.id] {
                errors.append(LessonError(file: lesson.file, line: 0, message: "lesson id '\(lesson.id)' is already used by \(other)"))
            } else if let other = places[place] {
                errors.append(LessonError(file: lesson.file, line: 0,
                                          message: "module \(lesson.module), order \(lesson.order) is already taken by \(other)"))
            } else {
                ids[lesson.id] = lesson.file
                places[place] = lesson.file
                kept.append(lesson)
            }
        }
        return kept
    }

    /// Module titles from headings `Module N: Title` (or `Module N — Title`) of any level.
    static func moduleTitles(_ outline: String) -> [Int: String] {
        var titles: [Int: String] = [:]
        for line in outline.split(separator: "\n") {
            let text = line.drop { $0 == "#" }.trimmingSpaces
            guard line.hasPrefix("#"), text.hasPrefix("Module ") else { continue }
            let rest = text.dropFirst("Module ".count)
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard let number = Int(digits) else { continue }
            let title = rest.dropFirst(digits.count).drop { " :—–-".contains($0) }.trimmingSpaces
            if !title.isEmpty { titles[number] = String(title) }
        }
        return titles
    }
}
