#if canImport(Glibc)
import Glibc
#endif
import Course

/// The full-screen tutor: `pytorch-tutor` with no arguments.
public enum Tutor {
    /// Runs the tutor on the terminal until the learner quits.
    ///
    /// - Returns: the exit status (128 + the signal when a signal ended it).
    public static func run(course: Course) -> Int32 {
        TerminalGuard.install()
        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        guard let screen = CursesScreen.start(theme: noColor ? .monochrome : .colour) else {
            let term = getenv("TERM").flatMap { String(validatingCString: $0) } ?? "unset"
            let message = "pytorch-tutor: the tutor needs an interactive terminal (TERM=\(term)); "
                + "`pytorch-tutor list`, `check` and `run` work without one\n"
            _ = message.withCString { write(2, $0, strlen($0)) }
            return 1
        }
        let app = TutorApp(course: course, screen: screen, stateDirectory: StateDirectory.path(),
                            editFile: ExternalEditor.edit)
        let status = app.run()
        screen.stop()
        return status
    }
}
