import math
import torch
import torch.nn as nn

torch.manual_seed(0)
print(nn.Linear(3, 2).weight, nn.Linear(3, 2).bias)
print(nn.Linear(2, 2, bias=False).state_dict())
conv = nn.Conv2d(2, 3, 3)
print(conv.weight[0], conv.bias)
tconv = nn.ConvTranspose2d(2, 3, 2, stride=2)
print(tconv.weight.shape, tconv.bias)
print(nn.Conv1d(2, 2, 3, groups=2).weight.squeeze())
emb = nn.Embedding(5, 3, padding_idx=1)
print(emb.weight)
print(nn.Bilinear(2, 3, 1).weight)
bn = nn.BatchNorm2d(3)
print(bn.weight, bn.bias, bn.running_mean, bn.running_var, bn.num_batches_tracked)
print(nn.LayerNorm(4).weight, nn.PReLU().weight)
print(nn.Linear(5, 4).weight.std().item() < 1 / math.sqrt(5))

w = torch.empty(3, 5)
for name in ["linear", "conv2d", "sigmoid", "tanh", "relu", "selu"]:
    print(name, nn.init.calculate_gain(name))
print(nn.init.calculate_gain("leaky_relu", 0.2))
print(nn.init.xavier_uniform_(w))
print(nn.init.xavier_normal_(w, gain=2.0))
print(nn.init.kaiming_uniform_(w, mode="fan_out", nonlinearity="relu"))
print(nn.init.kaiming_normal_(w))
print(nn.init.uniform_(w, -0.5, 0.5))
print(nn.init.normal_(w, 1.0, 0.1))
print(nn.init.constant_(w, 0.3))
print(nn.init.ones_(torch.empty(2)), nn.init.zeros_(torch.empty(2)), nn.init.eye_(torch.empty(2, 3)))
q = nn.init.orthogonal_(torch.empty(3, 5))
print(q.shape, torch.allclose(q @ q.t(), torch.eye(3), atol=1e-5))
print(nn.init.dirac_(torch.empty(2, 2, 3)).sum().item())
try:
    nn.init.xavier_uniform_(torch.empty(3))
except ValueError as e:
    print("ValueError:", e)
try:
    nn.init.kaiming_uniform_(w, mode="fan_middle")
except ValueError as e:
    print("ValueError:", e)
try:
    nn.init.calculate_gain("swish")
except ValueError as e:
    print("ValueError:", e)
g = torch.Generator().manual_seed(7)
print(nn.init.uniform_(torch.empty(3), generator=g))
print(torch.rand(2))
