extension NumPySource {
    /// `np.dtype` and the scalar types (`np.float32`, `np.int64`, `np.bool_`, ...): the values
    /// numpy hands out for one element (`a.sum()`, `a[0]`), each holding a Python number.
    static let dtypes = #"""
import math
import builtins
import torch
from numpy import _native

# name -> (torch dtype, kind, itemsize); kinds: b bool, u unsigned, i signed, f float
_INFO = {
    'bool': (torch.bool, 'b', 1),
    'uint8': (torch.uint8, 'u', 1),
    'int8': (torch.int8, 'i', 1),
    'int16': (torch.int16, 'i', 2),
    'int32': (torch.int32, 'i', 4),
    'int64': (torch.int64, 'i', 8),
    'float16': (torch.float16, 'f', 2),
    'float32': (torch.float32, 'f', 4),
    'float64': (torch.float64, 'f', 8),
}
_CHAR = {'bool': '?', 'uint8': 'B', 'int8': 'b', 'int16': 'h', 'int32': 'i', 'int64': 'l',
         'float16': 'e', 'float32': 'f', 'float64': 'd'}
_ALIASES = {'float': 'float64', 'double': 'float64', 'int': 'int64', 'long': 'int64', 'bool_': 'bool',
            'half': 'float16', 'single': 'float32', 'byte': 'int8', 'ubyte': 'uint8', 'short': 'int16',
            'intc': 'int32', 'intp': 'int64', 'f4': 'float32', 'f8': 'float64', 'f2': 'float16',
            'i1': 'int8', 'i2': 'int16', 'i4': 'int32', 'i8': 'int64', 'u1': 'uint8', '?': 'bool',
            'b1': 'bool', 'd': 'float64', 'f': 'float32', 'e': 'float16', 'l': 'int64', 'i': 'int32',
            'B': 'uint8', 'b': 'int8', 'h': 'int16'}


def _name_of_torch(t):
    return str(t.dtype)[6:]


def _dtype_name(obj):
    """The dtype name for anything numpy accepts as a dtype; TypeError otherwise."""
    if obj is None:
        return 'float64'
    if isinstance(obj, dtype):
        return obj.name
    if isinstance(obj, type):
        if issubclass(obj, generic) and obj._name is not None:
            return obj._name
        if obj is builtins.bool:
            return 'bool'
        if obj is builtins.int:
            return 'int64'
        if obj is builtins.float:
            return 'float64'
    if isinstance(obj, str):
        name = obj[1:] if obj[:1] in '<=|' else obj
        if name in _INFO:
            return name
        if name in _ALIASES:
            return _ALIASES[name]
        raise TypeError(f"data type {obj!r} not understood")
    if isinstance(obj, torch.dtype):
        name = str(obj)[6:]
        if name in _INFO:
            return name
    raise TypeError(f"Cannot interpret '{obj!r}' as a data type")


class dtype:
    """The type of an array's elements: dtype('float32'), printed as float32."""

    def __init__(self, obj, align=False, copy=False):
        self.name = _dtype_name(obj)

    @property
    def kind(self):
        return _INFO[self.name][1]

    @property
    def itemsize(self):
        return _INFO[self.name][2]

    @property
    def char(self):
        return _CHAR[self.name]

    @property
    def type(self):
        return _SCALAR_TYPES[self.name]

    def __repr__(self):
        return f"dtype('{self.name}')"

    def __str__(self):
        return self.name

    def __eq__(self, other):
        try:
            return self.name == _dtype_name(other)
        except TypeError:
            return False

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self.name)


def _cast_value(value, name):
    """A Python number converted as numpy converts it to one element of `name`."""
    if name == 'bool':
        return builtins.bool(value)
    return torch.tensor(value, dtype=_INFO[name][0]).item()


