import torch
import torch.nn.functional as F


def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)


torch.manual_seed(0)
x = torch.randn(4, 5, requires_grad=True)
t = torch.tensor([1, 0, 4, 2])
w = torch.tensor([0.5, 1.0, 2.0, 1.5, 1.0])

# cross_entropy and nll_loss
loss = F.cross_entropy(x, t)
print(loss)
loss.backward()
print(x.grad)
print(F.cross_entropy(x, t, weight=w, reduction="none"))
print(F.cross_entropy(x, t, ignore_index=4, reduction="sum"))
print(F.cross_entropy(x, t, label_smoothing=0.1))
print(F.cross_entropy(x, torch.softmax(torch.randn(4, 5), 1)))
print(F.cross_entropy(x, t, size_average=False))
print(F.cross_entropy(x, t, reduce=False))
print(F.nll_loss(F.log_softmax(x, dim=1), t, weight=w))
print(F.cross_entropy(torch.randn(2, 5, 3), torch.tensor([[0, 1, 2], [3, 4, 0]]), reduction="none"))
attempt(lambda: F.cross_entropy(x, torch.tensor([1, 0, 5, 2])))
attempt(lambda: F.cross_entropy(x, t.int()))
attempt(lambda: F.cross_entropy(x, torch.zeros(4, 5, dtype=torch.long)))
attempt(lambda: F.cross_entropy(x, torch.zeros(4, 2, dtype=torch.long)))
attempt(lambda: F.cross_entropy(x, t, reduction="avg"))
attempt(lambda: F.cross_entropy(x, t, label_smoothing=2.0))

# regression and binary losses
y = torch.randn(4, 5)
print(F.mse_loss(x, y), F.l1_loss(x, y), F.mse_loss(x, y, reduction="sum"))
print(F.smooth_l1_loss(x, y, beta=0.5), F.huber_loss(x, y, delta=0.5))
print(F.mse_loss(x, y, reduce=False)[0])
p = torch.sigmoid(x)
print(F.binary_cross_entropy(p, torch.rand(4, 5)))
print(F.binary_cross_entropy_with_logits(x, torch.rand(4, 5), pos_weight=torch.full((5,), 2.0)))
print(F.kl_div(F.log_softmax(x, 1), torch.softmax(y, 1), reduction="batchmean"))
print(F.kl_div(F.log_softmax(x, 1), F.log_softmax(y, 1), reduction="sum", log_target=True))
attempt(lambda: F.binary_cross_entropy(torch.tensor([1.5]), torch.tensor([1.0])))
attempt(lambda: F.binary_cross_entropy_with_logits(torch.rand(3), torch.rand(3, 1)))
attempt(lambda: F.mse_loss(torch.zeros(2, dtype=torch.long), torch.zeros(2, dtype=torch.long)))

# normalisation
rm, rv = torch.zeros(3), torch.ones(3)
img = torch.randn(2, 3, 2, 2) * 2 + 1
out = F.batch_norm(img, rm, rv, training=True)
print(out[0, 0])
print(rm)
print(rv)
print(F.batch_norm(img, rm, rv)[1, 2])
print(F.layer_norm(x, (5,)))
print(F.group_norm(img, 3).grad_fn, F.instance_norm(img)[0, 1])
print(F.normalize(x, dim=0))
print(F.cosine_similarity(x, y), F.pairwise_distance(x, y))
attempt(lambda: F.batch_norm(torch.randn(1, 3), rm, rv, training=True))
attempt(lambda: F.layer_norm(x, (4,)))

# embedding
E = torch.randn(6, 3, requires_grad=True)
e = F.embedding(torch.tensor([[0, 2], [5, 0]]), E, padding_idx=0)
print(e)
(e * torch.arange(12.0).reshape(2, 2, 3)).sum().backward()
print(E.grad)
attempt(lambda: F.embedding(torch.tensor([6]), E))
attempt(lambda: F.embedding(torch.tensor([1]), E, padding_idx=6))

# dropout that keeps whole channels
torch.manual_seed(3)
print(F.dropout2d(torch.ones(2, 4, 1, 2), p=0.5))
print(F.dropout1d(torch.ones(3, 2), p=0.5))
print(F.alpha_dropout(torch.ones(2, 3), p=0.5, training=True))
attempt(lambda: F.dropout2d(torch.ones(2, 2), p=1.5))
attempt(lambda: F.dropout1d(torch.ones(2, 2, 2, 2)))

# gelu prints as torch's vectorised kernel computes it
print(F.gelu(torch.tensor([-3.0, -1.0, 0.5])), F.gelu(torch.tensor(-3.0)))

# argument handling as in PyTorch's Python wrappers
attempt(lambda: F.cross_entropy(torch.randn(5), torch.tensor([1])))
attempt(lambda: F.batch_norm(x, None, None, training=False))
attempt(lambda: F.layer_norm(x, 5))
attempt(lambda: F.group_norm(x, 0))
attempt(lambda: F.cross_entropy(x, t, reduction=None))
attempt(lambda: F.instance_norm(torch.randn(2, 3)))
attempt(lambda: F.binary_cross_entropy(torch.rand(2, 3), torch.rand(2, 3), weight=torch.rand(4)))
attempt(lambda: F.smooth_l1_loss(x, x + 2, size_average=True, reduce=False).shape)
