"""Record torch.nn.functional results for the NeuralNet fixture tests.

Run with:  /work/venv-torch/bin/python make_functional_fixtures.py
Writes functional.json next to this script.

Each case:
  id    "<op>/<description>"; the Swift side maps <op> to the NeuralNet call
  in    named tensors {dt, sh, v, rg?}: dtype, shape, flat row-major values,
        rg = a leaf with requires_grad=True (gradients are recorded for it)
  kw    the other arguments (numbers, strings, bools, null)
  seed  for the dropouts: the generator seed set right before the call
  out   {dt, sh, v, fn}: the result and its grad_fn name (null if none)
  post  tensors of `in` modified in place by the call (running stats, renormed weights)
  g     gradients of L = sum(out * w), w[k] = 0.5 * (k % 5 + 1), for every rg input
  err   {type, msg} when PyTorch raises
Floats are strings: repr() of the exact value ("nan", "inf", "-inf" included).
"""
import json
import math
import os

import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
# Single-threaded, as the tutor's engine reduces: some PyTorch reductions (batch norm of
# (N, C) inputs) split their sums by thread.
torch.set_num_threads(1)
DT = {torch.float32: "float32", torch.float64: "float64", torch.int64: "int64", torch.int32: "int32",
      torch.uint8: "uint8", torch.bool: "bool"}


def enc(t):
    vals = t.detach().reshape(-1).tolist()
    if t.dtype.is_floating_point:
        vals = [repr(float(v)) if math.isfinite(v) else ("nan" if math.isnan(v) else ("inf" if v > 0 else "-inf"))
                for v in vals]
    return {"dt": DT[t.dtype], "sh": list(t.shape), "v": vals}


def weights(n, dtype):
    return torch.tensor([0.5 * (k % 5 + 1) for k in range(n)], dtype=dtype)


CASES = []


def case(cid, fn, inputs, kw=None, seed=None, post=()):
    """fn(**inputs, **kw) is the PyTorch call; names in `post` are recorded after the call."""
    kw = kw or {}
    leaves = {k: (None if v is None else v.detach().clone().requires_grad_(True) if getattr(v, "_rg", False)
                  else v.clone()) for k, v in inputs.items()}
    entry = {"id": cid, "in": {}, "kw": kw}
    for k, v in inputs.items():
        if v is None:
            entry["in"][k] = None
            continue
        e = enc(v)
        if getattr(v, "_rg", False):
            e["rg"] = True
        entry["in"][k] = e
    if seed is not None:
        entry["seed"] = seed
        torch.manual_seed(seed)
    try:
        out = fn(**leaves, **kw)
    except Exception as e:  # noqa: BLE001 - any PyTorch error is a fixture
        entry["err"] = {"type": type(e).__name__, "msg": str(e).split("\n")[0]}
        CASES.append(entry)
        return
    o = enc(out)
    o["fn"] = type(out.grad_fn).__name__ if out.grad_fn is not None else None
    entry["out"] = o
    if post:
        entry["post"] = {k: enc(leaves[k]) for k in post}
    rg = {k: t for k, t in leaves.items() if isinstance(t, torch.Tensor) and t.requires_grad}
    if rg and out.requires_grad:
        loss = (out * weights(out.numel(), out.dtype).reshape(out.shape)).sum()
        grads = torch.autograd.grad(loss, list(rg.values()), allow_unused=True)
        entry["g"] = {k: (enc(g) if g is not None else None) for k, g in zip(rg, grads)}
    CASES.append(entry)


def rg(t):
    """A copy of `t` that the case makes a leaf with requires_grad=True."""
    t = t.detach().clone()
    t._rg = True
    return t


def randn(*shape, seed, dtype=torch.float32, scale=1.0):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(*shape, generator=g, dtype=dtype) * scale


def randint(high, *shape, seed):
    g = torch.Generator().manual_seed(seed)
    return torch.randint(0, high, shape, generator=g)


def rand(*shape, seed, dtype=torch.float32):
    g = torch.Generator().manual_seed(seed)
    return torch.rand(*shape, generator=g, dtype=dtype)


