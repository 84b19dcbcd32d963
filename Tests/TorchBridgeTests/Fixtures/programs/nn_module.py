import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class Block(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.lin = nn.Linear(n, n)
        self.register_buffer("steps", torch.zeros(1))
        self.register_buffer("scratch", torch.ones(2), persistent=False)
        self.scale = 2.0

    def forward(self, x):
        self.steps += 1
        return F.relu(self.lin(x)) * self.scale


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.first = Block(3)
        self.layers = nn.ModuleList([nn.Linear(3, 3), nn.Linear(3, 3)])
        self.heads = nn.ModuleDict({"a": nn.Linear(3, 1), "b": nn.Linear(3, 2)})
        self.norm = nn.BatchNorm1d(3)
        self.extra = nn.Parameter(torch.zeros(2))
        self.shared = self.layers[0]

    def forward(self, x):
        x = self.first(x)
        for layer in self.layers:
            x = torch.tanh(layer(x))
        return self.heads["a"](x), self.heads["b"](x)


net = Net()
print(net)
print([n for n, _ in net.named_parameters()])
print([n for n, _ in net.named_buffers()])
print(list(net.state_dict().keys()))
print([n for n, _ in net.named_modules()])
print([n for n, _ in net.named_children()])
print(len(list(net.parameters())), sum(p.numel() for p in net.parameters()))
print(net.training, net.first.training)
net.eval()
print(net.training, net.first.training, net.norm.training)
net.train()
print(net.norm.training)
a, b = net(torch.ones(2, 3))
print(a.shape, b.shape, net.first.steps)
(a.sum() + b.sum()).backward()
print(net.first.lin.weight.grad is not None, net.extra.grad)
net.zero_grad()
print(net.first.lin.weight.grad)
net.requires_grad_(False)
print(all(not p.requires_grad for p in net.parameters()))
print(type(net.extra).__name__, isinstance(net.extra, torch.Tensor), net.extra)
print(net.get_submodule("heads.b"), net.get_parameter("first.lin.bias").shape)
print(hasattr(net, "scale"), net.first.scale, "scale" in net.first.__dict__)

visited = []
net.apply(lambda m: visited.append(type(m).__name__))
print(visited)

calls = []
handle = net.first.register_forward_hook(lambda m, inp, out: calls.append(tuple(out.shape)))
pre = net.first.register_forward_pre_hook(lambda m, inp: calls.append("pre"))
net(torch.ones(1, 3))
handle.remove()
pre.remove()
net(torch.ones(1, 3))
print(calls)

try:
    net.first.lin = torch.ones(3)
except TypeError as e:
    print("TypeError:", e)
try:
    net.extra = torch.ones(2)
except TypeError as e:
    print("TypeError:", e)


class Early(nn.Module):
    def __init__(self):
        self.fc = nn.Linear(1, 1)


try:
    Early()
except AttributeError as e:
    print("AttributeError:", e)
try:
    net.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    nn.Module()(1)
except NotImplementedError as e:
    print("NotImplementedError:", e)

state = net.state_dict()
print(net.load_state_dict(state))
bad = dict(state)
bad["first.lin.weight"] = torch.zeros(2, 2)
del bad["extra"]
bad["bogus"] = torch.zeros(1)
try:
    net.load_state_dict(bad)
except RuntimeError as e:
    print("RuntimeError:", e)
partial = {k: v for k, v in state.items() if not k.startswith("heads")}
result = net.load_state_dict(partial, strict=False)
print(result.missing_keys, result.unexpected_keys)

del net.extra
print("extra" in dict(net.named_parameters()))
net.double()
print(net.first.lin.weight.dtype, net.norm.num_batches_tracked.dtype)
print(net.to(torch.float32).first.lin.weight.dtype)

seq = nn.Sequential(nn.Linear(2, 4), nn.ReLU(), nn.Linear(4, 1))
print(seq[0], seq[-1], len(seq), seq[1:])
seq.append(nn.Sigmoid())
seq.insert(0, nn.Identity())
print(seq)
del seq[0]
print([type(m).__name__ for m in seq])
print(nn.Sequential(nn.Linear(1, 1)) + nn.Sequential(nn.ReLU()))
from collections import OrderedDict
named = nn.Sequential(OrderedDict([("fc", nn.Linear(2, 2)), ("act", nn.ReLU())]))
print(named, named.fc)
print(nn.ModuleList([nn.ReLU(), nn.ReLU(), nn.Tanh(), nn.ReLU()]))
ml = nn.ModuleList()
ml.append(nn.Linear(1, 2))
ml.extend([nn.ReLU(), nn.Linear(2, 1)])
ml.insert(1, nn.Dropout(0.1))
print(ml, len(ml), ml[1:3])
md = nn.ModuleDict()
md["x"] = nn.Tanh()
md.update([("y", nn.ReLU())])
print(md, list(md.keys()), "x" in md, md.pop("x"))
pl = nn.ParameterList([nn.Parameter(torch.ones(2, 3)), nn.Parameter(torch.zeros(4))])
print(pl)
pd = nn.ParameterDict({"w": nn.Parameter(torch.ones(1))})
print(list(pd.keys()), pd["w"])
print(nn.Parameter(torch.tensor([1.0, 2.0]), requires_grad=False))
print(nn.utils.parameters_to_vector(nn.Linear(2, 1).parameters()).shape)
