nested = []
for i in range(300000):
    nested = [nested]
nested = None
class Node:
    def __init__(self, nxt):
        self.nxt = nxt
chain = None
for i in range(300000):
    chain = Node(chain)
chain = None
print("deep structures freed")
for make in [lambda: [0] * 10 ** 12, lambda: "ab" * 10 ** 12, lambda: list(range(10 ** 12))]:
    try:
        make()
    except MemoryError:
        print("MemoryError")
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print(e)
print(len(range(10 ** 15)), 10 ** 15 in range(0, 10 ** 16, 5))

# Expected output (checked with CPython 3.11):
# expect: deep structures freed
# expect: MemoryError
# expect: MemoryError
# expect: MemoryError
# expect: maximum recursion depth exceeded
# expect: 1000000000000000 True
