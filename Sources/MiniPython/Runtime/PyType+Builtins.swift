import Synchronization

/// The builtin types. They are created empty here and filled with their methods once, by
/// ``BuiltinTypes/install()``, before the first interpreter runs (filling them here would make
/// the lazy initializers of `function` and `builtin_function_or_method` depend on themselves).
extension PyType {
    // MARK: - Core

    public static let object = PyType(name: "object", base: nil) { PyObject(type: $0, hasDict: $0.isHeapType) }
    public static let typeType = PyType(name: "type", base: object)
    public static let noneType = PyType(name: "NoneType", base: object, isBaseType: false)
    public static let notImplementedType = PyType(name: "NotImplementedType", base: object, isBaseType: false)
    public static let ellipsisType = PyType(name: "ellipsis", base: object, isBaseType: false)
    public static let int = PyType(name: "int", base: object)
    public static let bool = PyType(name: "bool", base: int, isBaseType: false)
    public static let float = PyType(name: "float", base: object)
    public static let str = PyType(name: "str", base: object)

    // MARK: - Containers

    public static let list = PyType(name: "list", base: object) { PyList(type: $0, []) }
    public static let tuple = PyType(name: "tuple", base: object) { PyTuple(type: $0, []) }
    public static let dict = PyType(name: "dict", base: object) { PyDict(type: $0) }
    public static let set = PyType(name: "set", base: object) { PySet(type: $0) }
    public static let frozenset = PyType(name: "frozenset", base: object) { PySet(type: $0) }
    public static let range = PyType(name: "range", base: object, isBaseType: false)
    public static let slice = PyType(name: "slice", base: object, isBaseType: false)
    public static let dictKeys = PyType(name: "dict_keys", base: object, isBaseType: false)
    public static let dictValues = PyType(name: "dict_values", base: object, isBaseType: false)
    public static let dictItems = PyType(name: "dict_items", base: object, isBaseType: false)

    // MARK: - Code and namespaces

    public static let function = PyType(name: "function", base: object, isBaseType: false)
    public static let builtinFunction = PyType(name: "builtin_function_or_method", base: object, isBaseType: false)
    public static let method = PyType(name: "method", base: object, isBaseType: false)
    public static let module = PyType(name: "module", base: object) { PyModule(type: $0, name: "?") }
    public static let generator = PyType(name: "generator", base: object, isBaseType: false)
    public static let property = PyType(name: "property", base: object) { PyProperty(type: $0) }
    public static let staticmethod = PyType(name: "staticmethod", base: object) { PyStaticMethod(type: $0, .none) }
    public static let classmethod = PyType(name: "classmethod", base: object) { PyClassMethod(type: $0, .none) }
    public static let superType = PyType(name: "super", base: object, isBaseType: false)
    public static let cell = PyType(name: "cell", base: object, isBaseType: false)

    // MARK: - Iterators

    public static let listIterator = PyType(name: "list_iterator", base: object, isBaseType: false)
    public static let listReverseIterator = PyType(name: "list_reverseiterator", base: object, isBaseType: false)
    public static let tupleIterator = PyType(name: "tuple_iterator", base: object, isBaseType: false)
    public static let strIterator = PyType(name: "str_ascii_iterator", base: object, isBaseType: false)
    public static let rangeIterator = PyType(name: "range_iterator", base: object, isBaseType: false)
    public static let dictKeyIterator = PyType(name: "dict_keyiterator", base: object, isBaseType: false)
    public static let dictValueIterator = PyType(name: "dict_valueiterator", base: object, isBaseType: false)
    public static let dictItemIterator = PyType(name: "dict_itemiterator", base: object, isBaseType: false)
    public static let setIterator = PyType(name: "set_iterator", base: object, isBaseType: false)
    public static let callableIterator = PyType(name: "callable_iterator", base: object, isBaseType: false)
    public static let iterator = PyType(name: "iterator", base: object, isBaseType: false)
    public static let enumerate = PyType(name: "enumerate", base: object, isBaseType: false)
    public static let zip = PyType(name: "zip", base: object, isBaseType: false)
    public static let map = PyType(name: "map", base: object, isBaseType: false)
    public static let filter = PyType(name: "filter", base: object, isBaseType: false)
    public static let reversed = PyType(name: "reversed", base: object, isBaseType: false)

    // MARK: - Exceptions

