import Foundation
import MiniPython
import Testing
@testable import Course

/// The folder of the fixture lessons.
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

/// The repository's own course folder.
let courseRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Lessons").path

/// Parses `text` as a lesson named `lesson.md`, recording a failure at the caller on error.
func parse(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Lesson? {
    do throws(LessonError) {
        return try LessonParser.parse(text, file: "lesson.md")
    } catch {
        Issue.record("unexpected error: \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// The error parsing `text` gives, as `file:line: message`.
func parseError(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String? {
    do throws(LessonError) {
        _ = try LessonParser.parse(text, file: "lesson.md")
        Issue.record("expected a parse error", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error.description
    }
}

/// A lesson file's text: front matter, then `body`.
func lessonText(_ body: String, id: String = "demo") -> String {
    "---\nid: \(id)\ntitle: Demo\nmodule: 1\norder: 1\n---\n" + body
}

/// Runs `body` on a thread with a large stack, as the interpreter needs.
func onInterpreterThread(_ body: @escaping () -> Void) {
    Interpreter.runOnLargeStack(body)
}
