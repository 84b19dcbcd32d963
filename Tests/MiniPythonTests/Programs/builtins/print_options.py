print("a", "b", sep="")
print("a", "b", sep=", ", end="!\n")
print()
print(1, end="")
print(2)
print(*range(4), sep="|")
print("x", None, True, 1.0, [None])
import sys
print("to stdout", file=sys.stdout)
sys.stdout.write("written\n")
print("bad", sep=1)

# Expected output (checked with CPython 3.11):
# expect: ab
# expect: a, b!
# expect: 
# expect: 12
# expect: 0|1|2|3
# expect: x None True 1.0 [None]
# expect: to stdout
# expect: written
# expect error: TypeError: sep must be None or a string, not int
