extension NNSource {
    /// `nn.Module`: attribute registration, traversal, modes, state dicts, hooks and printing.
    static let module = #"""
import torch
from collections import OrderedDict, namedtuple


def _addindent(text, spaces):
    lines = text.split('\n')
    if len(lines) == 1:
        return text
    pad = ' ' * spaces
    return lines[0] + '\n' + '\n'.join(pad + line for line in lines[1:])


class RemovableHandle:
    """What `register_*_hook` returns: `handle.remove()` unregisters the hook."""
    _next_id = 0

    def __init__(self, hooks):
        self.hooks_dict = hooks
        self.id = RemovableHandle._next_id
        RemovableHandle._next_id += 1

    def remove(self):
        self.hooks_dict.pop(self.id, None)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.remove()


class _IncompatibleKeys(namedtuple('IncompatibleKeys', ['missing_keys', 'unexpected_keys'])):
    def __repr__(self):
        if not self.missing_keys and not self.unexpected_keys:
            return '<All keys matched successfully>'
        return super().__repr__()

    __str__ = __repr__


# The attributes every PyTorch module has, in the order PyTorch pickles them.
_TORCH_MODULE_STATE = (
    'training', '_parameters', '_buffers', '_non_persistent_buffers_set', '_backward_pre_hooks',
    '_backward_hooks', '_is_full_backward_hook', '_forward_hooks', '_forward_hooks_with_kwargs',
    '_forward_hooks_always_called', '_forward_pre_hooks', '_forward_pre_hooks_with_kwargs',
    '_state_dict_hooks', '_state_dict_pre_hooks', '_load_state_dict_pre_hooks',
    '_load_state_dict_post_hooks', '_modules',
)


def _typename(value):
    if isinstance(value, torch.Tensor):
        return value.type()
    kind = type(value)
    module = kind.__module__
    if module in ('builtins', '__builtin__', None):
        return kind.__qualname__
    return module + '.' + kind.__qualname__


class Module:
    """The base class of every layer and model. Assigning a Parameter, a Module or a buffer to
    an attribute registers it, so `parameters()`, `state_dict()` and `to()` find it."""

    training = True
    call_super_init = False
    dump_patches = False
    _version = 1

    def __init__(self, *args, **kwargs):
        if kwargs:
            raise TypeError(f"{type(self).__name__}.__init__() got an unexpected keyword argument '{next(iter(kwargs))}'")
        if args:
            raise TypeError(f"{type(self).__name__}.__init__() takes 1 positional argument but {len(args) + 1} were given")
        setattr_ = object.__setattr__
        setattr_(self, 'training', True)
        setattr_(self, '_parameters', {})
        setattr_(self, '_buffers', {})
        setattr_(self, '_non_persistent_buffers_set', set())
        setattr_(self, '_modules', {})
        setattr_(self, '_forward_hooks', {})
        setattr_(self, '_forward_pre_hooks', {})

    def forward(self, *input):
        raise NotImplementedError(f'Module [{type(self).__name__}] is missing the required "forward" function')

    def __call__(self, *args, **kwargs):
        pre_hooks = self.__dict__.get('_forward_pre_hooks')
        if pre_hooks:
            for hook in list(pre_hooks.values()):
                result = hook(self, args)
                if result is not None:
                    args = result if isinstance(result, tuple) else (result,)
        result = self.forward(*args, **kwargs)
        hooks = self.__dict__.get('_forward_hooks')
        if hooks:
            for hook in list(hooks.values()):
                replaced = hook(self, args, result)
                if replaced is not None:
                    result = replaced
        return result

    # ----- registration -----

    def register_parameter(self, name, param):
        if '_parameters' not in self.__dict__:
            raise AttributeError("cannot assign parameter before Module.__init__() call")
        if not isinstance(name, str):
            raise TypeError(f"parameter name should be a string. Got {_typename(name)}")
        if '.' in name:
            raise KeyError('parameter name can\'t contain "."')
        if name == '':
            raise KeyError('parameter name can\'t be empty string ""')
        if hasattr(self, name) and name not in self._parameters:
            raise KeyError(f"attribute '{name}' already exists")
        if param is None:
            self._parameters[name] = None
        elif not isinstance(param, Parameter):
            raise TypeError(f"cannot assign '{_typename(param)}' object to parameter '{name}' (torch.nn.Parameter or None required)")
        else:
            self._parameters[name] = param

