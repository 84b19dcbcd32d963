s = "python"
print(s[0], s[-1], s[1:4], s[:2], s[3:], s[::-1], s[::2], s[-3:-1], s[10:], s[4:1:-1])
print(len(s), "y" in s, "th" in s, "z" not in s, s * 2, 3 * "ab", s + "!")
for ch in "abc":
    print(ch, ord(ch), end=" ")
print()
print(list("hey"), sorted("banana"), "".join(reversed("abc")), max("hello"), min("hello"))
print("abc" < "abd", "Z" < "a", "abc" < "ab", "é" > "z")
s[10]

# Expected output (checked with CPython 3.11):
# expect: p n yth py hon nohtyp pto ho  oht
# expect: 6 True True True pythonpython ababab python!
# expect: a 97 b 98 c 99 
# expect: ['h', 'e', 'y'] ['a', 'a', 'a', 'b', 'n', 'n'] cba o e
# expect: True True False True
# expect error: IndexError: string index out of range
