#!/usr/bin/env python3
"""Writes programs/rnn_numerics.py: recurrent layers and cells checked against values recorded
from real PyTorch, within a tolerance (printed outputs would hide 1-ulp drift, or break on it).

Usage: make_rnn_fixtures.py [PYTHON]   (default: /work/venv-torch/bin/python, torch 2.15 CPU)
       then make_fixtures.py to record programs/rnn_numerics.out.

Each case seeds the generator, builds a layer (so its parameters come from PyTorch's init
order), runs it on random input (optionally packed, unbatched, with initial states, float64,
with dropout in training), backpropagates a random weighting of every output and compares
outputs, final states and the gradients of the input, the initial states and every parameter.
The generated program runs the same RUN code; it prints one `name shape True` line per
tensor and the grad_fn names.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TARGET = os.path.join(HERE, "programs", "rnn_numerics.py")
PYTHON = sys.argv[1] if len(sys.argv) > 1 else "/work/venv-torch/bin/python"

CASES = [
    ("rnn_tanh", "RNN", (3, 4), {}, {"input": (5, 2, 3)}),
    ("rnn_relu_2layer_bidir", "RNN", (3, 4), {"nonlinearity": "relu", "num_layers": 2, "bidirectional": True},
     {"input": (5, 2, 3), "hx": True}),
    ("rnn_batch_first_nobias", "RNN", (3, 4), {"batch_first": True, "bias": False}, {"input": (2, 5, 3)}),
    ("lstm", "LSTM", (3, 4), {}, {"input": (5, 2, 3)}),
    ("lstm_2layer_bidir_batch_first", "LSTM", (3, 4), {"num_layers": 2, "bidirectional": True, "batch_first": True},
     {"input": (2, 5, 3), "hx": True}),
    ("lstm_proj", "LSTM", (3, 5), {"proj_size": 2}, {"input": (4, 2, 3), "hx": True}),
    ("lstm_dropout_train", "LSTM", (3, 4), {"num_layers": 2, "dropout": 0.5}, {"input": (5, 3, 3)}),
    ("lstm_float64", "LSTM", (3, 4), {"num_layers": 2}, {"input": (5, 2, 3), "double": True}),
    ("lstm_unbatched_nobias", "LSTM", (3, 4), {"bias": False}, {"input": (5, 3), "hx": True}),
    ("lstm_hidden20", "LSTM", (5, 20), {}, {"input": (6, 3, 5), "hx": True}),
    ("lstm_hidden32_batch_first", "LSTM", (8, 32), {"batch_first": True}, {"input": (4, 7, 8)}),
    ("lstm_packed_bidir", "LSTM", (3, 4), {"bidirectional": True}, {"input": (5, 3, 3), "lengths": [5, 3, 2]}),
    ("lstm_packed_unsorted_hx", "LSTM", (3, 17), {"batch_first": True},
     {"input": (3, 4, 3), "lengths": [2, 4, 1], "unsorted": True, "hx": True}),
    ("gru", "GRU", (3, 4), {}, {"input": (5, 2, 3)}),
    ("gru_2layer_bidir", "GRU", (3, 4), {"num_layers": 2, "bidirectional": True}, {"input": (5, 2, 3), "hx": True}),
    ("gru_unbatched_batch_first", "GRU", (3, 4), {"batch_first": True}, {"input": (5, 3)}),
    ("gru_eval_dropout", "GRU", (3, 4), {"num_layers": 2, "dropout": 0.3}, {"input": (4, 2, 3), "eval": True}),
    ("gru_packed_unsorted", "GRU", (3, 4), {"batch_first": True},
     {"input": (3, 5, 3), "lengths": [2, 5, 3], "unsorted": True}),
    ("rnn_packed_2layer", "RNN", (3, 4), {"num_layers": 2}, {"input": (4, 3, 3), "lengths": [4, 4, 1], "hx": True}),
    ("rnn_cell", "RNNCell", (3, 4), {}, {"input": (2, 3), "hx": True}),
    ("rnn_cell_relu_unbatched", "RNNCell", (3, 4), {"nonlinearity": "relu"}, {"input": (3,)}),
    ("lstm_cell", "LSTMCell", (3, 4), {}, {"input": (2, 3), "hx": True}),
    ("lstm_cell_unbatched", "LSTMCell", (3, 4), {"bias": False}, {"input": (3,), "hx": True}),
    ("gru_cell", "GRUCell", (3, 4), {}, {"input": (2, 3), "hx": True}),
]

# Shared by the recording run and the generated program (MiniPython runs it unchanged).
RUN = r'''
import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence


def initial_states(m, kind, opts, dtype):
    cell = kind.endswith('Cell')
    batched = len(opts['input']) == (2 if cell else 3)
    if cell:
        shape = (opts['input'][0], m.hidden_size) if batched else (m.hidden_size,)
        c_shape = shape
    else:
        batch = opts['input'][0 if m.batch_first else 1] if batched else None
        layers = m.num_layers * (2 if m.bidirectional else 1)
        size = m.proj_size if m.proj_size > 0 else m.hidden_size
        shape = (layers, batch, size) if batched else (layers, size)
        c_shape = (layers, batch, m.hidden_size) if batched else (layers, m.hidden_size)
    h = torch.randn(*shape, dtype=dtype, requires_grad=True)
    if kind in ('LSTM', 'LSTMCell'):
        return (h, torch.randn(*c_shape, dtype=dtype, requires_grad=True))
    return h


def run_case(kind, args, kwargs, opts):
    torch.manual_seed(0)
    m = getattr(nn, kind)(*args, **kwargs)
    dtype = torch.float64 if opts.get('double') else torch.float32
    if opts.get('double'):
        m = m.double()
    if opts.get('eval'):
        m.eval()
    x = torch.randn(*opts['input'], dtype=dtype, requires_grad=True)
    hx = initial_states(m, kind, opts, dtype) if opts.get('hx') else None
    inp = x
    if 'lengths' in opts:
        inp = pack_padded_sequence(x, opts['lengths'], batch_first=m.batch_first,
                                   enforce_sorted=not opts.get('unsorted'))
    result = m(inp) if hx is None else m(inp, hx)
    if isinstance(result, torch.Tensor):
        named = [('h', result)]
    elif kind == 'LSTMCell':
        named = [('h', result[0]), ('c', result[1])]
    else:
        out, state = result
        if 'lengths' in opts:
            out = pad_packed_sequence(out, batch_first=m.batch_first)[0]
        named = [('output', out)]
        named += [('h_n', state[0]), ('c_n', state[1])] if kind == 'LSTM' else [('h_n', state)]
    names = [f'{n}:{t.grad_fn.name()}' for n, t in named if 'lengths' not in opts or n != 'output']
    loss = 0
    for _, t in named:
        loss = loss + (t * torch.randn(*t.shape, dtype=dtype)).sum()
    loss.backward()
    values = named + [('grad_input', x.grad)]
    if hx is not None:
        states = hx if isinstance(hx, tuple) else (hx,)
        values += [(f'grad_hx{i}', s.grad) for i, s in enumerate(states)]
    values += [(f'grad_{n}', p.grad) for n, p in m.named_parameters()]
    return names, values
'''

PROGRAM_HEAD = '''# Generated by make_rnn_fixtures.py from torch {version}: do not edit.
# Recurrent layers and cells against PyTorch's values (outputs, states, all gradients).
'''

PROGRAM_TAIL = r'''

def close(got, want, double):
    want = torch.tensor(want, dtype=got.dtype)
    if got.shape != want.shape:
        return False
    tol = 1e-7 if double else 2e-5
    return torch.allclose(got.detach(), want, rtol=tol * 5, atol=tol)


for label, kind, args, kwargs, opts in CASES:
    names, values = run_case(kind, args, kwargs, opts)
    print(label, ' '.join(names))
    for name, tensor in values:
        print('   ', name, tuple(tensor.shape), close(tensor, EXPECTED[label][name], opts.get('double', False)))
'''


def record():
    """Runs RUN under real PyTorch and returns the program text."""
    script = RUN + "\nimport json\nCASES = " + repr(CASES) + r'''
def rounded(v):
    return [rounded(x) for x in v] if isinstance(v, list) else float('%.8g' % v)


out = {}
for label, kind, args, kwargs, opts in CASES:
    _, values = run_case(kind, args, kwargs, opts)
    out[label] = {name: rounded(t.detach().tolist()) for name, t in values}
print(torch.__version__.split('+')[0])
print(json.dumps(out, separators=(',', ':')))
'''
    result = subprocess.run([PYTHON, "-c", script], capture_output=True, text=True, check=True,
                            env={**os.environ, "OMP_NUM_THREADS": "1"})
    version, data = result.stdout.splitlines()
    return (PROGRAM_HEAD.format(version=version) + RUN + "\nCASES = " + repr(CASES) +
            "\n\nEXPECTED = " + data + "\n" + PROGRAM_TAIL)


if __name__ == "__main__":
    with open(TARGET, "w") as f:
        f.write(record())
    print("wrote", os.path.relpath(TARGET, HERE))
