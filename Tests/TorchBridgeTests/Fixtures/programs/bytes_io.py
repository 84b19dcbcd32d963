import io
import torch

buf = io.BytesIO()
torch.save({'w': torch.arange(3.0), 'n': 2}, buf)
data = buf.getvalue()
print(buf.tell(), len(data), data[:4], type(data).__name__, data[30:60])
try:
    torch.load(buf)
except EOFError as e:
    print('EOFError', repr(str(e)))
buf.seek(0)
print(torch.load(buf))
print(torch.load(io.BytesIO(data))['w'])

model = io.BytesIO()
torch.save(torch.nn.Linear(1, 1), model)
model.seek(0)
try:
    torch.load(model)
except Exception as e:
    print(type(e).__name__, str(e)[:60])
model.seek(0)
print(torch.load(model, weights_only=False))
with io.BytesIO() as scratch:
    torch.save(torch.ones(2, 2), scratch)
    print(scratch.seek(0), torch.load(scratch))
print(scratch.closed)
try:
    torch.load(object())
except AttributeError as e:
    print(e)
