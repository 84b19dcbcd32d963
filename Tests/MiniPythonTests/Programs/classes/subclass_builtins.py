class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack([1]); s.push(2)
print(s, len(s), s.peek(), isinstance(s, list), s + [3], type(s).__name__)
class Registry(dict):
    def __missing__(self, key):
        return f"<{key}>"
r = Registry(a=1); print(r["a"], r["zz"], r)
class MyError(ValueError):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyError(7)
except ValueError as e:
    print(e, e.code, e.args, repr(e))
class Pair(tuple):
    def total(self):
        return sum(self)
print(Pair((1, 2)).total(), Pair([3]) )

# Expected output (checked with CPython 3.11):
# expect: [1, 2] 2 2 True [1, 2, 3] Stack
# expect: 1 <zz> {'a': 1}
# expect: code 7 7 ('code 7',) MyError('code 7')
# expect: 3 (3,)
