class Point:
    dims = 2
    def __init__(self, x, y):
        self.x, self.y = x, y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
p = Point(3, 4)
print(p, p.norm2(), Point.dims, p.dims, Point.norm2(p), type(p).__name__, type(p) is Point)
p.z = 5; print(p.z, sorted(vars(p)), hasattr(p, "x"), getattr(p, "w", None))
setattr(p, "x", 10); delattr(p, "z"); print(p, hasattr(p, "z"))
print(isinstance(p, Point), isinstance(p, object), Point.__name__, Point.__qualname__)
print(str(type(p)), repr(Point)[:15])
class Empty:
    pass
e = Empty()
print(type(e).__name__, repr(e).startswith("<__main__.Empty object at 0x"))

# Expected output (checked with CPython 3.11):
# expect: Point(3, 4) 25 2 2 25 Point True
# expect: 5 ['x', 'y', 'z'] True None
# expect: Point(10, 4) False
# expect: True True Point Point
# expect: <class '__main__.Point'> <class '__main_
# expect: Empty True
