class A:
    x = 1
    def m(self): pass
a = A()
print(callable(len), callable(A), callable(a), callable(a.m), callable(1))
print(isinstance(1, int), isinstance(True, int), isinstance(1, float), isinstance("s", (int, str)), issubclass(bool, int))
print(hasattr(a, "x"), hasattr(a, "y"), getattr(a, "x"), getattr(a, "y", "dflt"))
print("m" in dir(a), "x" in dir(A), "append" in dir([]), type(a) is A, A.__name__)
print(id(a) == id(a), id(a) != id(A()), hash("x") == hash("x"))
print(type(print).__name__, type(a.m).__name__, type(A.m).__name__, type(lambda: 0).__name__)
print(vars(a), sorted(k for k in vars(A) if not k.startswith("__")))
print(repr(len), repr(int), repr(None), repr(NotImplemented), repr(Ellipsis), ...)

# Expected output (checked with CPython 3.11):
# expect: True True False True False
# expect: True True False True True
# expect: True False 1 dflt
# expect: True True True True A
# expect: True True True
# expect: builtin_function_or_method method function function
# expect: {} ['m', 'x']
# expect: <built-in function len> <class 'int'> None NotImplemented Ellipsis Ellipsis
