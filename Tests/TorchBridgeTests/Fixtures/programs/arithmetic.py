import torch
a = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
b = torch.tensor([10.0, 20.0, 30.0])
print(a + b, a - 1, 2 * a, a / 2, 1 / a[0], 1 - a[0], 2 ** a[0], a ** 2, -a[0], +a[0])
i = torch.tensor([7, -7, 9])
print(i // 2, i % 3, i / 2, -i, abs(i), i & 3, i | 8, i ^ 1, ~torch.tensor([True, False]))
print(torch.add(a, b, alpha=2), torch.sub(a, 1, alpha=2), torch.mul(a, a), torch.div(a, 2))
print(torch.div(i, 2, rounding_mode="floor"), torch.div(i, 2, rounding_mode="trunc"), torch.true_divide(i, 2))
print(torch.remainder(i, 4), torch.fmod(i, 4), torch.floor_divide(i, 4), torch.pow(2, torch.tensor([1, 2])))
print(torch.maximum(a[0], a[1] - 3), torch.minimum(b, torch.tensor(15.0)), torch.atan2(a[0], a[1]))
x = torch.tensor([-2.0, -0.5, 0.0, 0.5, 2.0])
print(x.abs(), x.exp(), x.sigmoid(), x.tanh(), x.relu(), x.sign(), x.floor(), x.ceil(), x.round(), x.trunc())
print(torch.sqrt(torch.tensor([4.0, 9.0])), torch.log(torch.tensor([1.0, 2.0])), torch.sin(x), torch.erf(x))
print(x.clamp(-1, 1), x.clamp(min=0), torch.clamp(x, max=0.5), x.clip(-0.5, 0.5), x.clamp(min=torch.zeros(5)))
print(x > 0, x == 0.5, x != 0, x.ge(0), torch.lt(x, 1), x.eq(torch.zeros(5)))
print(torch.where(x > 0, x, torch.zeros_like(x)), torch.where(x > 0, 1.0, -1.0), torch.where(x > 0))
print(x.masked_fill(x < 0, 0), torch.lerp(x, torch.ones(5), 0.5), x.isnan(), torch.isfinite(x))
print(torch.allclose(a, a + 1e-7), torch.equal(a, a.clone()), torch.isclose(x, x + 1e-3), a.equal(b))
print((x > 0).logical_not(), torch.logical_and(x > -1, x < 1), torch.logical_or(x < -1, x > 1))
y = torch.ones(2, 3)
y += 1
y *= torch.tensor([1.0, 2.0, 3.0])
y -= 0.5
y /= 2
print(y)
z = torch.tensor([1, 2, 3])
z += 1
z *= 2
print(z, z.dtype)
q = torch.arange(6.0)
q.add_(1).mul_(2).sub_(1).div_(2)
print(q, q.pow_(2), q.neg_(), q.abs_(), q.sqrt_(), q.clamp_(max=3), q.zero_(), q.fill_(2))
print(q.exp_(), q.floor_(), torch.tensor([1.0, 4.0]).addcmul_(torch.tensor([1.0, 2.0]), torch.tensor([3.0, 4.0]), value=2))
print(torch.tensor([1.0, 2.0]) @ torch.tensor([3.0, 4.0]), torch.mm(a, a.t()), torch.outer(b, b[:2]), a.matmul(b))
