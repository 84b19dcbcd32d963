#if canImport(Glibc)
import Glibc
#endif
import Course
import MiniPython

/// `list`: modules, lessons and the learner's progress, then the lesson files that failed to
/// load (status 1 if any) and a progress file that cannot be read.
enum ListCommand {
    static func run(lessons: String?) -> Int32 {
        let course = CourseLoader.load(root: CourseLocation.root(lessons))
        let (progress, problem) = ProgressStore(directory: StateDirectory.path()).peek()
        print(CourseListing.text(course, progress: progress), terminator: "")
        for error in course.errors { Stderr.write("error: \(error)\n") }
        if let problem { Stderr.write("warning: progress not readable: \(problem) (the tutor keeps it aside when it starts)\n") }
        return course.errors.isEmpty ? 0 : 1
    }
}

/// `check [LESSON...]`: runs lessons headless; status 1 when any lesson fails to load or check.
enum CheckCommand {
    static func run(names: [String], verbose: Bool, lessons: String?) -> Int32 {
        var status: Int32 = 0
        Signals.blockOnThisThread()
        Interpreter.runOnLargeStack {
            Signals.installInterruptHandler()
            status = checkAll(names: names, verbose: verbose, root: CourseLocation.root(lessons))
        }
        return status
    }

    private static func checkAll(names: [String], verbose: Bool, root: String) -> Int32 {
        var selected: [Lesson] = []
        var errors: [LessonError] = []
        if names.isEmpty {
            let course = CourseLoader.load(root: root)
            selected = course.lessons
            errors = course.errors
        } else {
            var cached: Course?
            func course() -> Course {
                let loaded = cached ?? CourseLoader.load(root: root)
                cached = loaded
                return loaded
            }
            for name in names {
                switch CourseLocation.lesson(named: name, in: course()) {
                case .success(let lesson): selected.append(lesson)
                case .failure(let error): errors.append(error)
                }
            }
        }
        for error in errors { say("FAIL  \(error)\n") }
        var failed = errors.count
        let width = selected.map(\.id.count).max() ?? 0
        for lesson in selected {
            if verbose { say("----  \(lesson.id) (\(lesson.file))\n") }
            let report = LessonChecker.check(lesson, interrupt: Signals.interrupt) { event in
                guard verbose else { return }
                switch event {
                case .stdout(let text): say(text)
                case .stderr(let text): Stderr.write(text)
                case .display: break
                }
            }
            let counts = "\(report.stepsRun) code step\(report.stepsRun == 1 ? "" : "s"), \(report.exercisesChecked) exercise\(report.exercisesChecked == 1 ? "" : "s")"
            if report.passed {
                say("ok    \(lesson.id.padding(to: width))  \(counts)\n")
            } else {
                failed += 1
                say("FAIL  \(lesson.id.padding(to: width))  \(lesson.file)\n")
                for problem in report.problems {
                    say("      \(lesson.file):\(problem.line): step '\(problem.step)': "
                        + problem.message.replacingNewlines(with: "\n        ") + "\n")
                }
            }
        }
        let total = selected.count + errors.count
        say("check: \(total) lesson\(total == 1 ? "" : "s"), " + (failed == 0 ? "all passed\n" : "\(failed) failed\n"))
        return failed == 0 ? 0 : 1
    }

    private static func say(_ text: String) {
        StandardStreams.write(text, to: 1)
        StandardStreams.flush()
    }
}

/// `export LESSON [-o FILE.py]`: the lesson as a script for real PyTorch.
enum ExportCommand {
    static func run(name: String, output: String?, lessons: String?) -> Int32 {
        let lesson: Lesson
        switch CourseLocation.lesson(named: name, in: CourseLoader.load(root: CourseLocation.root(lessons))) {
        case .success(let found): lesson = found
        case .failure(let error):
            Stderr.write("pytorch-tutor: \(error)\n")
            return 1
        }
        let script = ScriptExporter.export(lesson)
        guard let output, output != "-" else {
            print(script, terminator: "")
            return 0
        }
        if let message = FileSystem.writeText(script, to: output) {
            Stderr.write("pytorch-tutor: cannot write \(output): \(message)\n")
            return 1
        }
        return 0
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    func replacingNewlines(with separator: String) -> String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: separator)
    }
}
