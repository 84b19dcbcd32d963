import Foundation
import Testing
@testable import TorchBridge

/// `torch.save(model, f)` / `torch.load(f, weights_only=False)` of whole modules: files real
/// PyTorch wrote load into a working model, and the tutor's own files load back (real PyTorch
/// loading them is checked by Fixtures/whole_module/make_whole_module_fixtures.py, which
/// recorded expected.out).
@Suite struct WholeModuleSerializationTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/whole_module")

    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    /// Runs `body` with a fresh folder inside the working directory, removed afterwards.
    func withScratchFolder(_ body: (String) throws -> Void) throws {
        let folder = (FileManager.default.fileExists(atPath: ".build") ? ".build/" : "") + "whole-module-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder)
    }

    @Test(arguments: ["torch_whole.pt", "tutor_whole.pt"])
    func loadsAWholeModuleFile(_ name: String) throws {
        try withScratchFolder { folder in
            try FileManager.default.copyItem(atPath: Self.fixtures.appendingPathComponent(name).path, toPath: folder + "/m.pt")
            expectOutput(try Self.fixture("net.py") + """
                report(torch.load('\(folder)/m.pt', weights_only=False))
                """, try Self.fixture("expected.out"))
        }
    }

    @Test func roundTripKeepsTheModelWorking() throws {
        try withScratchFolder { folder in
            expectOutput(try Self.fixture("net.py") + """
                net = make_net()
                torch.save(net, '\(folder)/m.pt')
                loaded = torch.load('\(folder)/m.pt', weights_only=False)
                report(loaded)
                loaded.eval()
                loaded(torch.ones(1, 1, 4, 4)).sum().backward()
                print(loaded.training, loaded.body.training, loaded.head.weight.grad is not None, net.head.weight.grad)
                """, try Self.fixture("expected.out") + "False False True None\n")
        }
    }

    @Test func weightsOnlyRefusesTheModelsClass() throws {
        try withScratchFolder { folder in
            let result = runPython(try Self.fixture("net.py") + """
                torch.save(make_net(), '\(folder)/m.pt')
                torch.load('\(folder)/m.pt')
                """)
            let error = result.error ?? ""
            #expect(error.hasPrefix("UnpicklingError: Weights only load failed. This file can still be loaded, to do so you have two options"))
            #expect(error.contains("WeightsUnpickler error: Unsupported global: GLOBAL __main__.Net was not an allowed global by default. Please use `torch.serialization.add_safe_globals([__main__.Net])`"))
        }
    }

    @Test func loadingNeedsTheClassAndSavingAModuleLevelOne() throws {
        try withScratchFolder { folder in
            try FileManager.default.copyItem(atPath: Self.fixtures.appendingPathComponent("torch_whole.pt").path, toPath: folder + "/m.pt")
            let result = runPython("import torch\ntorch.load('\(folder)/m.pt', weights_only=False)\n")
            #expect(result.error?.hasPrefix("AttributeError: Can't get attribute 'Net' on <module '__main__'") == true, "\(result.error ?? "")")
            expectError("""
                import torch
                from torch import nn
                def build():
                    class Local(nn.Module):
                        pass
                    return Local()
                torch.save(build(), '\(folder)/local.pt')
                """, "AttributeError", "Can't pickle local object 'build.<locals>.Local'")
        }
    }
}
