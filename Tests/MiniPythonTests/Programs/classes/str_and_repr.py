class A:
    def __str__(self): return "str-A"
class B:
    def __repr__(self): return "repr-B"
class C:
    def __format__(self, spec): return f"C[{spec}]"
print(A(), str(A()), [B()], B(), f"{B()}", f"{C():xyz}", format(C(), "q"), "%s %r" % (B(), B()))
print(repr(A()).startswith("<__main__.A object"))

# Expected output (checked with CPython 3.11):
# expect: str-A str-A [repr-B] repr-B repr-B C[xyz] C[q] repr-B repr-B
# expect: True
