import Foundation
import Testing
@testable import Course
@testable import TutorUI

private let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

/// The fixture course: one lesson with a code step and an exercise, one with prose only.
let fixtureCourse = CourseLoader.load(root: here.appendingPathComponent("Fixtures/course").path)

/// The two sizes every screen is checked at.
let screenSizes = [Size(width: 80, height: 24), Size(width: 160, height: 50)]

/// A fresh, empty state folder (progress, history, exercise files) for one test.
func makeStateDirectory() -> String {
    var template = Array((NSTemporaryDirectory() + "pytorch-tutor-state-XXXXXX").utf8CString)
    return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
}

/// A tutor on an in-memory screen, with its own state folder unless given one. Its editor
/// replaces the file with `editedCode`.
func makeTutor(size: Size, editedCode: String = "y = x * 2", stateDirectory: String = makeStateDirectory(),
               course: Course = fixtureCourse) -> (TutorApp, MemoryScreen) {
    let screen = MemoryScreen(size: size)
    let app = TutorApp(course: course, screen: screen, stateDirectory: stateDirectory) { path in
        (try? (editedCode + "\n").write(toFile: path, atomically: true, encoding: .utf8)) != nil
    }
    return (app, screen)
}

extension TutorApp {
    /// Presses keys, waiting for the code each one starts and drawing a frame after each,
    /// as the main loop does.
    func press(_ keys: Key...) {
        for key in keys {
            handle(key)
            _ = draw(size: screen.size)
            waitForJobs()
            _ = draw(size: screen.size)
        }
    }

    /// Types text into the focused pane.
    func type(_ text: String) {
        for character in text { handle(.char(character)) }
    }

    /// Waits until no code runs (at most 60 s).
    func waitForJobs() {
        let deadline = Date().addingTimeInterval(60)
        repeat {
            _ = drainEvents()
            if running == nil && queued.isEmpty { return }
            usleep(2_000)
        } while Date() < deadline
        Issue.record("code still running after 60 s")
    }

    /// The screen as text.
    func screenText(_ size: Size) -> String { draw(size: size).text }
}

/// Compares a screen with `Snapshots/<name>-<W>x<H>.txt`. With `UPDATE_SNAPSHOTS=1` in the
/// environment, or when the file does not exist yet, writes it instead (and, for a missing
/// file, records an issue so a new snapshot is never accepted silently).
func expectSnapshot(_ text: String, named name: String, size: Size,
                    sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let file = here.appendingPathComponent("Snapshots/\(name)-\(size.width)x\(size.height).txt")
    let normalised = text.split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
        .joined(separator: "\n") + "\n"
    let update = ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1"
    guard !update, let expected = try? String(contentsOf: file, encoding: .utf8) else {
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? normalised.write(to: file, atomically: true, encoding: .utf8)
        if !update { Issue.record("recorded a new snapshot \(file.lastPathComponent)", sourceLocation: sourceLocation) }
        return
    }
    #expect(normalised == expected, "screen differs from \(file.lastPathComponent)", sourceLocation: sourceLocation)
}
