import Foundation
import Testing
import MiniPython
@testable import TorchBridge

/// `torch.save` / `torch.load` from Python: round trips print what real PyTorch prints for
/// the same program, files written by real PyTorch load, and errors use PyTorch's and
/// CPython's wording (expected texts recorded with torch 2.15).
@Suite struct SerializationTests {
    /// Runs `body` with a fresh folder inside the working directory (where programs may
    /// read and write), given by its relative path, and removes it afterwards.
    func withScratchFolder(_ body: (String) throws -> Void) throws {
        let folder = (FileManager.default.fileExists(atPath: ".build") ? ".build/" : "") + "serialization-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder)
    }

    @Test func checkpointRoundTripPrintsLikePyTorch() throws {
        try withScratchFolder { folder in
            expectOutput("""
                import torch
                from collections import OrderedDict
                folder = '\(folder)'
                x = torch.arange(6.0).reshape(2, 3)
                state = OrderedDict([('weight', x), ('bias', torch.tensor([0.5, -0.5])), ('steps', torch.tensor(3))])
                state._metadata = OrderedDict([('', {'version': 1})])
                ck = {'epoch': 2, 'model_state_dict': state, 'loss': 0.25, 'view': x[:, 1], 'same': x,
                      'grad': torch.ones(2, requires_grad=True), 'meta': [torch.int32, torch.Size([4]), torch.device('cpu'), 2**80, {1, 2}]}
                torch.save(ck, folder + '/ck.pt')
                r = torch.load(folder + '/ck.pt')
                print(r['epoch'], r['loss'], type(r['model_state_dict']).__name__, r['model_state_dict']._metadata)
                print(r['model_state_dict'])
                print(r['same'] is r['model_state_dict']['weight'], r['grad'], r['meta'])
                r['same'][0, 1] = 100
                print(r['view'])
                print(torch.load(folder + '/ck.pt', weights_only=False)['view'].tolist())
                print(torch.load(folder + '/ck.pt', map_location='cpu')['epoch'], torch.load(folder + '/ck.pt', map_location=torch.device('cpu'))['epoch'],
                      torch.load(folder + '/ck.pt', map_location={'cuda:0': 'cpu'})['epoch'], torch.load(folder + '/ck.pt', map_location=lambda s, loc: s)['epoch'])
                """, """
                2 0.25 OrderedDict OrderedDict([('', {'version': 1})])
                OrderedDict([('weight', tensor([[0., 1., 2.],
                        [3., 4., 5.]])), ('bias', tensor([ 0.5000, -0.5000])), ('steps', tensor(3))])
                True tensor([1., 1.], requires_grad=True) [torch.int32, torch.Size([4]), device(type='cpu'), 1208925819614629174706176, {1, 2}]
                tensor([100.,   4.])
                [1.0, 4.0]
                2 2 2 2

                """)
        }
    }

    @Test func modelParametersAndStateDictsRoundTrip() throws {
        try withScratchFolder { folder in
            expectOutput("""
                import torch
                from torch import nn
                folder = '\(folder)'
                m = nn.Sequential(nn.Linear(3, 2), nn.ReLU(), nn.Linear(2, 1))
                with torch.no_grad():
                    for i, p in enumerate(m.parameters()):
                        p.copy_(torch.linspace(-1, 1, p.numel()).reshape(p.shape) + i)
                torch.save({'params': list(m.parameters()), 'sd': m.state_dict(), 'w': m[0].weight}, folder + '/m.pt')
                r = torch.load(folder + '/m.pt')
                print(type(r['params'][0]).__name__, r['params'][0].requires_grad, r['w'] is r['params'][0])
                print(r['params'][1])
                print(type(r['sd']).__name__, list(r['sd'].keys()), type(r['sd']['0.weight']).__name__, r['sd']['0.weight'].requires_grad)
                frozen = nn.Parameter(torch.ones(2), requires_grad=False)
                torch.save(frozen, folder + '/f.pt')
                f = torch.load(folder + '/f.pt')
                print(type(f).__name__, f.requires_grad, f)
                fresh = nn.Sequential(nn.Linear(3, 2), nn.ReLU(), nn.Linear(2, 1))
                print(fresh.load_state_dict(torch.load(folder + '/m.pt')['sd']))
                x = torch.tensor([[1.0, 2.0, 3.0]])
                print(fresh(x), torch.equal(fresh(x), m(x)))
                """, """
                Parameter True True
                Parameter containing:
                tensor([0., 2.], requires_grad=True)
                OrderedDict ['0.weight', '0.bias', '2.weight', '2.bias'] Tensor False
                Parameter False Parameter containing:
                tensor([1., 1.])
                <All keys matched successfully>
                tensor([[21.2000]], grad_fn=<AddmmBackward0>) True

                """)
        }
    }

