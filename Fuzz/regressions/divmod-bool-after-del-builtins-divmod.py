import builtins
d = divmod
del builtins.divmod
class X: pass
d(True, X())
