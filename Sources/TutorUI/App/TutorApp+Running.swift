import Course

// MARK: - Running code

extension TutorApp {
    /// Enter: runs the current step, or checks the learner's code for an exercise. Earlier
    /// steps of the lesson that have not run in its session run first, so the names they
    /// define exist (as if the learner had run every cell of a notebook in order).
    func runCurrentStep() {
        guard let lesson = model.lesson, let step = model.step else { return }
        guard running == nil else {
            message = ("Code is running: wait for it, or press Ctrl-C to stop it.", .running)
            return
        }
        guard step.isRunnable else {
            message = ("This step has no code to run: n goes to the next one.", .dim)
            return
        }
        let done = ranInSession[lesson.id] ?? []
        let skipped = (0..<model.stepIndex).filter { lesson.steps[$0].isRunnable && !done.contains($0) }
        if !skipped.isEmpty {
            let names = skipped.map { String($0 + 1) }.joined(separator: ", ")
            output.log.add("── \(lesson.id): running the earlier step\(skipped.count == 1 ? "" : "s") \(names) first ──", role: .info)
        }
        var jobs = skipped.map { makeJob(lesson, $0, .catchUp(lesson.steps[$0])) }
        let kind: Job.Kind
        let state = model.current
        if let exercise = step.exercise {
            let edited = state.codeFile != nil
            kind = .exercise(exercise, code: state.code ?? exercise.starter.code, filename: state.codeFile ?? lesson.file,
                             firstLine: edited ? 1 : exercise.starter.firstLine)
        } else {
            kind = .step(step)
        }
        jobs.append(makeJob(lesson, model.stepIndex, kind))
        model.updateCurrent {
            $0.status = .running
            $0.checkMessage = nil
        }
        _ = output.perform(.bottom)
        queued = Array(jobs.dropFirst())
        start(jobs[0])
    }

    /// Enter in the REPL: runs the entry once its block is complete.
    func submitRepl() {
        guard running == nil else {
            message = ("Code is running: wait for it, or press Ctrl-C to stop it.", .running)
            return
        }
        guard let lesson = model.lesson, let source = repl.submit() else { return }
        repl.isRunning = true
        start(makeJob(lesson, model.stepIndex, .repl(source)))
    }

    private func makeJob(_ lesson: Lesson, _ step: Int, _ kind: Job.Kind) -> Job {
        defer { nextJobID += 1 }
        return Job(id: nextJobID, lesson: lesson, stepIndex: step, kind: kind)
    }

    private func start(_ job: Job) {
        running = job
        // A Ctrl-C that arrived after the last job ended must not stop this one.
        worker.interrupt.clear()
        switch job.kind {
        case .step, .exercise:
            let title = MarkdownInline.plainText(job.lesson.steps[job.stepIndex].title)
            output.log.add("── \(job.lesson.id) · step \(job.stepIndex + 1): \(title) ──", role: .info)
        case .repl, .catchUp:
            break
        }
        worker.submit(job)
    }

    /// Applies the worker's events; returns true if anything changed.
    func drainEvents() -> Bool {
        let events = self.events.drain()
        for event in events {
            switch event {
            case .started:
                break
            case .output(let event):
                let isRepl = running?.isRepl ?? false
                switch event {
                case .stdout(let text):
                    if isRepl { repl.transcript.write(text, role: .stdout) } else { output.log.write(text, role: .stdout) }
                case .stderr(let text):
                    if isRepl { repl.transcript.write(text, role: .stderr) } else { output.log.write(text, role: .stderr) }
                case .display(let shown):
                    output.show(shown)
                }
            case .finished(let id, let outcome):
                guard let job = running, job.id == id else { continue }
                running = nil
                let succeeded = finish(job, outcome)
                if succeeded, !queued.isEmpty {
                    start(queued.removeFirst())
                } else if !queued.isEmpty, let last = queued.last {
                    // An earlier step failed: the step the learner asked for does not run.
                    queued = []
                    model.update(lesson: last.lesson.id, step: last.stepIndex) { $0.status = .notRun }
                }
            }
        }
        return !events.isEmpty
    }

    /// Records how a job ended; returns whether it completed.
    private func finish(_ job: Job, _ outcome: JobOutcome) -> Bool {
        if job.isRepl {
            repl.isRunning = false
            if case .ran(.raised(let traceback)) = outcome { repl.transcript.add(traceback, role: .traceback) }
            if case .ran(.interrupted(let traceback)) = outcome { repl.transcript.add(traceback, role: .traceback) }
            return true
        }
        var status = StepStatus.ran
        var checkMessage: String?
        switch outcome {
        case .ran(.completed):
            status = .ran
        case .ran(.raised(let traceback)), .checked(.codeRaised(let traceback)):
            status = .failed
            output.log.add(traceback, role: .traceback)
        case .ran(.interrupted(let traceback)), .checked(.interrupted(let traceback)):
            status = .interrupted
            output.log.add(traceback, role: .traceback)
        case .checked(.passed):
            status = .passed
            output.log.add("✓ Check passed.", role: .success)
        case .checked(.failed(let text)):
            status = .failed
            checkMessage = text
            output.log.add("✗ Not yet: \(text)", role: .failure)
        }
        if status == .ran || status == .passed { ranInSession[job.lesson.id, default: []].insert(job.stepIndex) }
        // A caught-up exercise keeps the learner's own status.
        if case .catchUp(let step) = job.kind, step.exercise != nil, status == .ran { return true }
        model.update(lesson: job.lesson.id, step: job.stepIndex) {
            $0.status = status
            $0.checkMessage = checkMessage
        }
        return status == .ran || status == .passed
    }
}
