"""The SimpleCNN convolution and pooling layers in real PyTorch, timed like TensorBench's
`conv2d_*` and `maxpool2d_*` benchmarks (Sources/TensorBench/ConvBench.swift), so a ratio
can be taken from one run on the same machine:

    /work/venv-torch/bin/python Benchmarks/torch/conv_layers.py [--threads N] [--samples N]

Batch 100, float32, ms per call (median over samples); one JSON object per line:
    {"bench": "conv2d_fwd_conv1", "threads": 1, "value": 1.7, "unit": "ms"}
- conv2d_fwd_conv1 / _conv2: forward under no_grad (3->6 5x5 on 32x32; 6->16 5x5 on 14x14);
- conv2d_bwd_conv1: weight and bias gradients only; conv2d_bwd_conv2: input, weight, bias
  (the graph is built once and replayed with retain_graph=True);
- maxpool2d_fwd_bwd_pool1 / _pool2: 2x2 max pooling forward plus input gradient.
"""
import argparse
import json
import statistics
import time

import torch
import torch.nn.functional as F


def median_ms(fn, samples, sample_s=0.025):
    for _ in range(3):
        fn()
    t0 = time.perf_counter()
    fn()
    reps = max(1, int(sample_s / max(time.perf_counter() - t0, 1e-9)))
    times = []
    for _ in range(samples):
        t0 = time.perf_counter()
        for _ in range(reps):
            fn()
        times.append((time.perf_counter() - t0) / reps)
    return statistics.median(times) * 1e3


def benchmarks():
    g = torch.Generator().manual_seed(0)
    x1 = torch.randn(100, 3, 32, 32, generator=g)
    w1 = (torch.randn(6, 3, 5, 5, generator=g) * 0.1).requires_grad_()
    b1 = torch.randn(6, generator=g).requires_grad_()
    x2 = torch.randn(100, 6, 14, 14, generator=g).requires_grad_()
    w2 = (torch.randn(16, 6, 5, 5, generator=g) * 0.1).requires_grad_()
    b2 = torch.randn(16, generator=g).requires_grad_()
    p1 = torch.randn(100, 6, 28, 28, generator=g).requires_grad_()
    p2 = torch.randn(100, 16, 10, 10, generator=g).requires_grad_()

    def forward(x, w, b):
        def run():
            with torch.no_grad():
                F.conv2d(x, w, b)
        return run

    def backward(x, w, b, inputs):
        out = F.conv2d(x, w, b)
        grad = torch.randn(out.shape)
        return lambda: torch.autograd.grad(out, inputs, grad, retain_graph=True)

    def pool(p, grad_shape):
        grad = torch.randn(grad_shape)
        return lambda: torch.autograd.grad(F.max_pool2d(p, 2, 2), [p], grad)

    return [
        ("conv2d_fwd_conv1", forward(x1, w1, b1)),
        ("conv2d_fwd_conv2", forward(x2, w2, b2)),
        ("conv2d_bwd_conv1", backward(x1, w1, b1, [w1, b1])),
        ("conv2d_bwd_conv2", backward(x2, w2, b2, [x2, w2, b2])),
        ("maxpool2d_fwd_bwd_pool1", pool(p1, (100, 6, 14, 14))),
        ("maxpool2d_fwd_bwd_pool2", pool(p2, (100, 16, 5, 5))),
    ]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--threads", type=int, default=None, help="one thread count (default: 1 and 2)")
    p.add_argument("--samples", type=int, default=12)
    args = p.parse_args()
    for threads in [args.threads] if args.threads else [1, 2]:
        torch.set_num_threads(threads)
        for name, fn in benchmarks():
            value = median_ms(fn, args.samples)
            print(json.dumps({"bench": name, "threads": threads, "value": round(value, 2), "unit": "ms"}), flush=True)


if __name__ == "__main__":
    main()
