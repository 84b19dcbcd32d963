# Saves the same objects under real PyTorch and under pytorch-tutor; make_serialization_fixtures.py
# runs it both ways and checks that real torch.load(weights_only=True) reads the tutor's files
# exactly as it reads its own.
import torch
from collections import OrderedDict

base = torch.arange(12.0).reshape(3, 4) * 0.25 - 1
grad = torch.tensor([1.5, -2.0], requires_grad=True)
torch.save({
    'f32': base, 'view': base[1:, ::2], 't': base.t(), 'same': base,
    'f64': torch.tensor([[0.1, -2.5]], dtype=torch.float64),
    'i64': torch.tensor([3, -1, 2**40]), 'i32': torch.tensor([7, -7], dtype=torch.int32),
    'u8': torch.tensor([0, 128, 255], dtype=torch.uint8), 'bool': torch.tensor([True, False, True]),
    'scalar': torch.tensor(2.5), 'empty': torch.zeros(0, 3), 'grad': grad,
}, 'tensors.pt')

state = OrderedDict()
state['0.weight'] = torch.linspace(-1, 1, 6).reshape(2, 3)
state['0.bias'] = torch.tensor([0.5, -0.5])
state['1.running_mean'] = torch.zeros(2)
state['1.num_batches_tracked'] = torch.tensor(3)
state._metadata = OrderedDict([('', {'version': 1}), ('0', {'version': 1}), ('1', {'version': 2})])
optimizer = {'state': {0: {'step': torch.tensor(2.0), 'exp_avg': torch.ones(2, 3) * 0.1}},
             'param_groups': [{'lr': 0.001, 'betas': (0.9, 0.999), 'eps': 1e-08, 'amsgrad': False,
                               'foreach': None, 'params': [0, 1]}]}
torch.save({'epoch': 7, 'model_state_dict': state, 'optimizer_state_dict': optimizer, 'loss': 0.125},
           'checkpoint.pt')

torch.save({'ints': [0, 255, 256, 65535, 65536, -1, 2**31 - 1, -2**31, 2**31, 2**63 - 1, -2**63, 2**64, -2**100],
            'floats': [0.1, -0.0, 1e308, float('inf'), float('-inf')],
            'strings': ['', 'héllo ✓', 'a\nb'], 'nested': [(1, (2, [3, {'k': (4, 5, 6, 7)}])), ()],
            'flags': (True, False, None), 'int_keys': {1: 'one', -2: 'minus two'}, 'set': {3, 1, 2},
            'dtypes': [torch.float32, torch.int64, torch.float16], 'size': torch.Size([2, 3]),
            'device': torch.device('cpu')}, 'values.pt')

torch.save(torch.tensor([3, 1, 2]), 'my.model.pth')

from torch import nn
model = nn.Sequential(nn.Linear(3, 2), nn.ReLU(), nn.Linear(2, 1))
with torch.no_grad():
    for i, p in enumerate(model.parameters()):
        p.copy_(torch.linspace(-1, 1, p.numel()).reshape(p.shape) + i)
model[2].weight.requires_grad_(False)
torch.save({'params': list(model.parameters()), 'first': model[0].weight}, 'parameters.pt')
