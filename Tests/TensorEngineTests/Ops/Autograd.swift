import Testing
@testable import TensorEngine

extension OpFixtureTests {
    /// Autograd behaviour: grad_fn names, backward with a gradient, accumulation,
    /// retain_graph, version counter, leaf in-place errors, no_grad, detach,
    /// `autograd.grad`, `retain_grad`. Each scenario mirrors the Python function of
    /// the same name in `make_op_fixtures.py`; fixture results are compared by name.
    /// (Gradients of every differentiable op are also checked by the other op suites.)
    @Suite struct Autograd {
        static let cases = OpFixtures.load("autograd")
        static let known: [String: String] = [:]

        @Test func fixturesLoaded() { #expect(Self.cases.count >= 30) }

        @Test(arguments: cases) func scenario(_ c: OpCase) {
            if let reason = Self.known[c.id] {
                withKnownIssue(Comment(rawValue: reason)) { try Self.run(c) }
            } else {
                do { try Self.run(c) } catch { Issue.record("\(c.id): harness error \(error)") }
            }
        }

        /// Named results a scenario records, compared with the fixture's `res` at the end.
        final class Results {
            var values: [String: Any] = [:]
            subscript(_ k: String) -> Any? {
                get { values[k] }
                set { values[k] = newValue ?? Optional<Tensor>.none as Any }
            }
        }

        static func run(_ c: OpCase) throws {
            let name = c.json["sc"]?.string ?? ""
            guard let body = scenarios[name] else { Issue.record("no Swift scenario \(name)"); return }
            let inputs = try (c.json["in"]?.array ?? []).map { try OpFixtures.input($0).base }
            let r = Results()
            do {
                try body(r, inputs)
                if let err = c.json["err"] {
                    Issue.record("\(c.id): expected \(err["type"]?.string ?? ""): \(err["msg"]?.string ?? "")")
                }
            } catch {
                if let err = c.json["err"] { OpFixtures.compareError(error, err, c.id) } else { Issue.record("\(c.id): unexpected error \(error)") }
            }
            guard case .object(let expected) = c.json["res"] ?? .object([:]) else { return }
            for key in Set(r.values.keys).subtracting(expected.keys) { Issue.record("\(c.id): extra result \(key)") }
            for (key, spec) in expected.sorted(by: { $0.key < $1.key }) {
                let what = "\(c.id) \(key)"
                guard let got = r.values[key] else { Issue.record("\(what): missing"); continue }
                if spec["none"] != nil {
                    if let t = got as? Tensor { Issue.record("\(what): got \(t), expected None") }
                } else if let py = spec["py"] {
                    if let b = got as? Bool { OpFixtures.comparePy(.bool(b), py, what) } else { Issue.record("\(what): got \(got)") }
                } else if let s = spec["s"]?.string {
                    #expect(got as? String == s, "\(what):\n\(got)\nexpected\n\(s)")
                } else if let t = got as? Tensor {
                    OpFixtures.compare(t, spec, what)
                    #expect(t.requiresGrad == spec["rg"]?.bool, "\(what): requires_grad \(t.requiresGrad)")
                } else {
                    Issue.record("\(what): got None, expected \(spec["repr"]?.string ?? "")")
                }
            }
        }

        static func vec(_ v: [Float]) throws -> Tensor { try Tensor.from(v) }

        typealias Scenario = @Sendable (Results, [Tensor]) throws -> Void

        static let scenarios: [String: Scenario] = [
            "backward_with_gradient": { r, x in
                let y = try x[0].mul(x[0])
                try y.backward(gradient: vec([1, 0.5, -1]))
                r["y"] = y; r["x.grad"] = x[0].grad
            },
            "accumulate_two_backward": { r, x in
                let y = try x[0].mul(x[0]).sum()
                try y.backward(retainGraph: true)
                r["after1"] = try x[0].grad?.clone()
                try y.backward()
                r["x.grad"] = x[0].grad
            },
            "accumulate_two_graphs": { r, x in
                try x[0].mul(.int(2)).sum().backward()
                try x[0].exp().sum().backward()
                r["x.grad"] = x[0].grad
            },
            "retain_graph_error": { r, x in
                let y = try x[0].exp().mul(x[0]).sum()
                try y.backward()
                r["x.grad"] = x[0].grad
                try y.backward()
            },
            "retain_graph_ok": { r, x in
                let y = try x[0].exp().mul(x[0]).sum()
                try y.backward(retainGraph: true)
                try y.backward()
                r["x.grad"] = x[0].grad
            },
            "version_counter_sigmoid": { r, x in
                let y = try x[0].sigmoid()
                try y.mul_(.int(2))
                r["y"] = y
                try y.sum().backward()
            },
            "version_counter_mul": { r, x in
                let a = try x[0].mul(.int(1))
                let b = try a.mul(a)
                try a.add_(.int(1))
                r["a"] = a
                try b.sum().backward()
            },
            "version_counter_exp": { _, x in
                let a = try x[0].exp()
                try a.add_(.int(1))
                try a.sum().backward()
            },
            "inplace_not_saved_ok": { r, x in
                let a = try x[0].mul(.int(2))
                let b = try a.add(.int(1))
                try a.mul_(.int(3))
                try b.sum().backward()
                r["x.grad"] = x[0].grad; r["a"] = a
            },
            "leaf_inplace_error": { _, x in try x[0].add_(.int(1)) },
            "leaf_view_inplace_error": { _, x in try x[0].index([.int(0)]).mul_(.int(2)) },
            "leaf_index_assign_error": { _, x in try x[0].indexPut([.int(0)], Tensor.scalar(.double(5))) },
            "leaf_inplace_no_grad_ok": { r, x in
                try GradMode.with(false) { () throws(TensorError) in _ = try x[0].add_(.int(1)) }
                r["x"] = x[0]
                try x[0].mul(x[0]).sum().backward()
                r["x.grad"] = x[0].grad
            },
            "no_grad": { r, x in
                let y = try GradMode.with(false) { () throws(TensorError) -> Tensor in
                    r["enabled"] = GradMode.isEnabled
                    return try x[0].mul(.int(2))
                }
                r["y"] = y; r["after"] = GradMode.isEnabled
                r["z"] = try y.mul(x[0])
            },
            "detach": { r, x in
                let d = x[0].detach()
                r["d"] = d
                try d.add_(.int(10))
                r["x"] = x[0]
                let z = try d.mul(x[0]).sum()
                r["z"] = z
                try z.backward()
                r["x.grad"] = x[0].grad
            },
            "autograd_grad": { r, x in
                let y = try x[0].pow(.int(3)).sum()
                r["g"] = try TensorEngine.Autograd.grad(outputs: [y], inputs: [x[0]])[0]
                r["x.grad"] = x[0].grad
            },
            "autograd_grad_create_graph": { r, x in
                let y = try x[0].pow(.int(3)).sum()
                let g = try TensorEngine.Autograd.grad(outputs: [y], inputs: [x[0]], createGraph: true)[0]!
                r["g"] = g
                r["g2"] = try TensorEngine.Autograd.grad(outputs: [g.sum()], inputs: [x[0]])[0]
            },
            "autograd_grad_outputs": { r, x in
                let y = try x[0].mul(x[0])
                r["g"] = try TensorEngine.Autograd.grad(outputs: [y], inputs: [x[0]], gradOutputs: [x[1]])[0]
            },
            "autograd_grad_unused": { _, x in
                let y = try x[0].mul(.int(2)).sum()
                _ = try TensorEngine.Autograd.grad(outputs: [y], inputs: [x[0], x[1]])
            },
            "autograd_grad_allow_unused": { r, x in
                let y = try x[0].mul(.int(2)).sum()
                let g = try TensorEngine.Autograd.grad(outputs: [y], inputs: [x[0], x[1]], allowUnused: true)
                r["gx"] = g[0]; r["gu"] = g[1]
            },
            "autograd_grad_no_rg": { _, x in
                let y = try x[0].mul(.int(2)).sum()
                _ = try TensorEngine.Autograd.grad(outputs: [y], inputs: [x[1]])
            },
            "retain_grad": { r, x in
                let y = try x[0].mul(.int(2))
                try y.retainGrad()
                try y.mul(y).sum().backward()
                r["y.grad"] = y.grad; r["x.grad"] = x[0].grad
            },
            "nonleaf_grad_none": { r, x in
                let y = try x[0].mul(.int(2))
                try y.sum().backward()
                r["y.grad"] = y.grad; r["y.is_leaf"] = y.isLeaf; r["x.is_leaf"] = x[0].isLeaf
            },
            "grad_before_backward": { r, x in r["x.grad"] = x[0].grad },
            "backward_no_grad_fn": { _, x in try x[0].mul(.int(2)).sum().backward() },
            "backward_nonscalar": { _, x in try x[0].mul(.int(2)).backward() },
            "backward_shape_mismatch": { _, x in try x[0].mul(.int(2)).backward(gradient: Tensor.ones([2])) },
            "requires_grad_int": { _, x in try x[0].requiresGrad_() },
            "requires_grad_nonleaf_false": { _, x in try x[0].mul(.int(2)).requiresGrad_(false) },
            "retain_grad_no_rg": { _, x in try x[0].retainGrad() },
            "inplace_nonleaf_history": { r, x in
                let y = try x[0].mul(.int(2))
                try y.add_(.int(1))
                r["y"] = y
                try y.relu_()
                r["y2"] = y
                try y.mul(y).sum().backward()
                r["x.grad"] = x[0].grad
            },
            "index_assign_nonleaf": { r, x in
                let y = try x[0].mul(.int(1))
                try y.indexPut([.int(0)], x[1])
                r["y"] = y
                try y.mul(vec([1, 2, 3])).sum().backward()
                r["x.grad"] = x[0].grad; r["v.grad"] = x[1].grad
            },
            "view_inplace_copyslices": { r, x in
                let y = try x[0].clone()
                try y.index([.slice(start: 1, stop: nil, step: nil)]).mul_(.int(2))
                r["y"] = y
                try y.mul(y).sum().backward()
                r["x.grad"] = x[0].grad
            },
            "grad_zero_and_reuse": { r, x in
                try x[0].mul(.int(3)).sum().backward()
                try x[0].grad!.zero_()
                try x[0].mul(x[0]).sum().backward()
                r["x.grad"] = x[0].grad
            },
            "grad_fn_names": { r, x in
                let (a, b) = (x[0], x[1])
                let first: [TensorIndex] = [.slice(start: nil, stop: 1, step: nil)]
                r["add"] = try a.add(.int(1)); r["add_t"] = try a.add(b); r["sub"] = try a.sub(b)
                r["rsub"] = try a.rsub(.int(1)); r["mul"] = try a.mul(b); r["div"] = try a.div(b)
                r["neg"] = try a.neg(); r["pow"] = try a.pow(.int(2)); r["mm"] = try a.matmul(b)
                r["addmm"] = try Tensor.addmm(a, a, b); r["bmm"] = try a.unsqueeze(0).bmm(b.unsqueeze(0))
                r["sum"] = try a.sum(); r["sum_dim"] = try a.sum(dims: [0]); r["mean"] = try a.mean()
                r["mean_dim"] = try a.mean(dims: [1]); r["max"] = try a.max(); r["min"] = try a.min()
                r["max_dim"] = try a.max(dim: 0).values; r["std"] = try a.std(); r["var"] = try a.variance()
                r["norm"] = try a.norm(); r["relu"] = try a.relu(); r["sigmoid"] = try a.sigmoid()
                r["tanh"] = try a.tanh(); r["exp"] = try a.exp(); r["log"] = try b.abs().log(); r["abs"] = try a.abs()
                r["sqrt"] = try b.abs().sqrt(); r["clamp"] = try a.clamp(min: .int(0), max: .int(1))
                r["where"] = try Tensor.whereSelect(a.gt(.int(0)), a, b); r["view"] = try a.view([4])
                r["reshape"] = try a.reshape([-1]); r["flatten"] = try a.flatten(); r["t"] = try a.t()
                r["transpose"] = try a.transpose(0, 1); r["T"] = try a.reversedDims(); r["permute"] = try a.permute([1, 0])
                r["unsqueeze"] = try a.unsqueeze(0); r["squeeze_dim"] = try a.unsqueeze(0).squeeze(0)
                r["squeeze"] = try a.unsqueeze(0).squeeze(); r["select"] = try a.index([.int(0)])
                r["slice"] = try a.index(first); r["split"] = try a.split(1)[0]; r["chunk"] = try a.chunk(2)[1]
                r["cat"] = try Tensor.cat([a, b]); r["stack"] = try Tensor.stack([a, b])
                r["expand"] = try a.index(first).expand([3, 2]); r["clone"] = try a.clone(); r["double"] = try a.to(.float64)
                r["softmax"] = try a.softmax(dim: 1); r["log_softmax"] = try a.logSoftmax(dim: 1); r["argmax"] = try a.argmax()
                r["detach"] = a.detach(); r["sort"] = try a.sort().values; r["topk"] = try a.flatten().topk(2).values
                r["index"] = try a.index([.tensor(Tensor.from([Int64(1), 0]))])
                r["gather"] = try a.gather(1, Tensor.from([Int64(0), 1], shape: [2, 1]))
                r["cumsum"] = try a.cumsum(dim: 0); r["matmul_3d_2d"] = try a.unsqueeze(0).matmul(b)
                r["mv"] = try a.mv(b.index([.int(0)])); r["dot"] = try a.index([.int(0)]).dot(b.index([.int(0)]))
                r["maximum"] = try a.maximum(b); r["masked_fill"] = try a.maskedFill(a.gt(.int(0)), .double(0))
                r["logsumexp"] = try a.logsumexp(dims: [1]); r["prod"] = try a.prod(); r["repeat"] = try a.repeatTiles([2, 1])
                r["flip"] = try a.flip([0]); r["unbind"] = try a.unbind(0)[0]; r["narrow"] = try a.narrow(0, start: 0, length: 1)
            },
            "no_grad_fn_under_no_grad": { r, x in
                r["y"] = try GradMode.with(false) { () throws(TensorError) in try x[0].exp() }
                r["z"] = try x[0].exp()
            },
            "grad_repr": { r, x in
                try x[0].mul(x[0]).sum().backward()
                r["repr"] = x[0].grad?.description ?? "None"
                r["x_repr"] = x[0].description
            },
        ]
    }
}
