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
        var jobs = catchUpJobs(lesson, before: model.stepIndex, onlyDone: false) { output.log.add($0, role: .info) }
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

    /// Jobs that run the runnable steps before `end` that have not run in the lesson's
    /// session yet (only those the learner finished, with `onlyDone`: a resumed lesson's REPL
    /// gets back the names it had). Their output is hidden; `note` gets one line saying so,
    /// and one per exercise that runs its reference solution because the learner has not
    /// passed it (a passed exercise runs the learner's own code).
    func catchUpJobs(_ lesson: Lesson, before end: Int, onlyDone: Bool, note: (String) -> Void) -> [Job] {
        let done = ranInSession[lesson.id] ?? []
        let steps = (0..<end).filter { index in
            guard lesson.steps[index].isRunnable, !done.contains(index) else { return false }
            let status = model.state(lesson: lesson.id, step: index).status
            return !onlyDone || status == .ran || status == .passed
        }
        guard !steps.isEmpty else { return [] }
        let names = steps.map { String($0 + 1) }.joined(separator: ", ")
        note("── \(lesson.id): running step\(steps.count == 1 ? "" : "s") \(names) first, output hidden ──")
        return steps.map { index in
            let step = lesson.steps[index]
            guard let exercise = step.exercise else { return makeJob(lesson, index, .catchUp(step, code: nil)) }
            let state = model.state(lesson: lesson.id, step: index)
            if state.status == .passed {
                let code = CodeBlock(language: "python", code: state.code ?? exercise.starter.code,
                                     fenceLine: exercise.starter.fenceLine)
                return makeJob(lesson, index, .catchUp(step, code: code))
            }
            note("   step \(index + 1) is an exercise you have not passed: its reference solution runs in its place")
            return makeJob(lesson, index, .catchUp(step, code: exercise.solution))
        }
    }

    /// Enter in the REPL: runs the entry once its block is complete (`name?` shows help).
    func submitRepl() {
        guard running == nil else {
            message = ("Code is running: wait for it, or press Ctrl-C to stop it.", .running)
            return
        }
        guard model.lesson != nil, let source = repl.submit() else { return }
        startReplJob(ReplPane.helpRequest(source).map { .help($0) } ?? .repl(source))
    }

    /// Tab in the REPL: asks the session for the completions of the name before the cursor.
    func completeRepl() {
        guard running == nil else {
            message = ("Code is running: completion waits until it ends.", .running)
            return
        }
        guard let text = repl.completableText else { return }
        startReplJob(.complete(text))
    }

    /// Runs a REPL job in the lesson's session, after the steps the learner had finished that
    /// have not run in it yet (a resumed lesson gets its names back).
    private func startReplJob(_ kind: Job.Kind) {
        guard let lesson = model.lesson else { return }
        let status = model.current.status
        let end = status == .ran || status == .passed ? model.stepIndex + 1 : model.stepIndex
        var jobs = catchUpJobs(lesson, before: end, onlyDone: true) { repl.transcript.add($0, role: .info) }
        jobs.append(makeJob(lesson, model.stepIndex, kind))
        // A lone completion takes a moment: no "running" flash.
        if case .complete = kind, jobs.count == 1 {} else { repl.isRunning = true }
        queued = Array(jobs.dropFirst())
        start(jobs[0])
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
        case .repl, .catchUp, .complete, .help:
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
                if running?.isCatchUp ?? false { continue }
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
                    // An earlier step failed: the step or entry the learner asked for does not run.
                    queued = []
                    if last.isRepl {
                        repl.isRunning = false
                    } else {
                        model.update(lesson: last.lesson.id, step: last.stepIndex) { $0.status = .notRun }
                    }
                }
            }
        }
        if events.isEmpty { return false }
        saveProgress()
        return true
    }

    /// Records how a job ended; returns whether it completed.
    private func finish(_ job: Job, _ outcome: JobOutcome) -> Bool {
        if job.isRepl {
            repl.isRunning = false
            if case .complete(let text) = job.kind, case .completed(let completion) = outcome { repl.apply(completion, to: text) }
            if case .helped(let text) = outcome { repl.transcript.add(text, role: .info) }
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
        case .completed, .helped:
            return true
        }
        if status == .ran || status == .passed { ranInSession[job.lesson.id, default: []].insert(job.stepIndex) }
        // A caught-up exercise keeps the learner's own status, whatever the code it ran did.
        if case .catchUp(let step, _) = job.kind, step.exercise != nil { return status == .ran }
        // A check that ran to a verdict is an attempt; a stopped one is not.
        var checked = false
        if case .checked(let result) = outcome {
            if case .interrupted = result {} else { checked = true }
        }
        model.update(lesson: job.lesson.id, step: job.stepIndex) {
            $0.status = status
            $0.checkMessage = checkMessage
            if checked { $0.attempts += 1 }
        }
        return status == .ran || status == .passed
    }
}
