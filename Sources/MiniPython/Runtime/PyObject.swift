/// A Python object on the heap: everything that is not an immediate ``PyValue``.
///
/// Subclass it for a native object with Swift storage (``PyList``, ``PyDict``, and in
/// TorchBridge `PyTensor`); give it a ``PyType`` whose member dict holds its methods and
/// properties. Instances of user classes are plain `PyObject`s (or a native subclass when
/// the class derives from a builtin such as `list` or `Exception`) with an attribute dict.
///
/// Objects are shared read-only between interpreters only when their types are immutable
/// (builtin types); everything else belongs to one interpreter thread at a time.
open class PyObject: @unchecked Sendable {
    /// nil only for type objects, whose type is `type` (resolved lazily to break the cycle).
    private final var storedType: PyType?
    /// Instance attributes (`__dict__`), nil for objects without one (most builtins).
    public final var dict: PyDict?

    /// Creates an object of `type`; `hasDict` gives it an empty attribute dict.
    public init(type: PyType, hasDict: Bool = false) {
        storedType = type
        dict = hasDict ? PyDict() : nil
    }

    /// For ``PyType``: the type of a type is `type`.
    init(metatype: PyType?) {
        storedType = metatype
    }

    /// The Python type of this object (`type(obj)`, `obj.__class__`).
    public final var type: PyType {
        get { storedType ?? PyType.typeType }
        set { storedType = newValue }
    }

    /// An address-like number for `id()` and default reprs (`0x7f...`).
    public final var identity: Int { Int(bitPattern: UInt(bitPattern: ObjectIdentifier(self).hashValue)) }
}

extension PyObject {
    /// `0x7f3a...`, as in `<function f at 0x7f3a...>`.
    public var addressString: String { "0x" + String(UInt(bitPattern: identity), radix: 16).leftPadded(to: 12) }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
