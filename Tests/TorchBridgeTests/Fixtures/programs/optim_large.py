# The optimizers on a parameter of 40001 elements (PyTorch's vectorised kernels and our
# threaded ones): a sample of the values and their sum must equal PyTorch's exactly.
import torch

n = 40001
start = [((i * 7919) % 2003) / 1001.0 - 1.0 for i in range(n)]
for cls, kwargs in [(torch.optim.SGD, {'lr': 0.1, 'momentum': 0.9, 'nesterov': True, 'weight_decay': 0.01}),
                    (torch.optim.Adam, {'lr': 0.01, 'amsgrad': True}),
                    (torch.optim.AdamW, {'lr': 0.01}),
                    (torch.optim.RMSprop, {'lr': 0.01, 'centered': True, 'momentum': 0.9}),
                    (torch.optim.Adagrad, {'lr': 0.1, 'lr_decay': 0.01})]:
    p = torch.tensor(start, requires_grad=True)
    opt = cls([p], **kwargs)
    for step in range(5):
        p.grad = p.detach() * (0.5 + 0.1 * step) - 0.25
        opt.step()
    values = p.tolist()
    print(cls.__name__, repr(sum(values)), values[::9973])
