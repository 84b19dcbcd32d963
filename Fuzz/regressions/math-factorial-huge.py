import math
math.factorial(10**9)
