# torch.distributions Normal, Categorical and Bernoulli: seeded samples (bit for bit, so the
# generator is consumed as PyTorch consumes it), rsample gradients, log_prob, entropy,
# moments, shapes, reprs and validation errors.
import torch
from torch.distributions import Bernoulli, Categorical, Normal
import torch.distributions as D


def show(name, t):
    print(name, tuple(t.shape), t.dtype, t.flatten().tolist())


def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


torch.manual_seed(0)
n = Normal(torch.tensor([0.0, 1.0, -2.0]), torch.tensor([1.0, 0.5, 3.0]))
print(n, n.batch_shape, n.event_shape, n.has_rsample)
show('normal.sample()', n.sample())
show('normal.sample((2,))', n.sample((2,)))
show('normal.sample([2, 2])', n.sample(torch.Size([2, 2])))
scalar = Normal(0.5, 2.0)
print(scalar, scalar.batch_shape)
show('scalar.sample()', scalar.sample())
show('scalar.sample((5,))', scalar.sample((5,)))
show('log_prob', n.log_prob(torch.tensor([0.5, 0.5, 0.5])))
show('entropy', n.entropy())
show('mean/stddev/variance', torch.stack([n.mean, n.stddev, n.variance]))
show('cdf', n.cdf(torch.tensor([0.0, 1.0, 2.0])))

loc = torch.tensor([0.0, 1.0], requires_grad=True)
scale = torch.tensor([1.0, 2.0], requires_grad=True)
m = Normal(loc, scale)
x = m.rsample((3,))
show('rsample', x)
print(x.grad_fn.name(), m.sample().requires_grad)
(x ** 2).sum().backward()
show('loc.grad', loc.grad)
show('scale.grad', scale.grad)
loc.grad = None
scale.grad = None
lp = m.log_prob(torch.tensor([0.3, -0.2])).sum()
lp.backward()
show('log_prob loc.grad', loc.grad)
show('log_prob scale.grad', scale.grad)

torch.manual_seed(1)
c = Categorical(probs=torch.tensor([0.1, 0.2, 0.3, 0.4]))
print(c, c.batch_shape, c.event_shape, c.param_shape)
show('cat.sample()', c.sample())
show('cat.sample((10,))', c.sample((10,)))
show('cat.probs', c.probs)
show('cat.logits', c.logits)
show('cat.entropy', c.entropy())
show('cat.log_prob', c.log_prob(torch.tensor([0, 1, 2, 3])))
print(c.support, c.mode, c.mean, c.enumerate_support())
cl = Categorical(logits=torch.tensor([[1.0, 2.0, 0.5], [0.0, 0.0, -1.0]]))
print(cl, cl.batch_shape)
show('batched cat.sample()', cl.sample())
show('batched cat.sample((4,))', cl.sample((4,)))
show('batched cat.logits', cl.logits)
show('batched cat.probs', cl.probs)
show('batched cat.entropy', cl.entropy())
show('batched cat.log_prob', cl.log_prob(torch.tensor([2, 0])))
show('zero-probability entropy', Categorical(probs=torch.tensor([0.5, 0.5, 0.0])).entropy())

logits = torch.tensor([0.2, -1.0, 0.7], requires_grad=True)
policy = Categorical(logits=logits)
action = policy.sample()
loss = -policy.log_prob(action) * 2.5
loss.backward()
print(action.item(), loss.grad_fn.name())
show('policy logits.grad', logits.grad)

torch.manual_seed(2)
b = Bernoulli(probs=torch.tensor([0.1, 0.5, 0.9]))
print(b, b.batch_shape)
show('bern.sample()', b.sample())
show('bern.sample((3,))', b.sample((3,)))
show('bern.logits', b.logits)
show('bern.entropy', b.entropy())
show('bern.log_prob', b.log_prob(torch.tensor([1.0, 0.0, 1.0])))
show('bern.mean/variance/stddev', torch.stack([b.mean, b.variance, b.stddev]))
bl = Bernoulli(logits=torch.tensor([-2.0, 0.0, 3.0]))
show('bern logits.sample()', bl.sample())
show('bern logits.probs', bl.probs)
show('bern logits.entropy', bl.entropy())
print(Bernoulli(0.3), Bernoulli(0.3).sample().dtype, Bernoulli(0.5).mode, b.mode)

print(D.constraints.positive, Normal.arg_constraints, Bernoulli.support)
attempt(lambda: Normal(0.0, -1.0))
attempt(lambda: Normal(torch.zeros(2), torch.tensor([1.0, 0.0])))
attempt(lambda: Normal(0.0, -1.0, validate_args=False))
attempt(lambda: Categorical(probs=torch.tensor([-0.5, 1.5])))
attempt(lambda: Categorical(torch.tensor([0.5, 0.5]), torch.tensor([0.0, 0.0])))
attempt(lambda: Categorical(logits=torch.tensor(1.0)))
attempt(lambda: Categorical(logits=torch.zeros(3)).log_prob(torch.tensor(3)))
attempt(lambda: Bernoulli(probs=1.5))
attempt(lambda: Bernoulli(0.5).log_prob(torch.tensor(0.5)))
attempt(lambda: Normal(torch.zeros(2), 1.0).log_prob(torch.zeros(3)))
attempt(lambda: Normal(0.0, 1.0).log_prob(0.5))
attempt(lambda: Normal('a', 1.0))

torch.manual_seed(3)
wide = Normal(torch.tensor(0.0), torch.tensor(1.0)).expand([3])
print(wide, wide.batch_shape)
show('expanded normal.sample()', wide.sample())
wide_cat = Categorical(logits=torch.zeros(3)).expand((2,))
print(wide_cat, wide_cat.batch_shape)
show('expanded cat.sample()', wide_cat.sample())
wide_bern = Bernoulli(probs=torch.tensor(0.3)).expand([2, 2])
show('expanded bern.sample()', wide_bern.sample())
show('expanded bern.perplexity()', wide_bern.perplexity())
