# numpy arithmetic, promotion, indexing, reductions and module functions.
import numpy as np

a = np.arange(6).reshape(2, 3)
f = np.array([[1.5, -2.0, 3.25], [0.5, 4.0, -1.0]], dtype=np.float32)
print(repr(a + 1), repr(a * 2.5), repr(a / 2), repr(a // 4), repr(a % 4), repr(a ** 2), repr(-a))
print(repr(f + 1), repr(f * 2.5), repr(f + a), repr(f + np.float64(1)), repr(2 - f), repr(f / 4))
print(repr(a > 2), repr(f == 0.5), repr((a > 1) & (a < 5)), repr(~(a > 2)), repr(a[a > 2]))
print(repr(np.array([1, 2], dtype=np.uint8) + np.array([1, 2], dtype=np.int8)), repr(np.array([1], dtype=np.int32) + np.float32(1)))
print(repr(np.array([True, False]) + np.array([True, True])), repr(np.array([True]) + 1), repr(np.array([True]) * 2.0))
print(repr(a + np.array([10, 20, 30])), repr(a + np.array([[100], [200]])))
print(repr(a.T), repr(a.transpose()), repr(np.transpose(np.zeros((2, 3, 4)), (1, 2, 0)).shape), a.reshape(-1).shape, a.reshape(3, -1).shape)
print(repr(a[1]), repr(a[1, 2]), repr(a[:, 1]), repr(a[::-1]), repr(a[:, ::-2]), repr(a[..., 0]), repr(a[None].shape), repr(a[[0, 1], [2, 0]]))
print(repr(a.sum()), repr(a.sum(axis=0)), repr(a.sum(axis=1, keepdims=True)), repr(a.mean()), repr(a.mean(axis=0)), repr(f.mean()), repr(f.sum(axis=1)))
print(repr(a.max()), repr(a.min(axis=1)), repr(a.argmax()), repr(f.argmax(axis=1)), repr(f.std()), repr(a.std(axis=0)), repr(a.var()))
print(repr(np.sum(a)), repr(np.mean(f, axis=0)), repr(np.argmax(f)), repr(np.max(f, axis=0)), repr(np.prod(a + 1)), repr(np.cumsum(a)))
print(repr(np.exp(np.array([0.0, 1.0, -1.0]))), repr(np.log(np.array([1.0, 10.0]))), repr(np.sqrt(np.arange(5))), repr(np.abs(f)))
print(repr(np.clip(a, 1, 4)), repr(np.clip(f, 0, 1)), repr(np.maximum(a, 2)), repr(np.minimum(f, 0.0)), repr(np.round(np.array([0.5, 1.5, 2.567]), 1)))
print(repr(np.concatenate([a, a])), repr(np.concatenate([a, a], axis=1)), repr(np.stack([a[0], a[1]], axis=1)), repr(np.vstack([a[0], a[1]])), repr(np.hstack([a[0], a[1]])))
print(repr(np.where(a > 2, a, -1)), repr(np.where(a > 3)), repr(np.dot(a[0], a[1])), repr(a @ a.T), repr(np.unique(np.array([3, 1, 3, 2]))))
print(np.allclose(f, f + 1e-7), np.allclose(a, a + 1), np.array_equal(a, a.copy()), repr(np.isclose(np.array([1.0, 2.0]), np.array([1.0, 2.1]))))
print(repr(np.arange(0, 1, 0.1)), repr(np.arange(1, 2, 0.25, dtype=np.float32)), repr(np.arange(5, 0, -2)), repr(np.linspace(0, 10, 4)))
print(repr(np.zeros((2, 2), dtype=np.int64)), repr(np.ones(3, dtype=np.uint8)), repr(np.full((2,), 7)), repr(np.eye(3)), repr(np.zeros_like(f)))
print(a.shape, a.ndim, a.size, a.dtype, len(a), a.tolist(), a[0, 0].item(), type(a[0, 0].item()).__name__, type(a.tolist()[0][0]).__name__)
print(repr(a.astype(np.float32)), repr(f.astype(int)), repr(f.astype('uint8')), repr(np.array([1.7, -1.7]).astype(np.int64)))
print([repr(row) for row in a], [repr(v) for v in a[0]], int(np.float32(2.7)), float(a.sum()), a.sum() + 1, type(a.sum() + 1.5).__name__)
b = a.copy()
b[0] = 7
b[1, 1:] = np.array([8, 9])
b += 1
b[b > 8] = 0
print(repr(b), repr(a))
c = np.zeros(4, dtype=np.float32)
c[1:3] = 2.5
c *= 2
print(repr(c), repr(np.float32(2) * np.float32(3)), repr(np.int64(7) // 2), repr(np.float64(1.5) > 1))
print(repr(np.squeeze(np.zeros((1, 3, 1))).shape), repr(np.expand_dims(np.arange(3), 0)), repr(np.sort(np.array([3, 1, 2]))), repr(np.argsort(np.array([3.0, 1.0, 2.0]))))
