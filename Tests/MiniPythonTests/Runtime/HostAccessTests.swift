import Testing
import MiniPython
#if canImport(Glibc)
import Glibc
#endif

/// The host-access gate (``HostAccess``): programs reach files inside the working directory
/// and nothing else, whichever way they ask (`open`, `os`, `__builtins__`, `__import__`).
///
/// Each test runs in a fresh temporary working directory (`work`) next to an `outside`
/// directory holding a file the programs must not reach. `chdir` changes the whole test
/// process, so the suite (and the suites nested in it) run one test at a time and restore
/// the working directory afterwards; no other suite depends on it (they find their files
/// through `#filePath`).
@Suite(.serialized) struct HostAccessTests {
    /// Runs `body` with the working directory set to a new `…/work`; `…/outside/secret.txt`
    /// exists beside it. Returns the path of the parent directory.
    static func inTemporaryDirectory(_ body: (_ root: String) throws -> Void) rethrows {
        var template = Array("/tmp/minipython-hostaccess-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            Issue.record("mkdtemp failed")
            return
        }
        let root = String(cString: made)
        mkdir(root + "/work", 0o755)
        mkdir(root + "/outside", 0o755)
        writeFile(root + "/outside/secret.txt", "secret\n")
        var saved = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        _ = getcwd(&saved, saved.count)
        chdir(root + "/work")
        defer {
            chdir(saved)
            removeTree(root)
        }
        try body(root)
    }

    static func writeFile(_ path: String, _ text: String) {
        guard let file = fopen(path, "w") else { return }
        fputs(text, file)
        fclose(file)
    }

