class Singleton:
    _instance = None
    def __new__(cls, *args):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance
    def __init__(self, v):
        self.v = v
a = Singleton(1); b = Singleton(2)
print(a is b, a.v)
MyType = type("MyType", (object,), {"x": 5, "hello": lambda self: "hi"})
m = MyType(); print(m.x, m.hello(), MyType.__name__)

# Expected output (checked with CPython 3.11):
# expect: True 2
# expect: 5 hi MyType
