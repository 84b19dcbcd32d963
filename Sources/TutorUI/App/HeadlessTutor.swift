import Charts
import Course

/// The tutor on an in-memory screen, driven by calls instead of keys: for benchmarks of the
/// start path and of frames while a live chart updates (`ui_first_frame`,
/// `ui_frame_live_chart` in TensorBench).
public final class HeadlessTutor {
    private let app: TutorApp
    private let screen: MemoryScreen

    /// The tutor on `course` as it starts, before its first frame, keeping its progress in
    /// `stateDirectory`.
    public init(course: Course, size: Size, stateDirectory: String, chartTier: ColorTier = .ansi256) {
        screen = MemoryScreen(size: size)
        app = TutorApp(course: course, screen: screen, stateDirectory: stateDirectory) { _ in false }
        app.output.chartTier = chartTier
    }

    /// Draws a frame and presents it, as the main loop does.
    @discardableResult
    public func frame() -> Canvas {
        let canvas = app.draw(size: screen.size)
        screen.present(canvas)
        return canvas
    }

    /// Shows what running code displayed (a figure, a logged scalar) in the output pane.
    public func show(_ event: DisplayEvent) {
        app.output.show(event)
    }
}