# ----- cross_entropy / nll_loss -----
x45, t4 = randn(4, 5, seed=1), torch.tensor([1, 0, 4, 2])
w5 = rand(5, seed=2) + 0.5
case("cross_entropy/basic", F.cross_entropy, {"input": rg(x45), "target": t4})
for red in ["none", "sum"]:
    case(f"cross_entropy/{red}", F.cross_entropy, {"input": rg(x45), "target": t4}, {"reduction": red})
case("cross_entropy/weight", F.cross_entropy, {"input": rg(x45), "target": t4, "weight": w5})
case("cross_entropy/weight_none", F.cross_entropy, {"input": rg(x45), "target": t4, "weight": w5}, {"reduction": "none"})
case("cross_entropy/ignore_index", F.cross_entropy, {"input": rg(x45), "target": torch.tensor([1, -100, 4, -100])})
case("cross_entropy/ignore_index_3", F.cross_entropy, {"input": rg(x45), "target": t4, "weight": w5}, {"ignore_index": 4})
case("cross_entropy/all_ignored", F.cross_entropy, {"input": rg(x45), "target": torch.full((4,), -100)})
case("cross_entropy/label_smoothing", F.cross_entropy, {"input": rg(x45), "target": t4}, {"label_smoothing": 0.1})
case("cross_entropy/label_smoothing_weight", F.cross_entropy, {"input": rg(x45), "target": t4, "weight": w5},
     {"label_smoothing": 0.2, "ignore_index": 0})
case("cross_entropy/label_smoothing_none", F.cross_entropy, {"input": rg(x45), "target": t4},
     {"label_smoothing": 0.3, "reduction": "none"})
probs = torch.softmax(randn(4, 5, seed=3), 1)
case("cross_entropy/probs", F.cross_entropy, {"input": rg(x45), "target": probs})
case("cross_entropy/probs_sum", F.cross_entropy, {"input": rg(x45), "target": probs}, {"reduction": "sum"})
case("cross_entropy/probs_none_weight", F.cross_entropy, {"input": rg(x45), "target": probs, "weight": w5},
     {"reduction": "none"})
case("cross_entropy/probs_smoothing", F.cross_entropy, {"input": rg(x45), "target": probs}, {"label_smoothing": 0.25})
case("cross_entropy/1d", F.cross_entropy, {"input": rg(randn(5, seed=4)), "target": torch.tensor(3)})
x253 = randn(2, 5, 3, seed=5)
t23 = randint(5, 2, 3, seed=6)
case("cross_entropy/3d", F.cross_entropy, {"input": rg(x253), "target": t23})
case("cross_entropy/3d_none", F.cross_entropy, {"input": rg(x253), "target": t23}, {"reduction": "none"})
x4d, t4d = randn(2, 5, 3, 2, seed=7), randint(5, 2, 3, 2, seed=8)
case("cross_entropy/4d_weight", F.cross_entropy, {"input": rg(x4d), "target": t4d, "weight": w5})
case("cross_entropy/4d_none", F.cross_entropy, {"input": rg(x4d), "target": t4d}, {"reduction": "none"})
case("cross_entropy/batch100", F.cross_entropy, {"input": rg(randn(100, 10, seed=9, scale=3.0)),
                                                 "target": randint(10, 100, seed=10)})
case("cross_entropy/batch100_weight", F.cross_entropy, {"input": rg(randn(100, 10, seed=9, scale=3.0)),
                                                        "target": randint(10, 100, seed=10), "weight": rand(10, seed=11)})
case("cross_entropy/float64", F.cross_entropy, {"input": rg(randn(4, 5, seed=12, dtype=torch.float64)), "target": t4})
case("nll_loss/basic", F.nll_loss, {"input": rg(F.log_softmax(x45, 1)), "target": t4})
case("nll_loss/weight_sum", F.nll_loss, {"input": rg(x45), "target": t4, "weight": w5}, {"reduction": "sum"})
case("nll_loss/uint8_target", F.nll_loss, {"input": rg(x45), "target": t4.to(torch.uint8)})
case("nll_loss/4d_mean", F.nll_loss, {"input": rg(x4d), "target": t4d})

