import torch


def edges(fn):
    return [(None if f is None else type(f).__name__, i) for f, i in fn.next_functions]


x = torch.ones(2, requires_grad=True)
w = torch.ones(2, requires_grad=True)
y = (x * 2).sum()
print(y.grad_fn.name(), edges(y.grad_fn))
m = y.grad_fn.next_functions[0][0]
print(m.name(), edges(m))
acc = m.next_functions[0][0]
print(acc.name(), type(acc).__name__, acc.variable.shape, acc.variable.requires_grad, acc.next_functions)
z = x * w + 3
print(z.grad_fn.name(), edges(z.grad_fn), edges(z.grad_fn.next_functions[0][0]))
q = (x - 1).exp().mean() / 2
print(edges(q.grad_fn), edges(q.grad_fn.next_functions[0][0]))
print(edges(q.grad_fn.next_functions[0][0].next_functions[0][0].next_functions[0][0]))
r = torch.relu(x) / 2 + x.pow(2) + x.add(1)
print(edges(r.grad_fn), edges(r.grad_fn.next_functions[0][0]), edges(r.grad_fn.next_functions[1][0]))
