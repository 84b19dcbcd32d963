class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @property
    def f(self):
        return self._c * 9 / 5 + 32
    @staticmethod
    def unit():
        return "C"
    @classmethod
    def make(cls, v):
        t = cls(); t.c = v; return t
t = Temp.make(100)
print(t.c, t.f, Temp.unit(), t.unit(), type(Temp.__dict__["c"]).__name__)
try:
    t.c = -300
except ValueError as e:
    print(e)
try:
    t.f = 3
except AttributeError as e:
    print(e)

# Expected output (checked with CPython 3.11):
# expect: 100 212.0 C C property
# expect: too cold
# expect: property 'f' of 'Temp' object has no setter