class _Operators:
    """The arithmetic, bitwise and comparison operators that arrays and scalars share; each
    goes through _binary (with the arrays), which applies numpy's promotion rules."""

    def __add__(self, o):
        return _binary('add', self, o)

    def __radd__(self, o):
        return _binary('add', o, self)

    def __sub__(self, o):
        return _binary('sub', self, o)

    def __rsub__(self, o):
        return _binary('sub', o, self)

    def __mul__(self, o):
        return _binary('mul', self, o)

    def __rmul__(self, o):
        return _binary('mul', o, self)

    def __truediv__(self, o):
        return _binary('truediv', self, o)

    def __rtruediv__(self, o):
        return _binary('truediv', o, self)

    def __floordiv__(self, o):
        return _binary('floordiv', self, o)

    def __rfloordiv__(self, o):
        return _binary('floordiv', o, self)

    def __mod__(self, o):
        return _binary('mod', self, o)

    def __rmod__(self, o):
        return _binary('mod', o, self)

    def __pow__(self, o):
        return _binary('pow', self, o)

    def __rpow__(self, o):
        return _binary('pow', o, self)

    def __and__(self, o):
        return _binary('and', self, o)

    def __rand__(self, o):
        return _binary('and', o, self)

    def __or__(self, o):
        return _binary('or', self, o)

    def __ror__(self, o):
        return _binary('or', o, self)

    def __xor__(self, o):
        return _binary('xor', self, o)

    def __rxor__(self, o):
        return _binary('xor', o, self)

    def __eq__(self, o):
        return _binary('eq', self, o)

    def __ne__(self, o):
        return _binary('ne', self, o)

    def __lt__(self, o):
        return _binary('lt', self, o)

    def __le__(self, o):
        return _binary('le', self, o)

    def __gt__(self, o):
        return _binary('gt', self, o)

    def __ge__(self, o):
        return _binary('ge', self, o)


class generic(_Operators):
    """Base class of numpy's scalar types."""
    _name = None

    def __init__(self, value=0):
        if self._name is None:
            raise TypeError(f"cannot create '{_qualname(type(self))}' instances")
        if isinstance(value, ndarray):
            value = value.item()
        elif isinstance(value, generic):
            value = value._v
        elif isinstance(value, str):
            value = builtins.float(value) if _INFO[self._name][1] == 'f' else builtins.int(value)
        self._v = _cast_value(value, self._name)

    @property
    def dtype(self):
        return dtype(self._name)

    @property
    def shape(self):
        return ()

    @property
    def ndim(self):
        return 0

    @property
    def size(self):
        return 1

    @property
    def itemsize(self):
        return _INFO[self._name][2]

    @property
    def T(self):
        return self

    def item(self):
        return self._v

    def tolist(self):
        return self._v

    def astype(self, dtype):
        return _SCALAR_TYPES[_dtype_name(dtype)](self._v)

    def _as_array(self):
        return ndarray._wrap(torch.tensor(self._v, dtype=_INFO[self._name][0]))

    def __neg__(self):
        return (-self._as_array())[()]

    def __pos__(self):
        return self

    def __abs__(self):
        return _scalar(builtins.abs(self._v), self._name)

    def __float__(self):
        return builtins.float(self._v)

    def __int__(self):
        return builtins.int(self._v)

    def __index__(self):
        if _INFO[self._name][1] not in 'iu':
            raise TypeError("only integer scalar arrays can be converted to a scalar index")
        return self._v

    def __bool__(self):
        return builtins.bool(self._v)

    def __hash__(self):
        return hash(self._v)

    def __repr__(self):
        if self._name == 'bool':
            return 'np.True_' if self._v else 'np.False_'
        return f"np.{self._name}({_scalar_str(self._v, self._name)})"

    def __str__(self):
        return _scalar_str(self._v, self._name)

    def __format__(self, spec):
        if spec == '':
            return str(self)
        return format(self._v, spec)

    def __round__(self, ndigits=None):
        if ndigits is None:
            return builtins.round(self._v)
        return _scalar(builtins.round(self._v, ndigits), self._name)

    def __getattr__(self, name):
        if name in ('mean', 'sum', 'max', 'min', 'std', 'var', 'argmax', 'argmin', 'reshape', 'copy',
                    'round', 'clip', 'any', 'all', 'prod', 'flatten', 'ravel', 'squeeze', 'transpose'):
            return getattr(self._as_array(), name)
        raise AttributeError(f"'numpy.{self._name}' object has no attribute '{name}'")


def _qualname(cls):
    return cls.__name__


class number(generic):
    pass


