import Testing
import MiniPython
@testable import Course

/// Tab completion and `name?` help on a session, which must never run the learner's code.
@Suite(.serialized) struct CompletionTests {
    private static let setup = """
        import torch
        from torch import nn
        xylophone = 1
        t = torch.ones(2, 3)
        class Trap:
            @property
            def boom(self):
                global fired
                fired = True
                while True: pass
            def __getattr__(self, name):
                global fired
                fired = True
            def __repr__(self):
                return 'Trap()'
        trap = Trap()
        class Net(nn.Module):
            def __init__(self):
                super().__init__()
                self.fc1 = nn.Linear(2, 3)
        net = Net()
        def scale(t, factor=2, *, inplace=False):
            \"\"\"Multiplies t by factor.

            More words.\"\"\"
            return t * factor
        """

    /// Runs the setup in a session, then `body` with it.
    private func withSession(_ body: @escaping (LessonSession) -> Void) throws {
        let lesson = try #require(parse(lessonText("## Setup\n")))
        onInterpreterThread {
            let session = LessonSession(lesson: lesson) { _ in }
            #expect(session.runInteractive(CompletionTests.setup) == .completed)
            body(session)
        }
    }

    @Test func dottedNamesAtTheEndOfALine() {
        #expect(Completion.dottedName(atEndOf: "print(x.sh") == ["x", "sh"])
        #expect(Completion.dottedName(atEndOf: "torch.") == ["torch", ""])
        #expect(Completion.dottedName(atEndOf: "pri") == ["pri"])
        #expect(Completion.dottedName(atEndOf: "'abc'.up") == nil)
        #expect(Completion.dottedName(atEndOf: "1.") == nil)
        #expect(Completion.dottedName(atEndOf: "x ") == nil)
        #expect(Completion.dottedName(atEndOf: "") == nil)
        #expect(Completion(word: "ze", candidates: ["zeros", "zeros_like"]).commonPrefix == "zeros")
    }

    @Test func completesGlobalsBuiltinsKeywordsAndAttributes() throws {
        try withSession { session in
            #expect(session.complete("xyl")?.candidates == ["xylophone"])
            #expect(session.complete("print(isinst")?.candidates == ["isinstance"])
            #expect(session.complete("whi")?.candidates == ["while"])
            #expect(session.complete("torch.zeros")?.candidates == ["zeros", "zeros_like"])
            let tensorMethods = session.complete("t.")?.candidates ?? []
            #expect(tensorMethods.contains("sum") && tensorMethods.contains("shape") && tensorMethods.contains("backward"))
            #expect(!tensorMethods.contains { $0.hasPrefix("_") })
            #expect(session.complete("t.__ad")?.candidates.contains("__add__") == true)
            #expect(session.complete("t.shape.nu")?.candidates == ["numel"])
            #expect(session.complete("net.fc")?.candidates == ["fc1"])
            #expect(session.complete("net.fc1.we")?.candidates == ["weight"])
            #expect(session.complete("nn.Lin")?.candidates == ["Linear"])
            #expect(session.complete("nothing.here")?.candidates == [])
            #expect(session.complete("x + ") == nil)
        }
    }

    @Test func neverRunsPropertiesOrGetattr() throws {
        try withSession { session in
            #expect(session.complete("trap.bo")?.candidates == ["boom"])
            #expect(session.complete("trap.boom.")?.candidates == [])
            #expect(session.complete("trap.missing.")?.candidates == [])
            #expect(session.help(for: "trap.boom").hasPrefix("No help: 'trap.boom' is not defined"))
            #expect(session.runInteractive("fired") != .completed, "nothing set the flag")
        }
    }

    @Test func helpShowsSignaturesDocsTypesAndReprs() throws {
        try withSession { session in
            #expect(session.help(for: "scale") == "scale(t, factor=2, *, inplace=False)\nMultiplies t by factor.")
            let zeros = session.help(for: "torch.zeros")
            #expect(zeros.hasPrefix("torch.zeros(") && zeros.hasSuffix("built-in function"))
            #expect(session.help(for: "t.sum").hasPrefix("Tensor.sum("))
            #expect(session.help(for: "t") == """
                t: Tensor
                shape: torch.Size([2, 3])
                dtype: torch.float32
                tensor([[1., 1., 1.],
                        [1., 1., 1.]])
                """)
            #expect(session.help(for: "xylophone") == "xylophone: int\n1")
            #expect(session.help(for: "trap") == "trap: Trap\nTrap()")
            #expect(session.help(for: "nn.Linear").hasPrefix("class torch.nn.modules.linear.Linear") || session.help(for: "nn.Linear").hasPrefix("class "))
            #expect(session.help(for: "torch").hasPrefix("module torch"))
            #expect(session.help(for: "nope") == "No help: 'nope' is not defined (or is computed by Python code, which help does not run).")
        }
    }
}
