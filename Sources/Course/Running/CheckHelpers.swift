import MiniPython

/// The `expect_*` functions an exercise's check can call. Each takes the learner's
/// expression as a string, so its message can name it:
///
/// ```python
/// expect_shape("ones", (2, 3))        # `ones` should have shape (2, 3), but it has shape (3, 2)
/// expect_close("w.grad", [2.0, 4.0])  # `w.grad` differs at index (1,): 3.0 where 4.0 was expected
/// ```
///
/// They are written in Python over one native primitive, `_evaluate(expr)`, which evaluates
/// an expression in the learner's `__main__`.
enum CheckHelpers {
    /// The names a check sees (the reference list lives in `Lessons/FORMAT.md`).
    static let names = [
        "expect_defined", "expect_type", "expect_tensor", "expect_shape", "expect_dtype", "expect_equal",
        "expect_close", "expect_grad", "expect_decreased",
    ]

    static func makeModule(_ interp: Interpreter) throws(PyError) -> PyModule {
        let evaluate = PyModule(name: "tutor_checks")
        evaluate.addFunction("_evaluate(expr, /)") { (interp, args) throws(PyError) in
            try interp.evaluate(try interp.expectStr(args[0]), filename: "<check>")
        }
        return try interp.makeModule(name: "tutor_checks", source: source, globals: [("_evaluate", evaluate["_evaluate"]!)])
    }

    static let source = #"""
import torch

def _value(expr):
    try:
        return _evaluate(expr)
    except NameError as error:
        raise AssertionError(f"`{expr}` is not defined yet ({error})") from None
    except AttributeError as error:
        raise AssertionError(f"`{expr}` cannot be read yet ({error})") from None

def _format(value):
    if isinstance(value, float):
        return f"{value:.6g}"
    return repr(value)

def expect_defined(expr):
    _value(expr)

def expect_type(expr, kind):
    value = _value(expr)
    if not isinstance(value, kind):
        raise AssertionError(f"`{expr}` should be a {kind.__name__}, but its type is {type(value).__name__}")
    return value

def expect_tensor(expr):
    value = _value(expr)
    if not isinstance(value, torch.Tensor):
        raise AssertionError(f"`{expr}` should be a tensor, but its type is {type(value).__name__}")
    return value

def expect_shape(expr, shape):
    value = expect_tensor(expr)
    if tuple(value.shape) != tuple(shape):
        raise AssertionError(f"`{expr}` should have shape {tuple(shape)}, but it has shape {tuple(value.shape)}")

def expect_dtype(expr, dtype):
    value = expect_tensor(expr)
    if value.dtype != dtype:
        raise AssertionError(f"`{expr}` should have dtype {dtype}, but it has dtype {value.dtype}")

def expect_equal(expr, expected):
    value = _value(expr)
    if isinstance(value, torch.Tensor) or isinstance(expected, torch.Tensor):
        _compare(expr, value, expected, 0.0, 0.0)
    elif value != expected:
        raise AssertionError(f"`{expr}` should be {_format(expected)}, but it is {_format(value)}")

def expect_close(expr, expected, atol=1e-5, rtol=1e-4):
    _compare(expr, _value(expr), expected, atol, rtol)

def expect_grad(expr, expected=None, atol=1e-5, rtol=1e-4):
    value = expect_tensor(expr)
    if value.grad is None:
        raise AssertionError(f"`{expr}.grad` is None: call backward() on a result computed from `{expr}`")
    if expected is not None:
        _compare(f"{expr}.grad", value.grad, expected, atol, rtol)

def expect_decreased(expr):
    values = _value(expr)
    if isinstance(values, torch.Tensor):
        values = values.reshape(-1).tolist()
    values = [float(v) for v in values]
    if len(values) < 2:
        raise AssertionError(f"`{expr}` should hold at least two values, but it holds {len(values)}")
    if not values[-1] < values[0]:
        raise AssertionError(f"`{expr}` should decrease, but it went from {values[0]:.6g} to {values[-1]:.6g}")

def _compare(expr, value, expected, atol, rtol):
    if not isinstance(value, (torch.Tensor, bool, int, float, list, tuple)):
        raise AssertionError(f"`{expr}` should be a tensor, but its type is {type(value).__name__}")
    got = value if isinstance(value, torch.Tensor) else torch.tensor(value)
    want = expected if isinstance(expected, torch.Tensor) else torch.tensor(expected)
    if tuple(got.shape) != tuple(want.shape):
        raise AssertionError(f"`{expr}` should have shape {tuple(want.shape)}, but it has shape {tuple(got.shape)}")
    got = got.detach().double()
    want = want.detach().double()
    # Written as "not within" so that NaN counts as a difference.
    bad = ((got - want).abs() <= atol + rtol * want.abs()).logical_not()
    if bool(bad.any()):
        flat = bad.reshape(-1).tolist()
        position = flat.index(True)
        index = []
        for size in reversed(tuple(got.shape)):
            index.insert(0, position % size)
            position //= size
        at = f" at index {tuple(index)}" if index else ""
        g = got.reshape(-1)[flat.index(True)].item()
        w = want.reshape(-1)[flat.index(True)].item()
        raise AssertionError(f"`{expr}` differs{at}: {g:.6g} where {w:.6g} was expected")
"""#
}
