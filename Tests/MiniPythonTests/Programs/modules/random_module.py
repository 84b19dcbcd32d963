import random
random.seed(0)
print(random.random())
print(random.random())
random.seed(1234)
print(random.randint(1, 100), random.randrange(10), random.randrange(0, 100, 5), random.choice(["a", "b", "c"]))
data = list(range(8))
random.shuffle(data)
print(data)
print(random.sample(range(50), 4), round(random.uniform(-1, 1), 12), round(random.gauss(0, 1), 12))
random.seed(7)
print([random.random() < 0.5 for _ in range(6)], random.choices("xyz", k=5))
random.seed(2 ** 80)
print(random.random(), random.getrandbits(40))

# Expected output (checked with CPython 3.11):
# expect: 0.8444218515250481
# expect: 0.7579544029403025
# expect: 100 7 15 a
# expect: [2, 7, 3, 5, 0, 4, 6, 1]
# expect: [15, 1, 22, 41] 0.246562950078 -0.423484998532
# expect: [True, True, False, True, False, True] ['x', 'y', 'x', 'y', 'x']
# expect: 0.25118542776082864 344090310102
