import torch
x = torch.tensor(2.0, requires_grad=True)
y = x ** 3 + 3 * x ** 2 - 5 * x + 1
y.backward()
print(y, x.grad, x.is_leaf, y.is_leaf, y.requires_grad, y.grad_fn.name(), type(y.grad_fn).__name__)
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = (a * a).sum()
b.backward()
print(a.grad)
a.grad.zero_()
(a ** 2).mean().backward()
print(a.grad)
a.grad = None
print(a.grad)
print(a * 2, a + 1, 1 - a, a / 2, -a, a.sum(), a.mean(), a.exp(), a[0], a[1:], a.view(3, 1), a.unsqueeze(0))
print(a.max(), a.norm(), a.std(), torch.cat([a, a]), torch.stack([a, a]), a.clone(), a.float() * 1, a.double())
z = (a * 2).sum()
print(z.grad_fn.next_functions[0][0].name(), len(z.grad_fn.next_functions))
with torch.no_grad():
    c = a * 2
print(c.requires_grad, torch.is_grad_enabled())
@torch.no_grad()
def f(t):
    return t * 3
print(f(a).requires_grad, (a * 3).requires_grad)
torch.set_grad_enabled(False)
print((a + 1).requires_grad, torch.is_grad_enabled())
torch.set_grad_enabled(True)
with torch.set_grad_enabled(False):
    print((a + 1).requires_grad)
print((a + 1).requires_grad)
with torch.enable_grad():
    print((a + 1).requires_grad)
with torch.inference_mode():
    print((a + 1).requires_grad)
u = torch.tensor([1.0, 2.0], requires_grad=True)
out = u * u
(g,) = torch.autograd.grad(out.sum(), u, create_graph=True)
print(g)
print(torch.autograd.grad(g.sum(), u))
v = torch.tensor([2.0, 3.0], requires_grad=True)
w = v * 2
w.retain_grad()
w.sum().backward()
print(w.grad, v.grad, w.detach(), v.data, v.detach().requires_grad)
m = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
(m ** 2).backward(gradient=torch.tensor([[1.0, 0.0], [0.5, -1.0]]))
print(m.grad)
p = torch.tensor([3.0, 4.0])
p.requires_grad_()
print(p.requires_grad, p.is_leaf)
q = torch.tensor([1.0, 2.0], requires_grad=True)
with torch.no_grad():
    q -= 0.1 * torch.ones(2)
print(q, q.requires_grad, q.is_leaf)
r = torch.tensor([1.0], requires_grad=True)
torch.autograd.backward([(r * 5).sum()])
print(r.grad)
q.data = torch.tensor([9.0, 8.0])
print(q, q.requires_grad)
