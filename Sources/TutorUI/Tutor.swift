#if canImport(Glibc)
import Glibc
#endif
import Charts
import Course

/// The full-screen tutor: `pytorch-tutor` with no arguments.
public enum Tutor {
    /// Runs the tutor on the terminal until the learner quits.
    ///
    /// - Parameter color: the `--color` option, for charts and images (and `never` also turns
    ///   the theme monochrome).
    /// - Returns: the exit status (128 + the signal when a signal ended it).
    public static func run(course: Course, color: ColorTier.Choice = .auto) -> Int32 {
        TerminalGuard.install()
        let noColor = (getenv("NO_COLOR").map { $0.pointee != 0 } ?? false) || color == .never
        let tier = ColorTier.detect(choice: color, isTerminal: true) { getenv($0).flatMap { String(validatingCString: $0) } }
        guard let screen = CursesScreen.start(theme: noColor ? .monochrome : .colour) else {
            let term = getenv("TERM").flatMap { String(validatingCString: $0) } ?? "unset"
            let message = "pytorch-tutor: the tutor needs an interactive terminal (TERM=\(term)); "
                + "`pytorch-tutor list`, `check` and `run` work without one\n"
            _ = message.withCString { write(2, $0, strlen($0)) }
            return 1
        }
        let app = TutorApp(course: course, screen: screen, stateDirectory: StateDirectory.path(),
                            editFile: ExternalEditor.edit)
        app.output.chartTier = tier
        let status = app.run()
        screen.stop()
        return status
    }
}
