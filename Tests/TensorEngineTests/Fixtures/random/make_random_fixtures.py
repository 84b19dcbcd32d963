"""Write random.json: what real PyTorch's CPU generator produces, for RandomTests.swift.

Run with real PyTorch (torch 2.15 here):  python make_random_fixtures.py
Each case seeds a generator and runs a list of ops on it in order; each op records
torch's output. Values are exact: float32 as 8 hex digits of the bit pattern,
float64 as 16, integers as decimal strings, booleans as a string of 0/1. Large
outputs are stored as a 64-bit FNV-1a digest of their little-endian bytes.
"""
import json, os, struct, sys
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset

SEEDS = [0, 1, 42, 2**32 + 7, 123456789]
SIZES = [1, 2, 5, 15, 16, 17, 20, 31, 48, 1000, 1003]
FULL_LIMIT = 64  # longer outputs are stored as digests


def fnv1a(data: bytes) -> str:
    h = 0xcbf29ce484222325
    for b in data:
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return '%016x' % h


def encode(kind, values):
    """Return (field, value): exact list for short outputs, digest for long ones."""
    if kind == 'f32':
        raw = [struct.pack('<f', v) for v in values]; text = [r[::-1].hex() for r in raw]
    elif kind == 'f64':
        raw = [struct.pack('<d', v) for v in values]; text = [r[::-1].hex() for r in raw]
    elif kind == 'i64':
        raw = [struct.pack('<q', v) for v in values]; text = [str(v) for v in values]
    elif kind == 'bool':
        raw = [bytes([1 if v else 0]) for v in values]; return 'bits', ''.join('1' if v else '0' for v in values)
    else:
        raise ValueError(kind)
    if len(values) > FULL_LIMIT:
        return 'digest', fnv1a(b''.join(raw))
    return 'out', text


def rec(op, kind, tensor_or_list, **args):
    vals = tensor_or_list.flatten().tolist() if hasattr(tensor_or_list, 'flatten') else list(tensor_or_list)
    field, value = encode(kind, vals)
    d = {'op': op, **args}; d[field] = value
    if field == 'digest': d['count'] = len(vals)
    return d


def bits32(t): return [struct.pack('<f', v)[::-1].hex() for v in t.tolist()]
def bits64(t): return [struct.pack('<d', v)[::-1].hex() for v in t.tolist()]


