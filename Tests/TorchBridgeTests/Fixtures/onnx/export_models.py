# Exports a few models with torch.onnx.export and saves, next to each .onnx file, the inputs
# and the outputs the model itself computed for them (<name>.pt). Run it with pytorch-tutor
# (`pytorch-tutor run export_models.py` in an empty folder); verify_onnx.py then runs the
# .onnx files with onnxruntime and compares. It runs unchanged under real PyTorch too.
import torch
import torch.nn as nn
import torch.nn.functional as F

OUT = ''  # a folder prefix for the files written ('' for the current folder)


class SmallCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 4, 3, padding=1)
        self.bn = nn.BatchNorm2d(4)
        self.pool = nn.MaxPool2d(2)
        self.fc1 = nn.Linear(4 * 4 * 4, 10)
        self.drop = nn.Dropout(0.5)

    def forward(self, x):
        x = self.pool(F.relu(self.bn(self.conv1(x))))
        x = x.view(x.size(0), -1)
        return self.fc1(self.drop(x))


class MixedMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.flat = nn.Flatten()
        self.fc1 = nn.Linear(12, 8)
        self.bn1 = nn.BatchNorm1d(8)
        self.act = nn.GELU()
        self.leaky = nn.LeakyReLU(0.1)
        self.fc2 = nn.Linear(16, 5, bias=False)
        self.drop = nn.Dropout(0.3)
        self.out = nn.LogSoftmax(dim=1)

    def forward(self, x):
        h = self.act(self.bn1(self.fc1(self.flat(x))))
        h = torch.cat([self.leaky(h), torch.sigmoid(h) * 2.0], dim=1)
        h = self.drop(torch.tanh(h) - 0.5)
        return self.out(self.fc2(h) + 1)


class PoolsAndShapes(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 6, 4, padding='same')
        self.avg = nn.AvgPool2d(2)
        self.gap = nn.AdaptiveAvgPool2d(1)
        self.tiles = nn.AdaptiveAvgPool2d(2)
        self.proj = nn.Linear(6, 6)
        self.head = nn.Linear(30, 4)
        self.soft = nn.Softmax(dim=-1)
        self.register_buffer('shift', torch.linspace(-1, 1, 6))

    def forward(self, x):
        y = self.avg(torch.relu(self.conv(x)))
        pooled = self.gap(y).flatten(1)
        tiles = self.tiles(y).flatten(2).transpose(1, 2)
        mixed = torch.matmul(self.proj(tiles), torch.ones(6, 6) / 6) + self.shift
        feats = torch.cat([pooled, mixed.reshape(x.shape[0], -1)], dim=1)
        return self.soft(F.gelu(self.head(feats), approximate='tanh'))


def export(name, model, example, other_batch, dynamic):
    kwargs = {}
    if dynamic:
        kwargs['dynamic_axes'] = {'x': {0: 'batch'}, 'out': {0: 'batch'}}
    training = model.training
    torch.onnx.export(model, (example,), OUT + name + '.onnx', input_names=['x'], output_names=['out'], **kwargs)
    assert model.training == training, 'export changed the training flag'
    model.eval()
    with torch.no_grad():
        saved = {'input': example, 'output': model(example)}
        if other_batch is not None:
            saved['input_other_batch'] = other_batch
            saved['output_other_batch'] = model(other_batch)
    torch.save(saved, OUT + name + '.pt')
    print(name, 'exported')


torch.manual_seed(0)
cnn = SmallCNN()
with torch.no_grad():
    cnn.bn.running_mean.uniform_(-0.5, 0.5)
    cnn.bn.running_var.uniform_(0.5, 2.0)
export('small_cnn', cnn.eval(), torch.randn(2, 1, 8, 8), torch.randn(5, 1, 8, 8), dynamic=True)

mlp = MixedMLP()
with torch.no_grad():
    mlp.bn1.running_mean.uniform_(-0.5, 0.5)
    mlp.bn1.running_var.uniform_(0.5, 2.0)
mlp.train()
export('mixed_mlp', mlp, torch.randn(4, 3, 4), torch.randn(7, 3, 4), dynamic=True)

pools = PoolsAndShapes().eval()
export('pools_and_shapes', pools, torch.randn(2, 3, 8, 8), None, dynamic=False)
