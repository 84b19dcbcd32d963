extension GymnasiumSource {
    /// `gymnasium.spaces`: `Discrete` (integers start ... start + n - 1) and `Box` (float32
    /// numpy arrays between `low` and `high`), each with its own seedable generator.
    static let spaces = #"""
import numpy as np
import torch

__all__ = ['Space', 'Discrete', 'Box']


class _Random:
    """A seeded stream of random numbers, standing in for numpy's Generator (Gymnasium's np_random).
    It draws from its own torch.Generator, so the default generator is left alone."""

    def __init__(self, seed=None):
        self._generator = torch.Generator()
        if seed is None:
            self.seed_value = self._generator.seed()
        else:
            self.seed_value = seed
            self._generator.manual_seed(seed)

    def random(self):
        """A float in [0, 1)."""
        return torch.rand((), generator=self._generator, dtype=torch.float64).item()

    def uniform(self, low=0.0, high=1.0, size=None):
        """Floats uniform in [low, high): one, or a float64 tensor of `size`."""
        if size is None:
            return low + (high - low) * self.random()
        return low + (high - low) * torch.rand(size, generator=self._generator, dtype=torch.float64)

    def integers(self, low, high):
        """An int in [low, high)."""
        return int(torch.randint(low, high, (), generator=self._generator).item())


def np_random(seed=None):
    """A new generator and the seed it was made from (drawn from the system when `seed` is None)."""
    if seed is not None and not (isinstance(seed, int) and seed >= 0):
        raise ValueError(f"Seed must be a python integer, actual type: {type(seed)}")
    rng = _Random(seed)
    return rng, rng.seed_value


class Space:
    """A set of values (actions or observations) that can be sampled and tested for membership."""

    def __init__(self, shape=None, dtype=None, seed=None):
        self._shape = None if shape is None else tuple(shape)
        self.dtype = dtype
        self._np_random = None
        if seed is not None:
            self.seed(seed)

    @property
    def np_random(self):
        if self._np_random is None:
            self.seed()
        return self._np_random

    @property
    def shape(self):
        return self._shape

    def seed(self, seed=None):
        """Reseeds the space's generator; returns the seed used, in a list."""
        self._np_random, seed = np_random(seed)
        return [seed]

    def contains(self, x):
        raise NotImplementedError

    def __contains__(self, x):
        return self.contains(x)

    def sample(self):
        raise NotImplementedError


class Discrete(Space):
    """The integers start, start + 1, ..., start + n - 1 (actions of CartPole: 0 push left, 1 push right)."""

    def __init__(self, n, seed=None, start=0):
        if not (isinstance(n, int) and n > 0):
            raise AssertionError(f"n (counts) have to be positive, actual: {n}")
        self.n = n
        self.start = start
        super().__init__((), torch.int64, seed)

    def sample(self):
        """A uniformly chosen element, as an int."""
        return self.start + self.np_random.integers(0, self.n)

    def contains(self, x):
        if isinstance(x, int):
            return self.start <= x < self.start + self.n
        return False

    def __repr__(self):
        info = [str(self.n)]
        if self.start != 0:
            info.append(f"start={self.start}")
        return f"Discrete({', '.join(info)})"

    def __eq__(self, other):
        return isinstance(other, Discrete) and self.n == other.n and self.start == other.start


class Box(Space):
    """Float32 arrays of `shape` with every element between `low` and `high` (either may be
    infinite, given as a number, an array or a tensor). The bounds are kept as tensors and
    shown as numpy arrays (`low`, `high`), as Gymnasium's are."""

    def __init__(self, low, high, shape=None, dtype=np.float32, seed=None):
        low, high = (torch.from_numpy(b) if isinstance(b, np.ndarray) else b for b in (low, high))
        if shape is None:
            for bound in (low, high):
                if isinstance(bound, torch.Tensor):
                    shape = tuple(bound.shape)
                    break
            else:
                shape = (1,)
        shape = tuple(shape)
        f32 = torch.float32
        self._low = torch.full(shape, low, dtype=f32) if not isinstance(low, torch.Tensor) else low.to(f32).clone()
        self._high = torch.full(shape, high, dtype=f32) if not isinstance(high, torch.Tensor) else high.to(f32).clone()
        if tuple(self._low.shape) != shape or tuple(self._high.shape) != shape:
            raise ValueError(f"low.shape and high.shape don't match the box shape: "
                             f"{tuple(self._low.shape)}, {tuple(self._high.shape)}, {shape}")
        if bool((self._low > self._high).any()):
            raise ValueError("Some low values are greater than high")
        super().__init__(shape, np.dtype(np.float32), seed)

    @property
    def low(self):
        return np.asarray(self._low)

    @property
    def high(self):
        return np.asarray(self._high)

    def is_bounded(self, manner="both"):
        below = bool(torch.isfinite(self._low).all())
        above = bool(torch.isfinite(self._high).all())
        if manner == "both":
            return below and above
        if manner == "below":
            return below
        if manner == "above":
            return above
        raise ValueError(f"manner is not in {{'below', 'above', 'both'}}, actual value: {manner}")

    def sample(self):
        """A point of the box: uniform where both bounds are finite, a standard normal where
        both are infinite, and an exponential step from the finite bound where one is."""
        g = self.np_random._generator
        low, high = self._low.double(), self._high.double()
        uniform = torch.rand(self._shape, generator=g, dtype=torch.float64)
        normal = torch.randn(self._shape, generator=g, dtype=torch.float64)
        exponential = -torch.log1p(-torch.rand(self._shape, generator=g, dtype=torch.float64))
        finite_low, finite_high = torch.isfinite(low), torch.isfinite(high)
        bounded = finite_low & finite_high
        sample = torch.where(bounded, low + (high - low) * uniform, normal)
        sample = torch.where(finite_low & ~finite_high, low + exponential, sample)
        sample = torch.where(~finite_low & finite_high, high - exponential, sample)
        return np.asarray(sample.to(torch.float32))

    def contains(self, x):
        if not isinstance(x, torch.Tensor):
            try:
                x = torch.tensor(x, dtype=torch.float32)
            except (TypeError, ValueError, RuntimeError):
                return False
        return (tuple(x.shape) == self._shape and bool((x >= self._low).all()) and bool((x <= self._high).all()))

    def _bound_text(self, bound):
        # Gymnasium's short form: one number when all bounds agree, else numpy's str().
        values = bound
        if values.size != 0 and values.min() == values.max():
            return str(values.min())
        return str(values)

    def __repr__(self):
        return f"Box({self._bound_text(self.low)}, {self._bound_text(self.high)}, {self._shape}, float32)"

    def __eq__(self, other):
        return (isinstance(other, Box) and self._shape == other._shape
                and bool(torch.equal(self._low, other._low)) and bool(torch.equal(self._high, other._high)))
"""#
}
