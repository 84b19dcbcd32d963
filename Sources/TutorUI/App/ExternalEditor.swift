#if canImport(Glibc)
import Glibc
#endif

/// Runs the learner's editor on a file and waits for it: `$VISUAL`, else `$EDITOR`, else
/// `vi`, through `sh -c` so that values such as `code --wait` work.
enum ExternalEditor {
    static func edit(_ path: String) -> Bool {
        let editor = ["VISUAL", "EDITOR"].lazy.compactMap { name -> String? in
            guard let value = getenv(name).flatMap({ String(validatingCString: $0) }), !value.isEmpty else { return nil }
            return value
        }.first ?? "vi"
        let arguments = ["/bin/sh", "-c", editor + " \"$1\"", "sh", path]
        var pointers = arguments.map { strdup($0) }
        defer { pointers.forEach { free($0) } }
        pointers.append(nil)
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/sh", nil, nil, &pointers, environ) == 0 else { return false }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return false }
        }
        return status == 0
    }
}
