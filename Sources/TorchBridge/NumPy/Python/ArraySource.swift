extension NumPySource {
    /// `np.ndarray`: an n-dimensional array over a torch tensor's storage (`._t`), so
    /// `Tensor.numpy()` and `torch.from_numpy` share memory both ways, as in real torch.
    /// Arithmetic follows numpy's promotion (NEP 50: Python scalars adapt to the array's
    /// dtype, numpy scalars do not); a result with no dimensions is a numpy scalar.
    static let array = #"""
def _operand(x):
    """(tensor or Python scalar, dtype name or None for a Python scalar), or None if foreign."""
    if isinstance(x, ndarray):
        return x._t, _name_of_torch(x._t)
    if isinstance(x, generic):
        return torch.tensor(x._v, dtype=_INFO[x._name][0]), x._name
    if isinstance(x, (builtins.bool, builtins.int, builtins.float)):
        return x, None
    if isinstance(x, (list, tuple)):
        a = array(x)
        return a._t, _name_of_torch(a._t)
    return None


def _result_name(a, an, b, bn):
    if an is None and bn is None:
        return _weak_result(_default_name(a), b)
    if an is None:
        return _weak_result(bn, a)
    if bn is None:
        return _weak_result(an, b)
    return _promote(an, bn)


def _default_name(value):
    """The dtype numpy gives a lone Python scalar."""
    if isinstance(value, builtins.bool):
        return 'bool'
    return 'int64' if isinstance(value, builtins.int) else 'float64'


def _as(x, name):
    if isinstance(x, torch.Tensor):
        return x if _name_of_torch(x) == name else x.to(_INFO[name][0])
    return torch.tensor(x, dtype=_INFO[name][0])


def _wrap_result(t):
    if t.dim() == 0:
        return _scalar(t.item(), _name_of_torch(t))
    return ndarray._wrap(t)


def _broadcast_error(a, b):
    sa = a.shape if isinstance(a, torch.Tensor) else ()
    sb = b.shape if isinstance(b, torch.Tensor) else ()
    return ValueError(f"operands could not be broadcast together with shapes {_shape_text(sa)} {_shape_text(sb)} ")


def _shape_text(shape):
    return '(' + ','.join(str(s) for s in shape) + (',)' if len(shape) == 1 else ')')


def _check_broadcast(a, b):
    sa = list(a.shape) if isinstance(a, torch.Tensor) else []
    sb = list(b.shape) if isinstance(b, torch.Tensor) else []
    for x, y in zip(reversed(sa), reversed(sb)):
        if x != y and x != 1 and y != 1:
            raise _broadcast_error(a, b)


_UFUNC_NAMES = {'add': 'add', 'sub': 'subtract', 'mul': 'multiply', 'truediv': 'divide', 'floordiv': 'floor_divide',
                'mod': 'remainder', 'pow': 'power', 'and': 'bitwise_and', 'or': 'bitwise_or', 'xor': 'bitwise_xor',
                'maximum': 'maximum', 'minimum': 'minimum'}


def _binary_tensor(op, x, y):
    """The tensor result of numpy's ufunc `op` on x and y, or NotImplemented."""
    px, py = _operand(x), _operand(y)
    if px is None or py is None:
        return NotImplemented
    a, an = px
    b, bn = py
    name = _result_name(a, an, b, bn)
    kind = _INFO[name][1]
    if op in ('eq', 'ne', 'lt', 'le', 'gt', 'ge'):
        a, b = _as(a, name), _as(b, name)
        _check_broadcast(a, b)
        return getattr(torch, op)(a, b)
    if op == 'sub' and kind == 'b':
        raise TypeError("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, "
                        "the `^` operator, or the logical_xor function instead.")
    if op in ('and', 'or', 'xor') and kind == 'f':
        raise TypeError(f"ufunc '{_UFUNC_NAMES[op]}' not supported for the input types, and the inputs could not be "
                        "safely coerced to any supported types according to the casting rule ''safe''")
    if op == 'truediv' and kind != 'f':
        name = 'float64'
    a, b = _as(a, name), _as(b, name)
    _check_broadcast(a, b)
    if op == 'pow' and kind in 'iu' and bool((b < 0).any()):
        raise ValueError("Integers to negative integer powers are not allowed.")
    if kind == 'b' and op in _BOOLEAN_OPS:
        return _BOOLEAN_OPS[op](a, b)
    return _TORCH_OPS[op](a, b)


# The torch function of each binary op; booleans add and multiply as logical or / and.
_TORCH_OPS = {
    'add': torch.add, 'sub': torch.sub, 'mul': torch.mul, 'truediv': torch.div, 'floordiv': torch.floor_divide,
    'mod': torch.remainder, 'pow': torch.pow, 'and': torch.bitwise_and, 'or': torch.bitwise_or,
    'xor': torch.bitwise_xor, 'maximum': torch.maximum, 'minimum': torch.minimum,
}
_BOOLEAN_OPS = {'add': torch.logical_or, 'mul': torch.logical_and}


def _binary(op, x, y):
    t = _binary_tensor(op, x, y)
    return t if t is NotImplemented else _wrap_result(t)


def _can_cast_same_kind(src, dst):
    order = {'b': 0, 'u': 1, 'i': 1, 'f': 2}
    return order[_INFO[src][1]] <= order[_INFO[dst][1]]


def _inplace(self, op, other):
    t = _binary_tensor(op, self, other)
    if t is NotImplemented:
        return t
    src, dst = _name_of_torch(t), _name_of_torch(self._t)
    if not _can_cast_same_kind(src, dst):
        raise UFuncTypeError(f"Cannot cast ufunc '{_UFUNC_NAMES[op]}' output from dtype('{src}') to dtype('{dst}') "
                        "with casting rule 'same_kind'")
    self._t.copy_(t.expand(self._t.shape) if tuple(t.shape) != tuple(self._t.shape) else t)
    return self


def _index_item(k):
    if isinstance(k, ndarray):
        return k._t
    if isinstance(k, generic):
        return k.__index__() if k._name != 'bool' else k._v
    if isinstance(k, list):
        return array(k)._t
    if k is None or k is Ellipsis or isinstance(k, (builtins.int, slice, torch.Tensor)):
        return k
    raise IndexError("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or "
                     "boolean arrays are valid indices")


def _index(t, key):
    """(tensor, torch index) for a numpy index: negative-step slices become flips."""
    items = list(key) if isinstance(key, tuple) else [key]
    items = [_index_item(k) for k in items]
    consumed = builtins.sum(1 for k in items if k is not None and k is not Ellipsis and not
                   (isinstance(k, torch.Tensor) and k.dtype == torch.bool))
    consumed += builtins.sum(k.dim() for k in items if isinstance(k, torch.Tensor) and k.dtype == torch.bool)
    if consumed > t.dim():
        raise IndexError(f"too many indices for array: array is {t.dim()}-dimensional, but {consumed} were indexed")
    if builtins.any(isinstance(k, slice) and k.step is not None and k.step < 0 for k in items):
        if builtins.any(isinstance(k, torch.Tensor) for k in items):
            raise NotImplementedError("negative-step slices mixed with array indices are not supported")
        dim = 0
        for i, k in enumerate(items):
            if k is Ellipsis:
                dim = t.dim() - builtins.sum(1 for r in items[i + 1:] if r is not None and r is not Ellipsis)
                continue
            if k is None:
                continue
            if isinstance(k, slice) and k.step is not None and k.step < 0:
                n = t.shape[dim]
                start, stop, step = k.indices(n)
                count = len(range(start, stop, step))
                t = t.flip(dim)
                first = n - 1 - start
                items[i] = slice(first, first + count * -step, -step) if count > 0 else slice(0, 0)
            dim += 1
    for i, k in enumerate(items):
        if isinstance(k, builtins.int) and not isinstance(k, builtins.bool):
            dim = i - builtins.sum(1 for r in items[:i] if r is None)
            if Ellipsis not in items[:i] and dim < t.dim() and not -t.shape[dim] <= k < t.shape[dim]:
                raise IndexError(f"index {k} is out of bounds for axis {dim} with size {t.shape[dim]}")
    return t, tuple(items) if isinstance(key, tuple) else items[0]


def _axis(axis, ndim):
    if axis is None:
        return None
    axes = axis if isinstance(axis, tuple) else (axis,)
    out = []
    for a in axes:
        a = operator_index(a)
        if not -builtins.max(ndim, 1) <= a < builtins.max(ndim, 1):
            raise AxisError(f"axis {a} is out of bounds for array of dimension {ndim}")
        out.append(a % builtins.max(ndim, 1))
    return tuple(out)


def operator_index(a):
    if isinstance(a, builtins.int):
        return a
    return a.__index__()


class AxisError(ValueError, IndexError):
    pass


class UFuncTypeError(TypeError):
    pass


def _shape_arg(shape):
    if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
        shape = shape[0]
    return tuple(operator_index(s) for s in shape)


class ndarray(_Operators):
    """An n-dimensional array of one dtype, viewing a torch tensor's storage."""

    def __init__(self, shape, dtype=float, buffer=None, offset=0, strides=None, order=None):
        shape = (shape,) if isinstance(shape, builtins.int) else tuple(shape)
        self._t = torch.zeros(shape, dtype=_INFO[_dtype_name(dtype)][0])

    @staticmethod
    def _wrap(t):
        a = ndarray.__new__(ndarray)
        a._t = t
        return a

    # ---- attributes ----
    @property
    def shape(self):
        return tuple(self._t.shape)

    @shape.setter
    def shape(self, value):
        self._t = self.reshape(value)._t

    @property
    def dtype(self):
        return dtype(_name_of_torch(self._t))

    @property
    def ndim(self):
        return self._t.dim()

    @property
    def size(self):
        return self._t.numel()

    @property
    def itemsize(self):
        return _INFO[_name_of_torch(self._t)][2]

    @property
    def nbytes(self):
        return self.size * self.itemsize

    @property
    def T(self):
        return self.transpose()

    @property
    def flat(self):
        return iter(self.ravel())

    # ---- conversion ----
    def tolist(self):
        return self._t.tolist()

    def item(self, *args):
        if args:
            if len(args) == 1:
                return self.ravel()[args[0]].item()
            return self[args].item()
        if self._t.numel() != 1:
            raise ValueError("can only convert an array of size 1 to a Python scalar")
        return self._t.item()

    def copy(self, order='C'):
        return ndarray._wrap(self._t.clone())

    def astype(self, dtype, order='K', casting='unsafe', subok=True, copy=True):
        name = _dtype_name(dtype)
        if not copy and name == _name_of_torch(self._t):
            return self
        return ndarray._wrap(self._t.to(_INFO[name][0]).clone())

    def fill(self, value):
        self._t.fill_(value)

    def __float__(self):
        self._scalar_check("Python scalars")
        return builtins.float(self._t.item())

    def __int__(self):
        self._scalar_check("Python scalars")
        return builtins.int(self._t.item())

    def __index__(self):
        if self._t.dim() != 0 or _INFO[_name_of_torch(self._t)][1] not in 'iu':
            raise TypeError("only integer scalar arrays can be converted to a scalar index")
        return self._t.item()

    def _scalar_check(self, what):
        if self._t.dim() != 0:
            raise TypeError(f"only 0-dimensional arrays can be converted to {what}")

    def __bool__(self):
        n = self._t.numel()
        if n == 0:
            raise ValueError("The truth value of an empty array is ambiguous. Use `array.size > 0` to check "
                             "that an array is not empty.")
        if n > 1:
            raise ValueError("The truth value of an array with more than one element is ambiguous. "
                             "Use a.any() or a.all()")
        return builtins.bool(self._t.item())

    def __len__(self):
        if self._t.dim() == 0:
            raise TypeError("len() of unsized object")
        return self._t.shape[0]

    def __iter__(self):
        if self._t.dim() == 0:
            raise TypeError("iteration over a 0-d array")
        return (_wrap_result(row) for row in self._t)

    def __repr__(self):
        return _array_repr(self)

    def __str__(self):
        return _array_str(self)

    def __format__(self, spec):
        if spec == '':
            return str(self)
        if self._t.dim() == 0:
            return format(self._t.item(), spec)
        raise TypeError("unsupported format string passed to numpy.ndarray.__format__")

    def __hash__(self):
        raise TypeError("unhashable type: 'numpy.ndarray'")

    # ---- indexing ----
    def __getitem__(self, key):
        t, index = _index(self._t, key)
        r = t[index]
        keys = key if isinstance(key, tuple) else (key,)
        if r.dim() == 0 and Ellipsis not in keys:
            return _scalar(r.item(), _name_of_torch(r))
        return ndarray._wrap(r)

    def __setitem__(self, key, value):
        t, index = _index(self._t, key)
        if isinstance(value, ndarray):
            value = value._t
        elif isinstance(value, generic):
            value = value._v
        elif isinstance(value, (list, tuple)):
            value = array(value)._t
        if isinstance(value, torch.Tensor):
            value = value.to(t.dtype)
        t[index] = value

    # ---- arithmetic (the operators shared with scalars are in _Operators) ----
    def __matmul__(self, o):
        return matmul(self, o)

    def __rmatmul__(self, o):
        return matmul(o, self)

    def __iadd__(self, o):
        return _inplace(self, 'add', o)

    def __isub__(self, o):
        return _inplace(self, 'sub', o)

    def __imul__(self, o):
        return _inplace(self, 'mul', o)

    def __itruediv__(self, o):
        return _inplace(self, 'truediv', o)

    def __ifloordiv__(self, o):
        return _inplace(self, 'floordiv', o)

    def __neg__(self):
        if self._t.dtype == torch.bool:
            raise TypeError("The numpy boolean negative, the `-` operator, is not supported, use the `~` operator "
                            "or the logical_not function instead.")
        return ndarray._wrap(-self._t)

    def __pos__(self):
        return ndarray._wrap(self._t.clone())

    def __abs__(self):
        return absolute(self)

    def __invert__(self):
        if self._t.dtype == torch.bool:
            return ndarray._wrap(torch.logical_not(self._t))
        if self._t.is_floating_point():
            raise TypeError("ufunc 'invert' not supported for the input types, and the inputs could not be safely "
                            "coerced to any supported types according to the casting rule ''safe''")
        return ndarray._wrap(torch.bitwise_not(self._t))

    # ---- shape ----
    def reshape(self, *shape, order='C'):
        shape = _shape_arg(shape)
        known = 1
        for s in shape:
            if s != -1:
                known *= s
        n = self._t.numel()
        if (-1 not in shape and known != n) or (-1 in shape and (known == 0 or n % known != 0)):
            raise ValueError(f"cannot reshape array of size {n} into shape {_shape_text(shape).replace(', ', ',')}")
        return ndarray._wrap(self._t.reshape(shape))

    def transpose(self, *axes):
        if not axes or (len(axes) == 1 and axes[0] is None):
            return ndarray._wrap(self._t.permute(tuple(range(self._t.dim() - 1, -1, -1))))
        axes = _shape_arg(axes)
        if len(axes) != self._t.dim():
            raise ValueError("axes don't match array")
        return ndarray._wrap(self._t.permute(_axis(axes, self._t.dim())))

    def swapaxes(self, axis1, axis2):
        a1, a2 = _axis((axis1, axis2), self._t.dim())
        return ndarray._wrap(self._t.transpose(a1, a2))

    def flatten(self, order='C'):
        return ndarray._wrap(self._t.reshape(-1).clone())

    def ravel(self, order='C'):
        return ndarray._wrap(self._t.reshape(-1))

    def squeeze(self, axis=None):
        if axis is None:
            return ndarray._wrap(self._t.squeeze())
        axes = _axis(axis, self._t.dim())
        for a in axes:
            if self._t.shape[a] != 1:
                raise ValueError("cannot select an axis to squeeze out which has size not equal to one")
        t = self._t
        for a in sorted(axes, reverse=True):
            t = t.squeeze(a)
        return ndarray._wrap(t)

    def view(self, dtype=None):
        if dtype is None:
            return ndarray._wrap(self._t.view(self._t.shape))
        raise NotImplementedError("ndarray.view(dtype) is not supported")

    # ---- reductions ----
    def sum(self, axis=None, dtype=None, out=None, keepdims=False):
        return sum(self, axis=axis, dtype=dtype, keepdims=keepdims)

    def prod(self, axis=None, dtype=None, out=None, keepdims=False):
        return prod(self, axis=axis, dtype=dtype, keepdims=keepdims)

    def mean(self, axis=None, dtype=None, out=None, keepdims=False):
        return mean(self, axis=axis, dtype=dtype, keepdims=keepdims)

    def std(self, axis=None, dtype=None, out=None, ddof=0, keepdims=False):
        return std(self, axis=axis, dtype=dtype, ddof=ddof, keepdims=keepdims)

    def var(self, axis=None, dtype=None, out=None, ddof=0, keepdims=False):
        return var(self, axis=axis, dtype=dtype, ddof=ddof, keepdims=keepdims)

    def max(self, axis=None, out=None, keepdims=False):
        return max(self, axis=axis, keepdims=keepdims)

    def min(self, axis=None, out=None, keepdims=False):
        return min(self, axis=axis, keepdims=keepdims)

    def argmax(self, axis=None, out=None, keepdims=False):
        return argmax(self, axis=axis, keepdims=keepdims)

    def argmin(self, axis=None, out=None, keepdims=False):
        return argmin(self, axis=axis, keepdims=keepdims)

    def any(self, axis=None, out=None, keepdims=False):
        return any(self, axis=axis, keepdims=keepdims)

    def all(self, axis=None, out=None, keepdims=False):
        return all(self, axis=axis, keepdims=keepdims)

    def cumsum(self, axis=None, dtype=None):
        return cumsum(self, axis=axis, dtype=dtype)

    def clip(self, min=None, max=None):
        return clip(self, min, max)

    def round(self, decimals=0):
        return round(self, decimals)

    def argsort(self, axis=-1):
        return argsort(self, axis=axis)

    def sort(self, axis=-1):
        self._t.copy_(torch.sort(self._t, dim=axis).values)

    def dot(self, b):
        return dot(self, b)
"""#
}
