"""Trains the issue's SimpleCNN with real PyTorch on the CIFAR-10 stand-in, as the CIFAR-10
example does (2 epochs, batch 100, SGD lr=0.001 momentum=0.9, Normalize(0.5, 0.5)), to check that
the stand-in is learnable but not trivial.

    STANDIN_EXPORT=/tmp/standin swift test --filter exportCIFARStandIn
    /work/venv-torch/bin/python standin_learnability.py /tmp/standin [SEED]

Recorded (torch 2.15, 1 thread): seeds 0, 1, 2 -> 44.3%, 40.2%, 37.3% test accuracy; chance is 10%.
The network stays near chance for most of the first epoch, as it does on real CIFAR-10 with
these settings, then learns the classes with distinctive scenes first (airplane, frog, ship).
"""
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

root = sys.argv[1]


def load(names):
    """Images normalised to [-1, 1] as Normalize((0.5,)*3, (0.5,)*3) does, and labels."""
    records = np.concatenate([np.fromfile(f"{root}/cifar-10-batches-bin/{n}", dtype=np.uint8).reshape(-1, 3073)
                              for n in names])
    x = torch.from_numpy(records[:, 1:].reshape(-1, 3, 32, 32).copy()).float().div(255).sub(0.5).div(0.5)
    return x, torch.from_numpy(records[:, 0].astype(np.int64))


class SimpleCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 6, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = x.view(-1, 16 * 5 * 5)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


x_train, y_train = load([f"data_batch_{i}.bin" for i in range(1, 6)])
x_test, y_test = load(["test_batch.bin"])
torch.manual_seed(int(sys.argv[2]) if len(sys.argv) > 2 else 0)
torch.set_num_threads(1)
net = SimpleCNN()
optimizer = torch.optim.SGD(net.parameters(), lr=0.001, momentum=0.9)
criterion = nn.CrossEntropyLoss()
for epoch in range(2):
    order = torch.randperm(len(x_train))
    running = 0.0
    for b in range(500):
        batch = order[b * 100:(b + 1) * 100]
        optimizer.zero_grad()
        loss = criterion(net(x_train[batch]), y_train[batch])
        loss.backward()
        optimizer.step()
        running += loss.item()
        if b % 100 == 99:
            print(f"[Epoch {epoch + 1}, Batch {b + 1}] loss: {running / 100:.3f}", flush=True)
            running = 0.0
with torch.no_grad():
    predicted = net(x_test).argmax(1)
print("test accuracy", (predicted == y_test).float().mean().item())
print("per class", [round(((predicted == y_test) & (y_test == c)).sum().item() / (y_test == c).sum().item(), 2)
                    for c in range(10)])
