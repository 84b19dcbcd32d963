import Course

// MARK: - Exercises

extension TutorApp {
    private var exercise: Exercise? { model.step?.exercise }

    /// `h`: the next hint of the ladder.
    func showHint() {
        guard let exercise else {
            message = ("Hints belong to exercises; this step has none.", .dim)
            return
        }
        guard model.current.hintsShown < exercise.hints.count else {
            message = ("That was the last hint: s shows the solution.", .dim)
            return
        }
        model.updateCurrent { $0.hintsShown += 1 }
    }

    /// `s`: shows or hides the solution diff, once the learner passed or used every hint.
    func toggleSolution() {
        guard let exercise else {
            message = ("Solutions belong to exercises; this step has none.", .dim)
            return
        }
        let state = model.current
        guard state.status == .passed || state.hintsShown == exercise.hints.count else {
            let left = exercise.hints.count - state.hintsShown
            message = ("The solution opens once you pass or use every hint (\(left) left: h).", .dim)
            return
        }
        model.updateCurrent { $0.showsSolution.toggle() }
    }

    /// `e`: edits the exercise's code in the learner's editor, with curses suspended.
    func editExercise() {
        guard let lesson = model.lesson, let exercise else {
            message = ("Only exercises are edited; this step's code runs as it is (Enter).", .dim)
            return
        }
        guard running == nil else {
            message = ("Code is running: wait for it, or press Ctrl-C to stop it.", .running)
            return
        }
        let state = model.current
        let path = state.codeFile ?? FileSystem.join(workspace, "\(lesson.id)-step\(model.stepIndex + 1).py")
        FileSystem.createDirectories(workspace)
        if let error = FileSystem.writeText((state.code ?? exercise.starter.code) + "\n", to: path) {
            message = ("Cannot write \(path): \(error)", .failure)
            return
        }
        screen.suspend()
        let edited = editFile(path)
        screen.resume()
        guard edited, var code = FileSystem.readText(path) else {
            message = ("The editor failed: set $EDITOR to a program that edits a file and exits.", .failure)
            return
        }
        while code.hasSuffix("\n") { code.removeLast() }
        model.updateCurrent {
            $0.code = code
            $0.codeFile = path
            $0.status = .notRun
            $0.checkMessage = nil
        }
        message = ("Saved \(path). Enter checks it.", .success)
    }

    /// `R`, confirmed: starter code, no hints, no result.
    func resetStep() {
        model.updateCurrent { $0 = StepState() }
        message = ("Step reset.", .dim)
    }
}
