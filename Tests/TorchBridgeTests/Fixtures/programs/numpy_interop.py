# Tensor.numpy() and torch.from_numpy share memory; torch.tensor copies; as_tensor shares.
import numpy as np
import torch

t = torch.arange(6, dtype=torch.float32).reshape(2, 3)
n = t.numpy()
print(repr(n), n.dtype, type(n).__name__, isinstance(n, np.ndarray))
n[0, 0] = 100
t[1, 2] = -1
print(t, repr(n))
back = torch.from_numpy(n)
back += 1
print(repr(n), back.dtype)
d = np.linspace(0, 1, 3)
print(torch.from_numpy(d), torch.tensor(d), torch.as_tensor(d, dtype=torch.float32), torch.tensor(np.arange(3)))
copy = torch.tensor(d)
shared = torch.as_tensor(d)
d[0] = 9
print(copy, shared)
w = torch.ones(2, requires_grad=True)
try:
    w.numpy()
except RuntimeError as e:
    print("RuntimeError:", e)
print(repr(w.detach().numpy()), repr(torch.tensor([1, 2], dtype=torch.uint8).numpy()), repr(torch.tensor([True]).numpy()))
print(repr(torch.tensor(2.5).numpy()), repr(torch.zeros(2, dtype=torch.float64).numpy()), repr(torch.tensor([1, 2]).numpy()))
img = torch.rand(3, 4, 5)
npimg = (img / 2 + 0.5).numpy()
print(np.transpose(npimg, (1, 2, 0)).shape, npimg.transpose(1, 2, 0).shape, float(np.abs(npimg - (img / 2 + 0.5).numpy()).max()))
x = np.array([[1.0, 2.0], [3.0, 4.0]], dtype=np.float32)
y = torch.from_numpy(x).float() @ torch.eye(2)
print(y, y.numpy().sum(), np.argmax(torch.tensor([0.1, 0.7, 0.2]).numpy()))
print(torch.from_numpy(np.array([1, 2, 3])).dtype, torch.from_numpy(np.zeros(2, dtype=np.float32)).dtype)
ones = torch.ones(2)
a32 = np.ones(2, dtype=np.float32)
print(ones + a32, ones * np.float64(2), torch.tensor(np.float64(2.5)).dtype, torch.tensor(np.int32(2)).dtype)
print(torch.tensor([a32, a32 * 3]), repr(round(np.float64(2.567), 2)), round(np.float32(2.5)))
loader = torch.utils.data.DataLoader([(a32, 1), (a32 * 2, 2)], batch_size=2)
print(next(iter(loader)))
