#if canImport(Glibc)
import Glibc
#endif
import Course
import TensorEngine
import TutorUI

HeapPolicy.keepFreedBuffers()
do {
    var arguments = Array(CommandLine.arguments.dropFirst())
    let color = try ColorOption.extract(&arguments)
    switch try Command.parse(arguments) {
    case .help:
        print(Command.usage)
    case .version:
        print("pytorch-tutor \(Command.versionString)")
    case .tutor(let lessons):
        exit(Tutor.run(course: CourseLoader.load(root: CourseLocation.root(lessons)), color: color))
    case .run(let file, let arguments):
        exit(RunCommand.run(file: file, arguments: arguments, color: color))
    case .repl:
        exit(ReplCommand.run(color: color))
    case .list(let lessons):
        exit(ListCommand.run(lessons: lessons))
    case .check(let names, let verbose, let lessons):
        exit(CheckCommand.run(names: names, verbose: verbose, lessons: lessons))
    case .export(let name, let output, let lessons):
        exit(ExportCommand.run(name: name, output: output, lessons: lessons))
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
