/// `copy`, written in Python like CPython's `Lib/copy.py`, for the types MiniPython has.
///
/// Instances of classes are rebuilt the way pickling rebuilds them: `cls.__new__(cls)`, then
/// the state (`__getstate__()` or the `__dict__`) set back with `__setstate__` or into the
/// new `__dict__`. Objects may take over with `__copy__` / `__deepcopy__(memo)` (tensors
/// do). Native objects without a `__dict__` (dtypes, devices, functions) are returned as is.
/// Docs: https://docs.python.org/3.11/library/copy.html
enum CopyModule {
    static let source = #"""
class Error(Exception):
    pass


error = Error

_ATOMIC = (type(None), int, float, bool, str, type, range, type(len), type(lambda: 0),
           type(Ellipsis), type(NotImplemented), property)


def copy(x):
    """A shallow copy of x."""
    cls = type(x)
    if cls in _ATOMIC or cls is tuple or isinstance(x, type):
        return x
    if cls in (list, dict, set):
        return x.copy()
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    return _reconstruct(x, None)


def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of x; memo maps the ids of objects already copied to their copies."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _ATOMIC or isinstance(x, type):
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        if d in memo:
            return memo[d]
        y = x if all(a is b for a, b in zip(items, x)) else tuple(items)
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = {deepcopy(item, memo) for item in x}
    else:
        copier = getattr(x, '__deepcopy__', None)
        y = copier(memo) if copier is not None else _reconstruct(x, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    # Copied objects stay referenced while the memo lives, so their ids are not reused.
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo):
    deep = memo is not None
    cls = type(x)
    if isinstance(x, tuple):
        items = [deepcopy(item, memo) for item in x] if deep else list(x)
        return cls(*items) if hasattr(x, '_fields') else cls(items)
    if isinstance(x, (list, dict, set)):
        y = cls()
        if deep:
            memo[id(x)] = y
        if isinstance(x, dict):
            for key, value in x.items():
                y[deepcopy(key, memo) if deep else key] = deepcopy(value, memo) if deep else value
        elif isinstance(x, list):
            y.extend(deepcopy(item, memo) for item in x) if deep else y.extend(x)
        else:
            y.update(deepcopy(item, memo) for item in x) if deep else y.update(x)
        if hasattr(x, '__dict__'):
            for name, value in x.__dict__.items():
                y.__dict__[name] = deepcopy(value, memo) if deep else value
        return y
    if not hasattr(x, '__dict__'):
        return x
    y = cls.__new__(cls)
    if deep:
        memo[id(x)] = y
    state = x.__getstate__() if hasattr(x, '__getstate__') else x.__dict__
    if deep:
        state = deepcopy(state, memo)
    if hasattr(y, '__setstate__'):
        y.__setstate__(state)
    else:
        y.__dict__.update(state)
    return y
"""#
}
