# torch.optim.RMSprop and Adagrad: every option, several steps, parameters and state printed
# at full precision (they must equal PyTorch's bit for bit). Gradients are set by hand.
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


run(torch.optim.RMSprop)
run(torch.optim.RMSprop, lr=0.001, alpha=0.9)
run(torch.optim.RMSprop, lr=0.001, centered=True)
run(torch.optim.RMSprop, lr=0.001, momentum=0.9)
run(torch.optim.RMSprop, lr=0.001, centered=True, momentum=0.5, weight_decay=0.1)
run(torch.optim.RMSprop, lr=0.001, alpha=0.4, centered=True, eps=1e-4)
run(torch.optim.RMSprop, lr=0.001, maximize=True, momentum=0.3)
run(torch.optim.RMSprop, lr=0.001, centered=True, momentum=0.9, dtype=torch.float64)
run(torch.optim.Adagrad)
run(torch.optim.Adagrad, lr=0.1, lr_decay=0.01)
run(torch.optim.Adagrad, lr=0.1, initial_accumulator_value=0.5, eps=1e-6)
run(torch.optim.Adagrad, lr=0.1, weight_decay=0.05, maximize=True)
run(torch.optim.Adagrad, lr=0.1, lr_decay=0.1, dtype=torch.float64)