# errors
case("cross_entropy/err_int32_target", F.cross_entropy, {"input": x45, "target": t4.int()})
case("cross_entropy/err_prob_long", F.cross_entropy, {"input": x45, "target": torch.zeros(4, 5, dtype=torch.long)})
case("cross_entropy/err_prob_ignore", F.cross_entropy, {"input": x45, "target": probs}, {"ignore_index": 1})
case("cross_entropy/err_out_of_bounds", F.cross_entropy, {"input": x45, "target": torch.tensor([1, 0, 5, 2])})
case("cross_entropy/err_negative", F.cross_entropy, {"input": x45, "target": torch.tensor([1, 0, -1, 2])},
     {"reduction": "none"})
case("cross_entropy/err_2d_target", F.cross_entropy, {"input": x45, "target": torch.zeros(4, 2, dtype=torch.long)})
case("cross_entropy/err_batch", F.cross_entropy, {"input": x45, "target": torch.zeros(3, dtype=torch.long)})
case("cross_entropy/err_0d_target", F.cross_entropy, {"input": x45, "target": torch.tensor(1)})
case("cross_entropy/err_weight", F.cross_entropy, {"input": x45, "target": t4, "weight": torch.ones(3)})
case("cross_entropy/err_smoothing", F.cross_entropy, {"input": x45, "target": t4}, {"label_smoothing": 1.5})
case("cross_entropy/err_3d_target", F.cross_entropy, {"input": x253, "target": torch.zeros(2, 4, dtype=torch.long)})
case("cross_entropy/err_4d_target", F.cross_entropy, {"input": x4d, "target": torch.zeros(2, 3, 3, dtype=torch.long)})
case("cross_entropy/err_4d_target_rank", F.cross_entropy, {"input": x4d, "target": torch.zeros(2, 6, dtype=torch.long)})
case("nll_loss/err_int_input", F.nll_loss, {"input": torch.zeros(4, 5, dtype=torch.long), "target": t4})
case("nll_loss/err_weight_dtype", F.nll_loss, {"input": x45, "target": t4, "weight": torch.ones(5, dtype=torch.float64)})

# ----- regression losses -----
a, b = randn(3, 4, seed=20), randn(3, 4, seed=21)
for name, fn in [("mse_loss", F.mse_loss), ("l1_loss", F.l1_loss)]:
    for red in ["mean", "sum", "none"]:
        case(f"{name}/{red}", fn, {"input": rg(a), "target": rg(b)}, {"reduction": red})
    case(f"{name}/weight", fn, {"input": rg(a), "target": b, "weight": rand(3, 4, seed=22)})
case("mse_loss/broadcast", F.mse_loss, {"input": rg(randn(3, 1, seed=23)), "target": randn(3, seed=24)})
case("mse_loss/err_int", F.mse_loss, {"input": torch.zeros(3, dtype=torch.long), "target": torch.zeros(3, dtype=torch.long)})
case("mse_loss/err_weight", F.mse_loss, {"input": a, "target": b, "weight": torch.ones(2)})
big = randn(3, 4, seed=25, scale=2.0)
for red in ["mean", "sum", "none"]:
    case(f"smooth_l1_loss/{red}", F.smooth_l1_loss, {"input": rg(big), "target": rg(b)}, {"reduction": red, "beta": 0.7})
    case(f"huber_loss/{red}", F.huber_loss, {"input": rg(big), "target": rg(b)}, {"reduction": red, "delta": 0.7})
case("smooth_l1_loss/beta0", F.smooth_l1_loss, {"input": rg(big), "target": b}, {"beta": 0.0})
case("huber_loss/weight", F.huber_loss, {"input": rg(big), "target": b, "weight": rand(3, 4, seed=26)})
case("smooth_l1_loss/err_beta", F.smooth_l1_loss, {"input": a, "target": b}, {"beta": -1.0})
case("huber_loss/err_delta", F.huber_loss, {"input": a, "target": b}, {"delta": 0.0})

# ----- binary cross-entropy -----
p = torch.sigmoid(randn(3, 4, seed=30))
y = rand(3, 4, seed=31)
for red in ["mean", "sum", "none"]:
    case(f"binary_cross_entropy/{red}", F.binary_cross_entropy, {"input": rg(p), "target": rg(y)}, {"reduction": red})
    case(f"binary_cross_entropy_with_logits/{red}", F.binary_cross_entropy_with_logits,
         {"input": rg(randn(3, 4, seed=30, scale=3.0)), "target": rg(y)}, {"reduction": red})
