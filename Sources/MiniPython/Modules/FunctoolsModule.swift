/// `functools`, written in Python like CPython's `Lib/functools.py`.
/// Docs: https://docs.python.org/3.11/library/functools.html
enum FunctoolsModule {
    static let source = #"""
WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')

def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=()):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    wrapper.__wrapped__ = wrapped
    return wrapper

def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=()):
    def decorator(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)
    return decorator

_initial_missing = object()

def reduce(function, sequence, initial=_initial_missing):
    it = iter(sequence)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError('reduce() of empty iterable with no initial value') from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value

class partial:
    def __init__(self, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError('the first argument must be callable')
        if isinstance(func, partial):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, /, *args, **keywords):
        keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(x) for x in self.args)
        parts.extend(f'{k}={v!r}' for k, v in self.keywords.items())
        return f'functools.partial({", ".join(parts)})'

def cmp_to_key(mycmp):
    class K:
        __slots__ = ['obj']
        def __init__(self, obj):
            self.obj = obj
        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0
        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0
        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0
        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0
        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0
        __hash__ = None
    return K

def lru_cache(maxsize=128, typed=False):
    def decorating_function(user_function):
        cache = {}
        order = []
        stats = [0, 0]
        def wrapper(*args, **kwds):
            key = args
            if kwds:
                key = args + (object,) + tuple(sorted(kwds.items()))
            if key in cache:
                stats[0] += 1
                return cache[key]
            stats[1] += 1
            result = user_function(*args, **kwds)
            cache[key] = result
            if maxsize is not None:
                order.append(key)
                if len(order) > maxsize:
                    del cache[order.pop(0)]
            return result
        def cache_info():
            return (stats[0], stats[1], maxsize, len(cache))
        def cache_clear():
            cache.clear()
            order.clear()
            stats[0] = stats[1] = 0
        wrapper.cache_info = cache_info
        wrapper.cache_clear = cache_clear
        return update_wrapper(wrapper, user_function)
    if callable(maxsize) and not isinstance(maxsize, int):
        user_function, maxsize = maxsize, 128
        return decorating_function(user_function)
    return decorating_function

def cache(user_function):
    return lru_cache(maxsize=None)(user_function)

def total_ordering(cls):
    roots = {op for op in ('__lt__', '__le__', '__gt__', '__ge__') if getattr(cls, op, None) is not getattr(object, op, None)}
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    if '__lt__' in roots:
        if '__gt__' not in roots: cls.__gt__ = lambda self, other: not (self < other or self == other)
        if '__le__' not in roots: cls.__le__ = lambda self, other: self < other or self == other
        if '__ge__' not in roots: cls.__ge__ = lambda self, other: not self < other
    elif '__le__' in roots:
        if '__ge__' not in roots: cls.__ge__ = lambda self, other: not self <= other or self == other
        if '__lt__' not in roots: cls.__lt__ = lambda self, other: self <= other and not self == other
        if '__gt__' not in roots: cls.__gt__ = lambda self, other: not self <= other
    elif '__gt__' in roots:
        if '__lt__' not in roots: cls.__lt__ = lambda self, other: not (self > other or self == other)
        if '__ge__' not in roots: cls.__ge__ = lambda self, other: self > other or self == other
        if '__le__' not in roots: cls.__le__ = lambda self, other: not self > other
    else:
        if '__le__' not in roots: cls.__le__ = lambda self, other: not self >= other or self == other
        if '__gt__' not in roots: cls.__gt__ = lambda self, other: self >= other and not self == other
        if '__lt__' not in roots: cls.__lt__ = lambda self, other: not self >= other
    return cls
"""#
}
