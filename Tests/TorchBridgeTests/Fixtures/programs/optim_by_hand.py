# Optimizers written by hand with tensor ops, as tutorials do, and the ops they use (add/sub
# with alpha, sqrt, addcmul_, addcdiv_, lerp_): the same roundings as PyTorch, printed at full
# precision.
import torch


def values(n, seed):
    return [((i * 7919 + seed * 104729) % 2003) / 1001.0 - 1.0 for i in range(n)]


a = torch.tensor(values(37, 1))
b = torch.tensor(values(37, 2))
print(torch.add(a, b, alpha=0.3).tolist())
print(a.sub(b, alpha=1.7).tolist())
print(a.reshape(37, 1).add(b[:5], alpha=0.9).tolist())
x = a.clone()
x.sub_(b, alpha=0.45)
print(x.tolist())
print(torch.tensor(values(9, 3), dtype=torch.float64).add(torch.tensor(values(9, 4), dtype=torch.float64), alpha=0.123).tolist())
print(torch.tensor([5, 7]).add(torch.tensor([2, 3]), alpha=3).tolist())
print(a.abs().sqrt().tolist())
print((a.abs() * 1e-20).sqrt().tolist())
print(torch.tensor(values(20, 5), dtype=torch.float64).abs().sqrt().tolist())

# SGD with momentum by hand.
p = torch.tensor(values(37, 6), requires_grad=True)
buf = None
for step in range(5):
    loss = (p * p * 0.5 + p * 0.25).sum()
    loss.backward()
    with torch.no_grad():
        g = p.grad
        buf = g.clone() if buf is None else buf.mul_(0.9).add_(g, alpha=0.9)
        p.add_(buf, alpha=-0.1)
    p.grad = None
print(p.tolist())

# Adam by hand.
p = torch.tensor(values(37, 7), requires_grad=True)
m = torch.zeros_like(p)
v = torch.zeros_like(p)
for t in range(1, 6):
    loss = ((p - 0.3) ** 2).sum()
    loss.backward()
    with torch.no_grad():
        g = p.grad
        m.mul_(0.9).add_(g, alpha=0.1)
        v.mul_(0.999).addcmul_(g, g, value=0.001)
        step = 0.01 / (1 - 0.9 ** t)
        denom = (v.sqrt() / (1 - 0.999 ** t) ** 0.5).add_(1e-8)
        p.addcdiv_(m, denom, value=-step)
    p.grad = None
print(p.tolist())
m2 = torch.tensor(values(37, 8))
m2.lerp_(b, 0.1)
print(m2.tolist())
m2.lerp_(a, 0.7)
print(m2.tolist())
c = a.clone()
c.addcmul_(a, b, value=0.5)
print(c.tolist())
c.addcdiv_(a, b.abs() + 1, value=-0.3)
print(c.tolist())
