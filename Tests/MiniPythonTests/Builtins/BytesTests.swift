import Testing
import MiniPython

/// `bytes` and `io.BytesIO`, whose behaviour and printed forms match CPython 3.11 (expected
/// texts recorded with it).
@Suite struct BytesTests {
    @Test func bytesAndBytesIOBehaveAsInCPython() {
        expectOutput(#"""
import io
b = b'ab\x00\xff\'"\n'
print(b, len(b), b[0], b[-1], b[1:3], list(b[:2]), b == b'ab\x00\xff\'"\n', b != b'x')
print(bytes(3), bytes([1, 2]), bytes('hé', 'utf-8'), 'hé'.encode(), b'h\xc3\xa9'.decode(), b'\x01\xab'.hex())
print(b'ab' + b'cd', type(b).__name__, isinstance(b, bytes), {b'k': 1}[b'k'], repr(b"it's"), repr(b''))
s = io.BytesIO(b'hello')
print(s.read(2), s.tell(), s.read(), s.read(), s.seek(1), s.read(1), s.seek(0, 2), s.write(b'!'), s.getvalue())
print(s.seek(8), s.write(b'x'), s.getvalue(), s.seek(2), s.truncate(), s.getvalue())
with io.BytesIO() as t:
    t.write(b'abc')
    print(t.readable(), t.writable(), t.seekable(), t.closed)
print(t.closed)
try:
    t.getvalue()
except ValueError as e:
    print('ValueError:', e)
try:
    io.BytesIO().write('text')
except TypeError as e:
    print('TypeError:', e)
"""#, #"""
b'ab\x00\xff\'"\n' 7 97 10 b'b\x00' [97, 98] True True
b'\x00\x00\x00' b'\x01\x02' b'h\xc3\xa9' b'h\xc3\xa9' hé 01ab
b'abcd' bytes True 1 b"it's" b''
b'he' 2 b'llo' b'' 1 b'e' 5 1 b'hello!'
8 1 b'hello!\x00\x00x' 2 2 b'he'
True True True False
True
ValueError: I/O operation on closed file.
TypeError: a bytes-like object is required, not 'str'

"""#)
    }

    @Test(arguments: [
        ("bytes('x')", "TypeError: string argument without an encoding"),
        ("bytes([256])", "ValueError: bytes must be in range(0, 256)"),
        ("bytes(-1)", "ValueError: negative count"),
        ("b'a'[5]", "IndexError: index out of range"),
        ("b'a'['x']", "TypeError: byte indices must be integers or slices, not str"),
        ("import io\nio.BytesIO().seek(-1)", "ValueError: negative seek value -1"),
    ])
    func errorsUseCPythonsWording(_ source: String, _ error: String) {
        expectOutput(source + "\n", "", error: error)
    }
}
