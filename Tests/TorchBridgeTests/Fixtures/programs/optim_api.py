# The torch.optim API around the updates: printed form, param groups, state dicts and their
# round trip, zero_grad, add_param_group, subclassing Optimizer, and argument errors.
import torch

w = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
b = torch.tensor([0.5], requires_grad=True)

print(torch.optim.SGD([w, b], lr=0.1))
print(torch.optim.Adam([{'params': [w]}, {'params': [b], 'lr': 0.1, 'betas': (0.5, 0.6)}], lr=1e-4, amsgrad=True))
print(torch.optim.AdamW([w], weight_decay=0.05))
print(torch.optim.RMSprop([w], centered=True, momentum=0.9))
print(torch.optim.Adagrad([w], lr_decay=1e-3))
print(torch.optim.SGD(iter([w]), lr=1, foreach=False))
print(torch.optim.SGD([('weight', w), ('bias', b)], lr=0.1).state_dict())

# state_dict layout, shared tensors and the round trip.
def grads(step):
    w.grad = w.detach() * 0.3 + step
    b.grad = b.detach() - 0.1 * step

opt = torch.optim.Adam([{'params': [w]}, {'params': [b], 'lr': 0.01}], lr=0.05, amsgrad=True)
for step in range(3):
    grads(step)
    opt.step()
sd = opt.state_dict()
print(sorted(sd.keys()), list(sd['state'].keys()), sorted(sd['state'][0].keys()))
print(sd['param_groups'])
print(sd['state'][1]['step'], sd['state'][1]['exp_avg'])
print(sd['state'][0]['exp_avg'] is opt.state[w]['exp_avg'])

w2 = w.detach().clone().requires_grad_()
b2 = b.detach().clone().requires_grad_()
opt2 = torch.optim.Adam([{'params': [w2]}, {'params': [b2]}], lr=0.5)
# Loading shares the saved tensors (as torch.load'ed ones would not be): copy them first.
opt2.load_state_dict({'state': {k: {n: t.clone() for n, t in v.items()} for k, v in sd['state'].items()},
                      'param_groups': sd['param_groups']})
print(opt2.param_groups[1]['lr'], opt2.param_groups[0]['params'][0] is w2, opt2.state[w2]['step'])
for step in range(3, 6):
    grads(step)
    opt.step()
    w2.grad = w.grad.clone()
    b2.grad = b.grad.clone()
    opt2.step()
print(torch.equal(w, w2), torch.equal(b, b2), w.tolist(), b.tolist())

sgd = torch.optim.SGD([w], lr=0.1, momentum=0.9)
w.grad = torch.ones(3)
sgd.step()
state = sgd.state_dict()
print(state)
fresh = torch.optim.SGD([w], lr=0.7)
fresh.load_state_dict(state)
print(fresh.param_groups[0]['lr'], fresh.param_groups[0]['momentum'], fresh.state[w]['momentum_buffer'])

# zero_grad: to None by default, or to zeros.
w.grad = torch.ones(3)
sgd.zero_grad(set_to_none=False)
print(w.grad)
sgd.zero_grad()
print(w.grad)

# Changing a group's lr takes effect at the next step.
p = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([p], lr=0.1)
for lr in [0.1, 0.01, 1.0]:
    opt.param_groups[0]['lr'] = lr
    p.grad = torch.tensor([1.0])
    opt.step()
    print(p.tolist())

# add_param_group fills in the defaults.
q = torch.tensor([2.0], requires_grad=True)
opt.add_param_group({'params': q, 'momentum': 0.5})
print(len(opt.param_groups), opt.param_groups[1]['lr'], opt.param_groups[1]['momentum'])
p.grad = torch.tensor([1.0])
q.grad = torch.tensor([1.0])
opt.step()
opt.step()
print(p.tolist(), q.tolist(), list(opt.state_dict()['state'].keys()))


# A user-defined optimizer.
class PlainSGD(torch.optim.Optimizer):
    def __init__(self, params, lr=0.01):
        super().__init__(params, {'lr': lr})

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            for p in group['params']:
                if p.grad is not None:
                    p -= group['lr'] * p.grad
                    self.state[p]['steps'] = self.state[p].get('steps', 0) + 1


r = torch.tensor([1.0, 2.0], requires_grad=True)
opt = PlainSGD([r], lr=0.25)
for _ in range(3):
    opt.zero_grad()
    (r * r).sum().backward()
    opt.step()
print(r, opt.state_dict(), opt)


def error(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e)


error(lambda: torch.optim.SGD([w], lr=-0.1))
error(lambda: torch.optim.SGD([w], lr=0.1, momentum=-1))
error(lambda: torch.optim.SGD([w], lr=0.1, weight_decay=-1))
error(lambda: torch.optim.SGD([w], lr=0.1, nesterov=True))
error(lambda: torch.optim.Adam([w], lr=-1))
error(lambda: torch.optim.Adam([w], eps=-1))
error(lambda: torch.optim.Adam([w], betas=(1.0, 0.9)))
error(lambda: torch.optim.Adam([w], betas=(0.9, -0.1)))
error(lambda: torch.optim.Adam([w], betas=(0, 0.9)))
error(lambda: torch.optim.Adam([w], weight_decay=-0.5))
error(lambda: torch.optim.RMSprop([w], alpha=-1))
error(lambda: torch.optim.RMSprop([w], momentum=-1))
error(lambda: torch.optim.Adagrad([w], lr_decay=-1))
error(lambda: torch.optim.Adagrad([w], initial_accumulator_value=-1))
error(lambda: torch.optim.SGD([], lr=0.1))
error(lambda: torch.optim.SGD(w, lr=0.1))
error(lambda: torch.optim.SGD([w, 3], lr=0.1))
error(lambda: torch.optim.SGD([w * 2], lr=0.1))
error(lambda: torch.optim.SGD([{'params': [w]}, {'params': [w]}], lr=0.1))
error(lambda: torch.optim.SGD([w], lr=0.1).add_param_group([b]))
error(lambda: torch.optim.SGD([w], lr=0.1).add_param_group({'params': {b}}))
error(lambda: torch.optim.Optimizer([w], {}).step())
error(lambda: torch.optim.SGD([w], lr=0.1).load_state_dict({'state': {}, 'param_groups': []}))
error(lambda: torch.optim.SGD([w], lr=0.1).load_state_dict(torch.optim.SGD([w, b], lr=0.1).state_dict()))

# State created lazily: none without momentum, for parameters added later, tensor learning rates.
s = torch.tensor([1.0, 2.0], requires_grad=True)
plain = torch.optim.SGD([s], lr=0.1)
s.grad = torch.tensor([0.5, 0.5])
plain.step()
print(plain.state, len(plain.state_dict()['state']))
ada = torch.optim.Adagrad([s], lr=0.1, initial_accumulator_value=0.25)
late = torch.tensor([3.0], requires_grad=True)
ada.add_param_group({'params': [late], 'lr': 0.5})
late.grad = torch.tensor([1.0])
ada.step()
print(s.tolist(), late.tolist(), ada.state[late]['sum'], ada.state[s]['step'])
tensor_lr = torch.optim.Adam([s], lr=torch.tensor(0.01))
for _ in range(2):
    s.grad = s.detach() * 2.0
    tensor_lr.step()
print(s.tolist(), tensor_lr.param_groups[0]['lr'])
