class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        if name.startswith("x"):
            raise AttributeError(name)
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
p.append(0); p.sort(); print(p._target, p.count(3), hasattr(p, "xyz"))
class Rec:
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2)
r = Rec(); r.v = 5; print(r.v)
class Slot:
    def __getattribute__(self, name):
        return name.upper()
print(Slot().anything)
print(p.missing_attr)

# Expected output (checked with CPython 3.11):
# expect: [0, 1, 2, 3] 1 False
# expect: 10
# expect: ANYTHING
# expect error: AttributeError: 'list' object has no attribute 'missing_attr'
