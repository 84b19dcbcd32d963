# np.random's legacy global generator draws numpy's exact numbers.
import numpy as np

np.random.seed(0)
print(np.random.rand(3))
print(np.random.rand(2, 3))
print(np.random.randn(5))
print(np.random.randn(2, 2))
print(np.random.randint(0, 10, size=8), np.random.randint(5), np.random.randint(-3, 3, (2, 3)))
print(np.random.randint(0, 2**40, size=3))
print(np.random.random(), np.random.random((2,)), np.random.rand(), np.random.randn())
print(np.random.normal(1.0, 2.0, size=3), np.random.uniform(-1, 1, size=4), np.random.normal())
x = np.arange(10)
np.random.shuffle(x)
print(x, np.random.permutation(6), np.random.permutation(np.array([[1, 2], [3, 4], [5, 6]])))
items = ['a', 'b', 'c', 'd', 'e']
np.random.shuffle(items)
print(items, np.random.choice(5, 4), np.random.choice(np.array([10, 20, 30]), size=(2, 2)), np.random.choice([1.5, 2.5]))
np.random.seed(42)
print(np.random.rand(4), np.random.randn(3).astype(np.float32))
rng = np.random.RandomState(7)
print(rng.rand(2), rng.randint(0, 100, 3), rng.randn())
