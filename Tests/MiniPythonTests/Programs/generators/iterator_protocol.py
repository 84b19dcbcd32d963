class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), [x for x in Countdown(2)], sum(Countdown(4)))
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq())
it = iter([1, 2])
print(next(it), next(it), next(it, None), iter(it) is it)
calls = iter([3, 2, 1, 0, 5])
print(list(iter(lambda: next(calls), 0)))
print(list(enumerate("ab", 1)), list(zip([1, 2, 3], "ab")), list(map(abs, [-1, 2])), list(filter(None, [0, 1, ""])))
print(list(reversed([1, 2, 3])), list(reversed(range(3))), list(reversed("ab")))
next([1])

# Expected output (checked with CPython 3.11):
# expect: [3, 2, 1] [2, 1] 10
# expect: [0, 10, 20] True
# expect: 1 2 None True
# expect: [3, 2, 1]
# expect: [(1, 'a'), (2, 'b')] [(1, 'a'), (2, 'b')] [1, 2] [1]
# expect: [3, 2, 1] [2, 1, 0] ['b', 'a']
# expect error: TypeError: 'list' object is not an iterator
