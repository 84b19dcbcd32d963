/// Everything a key can ask the tutor to do, each with the words the footer and the help
/// screen show (like tig's requests).
public enum Action: CaseIterable, Sendable {
    // Moving through the course
    case nextStep, previousStep, search
    // Running
    case runStep, interrupt
    // Exercises
    case hint, solution, edit, resetStep
    // Panes
    case nextPane, previousPane, leavePane, zoom
    // Scrolling and selecting inside a pane
    case lineUp, lineDown, pageUp, pageDown, top, bottom, open
    // REPL
    case submit, historyPrevious, historyNext, complete
    // The tutor
    case help, redraw, suspend, quit

    /// The group the help screen lists the action under.
    public enum Group: String, CaseIterable, Sendable {
        case course = "Course"
        case running = "Running code"
        case exercises = "Exercises"
        case panes = "Panes"
        case scrolling = "Scrolling"
        case repl = "REPL"
        case tutor = "Tutor"
    }

    public var group: Group {
        switch self {
        case .nextStep, .previousStep, .search: return .course
        case .runStep, .interrupt: return .running
        case .hint, .solution, .edit, .resetStep: return .exercises
        case .nextPane, .previousPane, .leavePane, .zoom: return .panes
        case .lineUp, .lineDown, .pageUp, .pageDown, .top, .bottom, .open: return .scrolling
        case .submit, .historyPrevious, .historyNext, .complete: return .repl
        case .help, .redraw, .suspend, .quit: return .tutor
        }
    }

    /// One or two words for the footer.
    public var label: String {
        switch self {
        case .nextStep: return "Next"
        case .previousStep: return "Prev"
        case .search: return "Search"
        case .runStep: return "Run"
        case .interrupt: return "Stop"
        case .hint: return "Hint"
        case .solution: return "Solution"
        case .edit: return "Edit"
        case .resetStep: return "Reset"
        case .nextPane: return "Pane"
        case .previousPane: return "Pane back"
        case .leavePane: return "Leave"
        case .zoom: return "Zoom"
        case .lineUp: return "Up"
        case .lineDown: return "Down"
        case .pageUp: return "Page up"
        case .pageDown: return "Page down"
        case .top: return "Top"
        case .bottom: return "Bottom"
        case .open: return "Open"
        case .submit: return "Run"
        case .historyPrevious: return "History"
        case .historyNext: return "History"
        case .complete: return "Complete"
        case .help: return "Help"
        case .redraw: return "Redraw"
        case .suspend: return "Suspend"
        case .quit: return "Quit"
        }
    }

    /// A sentence for the help screen.
    public var help: String {
        switch self {
        case .nextStep: return "go to the next step"
        case .previousStep: return "go to the previous step"
        case .search: return "search the lessons' titles and text"
        case .runStep: return "run the step's code (an exercise: your code, then its check)"
        case .interrupt: return "stop the running code (KeyboardInterrupt)"
        case .hint: return "show the exercise's next hint"
        case .solution: return "show the solution as a diff against your code (after passing or every hint)"
        case .edit: return "edit the exercise's code in $EDITOR"
        case .resetStep: return "reset the step: starter code, hints, result (asks first)"
        case .nextPane: return "focus the next pane"
        case .previousPane: return "focus the previous pane"
        case .leavePane: return "leave the REPL for the lesson"
        case .zoom: return "show the focused pane on the whole screen; again for all panes"
        case .lineUp: return "scroll or select up"
        case .lineDown: return "scroll or select down"
        case .pageUp: return "scroll up a page"
        case .pageDown: return "scroll down a page"
        case .top: return "go to the top"
        case .bottom: return "go to the bottom (and follow new output)"
        case .open: return "open the selected lesson or step"
        case .submit: return "run the entry (a block ends with an empty line); `name?` shows help on name"
        case .historyPrevious: return "previous entry"
        case .historyNext: return "next entry"
        case .complete: return "complete the name before the cursor (twice: list them); on an empty line, next pane"
        case .help: return "show or hide this help"
        case .redraw: return "redraw the screen"
        case .suspend: return "suspend the tutor (resume with fg)"
        case .quit: return "quit"
        }
    }
}