    def register_buffer(self, name, tensor, persistent=True):
        if '_buffers' not in self.__dict__:
            raise AttributeError("cannot assign buffer before Module.__init__() call")
        if not isinstance(name, str):
            raise TypeError(f"buffer name should be a string. Got {_typename(name)}")
        if '.' in name:
            raise KeyError('buffer name can\'t contain "."')
        if name == '':
            raise KeyError('buffer name can\'t be empty string ""')
        if hasattr(self, name) and name not in self._buffers:
            raise KeyError(f"attribute '{name}' already exists")
        if tensor is not None and not isinstance(tensor, torch.Tensor):
            raise TypeError(f"cannot assign '{_typename(tensor)}' object to buffer '{name}' (torch Tensor or None required)")
        self._buffers[name] = tensor
        if persistent:
            self._non_persistent_buffers_set.discard(name)
        else:
            self._non_persistent_buffers_set.add(name)

    def add_module(self, name, module):
        if not isinstance(module, Module) and module is not None:
            raise TypeError(f"{_typename(module)} is not a Module subclass")
        if not isinstance(name, str):
            raise TypeError(f"module name should be a string. Got {_typename(name)}")
        if hasattr(self, name) and name not in self._modules:
            raise KeyError(f"attribute '{name}' already exists")
        if '.' in name:
            raise KeyError(f'module name can\'t contain ".", got: {name}')
        if name == '':
            raise KeyError('module name can\'t be empty string ""')
        self._modules[name] = module

    register_module = add_module

    def __setattr__(self, name, value):
        d = self.__dict__
        params = d.get('_parameters')
        if isinstance(value, Parameter):
            if params is None:
                raise AttributeError("cannot assign parameters before Module.__init__() call")
            self._forget(name)
            self.register_parameter(name, value)
            return
        if params is not None and name in params:
            if value is not None:
                raise TypeError(f"cannot assign '{_typename(value)}' as parameter '{name}' (torch.nn.Parameter or None expected)")
            params[name] = None
            return
        modules = d.get('_modules')
        if isinstance(value, Module):
            if modules is None:
                raise AttributeError("cannot assign module before Module.__init__() call")
            self._forget(name)
            modules[name] = value
            return
        if modules is not None and name in modules:
            if value is not None:
                raise TypeError(f"cannot assign '{_typename(value)}' as child module '{name}' (torch.nn.Module or None expected)")
            modules[name] = None
            return
        buffers = d.get('_buffers')
        if buffers is not None and name in buffers:
            if value is not None and not isinstance(value, torch.Tensor):
                raise TypeError(f"cannot assign '{_typename(value)}' as buffer '{name}' (torch.Tensor or None expected)")
            buffers[name] = value
            return
        object.__setattr__(self, name, value)

    def _forget(self, name):
        d = self.__dict__
        if name in d:
            del d[name]
        for table in ('_parameters', '_buffers', '_modules'):
            entries = d.get(table)
            if entries is not None and name in entries:
                del entries[name]
        d['_non_persistent_buffers_set'].discard(name)

    def __getattr__(self, name):
        d = self.__dict__
        for table in ('_parameters', '_buffers', '_modules'):
            entries = d.get(table)
            if entries is not None and name in entries:
                return entries[name]
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def __delattr__(self, name):
        d = self.__dict__
        for table in ('_parameters', '_buffers', '_modules'):
            entries = d.get(table)
            if entries is not None and name in entries:
                del entries[name]
                d['_non_persistent_buffers_set'].discard(name)
                return
        object.__delattr__(self, name)

    # ----- pickling (torch.save of a whole module, copy.deepcopy) -----

    def __getstate__(self):
        # PyTorch's attribute layout, so that PyTorch loads a working module from our files.
        state = {}
        for name in _TORCH_MODULE_STATE:
            value = self.__dict__.get(name)
            if name == '_is_full_backward_hook':
                state[name] = value
            elif value is None:
                state[name] = OrderedDict()
            else:
                state[name] = OrderedDict(value) if name.endswith('hooks') else value
        for name, value in self.__dict__.items():
            if name not in state:
                state[name] = value
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        for name in ('_forward_hooks', '_forward_pre_hooks', '_modules', '_parameters', '_buffers'):
            if name not in self.__dict__:
                self.__dict__[name] = {}
        if '_non_persistent_buffers_set' not in self.__dict__:
            self.__dict__['_non_persistent_buffers_set'] = set()

    def __dir__(self):
        names = list(object.__dir__(self))
        names += list(self._parameters) + list(self._buffers) + list(self._modules)
        return sorted(set(n for n in names if not n[0].isdigit()))

    # ----- traversal -----

