extension NumPySource {
    /// numpy's module functions: creation (`array`, `zeros`, `arange`, `linspace`), shape
    /// (`transpose`, `concatenate`, `stack`), reductions (`sum`, `mean`, `std`, `argmax`) and
    /// element-wise math (`exp`, `clip`, `maximum`), each giving numpy's dtypes.
    static let functions = #"""
pi = math.pi
e = math.e
inf = math.inf
nan = math.nan
newaxis = None


def _leaf(obj):
    while isinstance(obj, (list, tuple)) and len(obj) > 0:
        obj = obj[0]
    return obj


def _from_data(obj):
    """A tensor holding `obj`'s values with numpy's inferred dtype (sharing an array's storage)."""
    if isinstance(obj, ndarray):
        return obj._t
    if isinstance(obj, generic):
        return torch.tensor(obj._v, dtype=_INFO[obj._name][0])
    if isinstance(obj, torch.Tensor):
        if obj.requires_grad:
            raise RuntimeError("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
        return obj
    if isinstance(obj, (builtins.bool, builtins.int, builtins.float)):
        return torch.tensor(obj, dtype=_INFO[_default_name(obj)][0])
    if isinstance(obj, range):
        obj = list(obj)
    if isinstance(obj, (list, tuple)):
        if len(obj) == 0:
            return torch.zeros(0, dtype=torch.float64)
        if isinstance(_leaf(obj), (builtins.bool, builtins.int, builtins.float)):
            try:
                t = torch.tensor(obj)
            except (ValueError, TypeError):
                t = None
            if t is not None:
                return torch.tensor(obj, dtype=torch.float64) if t.is_floating_point() else t
        parts = [_from_data(x) for x in obj]
        shape = tuple(parts[0].shape)
        for p in parts:
            if tuple(p.shape) != shape:
                raise ValueError("setting an array element with a sequence. The requested array has an "
                                 "inhomogeneous shape after 1 dimensions. The detected shape was "
                                 f"({len(obj)},) + inhomogeneous part.")
        name = _name_of_torch(parts[0])
        for p in parts[1:]:
            name = _promote(name, _name_of_torch(p))
        return torch.stack([_as(p, name) for p in parts])
    raise TypeError(f"numpy arrays of '{type(obj).__name__}' objects are not supported by pytorch-tutor")


def array(object, dtype=None, *, copy=True, order='K', subok=False, ndmin=0):
    original = _from_data(object)
    t = original if dtype is None else _as(original, _dtype_name(dtype))
    if copy and t is original and isinstance(object, (ndarray, torch.Tensor)):
        t = t.clone()
    while t.dim() < ndmin:
        t = t.unsqueeze(0)
    return ndarray._wrap(t)


def asarray(a, dtype=None, order=None, *, copy=None):
    t = _from_data(a)
    if dtype is not None:
        t = _as(t, _dtype_name(dtype))
    if copy:
        t = t.clone()
    return ndarray._wrap(t)


def _creation_shape(shape):
    if isinstance(shape, (builtins.int, generic)):
        shape = (operator_index(shape),)
    shape = tuple(operator_index(s) for s in shape)
    for s in shape:
        if s < 0:
            raise ValueError("negative dimensions are not allowed")
    return shape


def zeros(shape, dtype=float, order='C'):
    return ndarray._wrap(torch.zeros(_creation_shape(shape), dtype=_INFO[_dtype_name(dtype)][0]))


def ones(shape, dtype=None, order='C'):
    return ndarray._wrap(torch.ones(_creation_shape(shape), dtype=_INFO[_dtype_name(dtype)][0]))


empty = zeros


def full(shape, fill_value, dtype=None, order='C'):
    name = _dtype_name(dtype) if dtype is not None else _name_of_torch(_from_data(fill_value))
    return ndarray._wrap(torch.full(_creation_shape(shape), fill_value, dtype=_INFO[name][0]))


def _like_name(a, dtype):
    return _dtype_name(dtype) if dtype is not None else _name_of_torch(asarray(a)._t)


def zeros_like(a, dtype=None):
    return zeros(asarray(a).shape, _like_name(a, dtype))


def ones_like(a, dtype=None):
    return ones(asarray(a).shape, _like_name(a, dtype))


def full_like(a, fill_value, dtype=None):
    return full(asarray(a).shape, fill_value, _like_name(a, dtype))


empty_like = zeros_like


def eye(N, M=None, k=0, dtype=float):
    t = torch.zeros((N, N if M is None else M), dtype=_INFO[_dtype_name(dtype)][0])
    for i in range(N):
        if 0 <= i + k < t.shape[1]:
            t[i, i + k] = 1
    return ndarray._wrap(t)


def identity(n, dtype=None):
    return eye(n, dtype=dtype)


def arange(start, stop=None, step=None, dtype=None):
    if stop is None:
        start, stop = 0, start
    if step is None:
        step = 1
    if step == 0:
        raise ZeroDivisionError("division by zero")
    values = (start, stop, step)
    if builtins.all(isinstance(v, builtins.int) for v in values):
        name = 'int64'
    else:
        name = 'float64'
    if dtype is not None:
        name = _dtype_name(dtype)
    n = builtins.max(0, math.ceil((stop - start) / step))
    if _INFO[name][1] != 'f':
        if name != 'int64' or not builtins.all(isinstance(v, builtins.int) for v in values):
            first = _cast_value(start, name)
            delta = _cast_value(start + step, name) - first
            return ndarray._wrap((torch.arange(n, dtype=torch.int64) * delta + first).to(_INFO[name][0]))
        return ndarray._wrap(torch.arange(start, stop, step, dtype=torch.int64))
    dt = _INFO[name][0]
    first = torch.tensor(start, dtype=torch.float64).to(dt)
    second = torch.tensor(start + step, dtype=torch.float64).to(dt)
    t = torch.arange(n, dtype=dt) * (second - first) + first
    if n > 0:
        t[0] = first
    return ndarray._wrap(t)


def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0):
    num = operator_index(num)
    if num < 0:
        raise ValueError(f"Number of samples, {num}, must be non-negative.")
    div = num - 1 if endpoint else num
    delta = stop - start
    y = torch.arange(num, dtype=torch.float64)
    step = nan
    if div > 0:
        step = delta / div
        y = y / div * delta if step == 0 else y * step
    else:
        y = y * delta
    y = y + start
    if endpoint and num > 1:
        y[-1] = stop
    name = _dtype_name(dtype) if dtype is not None else 'float64'
    if _INFO[name][1] != 'f':
        y = torch.floor(y)
    result = ndarray._wrap(y.to(_INFO[name][0]))
    return (result, step) if retstep else result


# ---- shape ----

def reshape(a, shape, order='C'):
    return asarray(a).reshape(shape)


def transpose(a, axes=None):
    return asarray(a).transpose(axes) if axes is not None else asarray(a).transpose()


def ravel(a):
    return asarray(a).ravel()


def squeeze(a, axis=None):
    return asarray(a).squeeze(axis)


def expand_dims(a, axis):
    a = asarray(a)
    return ndarray._wrap(a._t.unsqueeze(_axis(axis, a.ndim + 1)[0]))


def swapaxes(a, axis1, axis2):
    return asarray(a).swapaxes(axis1, axis2)


def flip(m, axis=None):
    a = asarray(m)
    dims = tuple(range(a.ndim)) if axis is None else _axis(axis, a.ndim)
    return ndarray._wrap(a._t.flip(dims))


def _joined(arrays):
    ts = [asarray(x)._t for x in arrays]
    if not ts:
        raise ValueError("need at least one array to concatenate")
    name = _name_of_torch(ts[0])
    for t in ts[1:]:
        name = _promote(name, _name_of_torch(t))
    return [_as(t, name) for t in ts]


def concatenate(arrays, axis=0, dtype=None):
    ts = _joined(arrays)
    if axis is None:
        ts = [t.reshape(-1) for t in ts]
        axis = 0
    nd = ts[0].dim()
    if nd == 0:
        raise ValueError("zero-dimensional arrays cannot be concatenated")
    axis = _axis(axis, nd)[0]
    for i, t in enumerate(ts[1:], 1):
        if t.dim() != nd:
            raise ValueError("all the input arrays must have same number of dimensions, but the array at index 0 "
                             f"has {nd} dimension(s) and the array at index {i} has {t.dim()} dimension(s)")
        for d in range(nd):
            if d != axis and t.shape[d] != ts[0].shape[d]:
                raise ValueError("all the input array dimensions except for the concatenation axis must match "
                                 f"exactly, but along dimension {d}, the array at index 0 has size {ts[0].shape[d]} "
                                 f"and the array at index {i} has size {t.shape[d]}")
    t = torch.cat(ts, dim=axis)
    return ndarray._wrap(t if dtype is None else _as(t, _dtype_name(dtype)))


def stack(arrays, axis=0):
    ts = _joined(arrays)
    for t in ts[1:]:
        if tuple(t.shape) != tuple(ts[0].shape):
            raise ValueError("all input arrays must have the same shape")
    return ndarray._wrap(torch.stack(ts, dim=_axis(axis, ts[0].dim() + 1)[0]))


def vstack(tup):
    return concatenate([a if a.ndim >= 2 else a.reshape(1, -1) for a in (asarray(x) for x in tup)], axis=0)


def hstack(tup):
    arrays = [asarray(x) for x in tup]
    return concatenate(arrays, axis=0 if arrays and arrays[0].ndim == 1 else 1)


# ---- reductions ----

def _reduced(r, t, dims, keepdims):
    if keepdims and dims is None:
        r = r.reshape((1,) * t.dim())
    return _wrap_result(r)


def _add_reduce(t, dims, keepdims):
    """np.add.reduce of tensor t over dims (None: all), float32/float64 in numpy's order."""
    all_dims = tuple(range(t.dim())) if dims is None else dims
    if _name_of_torch(t) in ('float32', 'float64'):
        r = _native.sum(t, all_dims)
    else:
        r = t.sum() if dims is None else t.sum(dim=dims)
    if keepdims:
        r = r.reshape(tuple(1 if d in all_dims else t.shape[d] for d in range(t.dim())))
    return r


def sum(a, axis=None, dtype=None, out=None, keepdims=False):
    t = asarray(a)._t
    name = _name_of_torch(t)
    if dtype is not None:
        name = _dtype_name(dtype)
    elif _INFO[name][1] in 'bui':
        name = 'int64'
    t = _as(t, name)
    return _wrap_result(_add_reduce(t, _axis(axis, t.dim()), keepdims))


def prod(a, axis=None, dtype=None, out=None, keepdims=False):
    t = asarray(a)._t
    name = _dtype_name(dtype) if dtype is not None else (
        'int64' if _INFO[_name_of_torch(t)][1] in 'bui' else _name_of_torch(t))
    t = _as(t, name)
    dims = _axis(axis, t.dim())
    if dims is None:
        return _reduced(t.prod(), t, dims, keepdims)
    r = t
    for d in sorted(dims, reverse=True):
        r = r.prod(dim=d, keepdim=keepdims)
    return _wrap_result(r)


def _float_name(t, dtype):
    if dtype is not None:
        return _dtype_name(dtype)
    name = _name_of_torch(t)
    return name if _INFO[name][1] == 'f' else 'float64'


def _count(t, dims):
    n = 1
    for d in (range(t.dim()) if dims is None else dims):
        n *= t.shape[d]
    return n


def mean(a, axis=None, dtype=None, out=None, keepdims=False):
    t = asarray(a)._t
    t = _as(t, _float_name(t, dtype))
    dims = _axis(axis, t.dim())
    return _wrap_result(_add_reduce(t, dims, keepdims) / _count(t, dims))


def var(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False):
    t = asarray(a)._t
    t = _as(t, _float_name(t, dtype))
    dims = _axis(axis, t.dim())
    n = _count(t, dims)
    centered = t - _add_reduce(t, dims, True) / n
    return _wrap_result(_add_reduce(centered * centered, dims, keepdims) / builtins.max(n - ddof, 0))


def std(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False):
    v = var(a, axis=axis, dtype=dtype, ddof=ddof, keepdims=keepdims)
    return sqrt(v)


def _extreme(a, axis, keepdims, which):
    t = asarray(a)._t
    dims = _axis(axis, t.dim())
    if t.numel() == 0:
        raise ValueError(f"zero-size array to reduction operation {which} which has no identity")
    if dims is None:
        r = t.max() if which == 'maximum' else t.min()
    else:
        r = torch.amax(t, dim=dims, keepdim=keepdims) if which == 'maximum' else torch.amin(t, dim=dims, keepdim=keepdims)
    return _reduced(r, t, dims, keepdims)


def max(a, axis=None, out=None, keepdims=False):
    return _extreme(a, axis, keepdims, 'maximum')


def min(a, axis=None, out=None, keepdims=False):
    return _extreme(a, axis, keepdims, 'minimum')


amax = max
amin = min


def _arg(a, axis, keepdims, which):
    t = asarray(a)._t
    if t.numel() == 0:
        raise ValueError(f"attempt to get {which} of an empty sequence")
    if axis is None:
        r = torch.argmax(t) if which == 'argmax' else torch.argmin(t)
        return _reduced(r, t, None, keepdims)
    d = _axis(axis, t.dim())[0]
    r = torch.argmax(t, dim=d, keepdim=keepdims) if which == 'argmax' else torch.argmin(t, dim=d, keepdim=keepdims)
    return _wrap_result(r)


def argmax(a, axis=None, out=None, keepdims=False):
    return _arg(a, axis, keepdims, 'argmax')


def argmin(a, axis=None, out=None, keepdims=False):
    return _arg(a, axis, keepdims, 'argmin')


def any(a, axis=None, out=None, keepdims=False):
    t = asarray(a)._t.bool()
    dims = _axis(axis, t.dim())
    r = t.any() if dims is None else torch.any(t, dim=dims, keepdim=keepdims)
    return _reduced(r, t, dims, keepdims)


def all(a, axis=None, out=None, keepdims=False):
    t = asarray(a)._t.bool()
    dims = _axis(axis, t.dim())
    r = t.all() if dims is None else torch.all(t, dim=dims, keepdim=keepdims)
    return _reduced(r, t, dims, keepdims)


def cumsum(a, axis=None, dtype=None):
    t = asarray(a)._t
    name = _dtype_name(dtype) if dtype is not None else (
        'int64' if _INFO[_name_of_torch(t)][1] in 'bui' else _name_of_torch(t))
    if axis is None:
        t, axis = t.reshape(-1), 0
    return ndarray._wrap(torch.cumsum(_as(t, name), dim=_axis(axis, t.dim())[0]))


# ---- element-wise ----

def _float_unary(fn):
    def ufunc(x, out=None):
        t = asarray(x)._t
        return _wrap_result(fn(_as(t, _float_name(t, None))))
    return ufunc


exp = _float_unary(torch.exp)
log = _float_unary(torch.log)
log2 = _float_unary(torch.log2)
log10 = _float_unary(torch.log10)
log1p = _float_unary(torch.log1p)
expm1 = _float_unary(torch.expm1)
sqrt = _float_unary(torch.sqrt)
sin = _float_unary(torch.sin)
cos = _float_unary(torch.cos)
tan = _float_unary(torch.tan)
tanh = _float_unary(torch.tanh)
arctan = _float_unary(torch.atan)
floor = _float_unary(torch.floor)
ceil = _float_unary(torch.ceil)


def absolute(x, out=None):
    return _wrap_result(torch.abs(asarray(x)._t))


abs = absolute


def square(x, out=None):
    return _binary('mul', x, x)


def sign(x, out=None):
    return _wrap_result(torch.sign(asarray(x)._t))


def isnan(x):
    return _wrap_result(torch.isnan(asarray(x)._t))


def isinf(x):
    return _wrap_result(torch.isinf(asarray(x)._t))


def isfinite(x):
    return _wrap_result(torch.isfinite(asarray(x)._t))


def round(a, decimals=0, out=None):
    t = asarray(a)._t
    return _wrap_result(torch.round(t, decimals=decimals) if t.is_floating_point() else t.clone())


around = round


def add(x1, x2):
    return _binary('add', x1, x2)


def subtract(x1, x2):
    return _binary('sub', x1, x2)


def multiply(x1, x2):
    return _binary('mul', x1, x2)


def divide(x1, x2):
    return _binary('truediv', x1, x2)


true_divide = divide


def power(x1, x2):
    return _binary('pow', x1, x2)


def maximum(x1, x2):
    return _binary('maximum', x1, x2)


def minimum(x1, x2):
    return _binary('minimum', x1, x2)


def clip(a, a_min=None, a_max=None, out=None):
    px = _operand(a)
    t, name = px
    if name is None:
        t, name = torch.tensor(t, dtype=_INFO[_default_name(t)][0]), _default_name(t)
    for bound in (a_min, a_max):
        if bound is not None:
            b, bn = _operand(bound)
            name = _result_name(t, name, b, bn)
    t = _as(t, name)
    lo = None if a_min is None else _as(_operand(a_min)[0], name)
    hi = None if a_max is None else _as(_operand(a_max)[0], name)
    if lo is not None:
        t = torch.maximum(t, lo)
    if hi is not None:
        t = torch.minimum(t, hi)
    return _wrap_result(t.clone() if lo is None and hi is None else t)


def where(condition, x=None, y=None):
    c = asarray(condition)._t.bool()
    if x is None and y is None:
        return tuple(ndarray._wrap(i) for i in torch.nonzero(c, as_tuple=True))
    px, py = _operand(x), _operand(y)
    name = _result_name(px[0], px[1], py[0], py[1])
    return _wrap_result(torch.where(c, _as(px[0], name), _as(py[0], name)))


def nonzero(a):
    return where(a)


def matmul(x1, x2):
    a, b = asarray(x1)._t, asarray(x2)._t
    name = _promote(_name_of_torch(a), _name_of_torch(b))
    if a.dim() == 0 or b.dim() == 0:
        raise ValueError("matmul: Input operand 0 does not have enough dimensions (has 0, gufunc core with "
                         "signature (n?,k),(k,m?)->(n?,m?) requires 1)")
    return _wrap_result(torch.matmul(_as(a, name), _as(b, name)))


def dot(a, b):
    a, b = asarray(a), asarray(b)
    if a.ndim == 0 or b.ndim == 0:
        return multiply(a, b)
    return matmul(a, b)


def isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    x, y = asarray(a)._t, asarray(b)._t
    name = _promote(_float_name(x, None), _float_name(y, None))
    x, y = _as(x, name), _as(y, name)
    close = torch.abs(x - y) <= atol + rtol * torch.abs(y)
    close = close & torch.isfinite(x) & torch.isfinite(y) | (x == y)
    if equal_nan:
        close = close | (torch.isnan(x) & torch.isnan(y))
    return _wrap_result(close)


def allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    return builtins.bool(isclose(a, b, rtol=rtol, atol=atol, equal_nan=equal_nan).all())


def array_equal(a1, a2, equal_nan=False):
    x, y = asarray(a1), asarray(a2)
    if x.shape != y.shape:
        return False
    return builtins.bool((x == y).all()) if x.size else True


def unique(ar, return_counts=False):
    t = asarray(ar)._t.reshape(-1)
    if return_counts:
        values, counts = torch.unique(t, sorted=True, return_counts=True)
        return ndarray._wrap(values), ndarray._wrap(counts)
    return ndarray._wrap(torch.unique(t, sorted=True))


def sort(a, axis=-1):
    t = asarray(a)._t
    if axis is None:
        t, axis = t.reshape(-1), 0
    return ndarray._wrap(torch.sort(t, dim=_axis(axis, t.dim())[0], stable=True).values)


def argsort(a, axis=-1):
    t = asarray(a)._t
    if axis is None:
        t, axis = t.reshape(-1), 0
    return ndarray._wrap(torch.sort(t, dim=_axis(axis, t.dim())[0], stable=True).indices)


def shape(a):
    return asarray(a).shape


def ndim(a):
    return asarray(a).ndim


def size(a):
    return asarray(a).size


def copy(a):
    return array(a, copy=True)


def isscalar(element):
    return isinstance(element, (generic, builtins.bool, builtins.int, builtins.float, str))
"""#
}
