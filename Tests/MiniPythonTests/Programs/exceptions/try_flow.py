def f(x):
    try:
        r = 10 / x
    except ZeroDivisionError:
        print("div by zero")
        return "handled"
    else:
        print("else", r)
        return "ok"
    finally:
        print("finally", x)
print(f(2)); print(f(0))
def g():
    try:
        return 1
    finally:
        print("cleanup")
print(g())
def h():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("fin", i)
h()
def override():
    try:
        return "try"
    finally:
        return "finally"
print(override())

# Expected output (checked with CPython 3.11):
# expect: else 5.0
# expect: finally 2
# expect: ok
# expect: div by zero
# expect: finally 0
# expect: handled
# expect: cleanup
# expect: 1
# expect: fin 0
# expect: fin 1
# expect: fin 2
# expect: finally
