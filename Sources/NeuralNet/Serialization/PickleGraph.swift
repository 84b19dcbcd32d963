/// The objects of a pickle, as a flat table: the neutral value model between Python's
/// pickle format and what the tutor rebuilds from it (tensors, dicts, numbers).
///
/// Nodes refer to each other by index (``Ref``), never by Swift reference, so any graph a
/// file describes is safe to hold: shared objects are one node, cycles are harmless, and
/// freeing a deep graph does not recurse. Readers walk it with a depth limit.
///
/// ```swift
/// var g = PickleGraph()
/// let key = g.add(.string("weight"))
/// let root = g.add(.dict([(key, g.add(.int(1)))]))
/// ```
struct PickleGraph: Sendable {
    /// The index of a node.
    typealias Ref = Int

    /// A call of a global, as REDUCE (or NEWOBJ) records it, with what later opcodes add to
    /// the result: dict items (SETITEMS on an `OrderedDict()`) and BUILD state.
    struct Call: Sendable {
        var callable: Ref
        var arguments: Ref
        var dictItems: [(key: Ref, value: Ref)] = []
        var state: Ref?
        /// NEWOBJ (`cls.__new__(cls, *args)`, no `__init__`) rather than REDUCE (`f(*args)`).
        var isNewObject: Bool

        init(callable: Ref, arguments: Ref, dictItems: [(key: Ref, value: Ref)] = [], state: Ref? = nil,
             isNewObject: Bool = false) {
            self.callable = callable
            self.arguments = arguments
            self.dictItems = dictItems
            self.state = state
            self.isNewObject = isNewObject
        }
    }

    /// One object.
    enum Node: Sendable {
        case none
        case bool(Bool)
        /// An int that fits in 64 bits.
        case int(Int)
        /// A larger int, as LONG1 stores it: little-endian two's complement bytes.
        case long([UInt8])
        case float(Double)
        case string(String)
        case tuple([Ref])
        case list([Ref])
        case dict([(key: Ref, value: Ref)])
        /// `module.name`, as GLOBAL names it (e.g. `torch._utils._rebuild_tensor_v2`).
        case global(module: String, name: String)
        case call(Call)
        /// The object a persistent id stands for (in `.pt` files, a storage record).
        case persistent(id: Ref)
    }

    private(set) var nodes: [Node] = []

    init() {}

    /// Appends a node and returns its index.
    @discardableResult
    mutating func add(_ node: Node) -> Ref {
        nodes.append(node)
        return nodes.count - 1
    }

    subscript(ref: Ref) -> Node {
        get { nodes[ref] }
        set { nodes[ref] = newValue }
    }

    /// Takes the node out (leaving `.none`) so it can be changed without copying its arrays.
    mutating func take(_ ref: Ref) -> Node {
        let node = nodes[ref]
        nodes[ref] = .none
        return node
    }

    /// The name Python gives the node's type, for error messages.
    func typeName(_ ref: Ref) -> String {
        switch nodes[ref] {
        case .none: "NoneType"
        case .bool: "bool"
        case .int, .long: "int"
        case .float: "float"
        case .string: "str"
        case .tuple: "tuple"
        case .list: "list"
        case .dict: "dict"
        case .global(let module, let name): "\(module).\(name)"
        case .call: "object"
        case .persistent: "storage"
        }
    }
}
