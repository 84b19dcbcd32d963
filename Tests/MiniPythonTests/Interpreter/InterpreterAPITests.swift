import Testing
import MiniPython

/// The Swift API other modules build on: native modules and types, raising and converting,
/// the REPL mode, output capture and interrupts.
@Suite struct InterpreterAPITests {
    /// A native type as TorchBridge defines `Tensor`: methods, a property, operators, repr.
    final class Box: PyObject, @unchecked Sendable {
        var value: Double
        init(_ value: Double) {
            self.value = value
            super.init(type: Box.type)
        }

        nonisolated(unsafe) static let type: PyType = {
            let type = PyType(name: "Box", module: "boxes", base: .object, isBaseType: false)
            type.addStaticMethod("__new__(cls, value=0.0)") { (interp, args) throws(PyError) in
                .object(Box(try interp.expectFloat(args[1])))
            }
            type.addMethod("__repr__(self, /)") { (interp, args) throws(PyError) in
                .str("Box(\(try interp.repr(.float(unbox(args[0])))))")
            }
            type.addMethod("__add__(self, other, /)") { (interp, args) throws(PyError) in
                if let other = args[1].as(Box.self) { return .object(Box(try unbox(args[0]) + other.value)) }
                if case .object = args[1] { return .notImplemented }
                return .object(Box(try unbox(args[0]) + interp.expectFloat(args[1])))
            }
            type.addMethod("__radd__(self, other, /)") { (interp, args) throws(PyError) in
                .object(Box(try interp.expectFloat(args[1]) + unbox(args[0])))
            }
            type.addMethod("__eq__(self, other, /)") { (_, args) throws(PyError) in
                guard let other = args[1].as(Box.self) else { return .notImplemented }
                return .bool(try unbox(args[0]) == other.value)
            }
            type.addMethod("scale(self, factor, /, *, clamp=None)") { (interp, args) throws(PyError) in
                var v = try unbox(args[0]) * interp.expectFloat(args[1])
                if !args.isNone(2) { v = min(v, try interp.expectFloat(args[2])) }
                return .object(Box(v))
            }
            type.addProperty("value", get: { (_, v) throws(PyError) in .float(try unbox(v)) },
                             set: { (interp, v, new) throws(PyError) in
                                 guard let box = v.as(Box.self) else { return }
                                 box.value = try interp.expectFloat(new)
                             })
            return type
        }()

        static func unbox(_ v: PyValue) throws(PyError) -> Double {
            guard let box = v.as(Box.self) else { throw PyError.typeError("expected a Box, got \(v.type.name)") }
            return box.value
        }
    }

    func makeInterpreter(_ out: Output) -> Interpreter {
        let interp = Interpreter()
        interp.writeStdout = { out.text += $0 }
        interp.registerModule("boxes") { (_) throws(PyError) in
            let module = PyModule(name: "boxes")
            module["Box"] = .object(Box.type)
            module.addFunction("total(*boxes, start=0.0)") { (interp, args) throws(PyError) in
                var sum = try interp.expectFloat(args["start"])
                for b in args.varArgs { sum += try Box.unbox(b) }
                return .float(sum)
            }
            module.addFunction("fail(kind)") { (interp, args) throws(PyError) in
                throw PyError(typeName: try interp.expectStr(args[0]), message: "raised from Swift")
            }
            return module
        }
        return interp
    }

    final class Output: @unchecked Sendable { var text = "" }

    @Test func nativeModuleAndType() throws {
        let out = Output()
        var failure: String?
        Interpreter.runOnLargeStack {
            let interp = makeInterpreter(out)
            do throws(PyError) {
                try interp.execute("""
                import boxes
                from boxes import Box, total
                b = Box(2)
                print(b, b + 1, 1 + b, b + Box(3), b == Box(2.0), b.value, type(b).__name__)
                b.value = 5
                print(b.scale(3), b.scale(3, clamp=10), total(b, Box(1), start=0.5), isinstance(b, Box))
                try:
                    b.scale()
                except TypeError as e:
                    print(e)
                try:
                    boxes.fail("IndexError")
                except IndexError as e:
                    print(repr(e))
                print(b + "x")
                """, filename: "api.py")
            } catch {
                failure = error.description
            }
        }
        #expect(out.text == """
        Box(2.0) Box(3.0) Box(3.0) Box(5.0) True 2.0 Box
        Box(15.0) Box(10.0) 6.5 True
        Box.scale() missing 1 required positional argument: 'factor'
        IndexError('raised from Swift')

        """)
        #expect(failure == "TypeError: must be real number, not str")
    }

    @Test func interactiveEchoesExpressions() {
        let out = Output()
        Interpreter.runOnLargeStack {
            let interp = makeInterpreter(out)
            try? interp.executeInteractive("x = 2\n")
            try? interp.executeInteractive("x * 21\n")
            try? interp.executeInteractive("None\n")
            try? interp.executeInteractive("'s'; [x]\n")
            try? interp.executeInteractive("_ + 1\n")
        }
        #expect(out.text == "42\n's'\n[2]\n")
    }

    @Test func evaluateAndConvert() throws {
        var values: [String] = []
        Interpreter.runOnLargeStack {
            let interp = Interpreter()
            guard let v = try? interp.evaluate("[i * i for i in range(4)]") else { return }
            values.append((try? interp.repr(v)) ?? "")
            values.append(String((try? interp.toArray(v).count) ?? -1))
            values.append(String((try? interp.expectInt(.int(PyIntValue(7)))) ?? -1))
        }
        #expect(values == ["[0, 1, 4, 9]", "4", "7"])
    }

    @Test func interruptRaisesKeyboardInterrupt() {
        var line: String?
        Interpreter.runOnLargeStack {
            let interp = Interpreter()
            interp.interrupt.set()
            do throws(PyError) {
                try interp.execute("while True:\n    pass\n")
            } catch {
                line = error.description
            }
        }
        #expect(line == "KeyboardInterrupt")
    }

    @Test func signatureErrors() {
        let sig = Signature("f(a, b=1, /, c=2, *, d, **kw)")
        func message(_ args: Arguments) -> String? {
            do throws(PyError) { _ = try sig.bind(args); return nil } catch { return error.description }
        }
        #expect(message(Arguments([PyValue(1)])) == "TypeError: f() missing 1 required keyword-only argument: 'd'")
        #expect(message(Arguments([PyValue(1), PyValue(2), PyValue(3), PyValue(4)], keywords: [("d", .none)]))
            == "TypeError: f() takes from 1 to 3 positional arguments but 4 positional arguments (and 1 keyword-only argument) were given")
        #expect(message(Arguments([PyValue(1)], keywords: [("d", .none), ("c", .none), ("c", .none)]))
            == "TypeError: f() got multiple values for argument 'c'")
        #expect(message(Arguments([], keywords: [("d", .none)])) == "TypeError: f() missing 1 required positional argument: 'a'")
        let bound = try? sig.bind(Arguments([PyValue(1)], keywords: [("d", PyValue(4)), ("zz", PyValue(5))]))
        #expect(bound?.varKeywords.count == 1)
        #expect(bound.map { if case .int(let i) = $0["c"] { return i == PyIntValue(2) } else { return false } } == true)
    }
}
