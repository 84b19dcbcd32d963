import Testing

/// The fused float32 LSTM kernels against the step-by-step path (which runs for float64),
/// on shapes the PyTorch fixtures leave out: several unit groups (threaded steps), a
/// partial last block, packed sequences in both directions; and the private entry points
/// with inconsistent arguments.
@Suite(.serialized)
struct RecurrentTests {
    /// Builds the same layer in float32 (fused) and float64 (step by step), runs both and
    /// prints whether outputs, states and every gradient agree.
    static let comparison = """
        import torch
        import torch.nn as nn
        from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

        def compare(make, shape, lengths=None, hx=False, batch_first=False):
            results = []
            for dtype in (torch.float32, torch.float64):
                torch.manual_seed(0)
                m = make().to(dtype)
                x = torch.randn(*shape).to(dtype).requires_grad_()
                inp = pack_padded_sequence(x, lengths, batch_first=batch_first) if lengths else x
                states = None
                if hx:
                    n = m.num_layers * (2 if m.bidirectional else 1)
                    batch = shape[0 if batch_first else 1]
                    states = (torch.randn(n, batch, m.hidden_size).to(dtype).requires_grad_(),
                              torch.randn(n, batch, m.hidden_size).to(dtype).requires_grad_())
                out, (h, c) = m(inp) if states is None else m(inp, states)
                if lengths:
                    out = pad_packed_sequence(out, batch_first=batch_first)[0]
                torch.manual_seed(1)
                loss = sum((t * torch.randn(*t.shape).to(dtype)).sum() for t in (out, h, c))
                loss.backward()
                grads = [x.grad] + [p.grad for p in m.parameters()] + ([s.grad for s in states] if hx else [])
                results.append([out, h, c] + grads)
            ok = all(torch.allclose(a.double(), b, rtol=1e-4, atol=2e-5) for a, b in zip(*results))
            print(ok, results[0][0].grad_fn.name() if not lengths else '')

        """

    @Test func fusedLSTMMatchesStepByStep() {
        expectOutput(Self.comparison + """
            compare(lambda: nn.LSTM(16, 64), (6, 16, 16))
            compare(lambda: nn.LSTM(12, 150, batch_first=True), (8, 5, 12), hx=True, batch_first=True)
            compare(lambda: nn.LSTM(8, 40, num_layers=2, bidirectional=True), (5, 16, 8), hx=True)
            compare(lambda: nn.LSTM(8, 130, bidirectional=True), (7, 20, 8), lengths=[7] * 5 + [5] * 10 + [2] * 5)
            compare(lambda: nn.LSTM(4, 3, bias=False), (3, 2, 4), lengths=[3, 1])
            """, """
            True MkldnnRnnLayerBackward0
            True TransposeBackward0
            True CatBackward0
            True\u{20}
            True\u{20}

            """)
    }

    @Test func fusedLSTMBackwardRunsTwiceAndChecksVersions() {
        expectOutput("""
            import torch
            import torch.nn as nn
            torch.manual_seed(0)
            m = nn.LSTM(3, 4)
            out, _ = m(torch.randn(5, 2, 3))
            loss = out.sum()
            loss.backward(retain_graph=True)
            first = m.weight_hh_l0.grad.clone()
            loss.backward()
            print(torch.allclose(m.weight_hh_l0.grad, 2 * first))
            """, "True\n")
        expectError("""
            import torch
            import torch.nn as nn
            m = nn.LSTM(3, 4)
            out, _ = m(torch.randn(5, 2, 3))
            with torch.no_grad():
                m.weight_ih_l0.mul_(2)
            out.sum().backward()
            """, "RuntimeError")
    }

    @Test func privateEntryPointsRejectInconsistentArguments() {
        let setup = """
            import torch
            import torch.nn as nn
            m = nn.LSTM(3, 4)
            x = torch.zeros(5, 2, 3)
            h = torch.zeros(1, 2, 4)

            """
        expectError(setup + "nn._VF.rnn('LSTM', x, None, h, h, m._flat_weights[:3], True, 1, 0.0, True, False, False)",
                    "RuntimeError")
        expectError(setup + "nn._VF.rnn('LSTM', x, None, h, None, m._flat_weights, True, 1, 0.0, True, False, False)",
                    "RuntimeError", "lstm expects two hidden states")
        expectError(setup + "nn._VF.rnn('GRU', x, None, h, None, m._flat_weights, True, 1, 0.0, True, False, False)",
                    "RuntimeError")
        expectError(setup + "nn._VF.rnn('LSTM', x, torch.tensor([3, 4]), h, h, m._flat_weights, True, 1, 0.0, True, False, False)",
                    "RuntimeError")
        expectError(setup + "nn._VF.rnn('LSTM', x.view(10, 3), torch.tensor([4, 4, 2]), h, h, m._flat_weights, True, 1, 0.0, True, False, False)",
                    "RuntimeError")
        expectError(setup + "nn._VF.rnn('LSTM', x, None, h, h, m._flat_weights, True, 2, 0.0, True, False, False)",
                    "RuntimeError")
        expectError(setup + "nn._VF.rnn('LSTM', x.long(), None, h.long(), h.long(), m._flat_weights, True, 1, 0.0, True, False, False)",
                    "RuntimeError")
        expectError(setup + "nn._VF.rnn('TANH', x, None, h, h, m._flat_weights, True, 1, 0.0, True, False, False)",
                    "ValueError", "Unrecognized RNN mode: TANH")
        expectError(setup + "nn._VF.pack_padded_sequence(x, torch.tensor([6, 2]), False)", "RuntimeError")
    }
}
