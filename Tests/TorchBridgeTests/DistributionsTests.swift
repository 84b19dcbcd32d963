import Testing

/// `torch.distributions` as user code reaches it (the values are pinned against PyTorch by
/// the `distributions` fixture program).
@Suite
struct DistributionsTests {
    @Test func loadsOnFirstUseFromTorch() {
        expectOutput("""
            import torch
            d = torch.distributions.Categorical(logits=torch.zeros(3))
            print(type(d), torch.distributions.constraints.simplex)

            """, "<class 'torch.distributions.categorical.Categorical'> Simplex()\n")
    }

    @Test func userSubclassesUseTheBaseClass() {
        expectOutput("""
            import torch
            from torch.distributions import Distribution, constraints

            class Coin(Distribution):
                arg_constraints = {'p': constraints.unit_interval}
                support = constraints.boolean

                def __init__(self, p):
                    self.p = torch.as_tensor(p)
                    super().__init__(self.p.shape)

                def sample(self, sample_shape=torch.Size()):
                    return torch.bernoulli(self.p.expand(self._extended_shape(sample_shape)))

            c = Coin(torch.tensor([0.25, 0.75]))
            print(c, c.batch_shape, c.sample((3,)).shape)
            try:
                Coin(torch.tensor(2.0))
            except ValueError as e:
                print(str(e).splitlines()[0])

            """, """
            Coin(p: torch.Size([2])) torch.Size([2]) torch.Size([3, 2])
            Expected parameter p (Tensor of shape ()) of distribution Coin(p: 2.0) to satisfy the constraint Interval(lower_bound=0.0, upper_bound=1.0), but found invalid values:

            """)
    }

    @Test func missingDistributionsSayTheyAreNotInTheTutor() {
        expectError("import torch\ntorch.distributions.Uniform(0.0, 1.0)", "NotImplementedError",
                    "torch.distributions.Uniform is not available in pytorch-tutor")
    }
}
