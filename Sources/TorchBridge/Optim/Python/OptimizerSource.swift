extension OptimSource {
    /// `torch.optim.Optimizer`: parameter groups, per-parameter state, `zero_grad`, state dicts
    /// in PyTorch's layout and the printed form. Subclasses define `step`.
    static let optimizer = #"""
import torch
from collections import defaultdict


class _RequiredParameter:
    """The default of a hyperparameter that every parameter group must set itself."""

    def __repr__(self):
        return "<required parameter>"


required = _RequiredParameter()


def _typename(obj):
    # torch.typename: 'torch.FloatTensor' for tensors, 'int' for builtins, 'module.Class' otherwise.
    if isinstance(obj, torch.Tensor):
        return obj.type()
    cls = type(obj)
    module = getattr(cls, '__module__', '') or ''
    name = getattr(cls, '__qualname__', cls.__name__)
    return name if module in ('', 'builtins') else module + '.' + name


def _to_scalar(x):
    # A 1-element hyperparameter tensor becomes 0-dim; numbers stay as they are.
    if isinstance(x, torch.Tensor) and x.dim() != 0:
        return x.squeeze()
    return x


def _use_grad_for_differentiable(step):
    # step() runs with autograd off (on only for differentiable optimizers), whatever the caller's mode.
    def wrapper(self, *args, **kwargs):
        previous = torch.is_grad_enabled()
        try:
            torch.set_grad_enabled(self.defaults['differentiable'])
            return step(self, *args, **kwargs)
        finally:
            torch.set_grad_enabled(previous)
    wrapper.__name__ = step.__name__
    wrapper.__qualname__ = step.__qualname__
    wrapper.__doc__ = step.__doc__
    return wrapper


def _check_options(defaults):
    if defaults.get('differentiable'):
        raise NotImplementedError("torch.optim with differentiable=True is not available in pytorch-tutor")
    if defaults.get('fused'):
        if defaults.get('differentiable'):
            raise RuntimeError("`fused` does not support `differentiable`")
        if defaults.get('foreach'):
            raise RuntimeError("`fused` and `foreach` cannot be `True` together.")


def _copy_structure(value):
    # deepcopy of the dicts, lists and tuples of a saved param group (their leaves are numbers).
    if isinstance(value, dict):
        return {k: _copy_structure(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy_structure(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_copy_structure(v) for v in value)
    if isinstance(value, torch.Tensor):
        return value.clone()
    return value


class Optimizer:
    """Base class of the optimizers: holds `param_groups` (dicts of parameters and their
    hyperparameters) and `state` (a dict per parameter, filled by `step`)."""

    def __init__(self, params, defaults):
        self.defaults = defaults
        if isinstance(params, torch.Tensor):
            raise TypeError("params argument given to the optimizer should be an iterable of Tensors or dicts, "
                            "but got " + _typename(params))
        self.state = defaultdict(dict)
        self.param_groups = []
        param_groups = list(params)
        if len(param_groups) == 0:
            raise ValueError("optimizer got an empty parameter list")
        if not isinstance(param_groups[0], dict):
            param_groups = [{'params': param_groups}]
        for param_group in param_groups:
            self.add_param_group(param_group)

    def __getstate__(self):
        return {'defaults': self.defaults, 'state': self.state, 'param_groups': self.param_groups}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.defaults.setdefault('differentiable', False)

    def __repr__(self):
        text = self.__class__.__name__ + ' ('
        for i, group in enumerate(self.param_groups):
            text += '\n'
            text += f'Parameter Group {i}\n'
            for key in sorted(group.keys()):
                if key != 'params':
                    text += f'    {key}: {group[key]}\n'
        text += ')'
        return text

    def state_dict(self):
        """The optimizer's state as `{'state': {index: {...}}, 'param_groups': [{..., 'params': [indices]}]}`:
        parameters are numbered in group order; state tensors are shared, not copied."""
        index_of = {}
        next_index = 0
        param_groups = []
        for group in self.param_groups:
            packed = {k: v for k, v in group.items() if k != 'params'}
            for i, p in enumerate(group['params'], next_index):
                if id(p) not in index_of:
                    index_of[id(p)] = i
            packed['params'] = [index_of[id(p)] for p in group['params']]
            next_index += len(packed['params'])
            param_groups.append(packed)
        state = {(index_of[id(k)] if isinstance(k, torch.Tensor) else k): v for k, v in self.state.items()}
        return {'state': state, 'param_groups': param_groups}

    def load_state_dict(self, state_dict):
        """Restores hyperparameters and state saved by `state_dict`, matching parameters by position."""
        state_dict = state_dict.copy()
        groups = self.param_groups
        saved_groups = _copy_structure(state_dict['param_groups'])
        if len(groups) != len(saved_groups):
            raise ValueError("loaded state dict has a different number of parameter groups")
        for group, saved in zip(groups, saved_groups):
            if len(group['params']) != len(saved['params']):
                raise ValueError("loaded state dict contains a parameter group "
                                 "that doesn't match the size of optimizer's group")
        saved_ids = [i for saved in saved_groups for i in saved['params']]
        params = [p for group in groups for p in group['params']]
        param_of = dict(zip(saved_ids, params))

        def policy(param, param_id, key, value):
            if key == 'step':
                for group in state_dict['param_groups']:
                    if param_id in group['params']:
                        if group.get('fused', False) or group.get('capturable', False):
                            return value.to(dtype=torch.float32)
                        break
                return value
            if param.is_floating_point():
                return value.to(dtype=param.dtype, device=param.device)
            return value.to(device=param.device)

        def cast(param, param_id, value, key=None):
            if isinstance(value, torch.Tensor):
                return policy(param, param_id, key, value)
            if isinstance(value, dict):
                return {k: cast(param, param_id, v, k) for k, v in value.items()}
            if isinstance(value, (list, tuple)):
                return type(value)(cast(param, param_id, v) for v in value)
            return value

        state = defaultdict(dict)
        for k, v in state_dict['state'].items():
            if k in param_of:
                state[param_of[k]] = cast(param_of[k], k, v)
            else:
                state[k] = v
        param_groups = []
        for group, saved in zip(groups, saved_groups):
            saved['params'] = group['params']
            if 'param_names' in group and 'param_names' not in saved:
                saved['param_names'] = group['param_names']
            param_groups.append(saved)
        self.__setstate__({'state': state, 'param_groups': param_groups})

    def zero_grad(self, set_to_none=True):
        """Clears the gradients of all parameters: sets them to None (default) or fills them with zeros."""
        if set_to_none:
            _kernels.clear_grads(self.param_groups)
            return
        for group in self.param_groups:
            for p in group['params']:
                grad = p.grad
                if grad is None:
                    continue
                if grad.grad_fn is not None:
                    grad.detach_()
                else:
                    grad.requires_grad_(False)
                grad.zero_()

    def step(self, closure=None):
        """Updates the parameters once from their gradients (defined by each optimizer)."""
        raise NotImplementedError

    def add_param_group(self, param_group):
        """Adds a group of parameters with its own hyperparameters (the optimizer's defaults fill the rest)."""
        if not isinstance(param_group, dict):
            raise TypeError(f"param_group must be a dict, but got {type(param_group)}")
        params = param_group['params']
        if isinstance(params, torch.Tensor):
            params = [params]
        elif isinstance(params, set):
            raise TypeError("optimizer parameters need to be organized in ordered collections, but "
                            "the ordering of tensors in sets will change between runs. Please use a list instead.")
        else:
            params = list(params)
        tensors = []
        names = []
        for param in params:
            if isinstance(param, tuple):
                names.append(param[0])
                tensors.append(param[1])
            else:
                tensors.append(param)
        param_group['params'] = tensors
        if names:
            if len(names) != len(tensors):
                raise ValueError("all optimizer params should be with/without names. Some param names are missing")
            param_group['param_names'] = names
        for param in tensors:
            if not isinstance(param, torch.Tensor):
                raise TypeError("optimizer can only optimize Tensors, but one of the params is " + _typename(param))
            if not self.defaults.get('differentiable', None) and not (param.is_leaf or param.retains_grad):
                raise ValueError("can't optimize a non-leaf Tensor")
        for name, default in self.defaults.items():
            if default is required and name not in param_group:
                raise ValueError(f"parameter group didn't specify a value of required optimization parameter {name}")
            param_group.setdefault(name, default)
        seen = set()
        for group in self.param_groups:
            seen.update(group['params'])
            if ('param_names' in param_group) != ('param_names' in group):
                which = "with names" if 'param_names' in param_group else "without names"
                raise ValueError("all optimizer param groups should be with/without names. "
                                 f"cannot add param group {which} to the optimizer")
        if not seen.isdisjoint(set(param_group['params'])):
            raise ValueError("some parameters appear in more than one parameter group")
        self.param_groups.append(param_group)
"""#
}
