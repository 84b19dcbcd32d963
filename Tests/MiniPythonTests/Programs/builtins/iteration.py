names = ["b", "a", "c"]
print(sorted(names), sorted(names, reverse=True), sorted([3, -1, 2], key=abs), sorted("bca", key=lambda c: -ord(c)))
print(min(names), max(names), min([4, 2, 8], key=lambda v: -v), max([], default="empty"), min(3, 1, 2))
print(sum([1, 2, 3]), sum([0.1] * 3), sum([[1], [2]], []), sum(range(101)))
print(any([0, "", None]), any([0, 1]), all([1, "a"]), all([1, 0]))
print(list(enumerate(names)), list(zip(names, range(3), "xyz")), dict(zip(names, [1, 2, 3])))
pairs = [(1, "b"), (1, "a"), (0, "c")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[0]))
print(list(map(lambda a, b: a + b, [1, 2], [10, 20, 30])), list(filter(lambda v: v > 1, [1, 2, 3])))
print(len("abc"), len([1]), len({}), len(range(10)), len((1, 2)))

# Expected output (checked with CPython 3.11):
# expect: ['a', 'b', 'c'] ['c', 'b', 'a'] [-1, 2, 3] ['c', 'b', 'a']
# expect: a c 8 empty 1
# expect: 6 0.30000000000000004 [1, 2] 5050
# expect: False True True False
# expect: [(0, 'b'), (1, 'a'), (2, 'c')] [('b', 0, 'x'), ('a', 1, 'y'), ('c', 2, 'z')] {'b': 1, 'a': 2, 'c': 3}
# expect: [(0, 'c'), (1, 'a'), (1, 'b')] [(0, 'c'), (1, 'b'), (1, 'a')]
# expect: [11, 22] [2, 3]
# expect: 3 1 0 10 2
