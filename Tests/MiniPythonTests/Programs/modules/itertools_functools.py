import itertools, functools
print(list(itertools.chain.from_iterable([[1, 2], [3]])), list(itertools.repeat("x", 3)))
print(list(itertools.combinations_with_replacement("ab", 2)), list(itertools.pairwise([1, 2, 3])))
print(list(itertools.takewhile(lambda v: v < 3, [1, 2, 5, 1])), list(itertools.dropwhile(lambda v: v < 3, [1, 2, 5, 1])))
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.compress("abcd", [1, 0, 1, 0])))
print(list(itertools.accumulate([1, 2, 3], lambda a, b: a * b)), list(itertools.islice("abcdefg", 1, 6, 2)))
print(functools.reduce(lambda a, b: a + b, [1, 2, 3], 10), functools.partial(int, base=2)("101"))
@functools.lru_cache(maxsize=None)
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)
print(slow_fib(100))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
@functools.total_ordering
class Version:
    def __init__(self, n): self.n = n
    def __eq__(self, o): return self.n == o.n
    def __lt__(self, o): return self.n < o.n
print(Version(1) <= Version(2), Version(3) >= Version(4), Version(2) > Version(1))

# Expected output (checked with CPython 3.11):
# expect: [1, 2, 3] ['x', 'x', 'x']
# expect: [('a', 'a'), ('a', 'b'), ('b', 'b')] [(1, 2), (2, 3)]
# expect: [1, 2] [5, 1]
# expect: [8, 9] ['a', 'c']
# expect: [1, 2, 6] ['b', 'd', 'f']
# expect: 16 5
# expect: 354224848179261915075
# expect: [3, 2, 1]
# expect: True False True
