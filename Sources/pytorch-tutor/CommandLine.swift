/// The commands `pytorch-tutor` understands, parsed from the arguments.
enum Command: Equatable {
    /// No arguments: the full-screen tutor.
    case tutor
    case help
    case version
    /// `run FILE.py [ARGS...]`: run a program like `python FILE.py`.
    case run(file: String, arguments: [String])
    /// `repl`: an interactive Python prompt.
    case repl
    /// A command that exists in the design but is not built yet.
    case notYetAvailable(String)

    static let versionString = "0.1.0"

    static let usage = """
    pytorch-tutor — learn PyTorch in your terminal

    USAGE:
      pytorch-tutor                 start the tutor
      pytorch-tutor run FILE.py     run a Python script headless, like `python FILE.py`
      pytorch-tutor repl            an interactive Python prompt
      pytorch-tutor --help          show this help
      pytorch-tutor --version       show the version
    """

    /// Parses the arguments after the program name.
    static func parse(_ args: [String]) throws(UsageError) -> Command {
        guard let first = args.first else { return .tutor }
        switch first {
        case "-h", "--help", "help": return .help
        case "-V", "--version": return .version
        case "run":
            guard args.count >= 2 else { throw UsageError(message: "run needs a file name (pytorch-tutor run FILE.py)") }
            return .run(file: args[1], arguments: Array(args.dropFirst(2)))
        case "repl":
            guard args.count == 1 else { throw UsageError(message: "repl takes no arguments") }
            return .repl
        case "list", "check", "export": return .notYetAvailable(first)
        default: throw UsageError(message: "unknown command '\(first)' (see pytorch-tutor --help)")
        }
    }
}

/// A command-line mistake: reported in one line, exit code 2.
struct UsageError: Error, Equatable {
    let message: String
}
