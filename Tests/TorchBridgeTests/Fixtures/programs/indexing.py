import torch
x = torch.arange(12).reshape(3, 4)
print(x[0], x[-1], x[1, 2], x[1][2], x[:, 0], x[..., -1], x[1:], x[:2, 1:3], x[::2], x[-2:, -2:])
print(x[None].shape, x[:, None].shape, x[..., None].shape, x[1, None], x[0, 0].shape)
print(x[[0, 2]], x[:, [1, 3]], x[[0, 1, 2], [3, 2, 1]], x[torch.tensor([2, 0])], x[x > 5], x[x % 2 == 0])
print(x[torch.tensor([True, False, True])], x[range(2)], x[[True, False, True]])
print(torch.gather(x, 1, torch.tensor([[0], [1], [3]])), x.index_select(0, torch.tensor([2, 0])))
print(torch.masked_select(x, x > 8), torch.nonzero(x > 9), (x > 9).nonzero(as_tuple=True), torch.argwhere(x > 10))
print(x.take(torch.tensor([0, 11])), torch.take(x, torch.tensor([5])))
y = torch.zeros(3, 4)
y[0] = 5
y[:, 1] = torch.tensor([1.0, 2.0, 3.0])
y[2, 3] = -1
y[1:3, 2:4] = 9
y[y > 8] = 0
y[[0, 2], [0, 1]] = 7
y[0, ...] += 1
print(y)
z = torch.arange(6)
z[z % 2 == 0] *= 10
z[-1] = z[0] + 100
print(z)
w = torch.zeros(5)
w[torch.tensor([1, 3])] = torch.tensor([2.5, 3.5])
w[1:3] += 1
w[[4]] = 8
print(w)
s = torch.zeros(4)
s.scatter_(0, torch.tensor([3, 1]), torch.tensor([1.0, 2.0]))
print(s, torch.zeros(3, 2).scatter(1, torch.tensor([[1], [0], [1]]), 5.0), torch.zeros(3).index_fill_(0, torch.tensor([0, 2]), 1.5))
print(torch.zeros(2, 3).scatter_add(1, torch.tensor([[0, 0, 1], [2, 2, 2]]), torch.ones(2, 3)))
for row in x[:2]:
    print(row, row.shape)
print(5 in x, 100 in x, list(torch.tensor([1, 2])), [int(t) for t in torch.tensor([3, 4])])
