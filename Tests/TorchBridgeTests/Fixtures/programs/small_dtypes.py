# int8, int16 and float16 from Python: names, creation, conversion, promotion, printing, errors.
import torch
print(torch.int8, torch.int16, torch.short, torch.float16, torch.half, torch.char if hasattr(torch, "char") else "no torch.char")
for d in [torch.int8, torch.int16, torch.float16]:
    print(d, d.is_floating_point, d.is_signed, d.itemsize)
x = torch.tensor([1.0, 2.5, 1000.3, 0.001, -65504], dtype=torch.float16)
print(x, x.dtype, x.element_size(), x.type())
print(x.half() is x, x.short(), x.char(), x.float(), x.to(torch.int16).dtype)
print(torch.HalfTensor([1, 2]), torch.ShortTensor([1, 2]), torch.CharTensor([1, -2]), torch.ShortTensor(2).shape)
print(torch.zeros(2, dtype=torch.int8), torch.ones(2, 2, dtype=torch.half), torch.full((2,), 3.3, dtype=torch.float16))
print(torch.arange(5, dtype=torch.int16), torch.arange(0, 1, 0.1, dtype=torch.half), torch.linspace(0, 1, 5, dtype=torch.half))
print(torch.tensor([0.1, 1 / 3, 65520.0, 1e-8], dtype=torch.half).tolist(), torch.tensor(2.1, dtype=torch.half).item())
print(torch.tensor([127], dtype=torch.int8) + 1, torch.tensor([200], dtype=torch.uint8) + torch.tensor([1], dtype=torch.int8))
print((torch.tensor([1, 2], dtype=torch.int8) + 1.5).dtype, (torch.tensor([1, 2], dtype=torch.int16) * torch.tensor(2.5, dtype=torch.float64)).dtype)
print(torch.tensor([1, 2], dtype=torch.int8) + torch.tensor([1.5], dtype=torch.half), torch.tensor([1, 2], dtype=torch.half) + torch.tensor([1.0]))
print(torch.promote_types(torch.uint8, torch.int8), torch.promote_types(torch.int16, torch.half), torch.promote_types(torch.half, torch.float32))
print(torch.result_type(torch.tensor([1], dtype=torch.int8), 2.5), torch.can_cast(torch.half, torch.int8))
h = torch.tensor([[1.5, 2.0], [0.1, 3.3]], dtype=torch.half)
print(h @ h, h.sum(0), h.mean(), h.softmax(1), h.std(), torch.exp(h), h * 0.1, h + 0.1, h / 3, h.cumsum(1))
print(h.max(), h.argmax(), h.sort(dim=1).values, (h > 1).sum(), h.prod(), h.norm())
print(torch.tensor([300.7, -200.5, 1e10, float("nan"), 70000.0]).to(torch.int8))
print(torch.tensor([300.7, -200.5, 70000.0]).half().to(torch.int16))
torch.manual_seed(0)
print(torch.rand(3, dtype=torch.half), torch.randn(3, dtype=torch.half), torch.randn(20, dtype=torch.half)[-3:])
b = torch.tensor([1.0, 2.0], dtype=torch.half, requires_grad=True)
y = (b * b).sum()
y.backward()
print(b.grad, y)
for f in [lambda: torch.full((1,), 128, dtype=torch.int8), lambda: torch.tensor([1, 2], dtype=torch.int8).mean(),
          lambda: torch.tensor([1.0], dtype=torch.half) & 1]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
