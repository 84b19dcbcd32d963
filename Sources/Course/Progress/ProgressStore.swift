#if canImport(Glibc)
import Glibc
#endif

/// The learner's saved progress: `progress.txt` in the tutor's state folder, replaced
/// atomically on every save.
///
/// A file that cannot be read is never overwritten silently: ``load()`` moves it aside
/// (`progress.txt.corrupt-<time>`) and says so, and the learner starts afresh.
///
/// Use a store from one thread at a time (the tutor hands it to its saving queue).
public final class ProgressStore: @unchecked Sendable {
    /// The state folder (see ``StateDirectory``).
    public let directory: String
    /// Set when a broken file could not be moved aside: saving would destroy it.
    private var savingDisabled = false
    private var lastSaved: String?

    public init(directory: String) { self.directory = directory }

    /// The progress file's path.
    public var file: String { FileSystem.join(directory, "progress.txt") }

    /// Reads the progress without changing any file (for `list`).
    ///
    /// - Returns: the progress (empty when there is none), and what is wrong with the file
    ///   when it cannot be read.
    public func peek() -> (progress: Progress, problem: String?) {
        guard FileSystem.exists(file) else { return (Progress(), nil) }
        guard let text = FileSystem.readText(file) else {
            return (Progress(), "cannot read \(file): \(String(cString: strerror(errno)))")
        }
        switch ProgressFormat.decode(text) {
        case .success(let progress): return (progress, nil)
        case .failure(let error): return (Progress(), "\(file):\(error.line): \(error.message)")
        }
    }

    /// Reads the progress at start-up: removes temporary files a crash left behind, and moves
    /// a broken file aside.
    ///
    /// - Returns: the progress, and a sentence for the learner when the file was broken.
    public func load() -> (progress: Progress, problem: String?) {
        removeAbandonedTemporaryFiles()
        let (progress, problem) = peek()
        guard let problem else {
            lastSaved = ProgressFormat.encode(progress)
            return (progress, nil)
        }
        let aside = file + ".corrupt-" + ProgressStore.timestamp()
        if let error = FileSystem.move(file, to: aside) {
            savingDisabled = true
            return (Progress(), "Progress not loaded (\(problem)) and not moved aside (\(error)): nothing will be saved.")
        }
        return (Progress(), "Progress not loaded (\(problem)); the file was kept as \(aside). Starting afresh.")
    }

    /// Saves the progress if it changed since the last save.
    ///
    /// - Returns: the system's error message when it could not be saved.
    @discardableResult
    public func save(_ progress: Progress) -> String? {
        guard !savingDisabled else { return nil }
        let text = ProgressFormat.encode(progress)
        guard text != lastSaved else { return nil }
        guard FileSystem.createDirectories(directory) else { return "cannot create \(directory)" }
        if let error = FileSystem.writeAtomically(text, to: file) { return error }
        lastSaved = text
        return nil
    }

    /// `progress.txt.tmp-PID` files of processes that no longer run: a save that was killed
    /// before its rename (the old file is intact).
    private func removeAbandonedTemporaryFiles() {
        let prefix = "progress.txt.tmp-"
        for name in FileSystem.contents(of: directory) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)) else { continue }
            if pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH) {
                unlink(FileSystem.join(directory, name))
            }
        }
    }

    /// `20261130-001502`, in UTC.
    static func timestamp() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))-\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))"
    }
}

/// The tutor's state folder: `$XDG_STATE_HOME/pytorch-tutor`, by default
/// `~/.local/state/pytorch-tutor`. Progress, REPL history and exercise files live there.
public enum StateDirectory {
    public static func path() -> String {
        func env(_ name: String) -> String? {
            getenv(name).flatMap { String(validatingCString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        let state = env("XDG_STATE_HOME") ?? FileSystem.join(env("HOME") ?? "/tmp", ".local/state")
        return FileSystem.join(state, "pytorch-tutor")
    }
}
