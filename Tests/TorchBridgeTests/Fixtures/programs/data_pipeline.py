import torch
from collections import namedtuple
from torch.utils.data import (DataLoader, Dataset, TensorDataset, Subset, ConcatDataset, random_split,
                              SequentialSampler, RandomSampler, BatchSampler, SubsetRandomSampler,
                              WeightedRandomSampler, default_collate, IterableDataset)

torch.manual_seed(3)
xs = torch.arange(10.0).reshape(10, 1)
ys = torch.arange(10)
ds = TensorDataset(xs, ys)
print(len(ds), ds[2], ds[-1])
loader = DataLoader(ds, batch_size=4, shuffle=True, drop_last=True, num_workers=2)
print(len(loader), len(DataLoader(ds, batch_size=4)))
for epoch in range(2):
    print([yb.tolist() for _, yb in loader])
print(torch.rand(1))
print(list(DataLoader(list(range(5)), batch_size=None)))
print(list(SequentialSampler(range(4))), list(BatchSampler(SequentialSampler(range(7)), 3, False)))
print(list(BatchSampler(range(7), 3, True)))
print(list(RandomSampler(range(6))), list(RandomSampler(range(4), replacement=True, num_samples=5)))
g = torch.Generator().manual_seed(11)
print(list(RandomSampler(range(6), generator=g)))
print(list(SubsetRandomSampler([10, 20, 30, 40])))
print(list(WeightedRandomSampler([0.1, 0.9, 0.4], 6)))
print(list(DataLoader(ds, sampler=SubsetRandomSampler([1, 3, 5]), batch_size=2)))
print([b[1].tolist() for b in DataLoader(ds, batch_sampler=[[0, 1], [8, 9, 2]])])
a, b = random_split(ds, [0.7, 0.3])
print(len(a), len(b), a.indices, b.indices)
a, b, c = random_split(range(10), [0.5, 0.3, 0.2], generator=torch.Generator().manual_seed(42))
print(list(a), list(b), list(c))
sub = Subset(ds, [4, 2])
print(len(sub), sub[0], sub[1][1])
cat = ConcatDataset([range(3), range(10, 12)])
print(len(cat), [cat[i] for i in range(len(cat))], cat[-1], cat.cumulative_sizes)
print(len(ds + ds))
Point = namedtuple("Point", ["x", "y"])
print(default_collate([Point(1, 2.0), Point(3, 4.0)]))
print(default_collate([{"a": torch.ones(2), "b": [1, 2]}, {"a": torch.zeros(2), "b": [3, 4]}]))
print(default_collate([(True, "s"), (False, "t")]))
print(default_collate([[1, 2], [3, 4]]))


class Stream(IterableDataset):
    def __iter__(self):
        return iter(range(7))


print(list(DataLoader(Stream(), batch_size=3)))
print(list(DataLoader(Stream(), batch_size=3, drop_last=True)))
for bad in [dict(batch_size=0), dict(shuffle=True, sampler=SequentialSampler(ds)),
            dict(batch_sampler=[[0]], batch_size=2), dict(num_workers=-1), dict(batch_size=None, drop_last=True)]:
    try:
        DataLoader(ds, **bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    random_split(ds, [3, 3])
except ValueError as e:
    print("ValueError:", e)
try:
    TensorDataset(torch.ones(3), torch.ones(4))
except AssertionError as e:
    print("AssertionError:", e)
try:
    default_collate([object()])
except TypeError as e:
    print("TypeError:", str(e)[:60])
try:
    Dataset()[0]
except NotImplementedError as e:
    print("NotImplementedError:", e)