class Runner:
    """Applies fixture ops to the global generator (gen=None) or a torch.Generator."""
    def __init__(self, gen=None): self.gen = gen; self.saved = None
    def kw(self): return {} if self.gen is None else {'generator': self.gen}

    def rand32(self, n, low=0.0, high=1.0):
        t = torch.empty(n).uniform_(low, high, **self.kw())
        return rec('uniform', 'f32', t, dtype='float32', n=n, low=low, high=high)
    def rand64(self, n, low=0.0, high=1.0):
        t = torch.empty(n, dtype=torch.float64).uniform_(low, high, **self.kw())
        return rec('uniform', 'f64', t, dtype='float64', n=n, low=low, high=high)
    def randn(self, n, dtype='float32', mean=0.0, std=1.0, contiguous=True):
        dt = torch.float32 if dtype == 'float32' else torch.float64
        if contiguous:
            t = torch.empty(n, dtype=dt).normal_(mean, std, **self.kw())
        else:
            base = torch.zeros(2 * n, dtype=dt); t = base[::2]; t.normal_(mean, std, **self.kw())
        return rec('normal', 'f32' if dtype == 'float32' else 'f64', t, dtype=dtype, n=n, mean=mean, std=std, contiguous=contiguous)
    def randint(self, n, low, high):
        t = torch.randint(low, high, (n,), **self.kw())
        return rec('randint', 'i64', t, n=n, low=low, high=high)
    def randperm(self, n):
        return rec('randperm', 'i64', torch.randperm(n, **self.kw()), n=n)
    def random_int64(self):
        return rec('random_int64', 'i64', [torch.empty((), dtype=torch.int64).random_(**self.kw()).item()])
    def bernoulli_scalar(self, n, p):
        t = torch.empty(n).bernoulli_(p, **self.kw())
        return rec('bernoulli_scalar', 'bool', [v != 0 for v in t.tolist()], n=n, p=p)
    def dropout_mask(self, n, p):
        assert self.gen is None
        t = F.dropout(torch.ones(n), p, training=True)
        return rec('dropout_mask', 'bool', [v != 0 for v in t.tolist()], n=n, p=p)
    def bernoulli_probs(self, probs):
        t = torch.bernoulli(probs, **self.kw())
        if probs.dtype == torch.float32:
            return rec('bernoulli_probs', 'bool', [v != 0 for v in t.tolist()], dtype='float32', probs=bits32(probs))
        return rec('bernoulli_probs', 'bool', [v != 0 for v in t.tolist()], dtype='float64', probs=bits64(probs))
    def exponential(self, n, lam, dtype='float64'):
        dt = torch.float32 if dtype == 'float32' else torch.float64
        t = torch.empty(n, dtype=dt).exponential_(lam, **self.kw())
        return rec('exponential', 'f32' if dtype == 'float32' else 'f64', t, dtype=dtype, n=n, lam=lam)
    def multinomial(self, probs, k, replacement):
        t = torch.multinomial(probs, k, replacement, **self.kw())
        row = probs.shape[-1] if probs.dim() == 2 else None
        flat = probs.flatten()
        return rec('multinomial', 'i64', t, dtype=str(probs.dtype).split('.')[-1],
                   probs=bits32(flat) if probs.dtype == torch.float32 else bits64(flat),
                   rowLength=row, k=k, replacement=replacement)
    def manual_seed(self, s):
        (torch if self.gen is None else self.gen).manual_seed(s)
        return {'op': 'manual_seed', 'seed': s}
    def initial_seed(self):
        s = torch.initial_seed() if self.gen is None else self.gen.initial_seed()
        return {'op': 'initial_seed', 'out': [str(s)]}
    def state_digest(self):
        st = torch.get_rng_state() if self.gen is None else self.gen.get_state()
        return {'op': 'state_digest', 'digest': fnv1a(bytes(st.tolist())), 'count': st.numel()}
    def save_state(self):
        self.saved = torch.get_rng_state() if self.gen is None else self.gen.get_state()
        return {'op': 'save_state'}
    def restore_state(self):
        (torch.set_rng_state if self.gen is None else self.gen.set_state)(self.saved)
        return {'op': 'restore_state'}
    def dataloader(self, n, batch_size):
        assert self.gen is None
        ds = TensorDataset(torch.arange(n))
        order = [int(v) for (b,) in DataLoader(ds, batch_size=batch_size, shuffle=True) for v in b]
        return rec('dataloader_epoch', 'i64', order, n=n)


cases = []
def case(name, seed, steps, generator=False):
    g = torch.Generator() if generator else None
    if seed is not None:
        (g if generator else torch).manual_seed(seed)
    r = Runner(g)
    ops = [getattr(r, s[0])(*s[1:]) if not isinstance(s[-1], dict) else getattr(r, s[0])(*s[1:-1], **s[-1]) for s in steps]
    cases.append({'name': name, 'seed': seed, 'generator': generator, 'ops': ops})

# --- fresh seed per size: rand / randn in both dtypes
for seed in SEEDS:
    for n in SIZES:
        case(f'rand f32 n={n} seed={seed}', seed, [('rand32', n)])
        case(f'rand f64 n={n} seed={seed}', seed, [('rand64', n)])
        case(f'randn f32 n={n} seed={seed}', seed, [('randn', n, 'float32')])
        case(f'randn f64 n={n} seed={seed}', seed, [('randn', n, 'float64')])
    # the same sizes drawn one after another from one stream (crosses twists, keeps the cache)
    case(f'randn f32 chained seed={seed}', seed, [('randn', n, 'float32') for n in SIZES])
