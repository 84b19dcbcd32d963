import Testing

/// The private native entry points behind torch.nn's recurrent layers reject inconsistent
/// arguments with a Python exception instead of reaching a kernel. (The numerics are pinned
/// by the fixture programs rnn_numerics.py and rnn_fused.py; these programs draw no random
/// numbers, so they can run beside the fixtures, which seed the shared generator.)
@Suite struct RecurrentTests {
    static let setup = """
        import torch
        import torch.nn as nn
        w = [torch.zeros(16, 3), torch.zeros(16, 4), torch.zeros(16), torch.zeros(16)]
        x = torch.zeros(5, 2, 3)
        h = torch.zeros(1, 2, 4)

        """

    @Test func recurrentEntryPointChecksItsArguments() {
        expectOutput(Self.setup + """
            out, hn, cn = nn._VF.rnn('LSTM', x, None, h, h, w, True, 1, 0.0, True, False, False)
            print(out.shape, hn.shape, cn.shape)
            """, "torch.Size([5, 2, 4]) torch.Size([1, 2, 4]) torch.Size([1, 2, 4])\n")
        let call = "nn._VF.rnn('LSTM', x, None, h, h, w, True, 1, 0.0, True, False, False)"
        let variants: [(String, String)] = [
            ("w, True", "w[:3], True"),
            ("h, h, w", "h, None, w"),
            ("'LSTM'", "'GRU'"),
            ("x, None", "x, torch.tensor([3, 4])"),
            ("x, None", "x.view(10, 3), torch.tensor([4, 4, 2])"),
            ("True, 1,", "True, 2,"),
            ("x, None, h, h", "x.long(), None, h.long(), h.long()"),
            ("x, None, h, h", "x.double(), None, h.double(), h.double()"),
            ("x, None, h, h", "torch.zeros(0, 2, 3), None, h, h"),
            ("x, None, h, h", "x, None, torch.zeros(1, 3, 4), h"),
        ]
        for (old, new) in variants {
            expectError(Self.setup + call.replacingOccurrences(of: old, with: new), "RuntimeError")
        }
        expectError(Self.setup + call.replacingOccurrences(of: "'LSTM'", with: "'TANH'"),
                    "ValueError", "Unrecognized RNN mode: TANH")
    }

    @Test func packEntryPointChecksItsArguments() {
        expectError(Self.setup + "nn._VF.pack_padded_sequence(x, torch.tensor([6, 2]), False)", "RuntimeError")
        expectError(Self.setup + "nn._VF.pack_padded_sequence(x, torch.tensor([5.0, 2.0]), False)", "RuntimeError",
                    "'lengths' argument should be a 1D CPU int64 tensor, but got 1D cpu Float tensor")
        expectError(Self.setup + "nn._VF.pack_padded_sequence(torch.zeros(0, 2, 3), torch.tensor([1, 1]), False)",
                    "RuntimeError", "Cannot pack empty tensors.")
    }
}
