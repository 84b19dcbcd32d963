s = "Hello, World"
print(s.lower(), s.upper(), s.swapcase(), s.title(), "hello world".capitalize())
print(s.find("o"), s.rfind("o"), s.find("o", 5), s.index("W"), s.count("l"), s.count(""))
print(s.startswith("Hell"), s.endswith(("x", "ld")), s.startswith("World", 7))
print(s.replace("l", "L"), s.replace("l", "L", 2), "aaa".replace("a", "bb"), "ab".replace("", "-"))
print(s.split(", "), "a b  c".split(), "a,b,,c".split(","), "a b c d".split(" ", 2), "a b c d".rsplit(" ", 1))
print("  x  ".strip(), "xxhixx".strip("x"), "  x".lstrip(), "x  ".rstrip() + "|", "www.ex.com".lstrip("w."))
print("-".join("abc"), ", ".join(["1", "2"]), "".join([]))
print("ab\ncd\r\nef".splitlines(), "ab\ncd\n".splitlines(True))
print("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("x"))
print("42".zfill(5), "-42".zfill(5), "ab".center(7, "*"), "ab".ljust(4, "."), "ab".rjust(4))
print("abc123".isalnum(), "abc".isalpha(), "123".isdigit(), " \t".isspace(), "ABC".isupper(), "abc".islower())
print("Hello World".istitle(), "x1".isidentifier(), "1x".isidentifier(), "".isdigit())
print("prefix_name".removeprefix("prefix_"), "file.txt".removesuffix(".txt"))

# Expected output (checked with CPython 3.11):
# expect: hello, world HELLO, WORLD hELLO, wORLD Hello, World Hello world
# expect: 4 8 8 7 3 13
# expect: True True True
# expect: HeLLo, WorLd HeLLo, World bbbbbb -a-b-
# expect: ['Hello', 'World'] ['a', 'b', 'c'] ['a', 'b', '', 'c'] ['a', 'b', 'c d'] ['a b c', 'd']
# expect: x hi x x| ex.com
# expect: a-b-c 1, 2 
# expect: ['ab', 'cd', 'ef'] ['ab\n', 'cd\n']
# expect: ('a', '=', 'b=c') ('a=b', '=', 'c') ('abc', '', '')
# expect: 00042 -0042 ***ab** ab..   ab
# expect: True True True True True True
# expect: True True False False
# expect: name file