    @Test func loadsAStateDictWrittenByPyTorch() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("NeuralNetTests/Fixtures/serialization/state_dict.pt")
        try withScratchFolder { folder in
            try FileManager.default.copyItem(atPath: fixture.path, toPath: folder + "/lin.pt")
            expectOutput("""
                import torch
                sd = torch.load('\(folder)/lin.pt', weights_only=True)
                print(type(sd).__name__, list(sd.keys())[:3], sd._metadata['2'])
                print(sd['0.weight'].shape, sd['2.num_batches_tracked'], sd['3.bias'].dtype)
                """, """
                OrderedDict ['0.weight', '0.bias', '2.weight'] {'version': 2}
                torch.Size([4, 3]) tensor(2) torch.float32

                """)
        }
    }

    @Test func fileErrorsUseCPythonsAndPyTorchsWording() throws {
        try withScratchFolder { folder in
            let t = "import torch\nt = torch.ones(2)\n"
            expectError(t + "torch.load('\(folder)/missing.pt')", "FileNotFoundError",
                        "[Errno 2] No such file or directory: '\(folder)/missing.pt'")
            // IsADirectoryError where MiniPython has it, else its base class OSError.
            expectOutput(t + "try:\n    torch.load('\(folder)')\nexcept OSError as e:\n    print(e)",
                         "[Errno 21] Is a directory: '\(folder)'\n")
            expectError(t + "torch.load('/etc/passwd')", "PermissionError", "[Errno 13] Permission denied: '/etc/passwd'")
            expectError(t + "torch.save(t, '../escape.pt')", "PermissionError", "[Errno 13] Permission denied: '../escape.pt'")
            expectError(t + "torch.load(5)", "AttributeError",
                        "'int' object has no attribute 'seek'. You can only torch.load from a file that is seekable. Please pre-load the data into a buffer like io.BytesIO and try to load from it instead.")
            expectError(t + "torch.save(t, 5)", "AttributeError",
                        "expected 'f' to be string, path, or a file-like object with a 'write' attribute")
            expectError(t + "torch.save(t, '\(folder)/.pt')", "RuntimeError", "invalid file name: \(folder)/.pt")
            expectError(t + "torch.save(t, '\(folder)/nodir/x.pt')", "RuntimeError", "Parent directory \(folder)/nodir does not exist.")
            expectError(t + "torch.save(t, '\(folder)')", "RuntimeError", "open file failed with strerror: Is a directory")
        }
    }

    @Test func loadOptionsAndRefusals() throws {
        try withScratchFolder { folder in
            let saved = "import torch\ntorch.save(torch.ones(2), '\(folder)/t.pt')\n"
            expectError(saved + "torch.load('\(folder)/t.pt', map_location='cuda')", "RuntimeError",
                        "Attempting to deserialize object on a CUDA device but torch.cuda.is_available() is False. If you are running on a CPU-only machine, please use torch.load with map_location=torch.device('cpu') to map your storages to the CPU.")
            expectError(saved + "torch.load('\(folder)/t.pt', map_location=3)", "TypeError", "'int' object is not callable")
            expectError(saved + "torch.load('\(folder)/t.pt', pickle_module=object(), weights_only=True)", "RuntimeError",
                        "Can not safely load weights when explicit pickle_module is specified")
            expectError(saved + "torch.save(object(), '\(folder)/o.pt')", "NotImplementedError",
                        "torch.save in pytorch-tutor stores tensors, numbers, strings, tuples, lists, dicts and sets, not 'object' objects (save model.state_dict() rather than the model itself)")
            expectError(saved + "torch.save(torch.ones(1), '\(folder)/l.pt', _use_new_zipfile_serialization=False)",
                        "NotImplementedError")
            expectError(saved + "x = []\nx.append(x)\ntorch.save(x, '\(folder)/r.pt')", "RecursionError",
                        "maximum recursion depth exceeded while pickling an object")
        }
    }

    @Test func refusedGlobalsRaiseUnpicklingError() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("NeuralNetTests/Fixtures/serialization/blocked_global.pt")
        try withScratchFolder { folder in
            try FileManager.default.copyItem(atPath: fixture.path, toPath: folder + "/evil.pt")
            expectOutput("""
                import torch
                try:
                    torch.load('\(folder)/evil.pt')
                except Exception as e:
                    print(type(e).__name__, type(e).__module__, str(e).splitlines()[-3])
                """, "UnpicklingError _pickle Trying to load unsupported GLOBAL os.system whose module os is blocked.\n")
        }
    }
}