    def named_modules(self, memo=None, prefix='', remove_duplicate=True):
        found = []
        self._collect_modules(memo if memo is not None else set(), prefix, remove_duplicate, found)
        return iter(found)

    def _collect_modules(self, memo, prefix, remove_duplicate, found):
        if remove_duplicate:
            if id(self) in memo:
                return
            memo.add(id(self))
        found.append((prefix, self))
        for name, child in self._modules.items():
            if child is not None:
                child._collect_modules(memo, prefix + ('.' if prefix else '') + name, remove_duplicate, found)

    def modules(self):
        return iter([m for _, m in self.named_modules()])

    def named_children(self):
        seen = set()
        found = []
        for name, child in self._modules.items():
            if child is not None and id(child) not in seen:
                seen.add(id(child))
                found.append((name, child))
        return iter(found)

    def children(self):
        return iter([m for _, m in self.named_children()])

    def _named_members(self, table, prefix, recurse, remove_duplicate):
        owners = self.named_modules(prefix=prefix, remove_duplicate=remove_duplicate) if recurse else [(prefix, self)]
        seen = set()
        found = []
        for owner_prefix, owner in owners:
            for name, value in owner.__dict__[table].items():
                if value is None:
                    continue
                if remove_duplicate:
                    if id(value) in seen:
                        continue
                    seen.add(id(value))
                found.append((owner_prefix + ('.' if owner_prefix else '') + name, value))
        return found

    def named_parameters(self, prefix='', recurse=True, remove_duplicate=True):
        return iter(self._named_members('_parameters', prefix, recurse, remove_duplicate))

    def parameters(self, recurse=True):
        return iter([p for _, p in self._named_members('_parameters', '', recurse, True)])

    def named_buffers(self, prefix='', recurse=True, remove_duplicate=True):
        return iter(self._named_members('_buffers', prefix, recurse, remove_duplicate))

    def buffers(self, recurse=True):
        return iter([b for _, b in self._named_members('_buffers', '', recurse, True)])

    def get_submodule(self, target):
        if target == '':
            return self
        module = self
        for item in target.split('.'):
            if not hasattr(module, item):
                raise AttributeError(module._get_name() + ' has no attribute `' + item + '`')
            module = getattr(module, item)
            if not isinstance(module, Module):
                raise AttributeError('`' + item + '` is not an nn.Module')
        return module

    def get_parameter(self, target):
        module_path, _, name = target.rpartition('.')
        module = self.get_submodule(module_path)
        if not hasattr(module, name):
            raise AttributeError(module._get_name() + ' has no attribute `' + name + '`')
        param = getattr(module, name)
        if not isinstance(param, Parameter):
            raise AttributeError('`' + name + '` is not an nn.Parameter')
        return param

    def apply(self, fn):
        for child in self.children():
            child.apply(fn)
        fn(self)
        return self

    # ----- modes and gradients -----

    def train(self, mode=True):
        if not isinstance(mode, bool):
            raise ValueError("training mode is expected to be boolean")
        self.training = mode
        for child in self.children():
            child.train(mode)
        return self

    def eval(self):
        return self.train(False)

    def requires_grad_(self, requires_grad=True):
        for p in self.parameters():
            p.requires_grad_(requires_grad)
        return self

    def zero_grad(self, set_to_none=True):
        for p in self.parameters():
            if p.grad is not None:
                if set_to_none:
                    p.grad = None
                else:
                    if p.grad.grad_fn is not None:
                        p.grad.detach_()
                    else:
                        p.grad.requires_grad_(False)
                    p.grad.zero_()

    # ----- conversion -----

    def _apply(self, fn):
        for child in self.children():
            child._apply(fn)
        with torch.no_grad():
            for p in self._parameters.values():
                if p is not None:
                    p.data = fn(p.data)
                    if p.grad is not None:
                        p.grad = fn(p.grad)
        for key, b in list(self._buffers.items()):
            if b is not None:
                self._buffers[key] = fn(b)
        return self

    def to(self, *args, **kwargs):
        dtype = kwargs.get('dtype')
        device = kwargs.get('device')
        for a in args:
            if isinstance(a, torch.dtype):
                dtype = a
            elif isinstance(a, torch.Tensor):
                dtype = a.dtype
            else:
                device = a
        if device is not None:
            torch.device(device)
            if str(device).startswith('cuda'):
                raise AssertionError("Torch not compiled with CUDA enabled")
        if dtype is not None:
            if not dtype.is_floating_point:
                raise TypeError(f"nn.Module.to only accepts floating point or complex dtypes, but got desired dtype={dtype}")
            return self._apply(lambda t: t.to(dtype) if t.is_floating_point() else t)
        return self

