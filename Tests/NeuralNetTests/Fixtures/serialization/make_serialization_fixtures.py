"""Fixtures of Tests/NeuralNetTests/Serialization, written by real PyTorch (2.15), and the
interoperability check of files written by pytorch-tutor.

Run from the repository root after `swift build`:

    /work/venv-torch/bin/python Tests/NeuralNetTests/Fixtures/serialization/make_serialization_fixtures.py

1. Writes the .pt fixtures with torch.save, and expected.json: a description of what each
   holds (types, dtypes, shapes, strides, offsets, storage sharing, object identity, values),
   which the Swift tests compare with what TorchFile loads.
2. Runs save_from_tutor.py under real PyTorch and under pytorch-tutor (TUTOR, default
   .build/debug/pytorch-tutor), loads both sets of files with torch.load(weights_only=True),
   and checks that they describe the same objects and have the same records, in the same
   order, with 64-byte aligned data and valid CRCs, all byte-identical but the pickle (which
   may memoize equal strings differently: CPython memoizes by object identity) and the
   serialization id (see Note [Serialization id]). Exits 1 on any difference.
"""
import io
import json
import math
import os
import pickle
import struct
import subprocess
import sys
import tempfile
import zipfile
from collections import OrderedDict

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..', '..', '..'))


def describe(v, ids):
    """A JSON-able description of v; ids numbers storages and tensor objects by first use.
    Floats are written as repr() strings, which parse back exactly."""
    if isinstance(v, torch.Tensor):
        storage = ids['storages'].setdefault(v.untyped_storage().data_ptr(), len(ids['storages']))
        obj = ids['objects'].setdefault(id(v), len(ids['objects']))
        return {'tensor': {'dtype': str(v.dtype).replace('torch.', ''), 'shape': list(v.shape),
                           'stride': list(v.stride()), 'offset': v.storage_offset(),
                           'requires_grad': v.requires_grad, 'parameter': isinstance(v, torch.nn.Parameter),
                           'storage': storage, 'object': obj,
                           'values': [repr(float(x)) if v.dtype.is_floating_point else (bool(x) if v.dtype == torch.bool else int(x))
                                      for x in v.detach().flatten().tolist()]}}
    if v is None:
        return {'none': True}
    if isinstance(v, bool):
        return {'bool': v}
    if isinstance(v, int):
        return {'int': str(v)}
    if isinstance(v, float):
        return {'float': repr(v)}
    if isinstance(v, str):
        return {'str': v}
    if isinstance(v, torch.dtype):
        return {'dtype': str(v).replace('torch.', '')}
    if isinstance(v, torch.Size):
        return {'size': list(v)}
    if isinstance(v, torch.device):
        return {'device': str(v)}
    if isinstance(v, tuple):
        return {'tuple': [describe(x, ids) for x in v]}
    if isinstance(v, list):
        return {'list': [describe(x, ids) for x in v]}
    if isinstance(v, set):
        return {'set': [describe(x, ids) for x in sorted(v)]}
    if isinstance(v, OrderedDict):
        return {'ordered': [[describe(k, ids), describe(x, ids)] for k, x in v.items()],
                'attributes': {k: describe(x, ids) for k, x in vars(v).items()}}
    if isinstance(v, dict):
        return {'dict': [[describe(k, ids), describe(x, ids)] for k, x in v.items()]}
    raise TypeError(type(v))


def description(obj):
    return describe(obj, {'storages': {}, 'objects': {}})


