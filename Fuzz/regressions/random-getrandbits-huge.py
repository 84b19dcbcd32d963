import random
random.getrandbits(2**40)