# big runs (digests only)
case('randn f32 n=100003 seed=0', 0, [('randn', 100003, 'float32')])
case('randn f32 n=100003 seed=42', 42, [('randn', 100003, 'float32')])
case('randn f64 n=10003 seed=1', 1, [('randn', 10003, 'float64')])
case('rand f32 n=100000 then randn seed=7', 7, [('rand32', 100000), ('randn', 33, 'float32')])

# --- uniform_(a, b) and normal_(mean, std)
for seed in (0, 42, 123456789):
    for n in (5, 17, 1003):
        case(f'uniform_ seed={seed} n={n}', seed, [
            ('rand32', n, -0.3, 0.7), ('rand64', n, -0.3, 0.7), ('rand32', n, -2.5, 10.0), ('rand64', n, 1e-3, 3.0),
            ('rand32', n, -0.11547005383792512, 0.11547005383792512)])
        case(f'normal_ seed={seed} n={n}', seed, [
            ('randn', n, 'float32', {'mean': 0.5, 'std': 2.0}), ('randn', n, 'float64', {'mean': 0.5, 'std': 2.0}),
            ('randn', n, 'float32', {'mean': -1.1, 'std': 0.37}), ('randn', n, 'float64', {'mean': 0.3, 'std': 2.7})])
    case(f'normal_ non-contiguous seed={seed}', seed, [
        ('randn', 20, 'float32', {'contiguous': False}), ('randn', 7, 'float32', {'contiguous': False}),
        ('randn', 33, 'float64', {'mean': 1.0, 'std': 3.0, 'contiguous': False}),
        ('randn', 32, 'float32', {'mean': 0.1, 'std': 0.3, 'contiguous': False})])

# --- integers
for seed in SEEDS:
    case(f'randint seed={seed}', seed, [('randint', 50, lo, hi) for lo, hi in (
        (0, 10), (-5, 5), (0, 2**28 - 1), (0, 2**28), (-2**27, 2**27), (0, 2**32), (-2**40, 2**40), (-2**62, 2**62),
        (-2**63, 2**63 - 1), (100, 101))])
    case(f'randperm seed={seed}', seed, [('randperm', n) for n in (0, 1, 2, 3, 10, 50, 1000)] + [('rand32', 3)])
    case(f'random_ int64 seed={seed}', seed, [('random_int64',), ('random_int64',), ('rand32', 2), ('random_int64',)])

# --- bernoulli (scalar p, dropout masks, tensor probabilities)
for seed in (0, 1, 42, 123456789):
    case(f'bernoulli_ scalar seed={seed}', seed, [('bernoulli_scalar', n, p) for n, p in (
        (1, 0.3), (17, 0.3), (60, 0.5), (1000, 0.3), (10, 0.0), (10, 1.0), (33, 0.9))])
    case(f'dropout seed={seed}', seed, [('dropout_mask', 40, 0.25), ('dropout_mask', 1000, 0.5), ('rand32', 3)])
    torch.manual_seed(seed + 1000); p32 = torch.rand(60); p32[3] = 0.0; p32[4] = 1.0
    p64 = torch.rand(60, dtype=torch.float64); p64[5] = 1.0
    p_big = torch.rand(1000)
    case(f'bernoulli probs seed={seed}', seed, [('bernoulli_probs', p32), ('bernoulli_probs', p64),
                                                 ('bernoulli_probs', torch.full((20,), 0.3)), ('rand32', 2)])
    case(f'bernoulli probs big seed={seed}', seed, [('bernoulli_probs', p_big), ('rand32', 2)])

