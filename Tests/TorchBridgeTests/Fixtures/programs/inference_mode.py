# torch.inference_mode as a context manager and a decorator: tensors made inside are
# inference tensors (and so are their views), tensors made outside stay normal, grad mode
# is off inside, and inference_mode(False) switches it back off for a block.
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Linear(3, 2)
outside = torch.ones(3)
with torch.inference_mode():
    print(torch.is_inference_mode_enabled(), torch.is_grad_enabled())
    y = model(torch.randn(4, 3))
    view = outside[:2]
    print(y.is_inference(), y.requires_grad, y.grad_fn, y[0].is_inference(), view.is_inference())
    with torch.inference_mode(False):
        print(torch.is_inference_mode_enabled(), torch.ones(1).is_inference())
    print(torch.is_inference_mode_enabled())
print(torch.is_inference_mode_enabled(), torch.is_grad_enabled(), outside.is_inference(), torch.zeros(1).is_inference())
print(model.weight.is_inference(), model(torch.ones(1, 3)).requires_grad)


@torch.inference_mode()
def predict(x):
    return model(x).argmax(dim=1)


out = predict(torch.randn(5, 3))
print(out, out.is_inference(), torch.is_inference_mode_enabled())
with torch.no_grad():
    z = model(torch.ones(1, 3))
print(z.is_inference(), z.requires_grad)
with torch.inference_mode(mode=False):
    print(torch.is_inference_mode_enabled(), torch.ones(1).is_inference())


@torch.inference_mode
def make():
    return torch.ones(2)


print(make().is_inference(), torch.is_inference_mode_enabled())

# torch.is_inference as a function too
with torch.inference_mode():
    made_inside = torch.ones(2)
print(torch.is_inference(made_inside), torch.is_inference(torch.ones(1)))
try:
    torch.is_inference(3)
except TypeError as e:
    print("TypeError:", e)
