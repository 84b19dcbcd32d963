#if canImport(Glibc)
import Glibc
#endif

do {
    switch try Command.parse(Array(CommandLine.arguments.dropFirst())) {
    case .help:
        print(Command.usage)
    case .version:
        print("pytorch-tutor \(Command.versionString)")
    case .tutor:
        print("pytorch-tutor \(Command.versionString): the full-screen tutor is the next milestone.")
        print("Today: `pytorch-tutor run FILE.py` runs PyTorch scripts, `pytorch-tutor repl` is a prompt.")
    case .run(let file, let arguments):
        exit(RunCommand.run(file: file, arguments: arguments))
    case .repl:
        exit(ReplCommand.run())
    case .notYetAvailable(let name):
        Stderr.write("pytorch-tutor: '\(name)' is not available yet in this build\n")
        exit(2)
    }
} catch {
    Stderr.write("pytorch-tutor: \(error.message)\n")
    exit(2)
}

/// Writes to standard error (the executable avoids Foundation for start-up time).
enum Stderr {
    static func write(_ s: String) {
        var bytes = Array(s.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }
}
