/// The commands `pytorch-tutor` understands, parsed from the arguments.
enum Command: Equatable {
    /// No command: the full-screen tutor.
    case tutor(lessons: String?)
    case help
    case version
    /// `run FILE.py [ARGS...]`: run a program like `python FILE.py`.
    case run(file: String, arguments: [String])
    /// `repl`: an interactive Python prompt.
    case repl
    /// `list`: the course's modules, lessons and the learner's progress.
    case list(lessons: String?)
    /// `check [-v] [LESSON...]`: run lessons headless and report what fails.
    case check(names: [String], verbose: Bool, lessons: String?)
    /// `export LESSON [-o FILE.py]`: a lesson's code as a PyTorch script.
    case export(name: String, output: String?, lessons: String?)

    static let versionString = "0.1.0"

    static let usage = """
    pytorch-tutor — learn PyTorch in your terminal

    USAGE:
      pytorch-tutor                          start the tutor
      pytorch-tutor list                     list the course's modules, lessons and your progress
      pytorch-tutor check [-v] [LESSON...]   run lessons headless (all when none is named): every step
                                             runs, every exercise's solution passes its check and its
                                             starter code fails it; -v shows what the code prints
      pytorch-tutor export LESSON [-o FILE.py]
                                             write a lesson's code, solutions filled in, as a script for
                                             real PyTorch (to standard output without -o)
      pytorch-tutor run FILE.py              run a Python script headless, like `python FILE.py`
      pytorch-tutor repl                     an interactive Python prompt
      pytorch-tutor --help                   show this help
      pytorch-tutor --version                show the version

    LESSON is a lesson id (see `list`) or the path of a lesson file.

    --color=auto|never|256|truecolor (any command; for run, before FILE.py): colours of charts
                    and images; auto follows NO_COLOR, TERM, COLORTERM and the locale, and draws
                    plain text when the output is not a terminal

    OPTIONS (tutor, list, check, export):
      --lessons DIR   the course folder; default: $PYTORCH_TUTOR_LESSONS, else ./Lessons, else the
                      Lessons folder next to the program's build folder
    """

    /// Parses the arguments after the program name.
    static func parse(_ args: [String]) throws(UsageError) -> Command {
        guard let first = args.first else { return .tutor(lessons: nil) }
        switch first {
        case "-h", "--help", "help": return .help
        case "-V", "--version": return .version
        case "run":
            guard args.count >= 2 else { throw UsageError(message: "run needs a file name (pytorch-tutor run FILE.py)") }
            return .run(file: args[1], arguments: Array(args.dropFirst(2)))
        case "repl":
            guard args.count == 1 else { throw UsageError(message: "repl takes no arguments") }
            return .repl
        case "list":
            let options = try Options(Array(args.dropFirst()), command: "list")
            guard options.operands.isEmpty else { throw UsageError(message: "list takes no arguments") }
            return .list(lessons: options.value("--lessons"))
        case "check":
            let options = try Options(Array(args.dropFirst()), command: "check", flags: ["-v", "--verbose"])
            let verbose = options.has("-v") || options.has("--verbose")
            return .check(names: options.operands, verbose: verbose, lessons: options.value("--lessons"))
        case "export":
            let options = try Options(Array(args.dropFirst()), command: "export", valued: ["-o", "--lessons"])
            guard options.operands.count == 1 else {
                throw UsageError(message: "export needs one lesson (pytorch-tutor export LESSON [-o FILE.py])")
            }
            return .export(name: options.operands[0], output: options.value("-o"), lessons: options.value("--lessons"))
        default:
            if first.hasPrefix("--lessons") {
                let options = try Options(args, command: "pytorch-tutor")
                guard options.operands.isEmpty else {
                    throw UsageError(message: "unknown command '\(options.operands[0])' (see pytorch-tutor --help)")
                }
                return .tutor(lessons: options.value("--lessons"))
            }
            throw UsageError(message: "unknown command '\(first)' (see pytorch-tutor --help)")
        }
    }
}

/// A command's options (`--lessons DIR`, `--lessons=DIR`, flags) and its operands.
private struct Options {
    var operands: [String] = []
    private var values: [String: String] = [:]
    private var flags: Set<String> = []

    init(_ args: [String], command: String, valued: Set<String> = ["--lessons"], flags known: Set<String> = []) throws(UsageError) {
        var i = 0
        while i < args.count {
            let arg = args[i]
            i += 1
            if let equals = arg.firstIndex(of: "="), arg.hasPrefix("--"), valued.contains(String(arg[..<equals])) {
                values[String(arg[..<equals])] = String(arg[arg.index(after: equals)...])
            } else if valued.contains(arg) {
                guard i < args.count else { throw UsageError(message: "\(command): \(arg) needs a value") }
                values[arg] = args[i]
                i += 1
            } else if known.contains(arg) {
                flags.insert(arg)
            } else if arg.hasPrefix("-") && arg != "-" {
                throw UsageError(message: "\(command): unknown option '\(arg)' (see pytorch-tutor --help)")
            } else {
                operands.append(arg)
            }
        }
    }

    func value(_ name: String) -> String? { values[name] }
    func has(_ flag: String) -> Bool { flags.contains(flag) }
}

/// A command-line mistake: reported in one line, exit code 2.
struct UsageError: Error, Equatable {
    let message: String
}
