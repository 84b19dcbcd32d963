# torch.optim.lr_scheduler: the learning rates of every scheduler over 30 steps, printed with
# repr (so they must equal PyTorch's to the last bit), plus state dicts and step(epoch).
import math
import torch
from torch.optim import lr_scheduler

w = torch.tensor([1.0], requires_grad=True)


def sequence(make_scheduler, steps=30, optimizer=None, **opt_kwargs):
    opt = optimizer or torch.optim.SGD([w], lr=opt_kwargs.pop('lr', 0.1), **opt_kwargs)
    sched = make_scheduler(opt)
    lrs = [sched.get_last_lr()[0]]
    for _ in range(steps):
        opt.step()
        sched.step()
        lrs.append(sched.get_last_lr()[0])
    print(type(sched).__name__, lrs)
    return opt, sched


sequence(lambda o: lr_scheduler.StepLR(o, step_size=4, gamma=0.5))
sequence(lambda o: lr_scheduler.MultiStepLR(o, milestones=[3, 7, 7, 20], gamma=0.3))
sequence(lambda o: lr_scheduler.ExponentialLR(o, gamma=0.9))
sequence(lambda o: lr_scheduler.CosineAnnealingLR(o, T_max=10))
sequence(lambda o: lr_scheduler.CosineAnnealingLR(o, T_max=7, eta_min=0.001))
sequence(lambda o: lr_scheduler.LambdaLR(o, lambda epoch: 0.95 ** epoch))
sequence(lambda o: lr_scheduler.LambdaLR(o, lambda epoch: min(1.0, (epoch + 1) / 5)))
sequence(lambda o: lr_scheduler.MultiplicativeLR(o, lambda epoch: 0.97))
sequence(lambda o: lr_scheduler.ConstantLR(o, factor=0.5, total_iters=4))
sequence(lambda o: lr_scheduler.LinearLR(o, start_factor=0.1, total_iters=8))
sequence(lambda o: lr_scheduler.LinearLR(o, start_factor=1.0, end_factor=0.2, total_iters=12))
sequence(lambda o: lr_scheduler.PolynomialLR(o, total_iters=20, power=2.0))
sequence(lambda o: lr_scheduler.CosineAnnealingWarmRestarts(o, T_0=5, T_mult=2, eta_min=0.01))
opt, sched = sequence(lambda o: lr_scheduler.OneCycleLR(o, max_lr=0.5, total_steps=30), momentum=0.9)
print(opt.param_groups[0]['momentum'], opt.param_groups[0]['initial_lr'], opt.param_groups[0]['min_lr'])
sequence(lambda o: lr_scheduler.OneCycleLR(o, max_lr=1.0, epochs=3, steps_per_epoch=10, anneal_strategy='linear',
                                            three_phase=True), momentum=0.9)
adam = torch.optim.Adam([w], lr=0.001)
opt, sched = sequence(lambda o: lr_scheduler.OneCycleLR(o, max_lr=0.01, total_steps=31, pct_start=0.25), optimizer=adam)
print(opt.param_groups[0]['betas'])
opt, sched = sequence(lambda o: lr_scheduler.OneCycleLR(o, max_lr=0.1, total_steps=40, cycle_momentum=False))
print(sched.state_dict())

# ReduceLROnPlateau follows a metric.
losses = [1.0, 0.9, 0.95, 0.93, 0.94, 0.92, 0.91, 0.95, 0.96, 0.97, 0.5, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6]
for kwargs in [{'patience': 2}, {'patience': 1, 'factor': 0.5, 'cooldown': 2},
               {'mode': 'max', 'patience': 0, 'threshold': 0.01, 'threshold_mode': 'abs', 'min_lr': 0.02},
               {'patience': 0, 'threshold': 0.05, 'factor': 0.2, 'min_lr': 1e-3}]:
    opt = torch.optim.SGD([w], lr=0.1)
    sched = lr_scheduler.ReduceLROnPlateau(opt, **kwargs)
    lrs = []
    for loss in losses:
        sched.step(loss)
        lrs.append(opt.param_groups[0]['lr'])
    print(kwargs, lrs, sched.best, sched.num_bad_epochs, sched.get_last_lr())
