import copy, torch, torch.nn as nn
t = torch.tensor([1., 2.], requires_grad=True)
t.grad = torch.ones(2)
c = copy.copy(t)
print(c, c.grad, c is t)
with torch.no_grad():
    c[0] = 5.0
print(t)
with torch.no_grad():
    t[0] = 1.0
d = copy.deepcopy(t)
print(d, d.grad, d.requires_grad, d is t, d.grad is t.grad)
try:
    copy.deepcopy(t * 2)
except Exception as e:
    print(type(e).__name__, e)
m = nn.Sequential(nn.Linear(2, 2), nn.ReLU())
m[0].weight.data.fill_(1.0)
m2 = copy.deepcopy(m)
print(m2, m2[0].weight is m[0].weight, torch.equal(m2[0].weight, m[0].weight), type(m2[0].weight).__name__)
with torch.no_grad():
    m2[0].weight.fill_(3.0)
print(m[0].weight[0, 0].item(), m2[0].weight[0, 0].item())
m3 = copy.copy(m)
print(m3[0] is m[0], m3._modules is m._modules)
a = [1, [2, 3], {'k': t}]
b = copy.deepcopy(a)
print(b, b[1] is a[1], b[2]['k'] is t)
tied = nn.Linear(2, 2)
pair = [tied.weight, tied.weight]
p2 = copy.deepcopy(pair)
print(p2[0] is p2[1], type(p2[0]).__name__)
class P:
    def __init__(self): self.v = [1]
p = P(); q = copy.deepcopy(p); print(q.v, q.v is p.v, type(q).__name__)
print(copy.copy(5), copy.deepcopy((1, 2)), copy.copy({1, 2}), copy.deepcopy(torch.float32))
class Custom:
    def __deepcopy__(self, memo): return 'custom'
    def __copy__(self): return 'shallow'
print(copy.deepcopy(Custom()), copy.copy(Custom()))
sd = copy.deepcopy(m.state_dict())
print(type(sd).__name__, list(sd.keys()), sd['0.weight'] is m.state_dict()['0.weight'])
print(copy.Error)