# --- exponential_
for seed in (0, 1, 42):
    case(f'exponential_ seed={seed}', seed, [('exponential', n, lam, dt) for n, lam, dt in (
        (1, 1.0, 'float64'), (7, 1.5, 'float64'), (200, 0.25, 'float64'), (7, 1.5, 'float32'), (200, 1.0, 'float32'))])

# --- multinomial
for seed in (0, 1, 2, 42, 123456789):
    torch.manual_seed(seed + 2000)
    p32 = torch.rand(7); p32[2] = 0.0
    p64 = torch.rand(12, dtype=torch.float64)
    p2d = torch.rand(3, 5)
    steps = [('multinomial', p32, 1, False), ('multinomial', p32, 1, True), ('multinomial', p32, 3, False),
             ('multinomial', p32, 7, False), ('multinomial', p32, 5, True), ('multinomial', p32, 50, True),
             ('multinomial', p64, 1, False), ('multinomial', p64, 12, False), ('multinomial', p64, 40, True),
             ('multinomial', p2d, 1, True), ('multinomial', p2d, 4, False), ('multinomial', p2d, 6, True),
             ('multinomial', torch.tensor([0.0, 0.0, 3.0, 0.0]), 1, False),
             ('multinomial', torch.tensor([1.0, 2.0, 3.0, 4.0], dtype=torch.float64) * 1e-300, 20, True),
             ('rand32', 2)]
    case(f'multinomial seed={seed}', seed, steps)

# --- the Box-Muller cache and seeding
for seed in (0, 42):
    case(f'cache randn(1) rand(1) randn(1) seed={seed}', seed, [
        ('randn', 1, 'float32'), ('rand32', 1), ('randn', 1, 'float32'), ('randn', 1, 'float32')])
    case(f'cache survives randn(16) seed={seed}', seed, [
        ('randn', 3, 'float32'), ('randn', 16, 'float32'), ('randn', 1, 'float32'), ('randn', 1, 'float32')])
    case(f'cache shared by float64 seed={seed}', seed, [
        ('randn', 1, 'float32'), ('randn', 1, 'float64'), ('randn', 1, 'float64')])
    case(f'manual_seed clears cache seed={seed}', seed, [
        ('randn', 1, 'float32'), ('manual_seed', seed), ('randn', 1, 'float32'), ('randn', 3, 'float32')])
    case(f'state round trip seed={seed}', seed, [
        ('randn', 1, 'float32'), ('state_digest',), ('save_state',), ('randn', 5, 'float32'),
        ('restore_state',), ('randn', 5, 'float32'), ('initial_seed',)])
case('manual_seed drops high bits', 2**32 + 7, [('initial_seed',), ('rand32', 5), ('manual_seed', 7), ('initial_seed',), ('rand32', 5)])
case('manual_seed(-1)', None, [('manual_seed', -1), ('initial_seed',), ('rand32', 5), ('state_digest',)])
case('state digest after seed 0', 0, [('state_digest',), ('rand32', 700), ('state_digest',)])

# --- torch.Generator() with its default seed
case('Generator() default seed', None, [
    ('initial_seed',), ('rand32', 5), ('randn', 20, 'float32'), ('randn', 3, 'float32'), ('randint', 10, 0, 100),
    ('randperm', 10), ('state_digest',)], generator=True)
case('Generator() manual_seed(3)', 3, [('rand32', 4), ('randn', 1, 'float64'), ('initial_seed',)], generator=True)

# --- DataLoader(shuffle=True): two global draws per epoch, randperm on a fresh Generator
for seed in (0, 4, 42):
    case(f'DataLoader shuffle seed={seed}', seed, [
        ('dataloader', 10, 3), ('dataloader', 10, 3), ('dataloader', 7, 2), ('rand32', 3)])

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'random.json')
with open(out, 'w') as f:
    json.dump({'torch': torch.__version__, 'cases': cases}, f, separators=(',', ':'))
    f.write('\n')
print(out, os.path.getsize(out), 'bytes,', len(cases), 'cases', file=sys.stderr)
