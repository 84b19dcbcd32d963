/// `itertools`: lazy iterator building blocks, as native iterators.
/// Docs: https://docs.python.org/3.11/library/itertools.html
enum ItertoolsModule {
    static let iteratorType: PyType = {
        let type = PyType(name: "itertools_iterator", module: "itertools", base: .object, isBaseType: false)
        type.addMethod("__iter__(self, /)") { (_, args) throws(PyError) in args[0] }
        type.addMethod("__next__(self, /)") { (interp, args) throws(PyError) in
            guard let value = try interp.next(args[0]) else { throw PyError.stopIteration() }
            return value
        }
        return type
    }()

    static func iterator(_ next: @escaping (Interpreter) throws(PyError) -> PyValue?) -> PyValue {
        .object(PyIterator(type: iteratorType, next))
    }

    static func make() -> PyModule {
        let m = PyModule(name: "itertools")
        m.addFunction("count(start=0, step=1)") { (interp, args) throws(PyError) in
            var current = args[0]
            let step = args[1]
            return iterator { (interp) throws(PyError) in
                defer { current = (try? interp.binaryOperation(.add, current, step)) ?? current }
                return current
            }
        }
        m.addFunction("repeat(object, times=None)") { (interp, args) throws(PyError) in
            let object = args[0]
            var remaining = args.isNone(1) ? -1 : max(0, try interp.expectInt(args[1]))
            return iterator { _ in
                if remaining == 0 { return nil }
                if remaining > 0 { remaining -= 1 }
                return object
            }
        }
        m.addFunction("cycle(iterable, /)") { (interp, args) throws(PyError) in
            let source = try interp.iter(args[0])
            var saved: [PyValue] = []
            var index = -1
            return iterator { (interp) throws(PyError) in
                if index < 0 {
                    if let item = try interp.next(source) { saved.append(item); return item }
                    if saved.isEmpty { return nil }
                    index = 0
                }
                defer { index = (index + 1) % saved.count }
                return saved[index]
            }
        }
        let chainBody: (Interpreter, PyValue) throws(PyError) -> PyValue = { (interp, iterables) throws(PyError) in
            let outer = try interp.iter(iterables)
            var inner: PyValue?
            return iterator { (interp) throws(PyError) in
                while true {
                    if let current = inner, let item = try interp.next(current) { return item }
                    guard let nextIterable = try interp.next(outer) else { return nil }
                    inner = try interp.iter(nextIterable)
                }
            }
        }
        m.addFunction("chain(*iterables)") { (interp, args) throws(PyError) in try chainBody(interp, .tuple(args.varArgs)) }
        if case .object(let chain) = m["chain"] ?? .none {
            chain.dict = PyDict()
            chain.dict?.set(str: "from_iterable", .object(PyBuiltinFunction(signature: "from_iterable(iterable, /)") {
                (interp, args) throws(PyError) in try chainBody(interp, args[0])
            }))
        }
        m.addFunction("islice(iterable, *args)") { (interp, args) throws(PyError) in
            var start = 0, stop: Int?, step = 1
            func value(_ v: PyValue) throws(PyError) -> Int? { v.isNone ? nil : try interp.expectInt(v) }
            switch args.varArgs.count {
            case 1: stop = try value(args.varArgs[0])
            case 2: start = try value(args.varArgs[0]) ?? 0; stop = try value(args.varArgs[1])
            case 3: start = try value(args.varArgs[0]) ?? 0; stop = try value(args.varArgs[1]); step = try value(args.varArgs[2]) ?? 1
            default: throw PyError.typeError("islice expected at most 4 arguments, got \(args.varArgs.count + 1)")
            }
            if start < 0 || (stop ?? 0) < 0 {
                throw PyError.valueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
            }
            if step < 1 { throw PyError.valueError("Step for islice() must be a positive integer or None.") }
            let source = try interp.iter(args[0])
            var position = 0
            var nextWanted = start
            return iterator { (interp) throws(PyError) in
                while true {
                    if let stop, nextWanted >= stop { return nil }
                    guard let item = try interp.next(source) else { return nil }
                    defer { position += 1 }
                    if position == nextWanted {
                        nextWanted += step
                        return item
                    }
                }
            }
        }
        m.addFunction("accumulate(iterable, func=None, *, initial=None)") { (interp, args) throws(PyError) in
            let source = try interp.iter(args[0])
            let function = args[1]
            var total: PyValue? = args[2].isNone ? nil : args[2]
            var emittedInitial = args[2].isNone
            return iterator { (interp) throws(PyError) in
                if !emittedInitial { emittedInitial = true; return total }
                guard let item = try interp.next(source) else { return nil }
                if let current = total {
                    total = function.isNone ? try interp.binaryOperation(.add, current, item) : try interp.call(function, [current, item])
                } else {
                    total = item
                }
                return total
            }
        }
        m.addFunction("product(*iterables, repeat=1)") { (interp, args) throws(PyError) in
            var pools: [[PyValue]] = []
            for iterable in args.varArgs { pools.append(try interp.toArray(iterable)) }
            let times = try interp.expectInt(args["repeat"])
            pools = Array(repeatElement(pools, count: max(0, times)).joined())
            var indices = [Int](repeating: 0, count: pools.count)
            var done = pools.contains { $0.isEmpty }
            return iterator { _ in
                if done { return nil }
                let item = PyValue.tuple(zip(pools, indices).map { $0[$1] })
                var i = pools.count - 1
                while i >= 0 {
                    indices[i] += 1
                    if indices[i] < pools[i].count { break }
                    indices[i] = 0
                    i -= 1
                }
                if i < 0 { done = true }
                return item
            }
        }
        m.addFunction("permutations(iterable, r=None)") { (interp, args) throws(PyError) in
            let pool = try interp.toArray(args[0])
            let n = pool.count
            let r = args.isNone(1) ? n : try interp.expectInt(args[1])
            var results: [PyValue] = []
            if r <= n && r >= 0 {
                func build(_ prefix: [Int], _ used: Set<Int>) {
                    if prefix.count == r { results.append(.tuple(prefix.map { pool[$0] })); return }
                    for i in 0..<n where !used.contains(i) { build(prefix + [i], used.union([i])) }
                }
                build([], [])
            }
            var i = 0
            return iterator { _ in
                guard i < results.count else { return nil }
                defer { i += 1 }
                return results[i]
            }
        }
        for (name, replacement) in [("combinations", false), ("combinations_with_replacement", true)] {
            m.addFunction("\(name)(iterable, r)") { (interp, args) throws(PyError) in
                let pool = try interp.toArray(args[0])
                let r = try interp.expectInt(args[1])
                if r < 0 { throw PyError.valueError("r must be non-negative") }
                var results: [PyValue] = []
                func build(_ prefix: [Int], _ start: Int) {
                    if prefix.count == r { results.append(.tuple(prefix.map { pool[$0] })); return }
                    guard start < pool.count else { return }
                    for i in start..<pool.count { build(prefix + [i], replacement ? i : i + 1) }
                }
                build([], 0)
                var i = 0
                return iterator { _ in
                    guard i < results.count else { return nil }
                    defer { i += 1 }
                    return results[i]
                }
            }
        }
        m.addFunction("zip_longest(*iterables, fillvalue=None)") { (interp, args) throws(PyError) in
            var iterators: [PyValue?] = []
            for iterable in args.varArgs { iterators.append(try interp.iter(iterable)) }
            let fill = args["fillvalue"]
            return iterator { (interp) throws(PyError) in
                var items: [PyValue] = []
                var active = 0
                for i in iterators.indices {
                    if let it = iterators[i], let item = try interp.next(it) {
                        items.append(item)
                        active += 1
                    } else {
                        iterators[i] = nil
                        items.append(fill)
                    }
                }
                return active == 0 ? nil : .tuple(items)
            }
        }
        m.addFunction("starmap(function, iterable, /)") { (interp, args) throws(PyError) in
            let source = try interp.iter(args[1])
            let function = args[0]
            return iterator { (interp) throws(PyError) in
                guard let item = try interp.next(source) else { return nil }
                return try interp.call(function, try interp.toArray(item))
            }
        }
        for (name, whileTrue) in [("takewhile", true), ("dropwhile", false)] {
            m.addFunction("\(name)(predicate, iterable, /)") { (interp, args) throws(PyError) in
                let source = try interp.iter(args[1])
                let predicate = args[0]
                var switched = false
                return iterator { (interp) throws(PyError) in
                    while let item = try interp.next(source) {
                        if whileTrue {
                            if switched { return nil }
                            if try interp.isTrue(try interp.call(predicate, [item])) { return item }
                            switched = true
                            return nil
                        }
                        if switched { return item }
                        if !(try interp.isTrue(try interp.call(predicate, [item]))) { switched = true; return item }
                    }
                    return nil
                }
            }
        }
        m.addFunction("filterfalse(function, iterable, /)") { (interp, args) throws(PyError) in
            let source = try interp.iter(args[1])
            let function = args[0]
            return iterator { (interp) throws(PyError) in
                while let item = try interp.next(source) {
                    let keep = function.isNone ? item : try interp.call(function, [item])
                    if !(try interp.isTrue(keep)) { return item }
                }
                return nil
            }
        }
        m.addFunction("compress(data, selectors)") { (interp, args) throws(PyError) in
            let data = try interp.iter(args[0]), selectors = try interp.iter(args[1])
            return iterator { (interp) throws(PyError) in
                while let item = try interp.next(data), let selector = try interp.next(selectors) {
                    if try interp.isTrue(selector) { return item }
                }
                return nil
            }
        }
        m.addFunction("pairwise(iterable, /)") { (interp, args) throws(PyError) in
            let source = try interp.iter(args[0])
            var previous: PyValue?
            return iterator { (interp) throws(PyError) in
                if previous == nil { previous = try interp.next(source) }
                guard let a = previous, let b = try interp.next(source) else { return nil }
                previous = b
                return .tuple([a, b])
            }
        }
        m.addFunction("groupby(iterable, key=None)") { (interp, args) throws(PyError) in
            let source = try interp.iter(args[0])
            let keyFunction = args[1]
            var pending: (PyValue, PyValue)?
            var exhausted = false
            func fetch(_ interp: Interpreter) throws(PyError) -> (PyValue, PyValue)? {
                if let p = pending { pending = nil; return p }
                guard !exhausted, let item = try interp.next(source) else { exhausted = true; return nil }
                return (keyFunction.isNone ? item : try interp.call(keyFunction, [item]), item)
            }
            return iterator { (interp) throws(PyError) in
                guard let (key, first) = try fetch(interp) else { return nil }
                var group = [first]
                while let (k, item) = try fetch(interp) {
                    if try interp.equals(k, key) { group.append(item) } else { pending = (k, item); break }
                }
                return .tuple([key, try interp.iter(.list(group))])
            }
        }
        m.addFunction("tee(iterable, n=2, /)") { (interp, args) throws(PyError) in
            let items = try interp.toArray(args[0])
            var copies: [PyValue] = []
            for _ in 0..<max(0, try interp.expectInt(args[1])) { copies.append(try interp.iter(.list(items))) }
            return .tuple(copies)
        }
        return m
    }
}
