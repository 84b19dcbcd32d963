class Base:
    def __init__(self, name):
        self.name = name
    def hello(self):
        return f"base {self.name}"
    def kind(self):
        return "base"
class Mid(Base):
    def hello(self):
        return "mid+" + super().hello()
class Leaf(Mid):
    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra
    def kind(self):
        return "leaf/" + super().kind()
x = Leaf("n", 1)
print(x.hello(), x.kind(), x.extra, [c.__name__ for c in Leaf.__mro__])
print(issubclass(Leaf, Base), issubclass(Base, Leaf), issubclass(Leaf, (int, Mid)), isinstance(x, (str, Base)))
class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B" + super().who()
class C(A):
    def who(self): return "C" + super().who()
class D(B, C):
    def who(self): return "D" + super().who()
print(D().who(), [k.__name__ for k in D.mro()])

# Expected output (checked with CPython 3.11):
# expect: mid+base n leaf/base 1 ['Leaf', 'Mid', 'Base', 'object']
# expect: True False True True
# expect: DBCA ['D', 'B', 'C', 'A', 'object']