    def cpu(self):
        return self

    def cuda(self, device=None):
        raise AssertionError("Torch not compiled with CUDA enabled")

    def float(self):
        return self._apply(lambda t: t.float() if t.is_floating_point() else t)

    def double(self):
        return self._apply(lambda t: t.double() if t.is_floating_point() else t)

    def type(self, dst_type):
        return self._apply(lambda t: t.type(dst_type))

    # ----- state dicts -----

    def state_dict(self, *args, destination=None, prefix='', keep_vars=False):
        if args:
            destination = args[0]
            if len(args) > 1:
                prefix = args[1]
            if len(args) > 2:
                keep_vars = args[2]
        if destination is None:
            destination = OrderedDict()
        for name, p in self._parameters.items():
            if p is not None:
                destination[prefix + name] = p if keep_vars else p.detach()
        for name, b in self._buffers.items():
            if b is not None and name not in self._non_persistent_buffers_set:
                destination[prefix + name] = b if keep_vars else b.detach()
        for name, child in self._modules.items():
            if child is not None:
                child.state_dict(destination=destination, prefix=prefix + name + '.', keep_vars=keep_vars)
        return destination

    def load_state_dict(self, state_dict, strict=True, assign=False):
        if not hasattr(state_dict, 'keys') or not hasattr(state_dict, '__getitem__'):
            raise TypeError(f"Expected state_dict to be dict-like, got {type(state_dict)}.")
        missing = []
        unexpected = []
        errors = []
        expected = set()
        for prefix, module in self.named_modules(remove_duplicate=False):
            if prefix:
                prefix += '.'
            own = [(n, p) for n, p in module._parameters.items() if p is not None]
            own += [(n, b) for n, b in module._buffers.items()
                    if b is not None and n not in module._non_persistent_buffers_set]
            for name, current in own:
                key = prefix + name
                expected.add(key)
                if key not in state_dict:
                    missing.append(key)
                    continue
                value = state_dict[key]
                if not isinstance(value, torch.Tensor):
                    errors.append(f'While copying the parameter named "{key}", expected torch.Tensor or Tensor-like object from checkpoint but received {type(value)}')
                    continue
                if value.shape != current.shape:
                    errors.append(f'size mismatch for {key}: copying a param with shape {value.shape} from checkpoint, the shape in current model is {current.shape}.')
                    continue
                with torch.no_grad():
                    if assign:
                        replacement = Parameter(value, requires_grad=current.requires_grad) if isinstance(current, Parameter) else value
                        if name in module._parameters:
                            module._parameters[name] = replacement
                        else:
                            module._buffers[name] = replacement
                    else:
                        current.copy_(value)
        for key in state_dict.keys():
            if key not in expected:
                unexpected.append(key)
        if strict:
            if unexpected:
                errors.insert(0, 'Unexpected key(s) in state_dict: {}. '.format(', '.join(f'"{k}"' for k in unexpected)))
            if missing:
                errors.insert(0, 'Missing key(s) in state_dict: {}. '.format(', '.join(f'"{k}"' for k in missing)))
        if errors:
            raise RuntimeError('Error(s) in loading state_dict for {}:\n\t{}'.format(type(self).__name__, '\n\t'.join(errors)))
        return _IncompatibleKeys(missing, unexpected)

    # ----- hooks -----

    def register_forward_hook(self, hook, *, prepend=False, with_kwargs=False, always_call=False):
        handle = RemovableHandle(self._forward_hooks)
        self._forward_hooks[handle.id] = hook
        return handle

    def register_forward_pre_hook(self, hook, *, prepend=False, with_kwargs=False):
        handle = RemovableHandle(self._forward_pre_hooks)
        self._forward_pre_hooks[handle.id] = hook
        return handle

    # ----- printing -----

    def _get_name(self):
        return type(self).__name__

    def extra_repr(self):
        return ''

    def __repr__(self):
        extra = self.extra_repr()
        extra_lines = extra.split('\n') if extra else []
        child_lines = ['(' + key + '): ' + _addindent(repr(child), 2) for key, child in self._modules.items()]
        lines = extra_lines + child_lines
        text = self._get_name() + '('
        if lines:
            if len(extra_lines) == 1 and not child_lines:
                text += extra_lines[0]
            else:
                text += '\n  ' + '\n  '.join(lines) + '\n'
        return text + ')'
"""#
}
