# torch.optim.SGD: every option, several steps, parameters printed at full precision
# (bit-exactness: the values must equal PyTorch's exactly). Gradients are set by hand from
# the current parameters with single-rounding tensor ops, so only the optimizer is tested.
import torch


def values(n, seed):
    return [((i * 7919 + seed * 104729) % 2003) / 1001.0 - 1.0 for i in range(n)]


def make_params(dtype=torch.float32):
    return [torch.tensor(values(5, 1), dtype=dtype, requires_grad=True),
            torch.tensor(values(37, 2), dtype=dtype, requires_grad=True),
            torch.tensor(values(60, 3), dtype=dtype).reshape(3, 20).requires_grad_()]


def set_grads(params, step):
    targets = [0.25, -0.5, 0.75]
    for p, t in zip(params, targets):
        p.grad = p.detach() * (0.5 + 0.1 * step) - t


def run(steps=6, dtype=torch.float32, **kwargs):
    params = make_params(dtype)
    opt = torch.optim.SGD(params, **kwargs)
    for step in range(steps):
        opt.zero_grad()
        set_grads(params, step)
        opt.step()
    print(kwargs, dtype)
    for p in params:
        print(p.tolist())


run(lr=0.1)
run(lr=0.05, momentum=0.9)
run(lr=0.05, momentum=0.9, dampening=0.3)
run(lr=0.05, momentum=0.8, nesterov=True)
run(lr=0.1, weight_decay=0.01)
run(lr=0.1, momentum=0.5, weight_decay=0.05, nesterov=True)
run(lr=0.03, momentum=0.7, maximize=True)
run(lr=0.1, momentum=0.9, dtype=torch.float64)
run(lr=0.1, momentum=0.9, weight_decay=1e-3, dtype=torch.float64)

# Two parameter groups, one of them without gradients on some steps.
a = torch.tensor(values(7, 4), requires_grad=True)
b = torch.tensor(values(7, 5), requires_grad=True)
opt = torch.optim.SGD([{'params': [a]}, {'params': [b], 'lr': 0.5, 'momentum': 0.3}], lr=0.01, momentum=0.9)
for step in range(5):
    opt.zero_grad()
    a.grad = a.detach() * 2.0 - 1.0
    if step % 2 == 0:
        b.grad = b.detach() * 0.5 + 0.25
    opt.step()
print(a.tolist())
print(b.tolist())
print(sorted(opt.state[a].keys()), opt.state[b]['momentum_buffer'].tolist())

# A closure returns the loss, computed with autograd inside step().
w = torch.tensor([1.5, -2.0, 0.5], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1, momentum=0.9)


def closure():
    opt.zero_grad()
    loss = ((w - torch.tensor([0.5, 0.5, 0.5])) ** 2).sum()
    loss.backward()
    return loss


for step in range(4):
    loss = opt.step(closure)
    print(step, loss.item(), w.tolist())
