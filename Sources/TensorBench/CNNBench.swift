import MiniPython
import TorchBridge

/// The CIFAR-10 SimpleCNN of ../shared/bench/cnn_train_step.py, run as Python through the
/// interpreter exactly as a learner's script runs it:
/// - `cnn_train_b100`: images/s of a train step on a batch of 100 (zero_grad, forward,
///   CrossEntropyLoss, backward, SGD with momentum);
/// - `cnn_infer_b100`, `cnn_infer_b1`: ms per forward under `torch.no_grad()`.
/// Each at 1 and 2 threads.
func cnnBenchmarks() -> [Benchmark] {
    [1, 2].flatMap { threads in
        [
            cnnBenchmark("cnn_train_b100", threads: threads, call: "train_step()", unit: "images/s",
                         value: { 100 / $0 }),
            cnnBenchmark("cnn_infer_b100", threads: threads, call: "infer(x)", unit: "ms", value: { $0 * 1e3 }),
            cnnBenchmark("cnn_infer_b1", threads: threads, call: "infer(x1)", unit: "ms", value: { $0 * 1e3 }),
        ]
    }
}

let simpleCNNProgram = """
    import torch
    import torch.nn as nn
    import torch.nn.functional as F


    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(3, 6, 5)
            self.pool = nn.MaxPool2d(2, 2)
            self.conv2 = nn.Conv2d(6, 16, 5)
            self.fc1 = nn.Linear(16 * 5 * 5, 120)
            self.fc2 = nn.Linear(120, 84)
            self.fc3 = nn.Linear(84, 10)

        def forward(self, x):
            x = self.pool(F.relu(self.conv1(x)))
            x = self.pool(F.relu(self.conv2(x)))
            x = torch.flatten(x, 1)
            x = F.relu(self.fc1(x))
            x = F.relu(self.fc2(x))
            return self.fc3(x)


    torch.manual_seed(0)
    net = Net()
    criterion = nn.CrossEntropyLoss()
    opt = torch.optim.SGD(net.parameters(), lr=0.001, momentum=0.9)
    x = torch.randn(100, 3, 32, 32)
    y = torch.randint(0, 10, (100,))
    x1 = torch.randn(1, 3, 32, 32)


    def train_step():
        opt.zero_grad()
        loss = criterion(net(x), y)
        loss.backward()
        opt.step()
        return loss


    def infer(batch):
        with torch.no_grad():
            return net(batch)

    """

private func cnnBenchmark(_ name: String, threads: Int, call: String, unit: String,
                          value: @escaping (Double) -> Double) -> Benchmark {
    Benchmark(name: name, threads: threads, unit: unit, decimals: unit == "ms" ? 3 : 0) {
        let interp = Interpreter()
        TorchBridge.install(into: interp)
        let step: PyValue
        do throws(PyError) {
            try interp.execute(simpleCNNProgram, filename: "cnn_bench.py")
            try interp.execute("def _bench_step():\n    \(call)\n", filename: "cnn_bench.py")
            step = interp.mainModule["_bench_step"] ?? .none
        } catch {
            fatalError("\(name) setup: \(error)")
        }
        return Measured(call: {
            do throws(PyError) { _ = try interp.call(step, []) } catch { fatalError("\(name): \(error)") }
        }, value: value)
    }
}
