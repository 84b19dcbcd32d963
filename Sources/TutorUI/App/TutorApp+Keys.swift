#if canImport(Glibc)
import Glibc
#endif

// MARK: - Keys

extension TutorApp {
    /// The panes in `Tab` order.
    static let paneOrder: [KeyContext] = [.tree, .lesson, .output, .repl]

    /// Handles one key: an open overlay first, then the focused pane's keys, then the REPL's
    /// line editing, then the global keys; then saves what changed.
    func handle(_ key: Key) {
        handleKey(key)
        saveProgress()
    }

    private func handleKey(_ key: Key) {
        if key == .resize { return }
        if let overlay {
            handle(key, in: overlay)
            return
        }
        message = nil
        switch key {
        case .wheelUp(let x, let y), .wheelDown(let x, let y):
            let up = key == .wheelUp(x: x, y: y)
            if let context = currentLayout(screen.size)?.context(atX: x, y: y), let pane = pane(context) {
                for _ in 0..<3 { _ = pane.perform(up ? .lineUp : .lineDown) }
            }
            return
        case .click(let x, let y):
            if let context = currentLayout(screen.size)?.context(atX: x, y: y) { focus = context }
            return
        default:
            break
        }
        if let action = KeyMap.action(for: key, in: focus) {
            perform(action)
        } else if focus == .repl {
            _ = repl.edit(key)
        }
    }

    private func handle(_ key: Key, in overlay: Overlay) {
        switch overlay {
        case .help(var help):
            switch key {
            case .escape, .char("?"), .char("q"), .function(1), .enter:
                self.overlay = nil
            default:
                if let action = KeyMap.action(for: key, in: .lesson) { _ = help.perform(action) }
                self.overlay = .help(help)
            }
        case .search(var editor):
            switch key {
            case .escape, .ctrl("c"):
                self.overlay = nil
            case .enter:
                self.overlay = nil
                search(editor.text)
            default:
                _ = editor.handle(key)
                self.overlay = .search(editor)
            }
        case .confirmReset:
            self.overlay = nil
            if key == .char("y") || key == .char("Y") { resetStep() }
        }
    }

    func perform(_ action: Action) {
        switch action {
        case .nextStep, .previousStep:
            let moved = action == .nextStep ? model.next() : model.previous()
            if !moved { message = (action == .nextStep ? "This is the last step of the course." : "This is the first step.", .dim) }
            stepChanged()
        case .runStep: runCurrentStep()
        case .interrupt:
            if running != nil {
                worker.interrupt.set()
            } else if focus == .repl {
                repl.cancelInput()
            }
        case .hint: showHint()
        case .solution: toggleSolution()
        case .edit: editExercise()
        case .resetStep:
            if model.step?.isRunnable == true { overlay = .confirmReset }
        case .nextPane, .previousPane:
            let order = TutorApp.paneOrder
            let index = order.firstIndex(of: focus) ?? 0
            focus = order[(index + (action == .nextPane ? 1 : order.count - 1)) % order.count]
        case .leavePane: focus = .lesson
        case .zoom: zoomed.toggle()
        case .search: overlay = .search(LineEditor())
        case .help: overlay = .help(HelpOverlay())
        case .submit: submitRepl()
        case .complete:
            if repl.completableText != nil {
                completeRepl()
            } else {
                perform(.nextPane)
            }
        case .redraw:
            screen.suspend()
            screen.resume()
        case .suspend:
            screen.suspend()
            raise(SIGSTOP)
            screen.resume()
        case .quit: quitRequested = true
        case .open:
            _ = tree.perform(.open)
            stepChanged()
        case .lineUp, .lineDown, .pageUp, .pageDown, .top, .bottom, .historyPrevious, .historyNext:
            _ = pane(focus)?.perform(action)
        }
    }

    private func search(_ query: String) {
        guard !query.isEmpty else { return }
        if let place = model.search(query) {
            model.go(lesson: place.lesson, step: place.step)
            stepChanged()
        } else {
            message = ("No step mentions '\(query)'.", .failure)
        }
    }

    /// After moving to another step: the tree follows, the REPL names its session.
    func stepChanged() {
        tree.followCurrentStep()
        repl.sessionName = model.lesson?.id ?? ""
    }
}
