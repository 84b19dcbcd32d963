# torch.optim.Adam and AdamW: every option, several steps, parameters and state printed at
# full precision (they must equal PyTorch's bit for bit). Gradients are set by hand.
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


def run(cls, steps=6, dtype=torch.float32, **kwargs):
    params = make_params(dtype)
    opt = cls(params, **kwargs)
    for step in range(steps):
        opt.zero_grad()
        set_grads(params, step)
        opt.step()
    print(cls.__name__, kwargs, dtype)
    for p in params:
        print(p.tolist())
    state = opt.state[params[1]]
    print(sorted(state.keys()), state['step'])
    for key in sorted(state.keys()):
        if key != 'step':
            print(key, state[key].tolist())


run(torch.optim.Adam)
run(torch.optim.Adam, lr=0.01)
run(torch.optim.Adam, lr=0.01, amsgrad=True)
run(torch.optim.Adam, lr=0.02, weight_decay=0.1)
run(torch.optim.Adam, lr=0.01, betas=(0.5, 0.9))
run(torch.optim.Adam, lr=0.01, betas=(0.3, 0.99), eps=1e-3)
run(torch.optim.Adam, lr=0.01, maximize=True, amsgrad=True)
run(torch.optim.Adam, lr=0.01, weight_decay=0.01, decoupled_weight_decay=True)
run(torch.optim.AdamW)
run(torch.optim.AdamW, lr=0.01, weight_decay=0.1, amsgrad=True)
run(torch.optim.AdamW, lr=0.01, betas=(0.8, 0.95), weight_decay=0.0)
run(torch.optim.Adam, lr=0.01, dtype=torch.float64)
run(torch.optim.AdamW, lr=0.01, amsgrad=True, dtype=torch.float64)
run(torch.optim.Adam, steps=40, lr=0.003)

# A 1-element parameter that reaches zero gradients (exp_avg_sq of 0, sqrt of 0).
z = torch.tensor([0.0, 1e-30, 3e-39, 1e30], requires_grad=True)
opt = torch.optim.Adam([z], lr=0.1)
for step in range(3):
    z.grad = torch.tensor([0.0, 1e-30, 3e-39, -1e30]) if step < 2 else torch.zeros(4)
    opt.step()
print(z.tolist())
print(opt.state[z]['exp_avg_sq'].tolist())
