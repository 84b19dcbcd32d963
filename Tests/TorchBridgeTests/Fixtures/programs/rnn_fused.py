# The float32 LSTM and GRU (our fused kernels; oneDNN's LSTM layer in PyTorch) against the
# float64 ones (step by step in both), on shapes the numeric fixtures leave out: threaded
# steps (several unit groups), a partial last block of 16 units, batch-first and packed
# sequences in both directions; then backward twice and an in-place change of a saved weight.
import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence


def compare(make, shape, lengths=None, hx=False, batch_first=False):
    torch.manual_seed(0)
    m32 = make()
    m64 = make().double()
    m64.load_state_dict({k: v.double() for k, v in m32.state_dict().items()})
    x32 = torch.randn(*shape)
    n = m32.num_layers * (2 if m32.bidirectional else 1)
    batch = shape[0 if batch_first else 1]
    lstm = isinstance(m32, nn.LSTM)
    states32 = tuple(torch.randn(n, batch, m32.hidden_size) for _ in range(2 if lstm else 1))
    results = []
    for m, dtype in ((m32, torch.float32), (m64, torch.float64)):
        x = x32.to(dtype).detach().requires_grad_()
        states = tuple(s.to(dtype).detach().requires_grad_() for s in states32)
        inp = pack_padded_sequence(x, lengths, batch_first=batch_first) if lengths else x
        out, final = m(inp, states if lstm else states[0]) if hx else m(inp)
        final = final if lstm else (final,)
        if lengths:
            out = pad_packed_sequence(out, batch_first=batch_first)[0]
        torch.manual_seed(1)
        loss = sum((t * torch.randn(*t.shape).to(dtype)).sum() for t in (out,) + final)
        loss.backward()
        grads = [x.grad] + [p.grad for p in m.parameters()] + ([s.grad for s in states] if hx else [])
        results.append([out, *final] + grads)
    ok = all(torch.allclose(a.double(), b, rtol=1e-4, atol=2e-5) for a, b in zip(*results))
    print(ok, tuple(results[0][0].shape), results[0][0].grad_fn.name() if not lengths else '')


compare(lambda: nn.LSTM(16, 64), (6, 16, 16))
compare(lambda: nn.LSTM(12, 150, batch_first=True), (8, 5, 12), hx=True, batch_first=True)
compare(lambda: nn.LSTM(8, 40, num_layers=2, bidirectional=True), (5, 16, 8), hx=True)
compare(lambda: nn.LSTM(8, 48, num_layers=3, batch_first=True), (16, 5, 8))
compare(lambda: nn.LSTM(8, 130, bidirectional=True), (7, 20, 8), lengths=[7] * 5 + [5] * 10 + [2] * 5)
compare(lambda: nn.LSTM(4, 3, bias=False, batch_first=True), (2, 3, 4), lengths=[3, 1], batch_first=True)
compare(lambda: nn.GRU(16, 64), (6, 16, 16))
compare(lambda: nn.GRU(12, 150, batch_first=True), (8, 5, 12), hx=True, batch_first=True)
compare(lambda: nn.GRU(8, 40, num_layers=2, bidirectional=True), (5, 16, 8), hx=True)
compare(lambda: nn.GRU(8, 48, num_layers=3, batch_first=True, bias=False), (16, 5, 8))
compare(lambda: nn.GRU(8, 130, bidirectional=True), (7, 20, 8), lengths=[7] * 5 + [5] * 10 + [2] * 5, hx=True)
compare(lambda: nn.GRU(4, 3, batch_first=True), (2, 3, 4), lengths=[3, 1], batch_first=True)

torch.manual_seed(0)
m = nn.LSTM(3, 4)
out, _ = m(torch.randn(5, 2, 3))
loss = out.sum()
loss.backward(retain_graph=True)
first = m.weight_hh_l0.grad.clone()
loss.backward()
print(torch.allclose(m.weight_hh_l0.grad, 2 * first))
out, _ = m(torch.randn(5, 2, 3))
with torch.no_grad():
    m.weight_ih_l0.mul_(2)
try:
    out.sum().backward()
except RuntimeError as e:
    print('RuntimeError', 'modified by an inplace operation' in str(e))
