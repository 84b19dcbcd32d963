extension OptimSource {
    /// `torch.optim.Adagrad`.
    static let adagrad = #"""
class Adagrad(Optimizer):
    """Adagrad: divides each step by the root of the sum of all squared gradients so far,
    with the learning rate decayed as lr / (1 + (step - 1) * lr_decay)."""

    def __init__(self, params, lr=1e-2, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10,
                 foreach=None, *, maximize=False, differentiable=False, fused=None):
        if isinstance(lr, torch.Tensor) and lr.numel() != 1:
            raise ValueError("Tensor lr must be 1-element")
        if not 0.0 <= lr:
            raise ValueError(f"Invalid learning rate: {lr}")
        if not 0.0 <= lr_decay:
            raise ValueError(f"Invalid lr_decay value: {lr_decay}")
        if not 0.0 <= weight_decay:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        if not 0.0 <= initial_accumulator_value:
            raise ValueError(f"Invalid initial_accumulator_value value: {initial_accumulator_value}")
        if not 0.0 <= eps:
            raise ValueError(f"Invalid epsilon value: {eps}")
        defaults = {'lr': lr, 'lr_decay': lr_decay, 'eps': eps, 'weight_decay': weight_decay,
                    'initial_accumulator_value': initial_accumulator_value, 'foreach': foreach,
                    'maximize': maximize, 'differentiable': differentiable, 'fused': fused}
        _check_options(defaults)
        super().__init__(params, defaults)
        # Unlike the other optimizers, Adagrad creates its state at once.
        for group in self.param_groups:
            for p in group['params']:
                state = self.state[p]
                state['step'] = torch.tensor(0.0, dtype=torch.float32)
                state['sum'] = torch.full_like(p, initial_accumulator_value)

    def __setstate__(self, state):
        super().__setstate__(state)
        for group in self.param_groups:
            group.setdefault('foreach', None)
            group.setdefault('maximize', False)
            group.setdefault('differentiable', False)
            group.setdefault('fused', None)
        for p_state in self.state.values():
            if len(p_state) != 0 and not torch.is_tensor(p_state['step']):
                p_state['step'] = torch.tensor(float(p_state['step']), dtype=torch.float32)

    @_use_grad_for_differentiable
    def step(self, closure=None):
        """Performs one update; `closure` (re-evaluating and returning the loss) runs first, with autograd."""
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            _kernels.adagrad(group, self.state, self.defaults['initial_accumulator_value'])
        return loss
"""#
}
