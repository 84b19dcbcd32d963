# Special functions, NaN-aware reductions, scans and binning from Python.
import torch
x = torch.tensor([-0.9, -0.5, 0., 0.3, 0.99], requires_grad=True)
print(torch.erfinv(x), x.erfinv(), torch.erfc(x))
p = torch.tensor([0.1, 0.5, 0.9])
print(torch.logit(p), p.logit(eps=0.2), torch.logit(torch.tensor([0, 1])))
q = p.clone()
q.logit_()
print(q, torch.tensor([0.5, 0.75]).erfinv_())
print(torch.logaddexp(torch.tensor([1., -2.]), torch.tensor([2., -3.])), torch.hypot(torch.tensor([3., 5.]), torch.tensor([4., 12.])))
n = torch.tensor([float("nan"), float("inf"), -float("inf"), 1.5])
print(torch.nan_to_num(n), n.nan_to_num(nan=2.0, posinf=9.0, neginf=-9.0), n.clone().nan_to_num_())
r = torch.tensor([[1., float("nan"), 3.], [float("nan"), float("nan"), 2.]])
print(r.nansum(), torch.nansum(r, dim=1), r.nanmean(), torch.nanmean(r, dim=0, keepdim=True))
print(torch.logcumsumexp(torch.tensor([0.5, 1., -2., 3.]), dim=0), torch.tensor([[1e3, 1e3]]).logcumsumexp(1))
d = torch.tensor([1., 4., 9., 16.])
print(torch.diff(d), d.diff(n=2), torch.diff(d, prepend=torch.tensor([0.]), append=torch.tensor([25.])))
s = torch.tensor([1., 3., 5., 7.])
print(torch.searchsorted(s, torch.tensor([3., 6.])), torch.searchsorted(s, 5.0, right=True), torch.searchsorted(s, torch.tensor([3.]), side="right"))
print(torch.searchsorted(torch.tensor([5., 1., 3.]), torch.tensor([2.]), sorter=torch.tensor([1, 2, 0])), torch.searchsorted(s, torch.tensor([3]), out_int32=True).dtype)
print(torch.bucketize(torch.tensor([[1, 3], [5, 8]]), torch.tensor([1, 3, 5])), torch.bucketize(2.5, torch.tensor([1., 3.]), right=True))
print(torch.histc(torch.tensor([1., 2., 1., 4.]), bins=4, min=0, max=4), torch.tensor([1., 2., 1.]).histc(4))
y = (torch.erfinv(x) * torch.tensor([1., 2., 3., 4., 5.])).sum()
y.backward()
print(x.grad, y.grad_fn.name())
for f in [lambda: torch.hypot(torch.tensor([3]), torch.tensor([4])), lambda: torch.tensor([1, 2]).nanmean(),
          lambda: torch.tensor([1, 2]).logcumsumexp(0), lambda: torch.diff(torch.tensor(1.)),
          lambda: torch.searchsorted(s, torch.tensor([1.]), side="middle"), lambda: torch.bucketize(torch.tensor([1.]), torch.ones(2, 2)),
          lambda: torch.histc(torch.tensor([1, 2]), bins=3), lambda: torch.histc(s, bins=3, min=2, max=1)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
