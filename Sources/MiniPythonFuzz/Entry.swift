#if canImport(Glibc)
import Glibc
#endif

// Built two ways (see the Makefile's `fuzz` target):
//  - with `-D MINIPYTHON_LIBFUZZER -sanitize=fuzzer`: `main` hands over to libFuzzer's driver
//    (`LLVMFuzzerRunDriver`; run `MiniPythonFuzz -help=1` for its options). SwiftPM links
//    executables with their own entry point, so libFuzzer's `main` cannot be used directly;
//  - otherwise (plain `swift build`): `MiniPythonFuzz FILE_OR_DIRECTORY...` replays inputs,
//    e.g. the corpus or crash reproducers, and prints how many ran.

#if MINIPYTHON_LIBFUZZER
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@main
enum Fuzz {
    static func main() {
        FuzzTarget.onStack {
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(runFuzzerDriver(&argc, &argv) { data, size in
                FuzzTarget.run(UnsafeBufferPointer(start: data, count: size))
                return 0
            })
        }
    }
}
#else
@main
enum Replay {
    static func main() {
        FuzzTarget.onStack(replay)
    }

    static func replay() {
        let paths = CommandLine.arguments.dropFirst()
        if paths.isEmpty {
            print("usage: MiniPythonFuzz FILE_OR_DIRECTORY...  (replays inputs through the fuzz target)")
            exit(2)
        }
        var count = 0
        for path in paths {
            for file in files(at: path) {
                guard let bytes = readBytes(file) else {
                    print("cannot read \(file)")
                    exit(2)
                }
                print("running \(file)")
                bytes.withUnsafeBufferPointer { FuzzTarget.run($0) }
                count += 1
            }
        }
        print("ran \(count) inputs without a crash")
    }

    /// `path` itself, or the regular files in it (sorted) if it is a directory.
    static func files(at path: String) -> [String] {
        guard let directory = opendir(path) else { return [path] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if !name.hasPrefix(".") { names.append(path + "/" + name) }
        }
        return names.sorted()
    }

    static func readBytes(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        return ferror(file) == 0 ? bytes : nil
    }
}
#endif