case("binary_cross_entropy/weight", F.binary_cross_entropy, {"input": rg(p), "target": y, "weight": rand(4, seed=32)})
case("binary_cross_entropy/edges", F.binary_cross_entropy,
     {"input": rg(torch.tensor([0.0, 1.0, 0.0, 1.0, 0.5])), "target": torch.tensor([1.0, 0.0, 0.0, 1.0, 0.5])})
case("binary_cross_entropy_with_logits/pos_weight", F.binary_cross_entropy_with_logits,
     {"input": rg(randn(3, 4, seed=33, scale=3.0)), "target": rg(y), "weight": rand(3, 4, seed=34),
      "pos_weight": rand(4, seed=35) * 3})
case("binary_cross_entropy/err_range", F.binary_cross_entropy, {"input": torch.tensor([1.5]), "target": torch.tensor([1.0])})
case("binary_cross_entropy/err_target_range", F.binary_cross_entropy,
     {"input": torch.tensor([0.5]), "target": torch.tensor([2.0])})
case("binary_cross_entropy/err_size", F.binary_cross_entropy, {"input": torch.rand(3), "target": torch.rand(3, 1)})
case("binary_cross_entropy/err_dtype", F.binary_cross_entropy, {"input": torch.rand(3), "target": torch.ones(3, dtype=torch.long)})
case("binary_cross_entropy_with_logits/err_size", F.binary_cross_entropy_with_logits,
     {"input": torch.rand(3), "target": torch.rand(3, 1)})

# ----- kl_div -----
lp = F.log_softmax(randn(3, 4, seed=40), 1)
q = torch.softmax(randn(3, 4, seed=41), 1)
q0 = q.clone()
q0[0, 1] = 0
for red in ["mean", "batchmean", "sum", "none"]:
    case(f"kl_div/{red}", F.kl_div, {"input": rg(lp), "target": rg(q0)}, {"reduction": red})
case("kl_div/log_target", F.kl_div, {"input": rg(lp), "target": rg(q.log())}, {"reduction": "batchmean", "log_target": True})
case("kl_div/err_reduction", F.kl_div, {"input": lp, "target": q}, {"reduction": "batchsum"})

# ----- normalization -----
for shape, tag in [((6, 3), "2d"), ((4, 3, 5), "3d"), ((3, 2, 4, 5), "4d")]:
    xb = randn(*shape, seed=50, scale=2.0) + 0.5
    wb, bb = rand(shape[1], seed=51) + 0.5, randn(shape[1], seed=52)
    case(f"batch_norm/train_{tag}", F.batch_norm,
         {"input": rg(xb), "running_mean": torch.zeros(shape[1]), "running_var": torch.ones(shape[1]),
          "weight": rg(wb), "bias": rg(bb)}, {"training": True, "momentum": 0.1, "eps": 1e-5},
         post=("running_mean", "running_var"))
    case(f"batch_norm/eval_{tag}", F.batch_norm,
         {"input": rg(xb), "running_mean": randn(shape[1], seed=53), "running_var": rand(shape[1], seed=54) + 0.5,
          "weight": rg(wb), "bias": rg(bb)}, {"training": False})
case("batch_norm/no_stats", F.batch_norm, {"input": rg(randn(5, 3, seed=55)), "running_mean": None, "running_var": None},
     {"training": True})
case("batch_norm/momentum_float64", F.batch_norm,
     {"input": rg(randn(5, 3, seed=56, dtype=torch.float64)), "running_mean": torch.zeros(3, dtype=torch.float64),
      "running_var": torch.ones(3, dtype=torch.float64)}, {"training": True, "momentum": 0.3}, post=("running_mean", "running_var"))
case("batch_norm/err_one_value", F.batch_norm, {"input": randn(1, 3, seed=57), "running_mean": torch.zeros(3),
                                                "running_var": torch.ones(3)}, {"training": True})
case("batch_norm/err_stats_size", F.batch_norm, {"input": randn(4, 3, seed=57), "running_mean": torch.zeros(2),
                                                 "running_var": torch.ones(3)}, {"training": True})
xl = randn(2, 3, 4, seed=60, scale=3.0)
case("layer_norm/last", F.layer_norm, {"input": rg(xl), "weight": rg(rand(4, seed=61)), "bias": rg(randn(4, seed=62))},
     {"normalized_shape": [4]})
