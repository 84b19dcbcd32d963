import Testing
@testable import MiniPython

/// The REPL's `>>>` / `...` decision. Expected values come from CPython's
/// `codeop.compile_command(source, "<stdin>", "single")` (None means incomplete).
@Suite struct IncompleteTests {
    @Test(arguments: [
        ("x = 1", false),
        ("if x:", true),
        ("if x:\n  y", true),
        ("if x:\n  y\n", false),
        ("if x:\n  y\n\n", false),
        ("if x: y", true),
        ("def f(): pass", true),
        ("@dec", true),
        ("(1,", true),
        ("\"\"\"abc", true),
        ("x = \\", true),
        ("x = 1 +", false),
        ("a b", false),
        ("for x in y:\n  pass\nelse:", true),
        ("x = [\n1,\n2]", false),
        ("class A:\n  def f(self):\n    pass\n", false),
        ("if x:\n  y\n\nz", false),
        ("\"abc", false),
        ("class A:\n  def f(self):\n    pass", true),
        ("try:\n  pass", true),
        ("try:\n  pass\nexcept:", true),
        ("x = 1; y = 2", false),
        ("print(1)", false),
        ("x = {", true),
        ("def f():\n  return 1", true),
        ("while True:", true),
        ("def f():\n  if x:\n    return 1\n  return 2", true),
        ("", false),
        ("# comment\n", false),
    ])
    func matchesCodeop(_ source: String, _ incomplete: Bool) {
        #expect(isIncomplete(source) == incomplete)
    }
}
