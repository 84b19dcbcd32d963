# The model of the whole-module fixtures: a user class in __main__ holding torch.nn layers,
# a buffer and a plain attribute, as torch.save(model, path) pickles it.
import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 2, 3)
        self.body = nn.Sequential(nn.Flatten(), nn.Linear(8, 3), nn.ReLU())
        self.head = nn.Linear(3, 2)
        self.register_buffer('shift', torch.tensor([0.5, -0.5]))
        self.scale = 2.0

    def forward(self, x):
        return self.head(self.body(self.conv(x))) * self.scale + self.shift


def make_net():
    torch.manual_seed(0)
    net = Net()
    with torch.no_grad():
        for i, p in enumerate(net.parameters()):
            p.copy_(torch.linspace(-1, 1, p.numel()).reshape(p.shape) * (i + 1) / 4)
    return net


def report(net):
    x = torch.linspace(-2, 2, 32).reshape(2, 1, 4, 4)
    print(type(net).__name__, net.training, net.scale)
    print(net)
    print(net(x))
    print(sorted(net.state_dict().keys()))