    public static let baseException = PyType(name: "BaseException", base: object) { PyBaseException(type: $0) }
    public static let exception = PyType(name: "Exception", base: baseException)
    public static let arithmeticError = PyType(name: "ArithmeticError", base: exception)
    public static let zeroDivisionError = PyType(name: "ZeroDivisionError", base: arithmeticError)
    public static let overflowError = PyType(name: "OverflowError", base: arithmeticError)
    public static let floatingPointError = PyType(name: "FloatingPointError", base: arithmeticError)
    public static let assertionError = PyType(name: "AssertionError", base: exception)
    public static let attributeError = PyType(name: "AttributeError", base: exception)
    public static let bufferError = PyType(name: "BufferError", base: exception)
    public static let eofError = PyType(name: "EOFError", base: exception)
    public static let importError = PyType(name: "ImportError", base: exception)
    public static let moduleNotFoundError = PyType(name: "ModuleNotFoundError", base: importError)
    public static let lookupError = PyType(name: "LookupError", base: exception)
    public static let indexError = PyType(name: "IndexError", base: lookupError)
    public static let keyError = PyType(name: "KeyError", base: lookupError)
    public static let memoryError = PyType(name: "MemoryError", base: exception)
    public static let nameError = PyType(name: "NameError", base: exception)
    public static let unboundLocalError = PyType(name: "UnboundLocalError", base: nameError)
    public static let osError = PyType(name: "OSError", base: exception)
    public static let fileNotFoundError = PyType(name: "FileNotFoundError", base: osError)
    public static let fileExistsError = PyType(name: "FileExistsError", base: osError)
    public static let permissionError = PyType(name: "PermissionError", base: osError)
    public static let isADirectoryError = PyType(name: "IsADirectoryError", base: osError)
    public static let notADirectoryError = PyType(name: "NotADirectoryError", base: osError)
    public static let runtimeError = PyType(name: "RuntimeError", base: exception)
    public static let notImplementedError = PyType(name: "NotImplementedError", base: runtimeError)
    public static let recursionError = PyType(name: "RecursionError", base: runtimeError)
    public static let stopIteration = PyType(name: "StopIteration", base: exception)
    public static let syntaxError = PyType(name: "SyntaxError", base: exception)
    public static let indentationError = PyType(name: "IndentationError", base: syntaxError)
    public static let tabError = PyType(name: "TabError", base: indentationError)
    public static let systemError = PyType(name: "SystemError", base: exception)
    public static let typeError = PyType(name: "TypeError", base: exception)
    public static let valueError = PyType(name: "ValueError", base: exception)
    public static let unicodeError = PyType(name: "UnicodeError", base: valueError)
    public static let unicodeDecodeError = PyType(name: "UnicodeDecodeError", base: unicodeError)
    public static let unicodeEncodeError = PyType(name: "UnicodeEncodeError", base: unicodeError)
    public static let keyboardInterrupt = PyType(name: "KeyboardInterrupt", base: baseException)
    public static let systemExit = PyType(name: "SystemExit", base: baseException)
    public static let generatorExit = PyType(name: "GeneratorExit", base: baseException)
    public static let warning = PyType(name: "Warning", base: exception)
    public static let userWarning = PyType(name: "UserWarning", base: warning)
    public static let deprecationWarning = PyType(name: "DeprecationWarning", base: warning)
    public static let runtimeWarning = PyType(name: "RuntimeWarning", base: warning)
    public static let futureWarning = PyType(name: "FutureWarning", base: warning)

    /// Every builtin exception class, in hierarchy order (the `builtins` module exports them).
    public static let builtinExceptions: [PyType] = [
        baseException, exception, arithmeticError, zeroDivisionError, overflowError, floatingPointError,
        assertionError, attributeError, bufferError, eofError, importError, moduleNotFoundError,
        lookupError, indexError, keyError, memoryError, nameError, unboundLocalError, osError,
        fileNotFoundError, fileExistsError, permissionError, isADirectoryError, notADirectoryError,
        runtimeError, notImplementedError, recursionError, stopIteration, syntaxError, indentationError,
        tabError, systemError, typeError, valueError, unicodeError, unicodeDecodeError, unicodeEncodeError,
        keyboardInterrupt, systemExit, generatorExit, warning, userWarning, deprecationWarning,
        runtimeWarning, futureWarning,
    ]

    private static let registeredExceptions = Mutex<[String: PyType]>([:])

    /// Makes an exception class findable by ``PyError/init(typeName:message:)`` (TorchBridge
    /// registers e.g. `torch.OutOfMemoryError` under "OutOfMemoryError").
    public static func registerExceptionType(_ type: PyType, as name: String? = nil) {
        registeredExceptions.withLock { $0[name ?? type.name] = type }
    }

    /// The builtin or registered exception class with this name.
    public static func exceptionType(named name: String) -> PyType? {
        if let builtin = builtinExceptions.first(where: { $0.name == name }) { return builtin }
        return registeredExceptions.withLock { $0[name] }
    }
}
