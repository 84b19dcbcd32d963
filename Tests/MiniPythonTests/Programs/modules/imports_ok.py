import math as m
from math import sqrt, pi as PI
import os.path
from os import path
from itertools import *
print(m.sqrt(4), sqrt(9), round(PI, 3), os.path.join("a", "b"), path.basename("/x/y.txt"))
print(list(islice(count(), 3)), type(m).__name__, m.__name__)
import sys
print(type(sys.argv).__name__, sys.maxsize > 2 ** 32)
import nonexistent_module


# Expected output (checked with CPython 3.11):
# expect: 2.0 3.0 3.142 a/b y.txt
# expect: [0, 1, 2] module math
# expect: list True
# expect error: ModuleNotFoundError: No module named 'nonexistent_module'
