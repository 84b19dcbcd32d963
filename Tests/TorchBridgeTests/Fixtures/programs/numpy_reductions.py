# numpy's float sums add in its own order (pairwise along the innermost axis), visible in
# float32 results: sum, mean, var and std over every axis combination.
import numpy as np
import torch

torch.manual_seed(0)
a = torch.rand(1000).numpy()
m = torch.rand(50, 30).numpy()
c = torch.rand(4, 5, 300).numpy()
print(repr(a.sum()), repr(a.mean()), repr(a.std()), repr(a.var()), repr(a[:7].sum()), repr(a[:100].mean()))
print(repr(m.sum(axis=0)[:5]), repr(m.sum(axis=1)[:5]), repr(m.mean(axis=0)[:5]), repr(m.std(axis=1)[:5]))
print(repr(c.sum(axis=(0, 2))), repr(c.sum(axis=(1, 2))), repr(c.mean(axis=1)[0, :4]), repr(c.sum()), repr(c.std()))
print(repr(m.T.sum(axis=0)[:3]), repr(np.sum(m, axis=1, keepdims=True).shape), repr(m.astype(np.float64).mean()))
losses = torch.rand(2000, dtype=torch.float64).tolist()
print(repr(np.mean(losses)), repr(np.std(losses)), repr(np.sum(losses[:3])))
print(repr(np.zeros((0, 3)).sum(axis=0)), repr(np.zeros((3, 0), dtype=np.float32).sum(axis=1)), repr(np.float32(2.5).sum()))
