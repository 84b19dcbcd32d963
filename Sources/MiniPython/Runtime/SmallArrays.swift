// Note [Small arrays]
// Creating a short array with `Array(repeating:count:)`, `reserveCapacity` or `+` calls the
// generic array allocation of the standard library, which looks up the storage class for the
// element type at run time: about 900 instructions for a two-element `[PyValue?]`, measured
// with callgrind. An array literal allocates through the specialized path in about 60. The
// interpreter builds short arrays on every call (bound arguments, `self` plus arguments,
// fresh frames and dict tables), so it builds them from literals up to a few elements.

extension Array where Element == PyValue? {
    /// `count` nils (see Note [Small arrays]).
    static func nils(_ count: Int) -> [PyValue?] {
        switch count {
        case 0: return []
        case 1: return [nil]
        case 2: return [nil, nil]
        case 3: return [nil, nil, nil]
        case 4: return [nil, nil, nil, nil]
        case 5: return [nil, nil, nil, nil, nil]
        case 6: return [nil, nil, nil, nil, nil, nil]
        default: return Array(repeating: nil, count: count)
        }
    }
}

extension Array where Element == PyValue {
    /// `[first] + rest` (see Note [Small arrays]).
    static func prepending(_ first: PyValue, to rest: [PyValue]) -> [PyValue] {
        switch rest.count {
        case 0: return [first]
        case 1: return [first, rest[0]]
        case 2: return [first, rest[0], rest[1]]
        case 3: return [first, rest[0], rest[1], rest[2]]
        case 4: return [first, rest[0], rest[1], rest[2], rest[3]]
        default:
            var result = [first]
            result.append(contentsOf: rest)
            return result
        }
    }
}

extension Array where Element == Int {
    /// `count` copies of `value` for the usual dict table sizes (see Note [Small arrays]).
    static func filled(_ value: Int, count: Int) -> [Int] {
        switch count {
        case 8: return [value, value, value, value, value, value, value, value]
        case 16: return [value, value, value, value, value, value, value, value,
                         value, value, value, value, value, value, value, value]
        default: return Array(repeating: value, count: count)
        }
    }
}