class integer(number):
    pass


class signedinteger(integer):
    pass


class unsignedinteger(integer):
    pass


class inexact(number):
    pass


class floating(inexact):
    pass


class bool_(generic):
    _name = 'bool'


class int8(signedinteger):
    _name = 'int8'


class int16(signedinteger):
    _name = 'int16'


class int32(signedinteger):
    _name = 'int32'


class int64(signedinteger):
    _name = 'int64'


class uint8(unsignedinteger):
    _name = 'uint8'


class float16(floating):
    _name = 'float16'


class float32(floating):
    _name = 'float32'


class float64(floating):
    _name = 'float64'


_SCALAR_TYPES = {'bool': bool_, 'int8': int8, 'int16': int16, 'int32': int32, 'int64': int64,
                 'uint8': uint8, 'float16': float16, 'float32': float32, 'float64': float64}
int_ = intp = int64
double = float64
single = float32
half = float16
ubyte = uint8
byte = int8
short = int16
intc = int32


def _scalar(value, name):
    """A scalar of type `name` holding an already converted Python number."""
    s = _SCALAR_TYPES[name].__new__(_SCALAR_TYPES[name])
    s._v = value
    return s


True_ = _scalar(True, 'bool')
False_ = _scalar(False, 'bool')


def _scalar_str(v, name):
    kind = _INFO[name][1]
    if kind == 'b':
        return 'True' if v else 'False'
    if kind != 'f':
        return str(v)
    if v != v:
        return 'nan'
    if v in (math.inf, -math.inf):
        return 'inf' if v > 0 else '-inf'
    single = name != 'float64'
    limit = 1e16 if name == 'float64' else (1e6 if name == 'float32' else 1e3)
    if v == 0 or (1e-4 <= builtins.abs(v) < limit):
        return _native.format_positional(v, single, None, 0, '0', 0, 0)
    return _native.format_scientific(v, single, None, 0, '-', 0, 2)


def issubdtype(arg1, arg2):
    """Whether dtype `arg1` is `arg2` or below it in the scalar type hierarchy."""
    a = _SCALAR_TYPES[_dtype_name(arg1)]
    if isinstance(arg2, type) and issubclass(arg2, generic) and arg2._name is None:
        return issubclass(a, arg2)
    return a is _SCALAR_TYPES[_dtype_name(arg2)]


def _promote(a, b):
    """numpy.promote_types for two dtype names."""
    if a == b:
        return a
    ka, kb = _INFO[a][1], _INFO[b][1]
    if ka == 'b':
        return b
    if kb == 'b':
        return a
    if ka == 'f' and kb == 'f':
        return a if _INFO[a][2] >= _INFO[b][2] else b
    if ka == 'f' or kb == 'f':
        f, i = (a, b) if ka == 'f' else (b, a)
        need = {1: 'float16', 2: 'float32', 4: 'float64', 8: 'float64'}[_INFO[i][2]]
        return f if _INFO[f][2] >= _INFO[need][2] else need
    if ka == kb:
        return a if _INFO[a][2] >= _INFO[b][2] else b
    u, s = (a, b) if ka == 'u' else (b, a)
    return s if _INFO[s][2] > _INFO[u][2] else {1: 'int16', 2: 'int32', 4: 'int64'}[_INFO[u][2]]


def promote_types(type1, type2):
    return dtype(_promote(_dtype_name(type1), _dtype_name(type2)))


_INT_RANGE = {'uint8': (0, 255), 'int8': (-128, 127), 'int16': (-32768, 32767),
              'int32': (-2147483648, 2147483647), 'int64': (-9223372036854775808, 9223372036854775807)}


def _weak_result(strong, value):
    """The result dtype of an array of dtype `strong` with a Python scalar (NEP 50)."""
    kind = _INFO[strong][1]
    if isinstance(value, builtins.bool):
        return strong
    if isinstance(value, builtins.int):
        if kind == 'b':
            return 'int64'
        if kind in 'iu':
            low, high = _INT_RANGE[strong]
            if value < low or value > high:
                raise OverflowError(f"Python integer {value} out of bounds for {strong}")
        return strong
    return strong if kind == 'f' else 'float64'
"""#
}
