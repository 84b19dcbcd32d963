# Matrix structure, rearranging and products from Python: functions, methods, keywords, errors.
import torch
m = torch.arange(12.).reshape(3, 4)
print(torch.tril(m), m.triu(diagonal=1), torch.tril(m, -1))
c = m.clone()
print(c.tril_(), c.triu_(1))
print(torch.tril_indices(3, 3), torch.triu_indices(3, 4, offset=1), torch.tril_indices(3, 3, dtype=torch.int32).dtype)
v = torch.tensor([1., 2., 3.], requires_grad=True)
print(torch.diag(v), torch.diag(m, 1), m.diagonal(offset=-1), torch.diagonal(m, 0, 1, 0), torch.diag_embed(v, offset=1))
print(torch.trace(m), m.trace(), torch.tensor([[1, 2], [3, 4]]).trace())
print(torch.roll(m, 1), m.roll(shifts=(1, -1), dims=(0, 1)), torch.rot90(m), torch.rot90(m, k=2, dims=[1, 0]))
print(torch.broadcast_to(v, (2, 3)), torch.broadcast_tensors(v, torch.zeros(2, 1))[1].shape)
xs, ys = torch.meshgrid(torch.tensor([1, 2, 3]), torch.tensor([4, 5]), indexing="xy")
print(xs, ys, torch.meshgrid([torch.tensor([1, 2]), torch.tensor([3])], indexing="ij"))
print(torch.cartesian_prod(torch.tensor([1, 2]), torch.tensor([3, 4])))
print(torch.atleast_1d(torch.tensor(3.)), torch.atleast_2d(v), torch.atleast_3d(m).shape, torch.atleast_2d(torch.tensor(1), v))
a = torch.arange(6.).reshape(2, 3)
b = torch.arange(12.).reshape(3, 4)
print(torch.einsum("ij,jk->ik", a, b), torch.einsum("ij->ji", a), torch.einsum("ii", torch.eye(3)), torch.einsum("i,j", v, v))
print(torch.einsum("bij,bjk->bik", torch.ones(2, 2, 3), torch.ones(2, 3, 1)), torch.einsum("...ij->...j", torch.ones(2, 2, 3)))
print(torch.einsum("i,i->", [v, v]), torch.einsum("ij,jk->ik", a, b).grad_fn is not None)
print(torch.tensordot(a, b, dims=1), torch.tensordot(a, a, dims=([0, 1], [0, 1])), torch.kron(torch.eye(2), torch.ones(2, 2)))
print(torch.cross(torch.tensor([1., 0., 0.]), torch.tensor([0., 1., 0.]), dim=0), torch.linalg.cross(torch.eye(3), torch.ones(3, 3)))
print(torch.baddbmm(torch.zeros(2, 2, 4), torch.ones(2, 2, 3), torch.ones(2, 3, 4), beta=0.5, alpha=2).shape)
print(torch.addmv(torch.ones(2), a, v, alpha=2), torch.addr(torch.zeros(3, 3), v, v, beta=0), torch.ones(2).addmv(a, v, beta=3))
print(torch.cdist(torch.tensor([[0., 0.], [3., 4.]]), torch.tensor([[0., 0.], [6., 8.]])), torch.cdist(a, a, p=1))
z = torch.zeros(3, 2)
print(z.index_add(0, torch.tensor([0, 2, 0]), torch.ones(3, 2), alpha=2), torch.index_copy(z, 1, torch.tensor([1]), torch.ones(3, 1)))
z.index_add_(0, torch.tensor([1]), torch.full((1, 2), 5.))
z.index_copy_(0, torch.tensor([2]), torch.full((1, 2), 7.))
print(z)
out = (torch.diag(v) @ torch.ones(3)).sum() + v.diff().sum() + torch.roll(v, 1)[0]
out.backward()
print(v.grad, torch.diag(v).grad_fn.name(), torch.rot90(m.requires_grad_()).grad_fn.name())
for f in [lambda: torch.tril(v), lambda: torch.diag(torch.zeros(2, 2, 2)), lambda: m.diagonal(0, 1, 1), lambda: v.trace(),
          lambda: torch.roll(m, (1, 2), 0), lambda: torch.rot90(m, 1, [0]), lambda: torch.einsum("ij,jk->ik", a),
          lambda: torch.einsum("ij,jk->ik", a, a), lambda: torch.einsum("i1->", v), lambda: torch.meshgrid(m, indexing="ij"),
          lambda: torch.meshgrid(v, v, indexing="zz"), lambda: torch.tensordot(a, a, dims=1), lambda: torch.linalg.cross(a, a),
          lambda: z.index_add(0, torch.tensor([0, 5]), torch.ones(2, 2)), lambda: z.index_copy(0, torch.tensor([0.]), torch.ones(1, 2)),
          lambda: torch.cdist(v, v), lambda: torch.addmv(torch.zeros(4), a, v), lambda: torch.broadcast_to(v, (2, 4))]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