print(sched.state_dict())
sched.step(torch.tensor(0.01))
print(sched.best)

# Two param groups, state dicts, closed-form step(epoch), resuming with last_epoch.
opt = torch.optim.SGD([{'params': [w]}, {'params': [torch.zeros(1, requires_grad=True)], 'lr': 0.5}], lr=0.1)
sched = lr_scheduler.StepLR(opt, step_size=2, gamma=0.1)
for _ in range(3):
    opt.step()
    sched.step()
print(sched.get_last_lr(), sched.last_epoch, sched.state_dict())
sched.step(7)
print(sched.get_last_lr())
exp = lr_scheduler.ExponentialLR(torch.optim.SGD([w], lr=1.0), gamma=0.5)
exp.step(3)
print(exp.get_last_lr())
cos = lr_scheduler.CosineAnnealingLR(torch.optim.SGD([w], lr=1.0), T_max=8)
cos.step(5)
print(cos.get_last_lr(), [g['initial_lr'] for g in cos.optimizer.param_groups])
ms = lr_scheduler.MultiStepLR(torch.optim.SGD([w], lr=1.0), milestones=[2, 5, 5])
ms.step(6)
print(ms.get_last_lr(), ms.milestones)
lam = lr_scheduler.LambdaLR(torch.optim.SGD([w], lr=1.0), lambda e: 1 / (e + 1))
print(lam.state_dict())

saved_opt = torch.optim.SGD([w], lr=0.1)
saved = lr_scheduler.CosineAnnealingLR(saved_opt, T_max=10)
for _ in range(4):
    saved_opt.step()
    saved.step()
state = saved.state_dict()
resumed_opt = torch.optim.SGD([w], lr=0.1)
resumed = lr_scheduler.CosineAnnealingLR(resumed_opt, T_max=10)
resumed.load_state_dict(state)
resumed_opt.param_groups[0]['lr'] = saved_opt.param_groups[0]['lr']
for _ in range(3):
    saved_opt.step()
    saved.step()
    resumed_opt.step()
    resumed.step()
print(saved.get_last_lr(), resumed.get_last_lr())
late = lr_scheduler.StepLR(torch.optim.SGD([{'params': [w], 'initial_lr': 1.0}], lr=0.25), step_size=3, last_epoch=5)
print(late.last_epoch, late.get_last_lr())


def error(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e)


error(lambda: lr_scheduler.StepLR(torch.optim.SGD([w], lr=0.1), step_size=2, last_epoch=3))
error(lambda: lr_scheduler.StepLR("not an optimizer", step_size=2))
error(lambda: lr_scheduler.ReduceLROnPlateau(torch.optim.SGD([w], lr=0.1), factor=1.5))
error(lambda: lr_scheduler.ReduceLROnPlateau(torch.optim.SGD([w], lr=0.1), mode='avg'))
error(lambda: lr_scheduler.OneCycleLR(torch.optim.SGD([w], lr=0.1), max_lr=1.0))
error(lambda: lr_scheduler.OneCycleLR(torch.optim.SGD([w], lr=0.1), max_lr=1.0, total_steps=0))
error(lambda: lr_scheduler.OneCycleLR(torch.optim.SGD([w], lr=0.1), max_lr=1.0, total_steps=10, pct_start=1))
error(lambda: lr_scheduler.OneCycleLR(torch.optim.SGD([w], lr=0.1), max_lr=[1.0, 2.0], total_steps=10))
error(lambda: lr_scheduler.OneCycleLR(torch.optim.Adagrad([w], lr=0.1), max_lr=1.0, total_steps=10))
error(lambda: lr_scheduler.LinearLR(torch.optim.SGD([w], lr=0.1), start_factor=0))
error(lambda: lr_scheduler.LambdaLR(torch.optim.SGD([w], lr=0.1), [lambda e: e, lambda e: e]))
one = lr_scheduler.OneCycleLR(torch.optim.SGD([w], lr=0.1), max_lr=1.0, total_steps=2)
one.step()
one.step()
error(lambda: one.step())
