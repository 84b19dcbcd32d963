#if canImport(Glibc)
import Glibc
#endif
import Charts
import Course
import TutorUI

/// The terminal tutor's frames, on the in-memory screen (the curses backend adds only the
/// changed cells' terminal output):
/// - `ui_first_frame`: ms from loading the course (`./Lessons`, as `make bench` runs from the
///   repository) to the first frame drawn at 160x50 (target: under 100 ms);
/// - `ui_frame_live_chart`: ms per frame while a live chart of two tags with 20,000 points
///   each gains a point per frame (target: under 16 ms, one frame at 60 Hz).
func uiBenchmarks() -> [Benchmark] {
    let size = Size(width: 160, height: 50)
    // A state folder of its own (never created: the benchmarks change no progress).
    let state = "/tmp/pytorch-tutor-bench-\(getpid())"
    return [
        Benchmark(name: "ui_first_frame", threads: 1, unit: "ms", decimals: 2) {
            Measured(call: {
                let tutor = HeadlessTutor(course: CourseLoader.load(root: "Lessons"), size: size, stateDirectory: state)
                tutor.frame()
            }, value: { $0 * 1000 })
        },
        Benchmark(name: "ui_frame_live_chart", threads: 1, unit: "ms", decimals: 2) {
            let tutor = HeadlessTutor(course: CourseLoader.load(root: "Lessons"), size: size, stateDirectory: state)
            var step = 0
            func log() {
                let loss = 2 / Double(step + 1)
                tutor.show(.scalar(writer: 1, tag: "Loss/train", step: Double(step), value: loss))
                tutor.show(.scalar(writer: 1, tag: "Loss/val", step: Double(step), value: loss * 1.2 + 0.05))
                step += 1
            }
            while step < 20_000 { log() }
            tutor.frame()
            return Measured(call: {
                log()
                tutor.frame()
            }, value: { $0 * 1000 })
        },
    ]
}
