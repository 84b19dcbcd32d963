extension DistributionsSource {
    /// `torch.distributions.utils`: broadcasting parameters, converting between probabilities
    /// and logits, and `lazy_property` (computed on first read, then stored on the instance).
    static let utils = #"""
import torch
import torch.nn.functional as F

__all__ = ['broadcast_all', 'clamp_probs', 'lazy_property', 'logits_to_probs', 'probs_to_logits']

euler_constant = 0.57721566490153286060

# The smallest step above 1 and the most negative finite value of each float dtype
# (what torch.finfo(dtype).eps and .min give in PyTorch).
_EPS = {torch.float16: 0.0009765625, torch.bfloat16: 0.0078125, torch.float32: 1.1920928955078125e-07,
        torch.float64: 2.220446049250313e-16}
_MIN = {torch.float16: -65504.0, torch.bfloat16: -3.3895313892515355e+38, torch.float32: -3.4028234663852886e+38,
        torch.float64: -1.7976931348623157e+308}


def _is_number(value):
    return isinstance(value, (int, float))


def broadcast_all(*values):
    """Broadcasts tensors and numbers together; numbers become tensors of the first tensor's dtype
    (the default dtype when all are numbers)."""
    if not all(isinstance(v, torch.Tensor) or _is_number(v) for v in values):
        raise ValueError("Input arguments must all be instances of Number, "
                         "torch.Tensor or objects implementing __torch_function__.")
    if not all(isinstance(v, torch.Tensor) for v in values):
        dtype = torch.get_default_dtype()
        for value in values:
            if isinstance(value, torch.Tensor):
                dtype = value.dtype
                break
        values = [v if isinstance(v, torch.Tensor) else torch.tensor(v, dtype=dtype) for v in values]
    return torch.broadcast_tensors(*values)


def _standard_normal(shape, dtype, device):
    return torch.empty(shape, dtype=dtype, device=device).normal_()


def _sum_rightmost(value, dim):
    if dim == 0:
        return value
    return value.reshape(value.shape[:-dim] + (-1,)).sum(-1)


def logits_to_probs(logits, is_binary=False):
    """Probabilities from log-odds (`is_binary`) or from unnormalized log-probabilities along the last dimension."""
    if is_binary:
        return torch.sigmoid(logits)
    return F.softmax(logits, dim=-1)


def clamp_probs(probs):
    """Keeps probabilities inside the open interval (0, 1), one epsilon of the dtype from each end."""
    eps = _EPS[probs.dtype]
    return probs.clamp(min=eps, max=1 - eps)


def probs_to_logits(probs, is_binary=False):
    """Log-odds (`is_binary`) or log-probabilities, of clamped probabilities (finite at 0 and 1)."""
    ps_clamped = clamp_probs(probs)
    if is_binary:
        return torch.log(ps_clamped) - torch.log1p(-ps_clamped)
    return torch.log(ps_clamped)


class lazy_property:
    """A method read as an attribute, run once per instance: the result replaces it in the
    instance's __dict__ (so `probs` made from `logits` is computed only when asked for)."""

    def __init__(self, wrapped):
        self.wrapped = wrapped
        self.__name__ = wrapped.__name__
        self.__doc__ = wrapped.__doc__

    def __get__(self, instance, obj_type=None):
        if instance is None:
            return self
        with torch.enable_grad():
            value = self.wrapped(instance)
        setattr(instance, self.wrapped.__name__, value)
        return value
"""#
}
