import Testing
import MiniPython

/// What programs can reach of the host through modules and introspection: host modules do
/// not exist, `os` and `sys` are safe subsets (Note [os is a safe subset]), and `eval`,
/// `exec`, `__import__`, `__subclasses__`, `__builtins__` and frames lead nowhere else.
@Suite struct HostModuleTests {
    @Test(arguments: ["subprocess", "socket", "shutil", "ctypes", "multiprocessing", "signal", "pty", "importlib",
                      "pathlib", "tempfile", "threading", "posix", "_thread", "builtins.open", "os.system"])
    func hostModulesDoNotExist(_ name: String) {
        expectOutput("import \(name)\n", "", error: "ModuleNotFoundError: No module named '\(name)'")
        expectOutput("__import__('\(name)')\n", "", error: "ModuleNotFoundError: No module named '\(name)'")
    }

    @Test func fromImportOfAHostModule() {
        expectOutput("from subprocess import run\n", "", error: "ModuleNotFoundError: No module named 'subprocess'")
        expectOutput("from os import system\n", "", error: "ImportError: cannot import name 'system' from 'os' (unknown location)")
    }

    @Test(arguments: ["system", "popen", "fork", "execv", "execvp", "spawnv", "kill", "chdir", "fchdir", "chroot",
                      "putenv", "unsetenv", "open", "read", "write", "dup2", "symlink", "link", "chmod", "chown",
                      "walk", "scandir", "stat", "getpid", "_exit"])
    func osHasNoWayOut(_ name: String) {
        let result = runProgram("import os\nos.\(name)\n")
        #expect(result.errorLine?.hasPrefix("AttributeError: module 'os' has no attribute '\(name)'") == true)
    }

    @Test func osEnvironmentIsEmpty() {
        expectOutput("""
            import os
            print(os.environ, os.getenv('HOME'), os.getenv('PATH', 'none'), os.environ.get('USER'))
            print(os.name, os.sep, os.path.join('a', 'b'), os.path.basename('a/b.txt'), os.path.splitext('a/b.txt'))
            """, "{} None none None\nposix / a/b b.txt ('a/b', '.txt')\n")
    }

    @Test func sysIsASafeSubset() {
        expectOutput("""
            import sys
            print(sys.path, sys.modules, sys.argv, sys.maxsize, sys.version_info >= (3, 8), sys.version_info.major)
            print(sys.float_info.epsilon, sys.float_info.max, sys.float_info.dig, sys.getrecursionlimit())
            sys.stdout.write('out\\n')
            sys.stdout.flush()
            for name in ['_getframe', 'executable', 'settrace', 'setprofile', 'exc_clear', 'addaudithook']:
                print(name, hasattr(sys, name))
            sys.setrecursionlimit(2 ** 31)
            """, """
            [] {} [''] 9223372036854775807 True 3
            2.220446049250313e-16 1.7976931348623157e+308 15 1000
            out
            _getframe False
            executable False
            settrace False
            setprofile False
            exc_clear False
            addaudithook False

            """, error: "OverflowError: Python int too large to convert to C int")
    }

    @Test func evalExecAndCompileAreNotProvided() {
        for call in ["eval('1 + 1')", "exec('import os')", "compile('1', 'f', 'eval')",
                     "__builtins__.eval('1')", "globals()['__builtins__'].exec('x = 1')"] {
            let name = call.contains("compile") ? "compile" : (call.contains("eval") ? "eval" : "exec")
            expectOutput("\(call)\n", "", error: "NotImplementedError: \(name)() is not supported by MiniPython")
        }
    }

    @Test func introspectionLeadsNowhere() {
        expectOutput("""
            def attempt(text, f):
                try:
                    f()
                    print(text, "reached")
                except Exception as e:
                    print(text, type(e).__name__)
            def g():
                yield 1
            attempt("subclasses", lambda: ().__class__.__base__.__subclasses__())
            attempt("type subclasses", lambda: type.__subclasses__(object))
            attempt("function globals", lambda: g.__globals__)
            attempt("function code", lambda: g.__code__)
            attempt("closure", lambda: g.__closure__)
            attempt("generator frame", lambda: g().gi_frame)
            attempt("generator code", lambda: g().gi_code)
            attempt("builtin self", lambda: print.__self__)
            attempt("loader", lambda: __loader__)
            attempt("spec", lambda: __spec__)
            attempt("traceback frame", lambda: ValueError().__traceback__.tb_frame)
            """, """
            subclasses AttributeError
            type subclasses AttributeError
            function globals AttributeError
            function code AttributeError
            closure AttributeError
            generator frame AttributeError
            generator code AttributeError
            builtin self AttributeError
            loader NameError
            spec NameError
            traceback frame AttributeError

            """)
    }

    @Test func dunderImportIsTheImportStatement() {
        expectOutput("""
            m = __import__('os.path')
            print(m.__name__, __import__('os.path', fromlist=['join']).__name__, __import__('math').sqrt(4.0))
            """, "os os.path 2.0\n")
        expectOutput("__import__('x', level=1)\n", "", error: "ImportError: attempted relative import with no known parent package")
        expectOutput("__import__(5)\n", "", error: "TypeError: module name must be str, not int")
    }
}
