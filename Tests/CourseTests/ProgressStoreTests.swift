import Foundation
import Testing
@testable import Course

/// Progress files: the text format, atomic saves, broken files kept aside, crash leftovers.
@Suite struct ProgressStoreTests {
    private let sample = Progress(current: StepPlace(lesson: "tensor-basics", step: 3), steps: [
        StepPlace(lesson: "tensor-basics", step: 1): StepProgress(status: .ran),
        StepPlace(lesson: "tensor-basics", step: 3): StepProgress(status: .passed, attempts: 3, hintsUsed: 1,
                                                                   code: "y = x * 2  # \\ twice\n\tprint(y, 'é')\u{1}",
                                                                   codeFile: "/tmp/my dir/ex.py"),
        StepPlace(lesson: "autograd", step: 0): StepProgress(status: .failed, attempts: 1),
    ])

    private func makeDirectory() -> String {
        let path = NSTemporaryDirectory() + "pytorch-tutor-progress-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func files(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    @Test func formatRoundTripsAndKeepsEachRecordOnOneLine() throws {
        let text = ProgressFormat.encode(sample)
        #expect(text.split(separator: "\n").count == 6)
        #expect(text.hasPrefix("pytorch-tutor progress 1\ncurrent tensor-basics 3\nstep autograd 0 failed 1 0\n"))
        #expect(try ProgressFormat.decode(text).get() == sample)
        #expect(try ProgressFormat.decode(ProgressFormat.encode(Progress())).get() == Progress())
    }

    @Test func damagedTextIsRejectedWithItsLine() {
        let text = ProgressFormat.encode(sample)
        #expect(ProgressFormat.decode("garbage") == .failure(ProgressFormatError(line: 1, message: "not a progress file")))
        // Cut short: the end line is missing, or a record is cut.
        #expect(ProgressFormat.decode(String(text.dropLast(4))) == .failure(ProgressFormatError(line: 5, message: "the file ends early")))
        #expect(ProgressFormat.decode(String(text.prefix(60))) == .failure(ProgressFormatError(line: 3, message: "bad step record")))
        let badStatus = text.replacingOccurrences(of: "passed", with: "won")
        #expect(ProgressFormat.decode(badStatus) == .failure(ProgressFormatError(line: 5, message: "bad step record")))
        #expect(ProgressFormat.unescape("a\\q") == nil)
    }

    @Test func savesAtomicallyAndLoadsBack() {
        let directory = makeDirectory() + "/nested/pytorch-tutor"
        let store = ProgressStore(directory: directory)
        #expect(store.load().progress == Progress())
        #expect(store.save(sample) == nil)
        #expect(files(in: directory) == ["progress.txt"])
        let (loaded, problem) = ProgressStore(directory: directory).load()
        #expect(loaded == sample && problem == nil)
    }

    @Test func aBrokenFileIsKeptAsideAndReported() throws {
        let directory = makeDirectory()
        let store = ProgressStore(directory: directory)
        try "pytorch-tutor progress 1\ncurrent x\n".write(toFile: store.file, atomically: false, encoding: .utf8)
        #expect(store.peek().problem == "\(store.file):2: bad current record")
        #expect(files(in: directory) == ["progress.txt"], "peek changes nothing")
        let (progress, problem) = store.load()
        #expect(progress == Progress())
        let aside = try #require(files(in: directory).first)
        #expect(aside.hasPrefix("progress.txt.corrupt-") && files(in: directory).count == 1)
        #expect(problem == "Progress not loaded (\(store.file):2: bad current record); the file was kept as "
                + "\(directory)/\(aside). Starting afresh.")
        #expect(try String(contentsOfFile: directory + "/" + aside, encoding: .utf8) == "pytorch-tutor progress 1\ncurrent x\n")
        #expect(store.save(sample) == nil)
        #expect(files(in: directory).count == 2)
    }

    @Test func aSaveKilledBeforeItsRenameLeavesTheOldState() throws {
        let directory = makeDirectory()
        let store = ProgressStore(directory: directory)
        #expect(store.save(sample) == nil)
        // A process that died mid-write: half a file under its temporary name. PIDs above
        // the kernel's limit never run.
        let leftover = directory + "/progress.txt.tmp-99999999"
        try String(ProgressFormat.encode(Progress()).prefix(20)).write(toFile: leftover, atomically: false, encoding: .utf8)
        let (progress, problem) = ProgressStore(directory: directory).load()
        #expect(progress == sample && problem == nil)
        #expect(files(in: directory) == ["progress.txt"])
    }

    @Test func doneCountsRanAndPassedSteps() throws {
        let lesson = try #require(parse(lessonText("## A\n\n```python\nx = 1\n```\n\n## B\n\n```python\ny = 2\n```\n", id: "tensor-basics")))
        let progress = Progress(steps: [StepPlace(lesson: "tensor-basics", step: 1): StepProgress(status: .ran),
                                        StepPlace(lesson: "tensor-basics", step: 2): StepProgress(status: .failed)])
        #expect(progress.doneCount(in: lesson) == 1)
    }

    @Test func listingShowsDoneCountsAndTheCurrentLesson() {
        let course = CourseLoader.load(root: fixtures + "/course")
        let progress = Progress(current: StepPlace(lesson: "hello", step: 1),
                                steps: [StepPlace(lesson: "hello", step: 1): StepProgress(status: .ran)])
        #expect(CourseListing.text(course, progress: progress) == """
            Module 1: First steps
              > hello  Hello  1/1 done    (2 steps, 0 exercises)  current: step 2
            Module 2: Second steps
                later  Later  0/0 done    (1 step, 0 exercises)

            """)
    }
}
