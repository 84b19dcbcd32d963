extension NumPySource {
    /// `numpy.random`: the legacy global generator (`seed`, `rand`, `randn`, `randint`, ...)
    /// with numpy's exact streams (Note [numpy's legacy RandomState]).
    static let random = #"""
import builtins
import math
import numpy as np
from numpy import _native


def _count(size):
    if size is None:
        return None, 1
    shape = (np.operator_index(size),) if not isinstance(size, (tuple, list)) else tuple(np.operator_index(s) for s in size)
    n = 1
    for s in shape:
        if s < 0:
            raise ValueError("negative dimensions are not allowed")
        n *= s
    return shape, n


def _shaped(t, shape):
    if shape is None:
        return t[0].item()
    return np.ndarray._wrap(t.reshape(shape))


class RandomState:
    """numpy's legacy generator: a Mersenne Twister with numpy's algorithms on top."""

    def __init__(self, seed=None):
        self._state = _native.RandomState()
        self.seed(seed)

    def __repr__(self):
        return 'RandomState(MT19937)'

    def seed(self, seed=None):
        if seed is None:
            import time
            seed = builtins.int(time.time_ns()) & 0xFFFFFFFF
        self._state.seed(np.operator_index(seed))

    def random_sample(self, size=None):
        shape, n = _count(size)
        return _shaped(self._state.random_sample(n), shape)

    random = random_sample

    def rand(self, *args):
        return self.random_sample(args if args else None)

    def standard_normal(self, size=None):
        shape, n = _count(size)
        return _shaped(self._state.gauss(n), shape)

    def randn(self, *args):
        return self.standard_normal(args if args else None)

    def normal(self, loc=0.0, scale=1.0, size=None):
        if scale < 0:
            raise ValueError("scale < 0")
        shape, n = _count(size)
        return _shaped(loc + scale * self._state.gauss(n), shape)

    def uniform(self, low=0.0, high=1.0, size=None):
        shape, n = _count(size)
        return _shaped(low + (high - low) * self._state.random_sample(n), shape)

    def randint(self, low, high=None, size=None, dtype=int):
        if high is None:
            low, high = 0, low
        if low >= high:
            raise ValueError("low >= high")
        shape, n = _count(size)
        t = self._state.bounded(np.operator_index(low), np.operator_index(high) - 1, n)
        name = np._dtype_name(dtype)
        if shape is None:
            return t[0].item() if dtype is int else np._scalar(t[0].item(), name)
        return np.ndarray._wrap(t.reshape(shape).to(np._INFO[name][0]))

    def permutation(self, x):
        if isinstance(x, (builtins.int, np.integer)):
            return np.ndarray._wrap(self._state.permutation(np.operator_index(x)))
        a = np.array(x)
        if a.ndim == 0:
            raise TypeError("x must be an integer or at least 1-dimensional")
        return np.ndarray._wrap(a._t[self._state.permutation(a.shape[0])])

    def shuffle(self, x):
        order = self._state.permutation(len(x))
        if isinstance(x, np.ndarray):
            x._t.copy_(x._t[order])
        elif isinstance(x, list):
            x[:] = [x[i] for i in order.tolist()]
        else:
            raise TypeError("shuffle supports lists and numpy arrays")

    def choice(self, a, size=None, replace=True, p=None):
        if not replace or p is not None:
            raise NotImplementedError("np.random.choice supports only replace=True without p= in pytorch-tutor")
        pool = None if isinstance(a, (builtins.int, np.integer)) else np.array(a)
        n = np.operator_index(a) if pool is None else pool.shape[0]
        if n == 0:
            raise ValueError("a cannot be empty unless no samples are taken")
        idx = self.randint(0, n, size)
        return idx if pool is None else pool[idx]


_rand = RandomState(0)
seed = _rand.seed
random_sample = _rand.random_sample
random = _rand.random_sample
rand = _rand.rand
randn = _rand.randn
standard_normal = _rand.standard_normal
normal = _rand.normal
uniform = _rand.uniform
randint = _rand.randint
permutation = _rand.permutation
shuffle = _rand.shuffle
choice = _rand.choice
"""#
}