def write_fixtures():
    expected = {}

    def save(name, obj):
        path = os.path.join(HERE, name)
        torch.save(obj, path)
        expected[name] = description(torch.load(path, weights_only=True))

    base = torch.arange(12.0).reshape(3, 4) * 0.25 - 1
    param = torch.nn.Parameter(torch.tensor([0.5, 1.5]))
    save('tensors.pt', {
        'f32': base, 'view': base[1:, ::2], 't': base.t(), 'same': base, 'row': base[2],
        'f64': torch.tensor([[0.1, -2.5]], dtype=torch.float64), 'i64': torch.tensor([3, -1, 2**40]),
        'i32': torch.tensor([7, -7], dtype=torch.int32), 'u8': torch.tensor([0, 128, 255], dtype=torch.uint8),
        'bool': torch.tensor([True, False, True]), 'scalar': torch.tensor(2.5), 'empty': torch.zeros(0, 3),
        'grad': torch.tensor([1.5, -2.0], requires_grad=True), 'param': param,
        'frozen': torch.nn.Parameter(torch.ones(2), requires_grad=False),
    })

    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.ReLU(), torch.nn.BatchNorm1d(4), torch.nn.Linear(4, 2))
    with torch.no_grad():
        for i, p in enumerate(model.parameters()):
            p.copy_(torch.linspace(-1, 1, p.numel()).reshape(p.shape) + i)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    for _ in range(2):
        optimizer.zero_grad()
        loss = model(torch.arange(6.0).reshape(2, 3)).pow(2).mean()
        loss.backward()
        optimizer.step()
    save('state_dict.pt', model.state_dict())
    save('checkpoint.pt', {'epoch': 7, 'model_state_dict': model.state_dict(),
                           'optimizer_state_dict': optimizer.state_dict(), 'loss': 0.125})

    save('values.pt', {
        'ints': [0, 255, 256, 65535, 65536, -1, 2**31 - 1, -2**31, 2**31, 2**63 - 1, -2**63, 2**64, -2**100],
        'floats': [0.1, -0.0, 1e308, math.inf, -math.inf, 5e-324],
        'strings': ['', 'héllo ✓', 'a\nb'], 'nested': [(1, (2, [3, {'k': (4, 5, 6, 7)}])), ()],
        'flags': (True, False, None), 'int_keys': {1: 'one', -2: 'minus two'}, 'set': {3, 1, 2},
        'dtypes': [torch.float32, torch.int64, torch.float16], 'size': torch.Size([2, 3]),
        'device': torch.device('cpu'), 'empty': OrderedDict(),
    })
    save('my.model.pth', torch.tensor([3, 1, 2]))

    # The same tensors as written on a big-endian machine: byteorder "big", swapped data.
    source = os.path.join(HERE, 'tensors.pt')
    target = os.path.join(HERE, 'big_endian.pt')
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, 'w') as zout:
        sizes = storage_item_sizes(zin, 'tensors')
        for name in zin.namelist():
            data = zin.read(name)
            if name.endswith('/byteorder'):
                data = b'big'
            elif '/data/' in name and not name.endswith('serialization_id'):
                width = sizes[name.rsplit('/', 1)[1]]
                data = b''.join(data[i:i + width][::-1] for i in range(0, len(data), width))
            zout.writestr(fixed_time(name.replace('tensors/', 'big_endian/')), data)
    expected['big_endian.pt'] = description(torch.load(target, weights_only=True))

    # As Python's zipfile writes it: no alignment, no data descriptors, no extra records.
    with zipfile.ZipFile(os.path.join(HERE, 'python_zipfile.pt'), 'w') as z:
        z.writestr(fixed_time('archive/data.pkl'), zipfile.ZipFile(os.path.join(HERE, 'my.model.pth')).read('my.model/data.pkl'))
        z.writestr(fixed_time('archive/data/0'), struct.pack('<3q', 3, 1, 2))
        z.writestr(fixed_time('archive/version'), '3\n')
    expected['python_zipfile.pt'] = description(torch.load(os.path.join(HERE, 'python_zipfile.pt'), weights_only=True))

    # Files the tutor must refuse with a clear error.
    legacy = os.path.join(HERE, 'legacy.pt')
    if not os.path.exists(legacy):  # its storage keys are memory addresses: it differs on every run
        torch.save(torch.ones(2), legacy, _use_new_zipfile_serialization=False)
    torch.save(torch.ones(2, dtype=torch.float16), os.path.join(HERE, 'half.pt'))
    # A checkpoint that would run a shell command if unpickled without weights_only.
    with zipfile.ZipFile(os.path.join(HERE, 'blocked_global.pt'), 'w') as z:
        z.writestr(fixed_time('archive/data.pkl'), b'\x80\x02cos\nsystem\nX\x04\x00\x00\x00date\x85R.')
        z.writestr(fixed_time('archive/version'), '3\n')
    try:
        torch.load(os.path.join(HERE, 'blocked_global.pt'), weights_only=True)
        sys.exit('blocked_global.pt loaded')
    except pickle.UnpicklingError as e:
        assert 'GLOBAL os.system whose module os is blocked' in str(e)

    with open(os.path.join(HERE, 'expected.json'), 'w') as f:
        json.dump(expected, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write('\n')


def storage_item_sizes(zin, prefix):
    """The element size of each data/ record, from the storage types its persistent ids name."""
    widths = {'FloatStorage': 4, 'DoubleStorage': 8, 'LongStorage': 8, 'IntStorage': 4, 'ByteStorage': 1, 'BoolStorage': 1}
    sizes = {}

    class Reader(pickle.Unpickler):
        def find_class(self, module, name):
            if module == 'collections' and name == 'OrderedDict':
                return OrderedDict
            return name if name.endswith('Storage') else (lambda *args: None)

        def persistent_load(self, pid):
            sizes[pid[2]] = widths[pid[1]]

    Reader(io.BytesIO(zin.read(prefix + '/data.pkl'))).load()
    return sizes


def fixed_time(name):
    """A zip entry with a fixed timestamp, so that regenerated fixtures do not change."""
    return zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))


def check_tutor_files():
    tutor = os.environ.get('TUTOR', os.path.join(ROOT, '.build', 'debug', 'pytorch-tutor'))
    script = os.path.join(HERE, 'save_from_tutor.py')
    failures = 0
    with tempfile.TemporaryDirectory() as ours, tempfile.TemporaryDirectory() as theirs:
        subprocess.run([tutor, 'run', script], cwd=ours, check=True)
        subprocess.run([sys.executable, script], cwd=theirs, check=True)
        for name in sorted(os.listdir(theirs)):
            a, b = os.path.join(ours, name), os.path.join(theirs, name)
            problems, notes = [], []
            if description(torch.load(a, weights_only=True)) != description(torch.load(b, weights_only=True)):
                problems.append('loads differently')
            raw = open(a, 'rb').read()
            with zipfile.ZipFile(a) as za, zipfile.ZipFile(b) as zb:
                if za.namelist() != zb.namelist():
                    problems.append(f'records {za.namelist()} != {zb.namelist()}')
                else:
                    for info in za.infolist():
                        same = za.read(info.filename) == zb.read(info.filename)
                        if info.filename.endswith('data.pkl'):
                            notes.append('identical pickle' if same else 'pickle memoizes differently')
                        elif not same and not info.filename.endswith('serialization_id'):
                            problems.append(f'{info.filename} differs')
                        name_length, extra_length = struct.unpack_from('<HH', raw, info.header_offset + 26)
                        start = info.header_offset + 30 + name_length + extra_length
                        if start % 64:
                            problems.append(f'{info.filename} data not 64-byte aligned')
                if za.testzip() is not None:
                    problems.append('bad CRC')
            print(f"{name}: {'OK' if not problems else '; '.join(problems)} ({', '.join(notes)})")
            failures += bool(problems)
    return failures


if __name__ == '__main__':
    write_fixtures()
    sys.exit(1 if check_tutor_files() else 0)
