print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\tnew\nline"), repr("back\\slash"))
print(repr("\x00\x7f"), repr("café"), repr(""), str("x"), [("a", 'b"')])
print("%r %s" % ("q", "q"), f"{'x'!r}", ascii("é"))

# Expected output (checked with CPython 3.11):
# expect: "it's" 'say "hi"' 'both \' and "' 'tab\tnew\nline' 'back\\slash'
# expect: '\x00\x7f' 'café' '' x [('a', 'b"')]
# expect: 'q' q 'x' '\xe9'