case("layer_norm/two_dims", F.layer_norm, {"input": rg(xl)}, {"normalized_shape": [3, 4]})
case("layer_norm/err_shape", F.layer_norm, {"input": xl}, {"normalized_shape": [3]})
xg = randn(2, 6, 5, seed=63, scale=2.0)
case("group_norm/affine", F.group_norm, {"input": rg(xg), "weight": rg(rand(6, seed=64)), "bias": rg(randn(6, seed=65))},
     {"num_groups": 3})
case("group_norm/plain", F.group_norm, {"input": rg(xg)}, {"num_groups": 2})
case("group_norm/err_groups", F.group_norm, {"input": xg}, {"num_groups": 4})
case("instance_norm/plain", F.instance_norm, {"input": rg(randn(2, 3, 6, seed=66))})
case("instance_norm/stats", F.instance_norm,
     {"input": rg(randn(2, 3, 6, seed=67)), "running_mean": torch.zeros(3), "running_var": torch.ones(3),
      "weight": rg(rand(3, seed=68)), "bias": rg(randn(3, seed=69))}, post=("running_mean", "running_var"))
v1, v2 = randn(4, 5, seed=70), randn(4, 5, seed=71)
case("normalize/p2", F.normalize, {"input": rg(v1)})
case("normalize/p1_dim0", F.normalize, {"input": rg(v1)}, {"p": 1.0, "dim": 0})
case("cosine_similarity/dim1", F.cosine_similarity, {"x1": rg(v1), "x2": rg(v2)})
case("cosine_similarity/broadcast", F.cosine_similarity, {"x1": rg(v1), "x2": rg(randn(5, seed=72))}, {"dim": -1})
case("pairwise_distance/p2", F.pairwise_distance, {"x1": rg(v1), "x2": rg(v2)})
case("pairwise_distance/p1_keepdim", F.pairwise_distance, {"x1": rg(v1), "x2": rg(v2)}, {"p": 1.0, "keepdim": True})

# ----- embedding -----
E = randn(10, 3, seed=80)
idx = torch.tensor([[1, 2, 4], [4, 3, 1]])
case("embedding/basic", F.embedding, {"input": idx, "weight": rg(E)})
case("embedding/padding_idx", F.embedding, {"input": torch.tensor([[0, 2, 0], [5, 0, 1]]), "weight": rg(E)}, {"padding_idx": 0})
case("embedding/scale_grad_by_freq", F.embedding, {"input": torch.tensor([1, 1, 2, 1]), "weight": rg(E)},
     {"scale_grad_by_freq": True})
case("embedding/max_norm", F.embedding, {"input": torch.tensor([1, 3, 1]), "weight": E * 2}, {"max_norm": 1.0}, post=("weight",))
case("embedding/err_index", F.embedding, {"input": torch.tensor([1, 10]), "weight": E})
case("embedding/err_float_index", F.embedding, {"input": torch.tensor([1.0]), "weight": E})

# ----- dropout -----
case("dropout2d/4d", F.dropout2d, {"input": rg(randn(3, 8, 2, 2, seed=90))}, {"p": 0.4}, seed=0)
case("dropout2d/3d", F.dropout2d, {"input": rg(randn(4, 6, 3, seed=91))}, {"p": 0.5}, seed=7)
case("dropout1d/batched", F.dropout1d, {"input": rg(randn(5, 7, 3, seed=92))}, {"p": 0.3}, seed=42)
case("dropout1d/unbatched", F.dropout1d, {"input": rg(randn(7, 3, seed=93))}, {"p": 0.3}, seed=42)
case("dropout2d/eval", F.dropout2d, {"input": rg(randn(2, 3, 2, 2, seed=94))}, {"p": 0.4, "training": False}, seed=0)
case("alpha_dropout/train", F.alpha_dropout, {"input": rg(randn(4, 6, seed=95))}, {"p": 0.3, "training": True}, seed=3)
case("feature_alpha_dropout/train", F.feature_alpha_dropout, {"input": rg(randn(3, 5, 4, seed=96))},
     {"p": 0.5, "training": True}, seed=5)

with open(os.path.join(HERE, "functional.json"), "w") as f:
    json.dump(CASES, f, indent=0, separators=(",", ":"))
print(f"wrote {len(CASES)} cases")
