xs = [3, 1, 2]
xs.append(5); xs.extend((7, 8)); xs.insert(1, 9); xs.insert(-1, 0); xs.insert(100, 4)
print(xs, len(xs), xs.index(7), xs.count(1))
print(xs.pop(), xs.pop(0), xs.pop(-2), xs)
xs.remove(9); xs.reverse(); print(xs)
xs.sort(); print(xs); xs.sort(reverse=True); print(xs)
ys = xs.copy(); ys.clear(); print(xs, ys)
print([1, 2] + [3], [0] * 3, [[0] * 2] * 2, 2 in [1, 2], [1, [2, 3]] == [1, [2, 3]], [1, 2] < [1, 2, 0])
a = [1, 2, 3, 4, 5, 6]
a[1:3] = ["x"]; print(a)
a[::2] = [0, 0, 0]; print(a)
del a[0]; del a[::2]; print(a)
a[-1] = "end"; print(a, a[-1], a[:-1])
b = list(range(10)); print(b[2:8:3], b[::-3], b[-2::-4], b[100:], b[-100:2])

# Expected output (checked with CPython 3.11):
# expect: [3, 9, 1, 2, 5, 7, 0, 8, 4] 9 5 1
# expect: 4 3 0 [9, 1, 2, 5, 7, 8]
# expect: [8, 7, 5, 2, 1]
# expect: [1, 2, 5, 7, 8]
# expect: [8, 7, 5, 2, 1]
# expect: [8, 7, 5, 2, 1] []
# expect: [1, 2, 3] [0, 0, 0] [[0, 0], [0, 0]] True True True
# expect: [1, 'x', 4, 5, 6]
# expect: [0, 'x', 0, 5, 0]
# expect: [0, 0]
# expect: [0, 'end'] end [0]
# expect: [2, 5] [9, 6, 3, 0] [8, 4, 0] [] [0, 1]
