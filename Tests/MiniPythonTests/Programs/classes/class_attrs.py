class Counter:
    count = 0
    registry = []
    def __init__(self):
        Counter.count += 1
        self.registry.append(self)
a, b = Counter(), Counter()
print(Counter.count, len(Counter.registry), a.count)
a.count = 100
print(a.count, b.count, Counter.count)
Counter.label = "new"
print(a.label, "label" in Counter.__dict__)
print(type(Counter.__init__).__name__, type(a.__init__).__name__)

# Expected output (checked with CPython 3.11):
# expect: 2 2 2
# expect: 100 2 2
# expect: new True
# expect: function method