    static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if info.st_mode & S_IFMT == S_IFDIR {
            for name in listDirectory(path) { removeTree(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Runs `source` in the temporary working directory and checks its output.
    static func expectProgram(_ source: String, _ expected: String, error: String? = nil,
                              sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        inTemporaryDirectory { _ in expectOutput(source, expected, error: error, sourceLocation: sourceLocation) }
    }

    // MARK: - Inside the working directory

    @Test func filesInsideTheWorkingDirectoryWork() {
        HostAccessTests.expectProgram("""
            import os
            with open("notes.txt", "w") as f:
                f.write("one\\n")
            os.makedirs("data/sub", exist_ok=True)
            with open("data/sub/../sub/x.txt", "w") as f:
                print("two", file=f)
            print(open("notes.txt").read(), end="")
            print(open(os.path.join("data", "sub", "x.txt")).read(), end="")
            print(os.path.exists("notes.txt"), os.path.isdir("data"), os.path.getsize("notes.txt"), sorted(os.listdir(".")))
            os.remove("notes.txt")
            print(os.path.exists("notes.txt"), os.path.exists("."))
            """, "one\ntwo\nTrue True 4 ['data', 'notes.txt']\nFalse True\n")
    }

    // MARK: - Outside it

    @Test(arguments: [
        ("open('../x.txt', 'w')", "'../x.txt'"),
        ("open('../outside/secret.txt')", "'../outside/secret.txt'"),
        ("open('/etc/passwd')", "'/etc/passwd'"),
        ("open('/etc/passwd', 'a')", "'/etc/passwd'"),
        ("open('new/../../x.txt', 'w')", "'new/../../x.txt'"),
        ("open('new/../x.txt', 'w')", "'new/../x.txt'"),
        ("open('.././work/../outside/secret.txt')", "'.././work/../outside/secret.txt'"),
        ("os.remove('../outside/secret.txt')", "'../outside/secret.txt'"),
        ("os.listdir('..')", "'..'"),
        ("os.listdir('/')", "'/'"),
        ("os.mkdir('../made')", "'../made'"),
        ("os.makedirs('../made/deeper')", "'../made/deeper'"),
        ("os.rmdir('../outside')", "'../outside'"),
        ("os.rename('../outside/secret.txt', 'stolen.txt')", "'../outside/secret.txt'"),
        ("os.path.getsize('/etc/passwd')", "'/etc/passwd'"),
    ])
    func pathsOutsideAreDenied(_ call: String, _ shown: String) {
        HostAccessTests.inTemporaryDirectory { root in
            expectOutput("import os\n\(call)\n", "", error: "PermissionError: [Errno 13] Permission denied: \(shown)")
            #expect(HostAccessTests.exists(root + "/outside/secret.txt"))
            #expect(!HostAccessTests.exists(root + "/x.txt") && !HostAccessTests.exists(root + "/made"))
        }
    }

    @Test func predicatesAnswerFalseOutside() {
        HostAccessTests.expectProgram("""
            import os
            print(os.path.exists('/etc/passwd'), os.path.isfile('../outside/secret.txt'), os.path.isdir('/'))
            print(os.path.exists(0), os.path.exists('..'))
            """, "False False False\nFalse False\n")
    }

    @Test func deniedErrorsAreOSErrors() {
        HostAccessTests.expectProgram("""
            try:
                open('/etc/passwd')
            except OSError as e:
                print(type(e).__name__, e.errno, e.strerror, e.filename, e.args)
            """, "PermissionError 13 Permission denied /etc/passwd (13, 'Permission denied')\n")
    }

    @Test func symlinksAreFollowedBeforeJudging() {
        HostAccessTests.inTemporaryDirectory { root in
            symlink(root + "/outside/secret.txt", root + "/work/link.txt")
            symlink(root + "/outside", root + "/work/linkdir")
            symlink(root + "/outside/created.txt", root + "/work/dangling.txt")
            symlink(root + "/nowhere", root + "/work/danglingdir")
            mkdir(root + "/work/real", 0o755)
            symlink(root + "/work/real", root + "/work/inside")
            let denied = "PermissionError: [Errno 13] Permission denied: "
            expectOutput("open('link.txt')\n", "", error: denied + "'link.txt'")
            expectOutput("open('linkdir/secret.txt')\n", "", error: denied + "'linkdir/secret.txt'")
            expectOutput("open('linkdir/new.txt', 'w')\n", "", error: denied + "'linkdir/new.txt'")
            expectOutput("open('dangling.txt', 'w')\n", "", error: denied + "'dangling.txt'")
            expectOutput("open('danglingdir/x.txt', 'w')\n", "", error: denied + "'danglingdir/x.txt'")
            expectOutput("import os\nos.remove('link.txt')\n", "", error: denied + "'link.txt'")
            #expect(!HostAccessTests.exists(root + "/outside/created.txt"))
            #expect(!HostAccessTests.exists(root + "/outside/new.txt"))
            #expect(HostAccessTests.exists(root + "/work/link.txt"))
            expectOutput("""
                with open('inside/ok.txt', 'w') as f:
                    f.write('fine')
                print(open('real/ok.txt').read())
                """, "fine\n")
        }
    }

    @Test func strangePathsRaiseCPythonErrors() {
        HostAccessTests.expectProgram("open('')\n", "", error: "FileNotFoundError: [Errno 2] No such file or directory: ''")
        HostAccessTests.expectProgram("open('a\\0b')\n", "", error: "ValueError: embedded null byte")
        HostAccessTests.expectProgram("open(2)\n", "", error: "PermissionError: [Errno 13] Permission denied: 2")
        HostAccessTests.expectProgram("open(1.5)\n", "",
                                      error: "TypeError: expected str, bytes or os.PathLike object, not float")
    }

    @Test func builtinsAndDunderImportReachTheSameGates() {
        HostAccessTests.expectProgram("""
            def attempt(f):
                try:
                    f()
                except Exception as e:
                    print(type(e).__name__ + ":", e)
            attempt(lambda: __builtins__.open('/etc/passwd'))
            attempt(lambda: globals()['__builtins__'].open('../outside/secret.txt'))
            attempt(lambda: getattr(__builtins__, 'open')('/etc/passwd'))
            attempt(lambda: __import__('os').remove('/etc/passwd'))
            attempt(lambda: __import__('io').open('/etc/passwd'))
            """, """
            PermissionError: [Errno 13] Permission denied: '/etc/passwd'
            PermissionError: [Errno 13] Permission denied: '../outside/secret.txt'
            PermissionError: [Errno 13] Permission denied: '/etc/passwd'
            PermissionError: [Errno 13] Permission denied: '/etc/passwd'
            PermissionError: [Errno 13] Permission denied: '/etc/passwd'

            """)
    }
}
