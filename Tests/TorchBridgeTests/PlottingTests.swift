import Charts
import Testing
import MiniPython
import TorchBridge

/// matplotlib.pyplot and torch.utils.tensorboard through the interpreter: without a display
/// sink figures print as plain text; with one, the host receives the figure model.
@Suite struct PlottingTests {
    /// Runs `source` with a sink and returns the events it received (and the error, if any).
    func events(_ source: String) -> (events: [DisplayEvent], error: String?) {
        let interp = Interpreter()
        TorchBridge.install(into: interp)
        var received: [DisplayEvent] = []
        TorchBridge.setDisplay(interp, tier: .plain) { received.append($0) }
        interp.writeStdout = { _ in }
        do throws(PyError) {
            try interp.execute(source, filename: "test.py")
            return (received, nil)
        } catch {
            return (received, error.description)
        }
    }

    @Test func showDrawsPlainTextWithoutASink() {
        let result = runPython("""
        import torch
        import matplotlib.pyplot as plt
        plt.plot([1, 2, 3], [1, 4, 9], label='squares')
        plt.title('Squares')
        plt.legend()
        plt.show()
        print(plt.gcf())
        """)
        #expect(result.error == nil, "\(result.error ?? "")")
        #expect(result.stdout.contains("Squares"))
        #expect(result.stdout.contains("* squares"))
        #expect(result.stdout.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(result.stdout.hasSuffix("<Figure size 640x480 with 0 Axes>\n"))
    }

    @Test func subplotsGiveAnAxesGridAndTheSinkGetsTheModel() {
        let (events, error) = events("""
        import torch
        import matplotlib.pyplot as plt
        fig, axes = plt.subplots(2, 3, figsize=(9, 6))
        print(axes.shape)
        for i, ax in enumerate(axes.flat):
            ax.imshow(torch.rand(4, 4), cmap='gray')
            ax.set_title(f'map {i}')
            ax.axis('off')
        axes[1, 2].plot(torch.arange(5.), 'r--')
        axes[0][1].scatter([1, 2], [3, 4], c='g')
        fig.suptitle('maps')
        plt.show()
        """)
        #expect(error == nil, "\(error ?? "")")
        guard case .figure(let figure)? = events.first else {
            Issue.record("no figure")
            return
        }
        #expect(events.count == 1)
        #expect(figure.rows == 2 && figure.columns == 3)
        #expect(figure.title == "maps")
        #expect(figure.axes.map(\.title) == (0..<6).map { "map \($0)" })
        #expect(figure.axes.allSatisfy { !$0.showsAxis && $0.image?.colormap == .gray })
        #expect(figure.axes[5].series.first?.color == RGB(255, 0, 0))
        #expect(figure.axes[1].series.first?.kind == .scatter)
    }

    @Test func histBarAndSubplotNumbers() {
        expectOutput("""
        import torch
        import matplotlib.pyplot as plt
        plt.subplot(211)
        n, bins, patches = plt.hist(torch.tensor([0., 1., 1., 2., 3.]), bins=3)
        print(n, bins)
        plt.subplot(2, 1, 2)
        plt.bar(['a', 'b'], [2, 5])
        plt.close('all')
        """, "[1.0, 2.0, 2.0] [0.0, 1.0, 2.0, 3.0]\n")
    }

    @Test func errorsReadLikeMatplotlib() {
        expectError("import matplotlib.pyplot as plt\nplt.plot([1, 2, 3], [1, 2])", "ValueError",
                    "x and y must have same first dimension, but have shapes (3,) and (2,)")
        expectError("import torch\nimport matplotlib.pyplot as plt\nplt.imshow(torch.zeros(3, 8, 8))", "TypeError",
                    "Invalid shape (3, 8, 8) for image data")
        expectError("import torch\nimport matplotlib.pyplot as plt\nplt.plot(torch.ones(3, requires_grad=True))", "RuntimeError",
                    "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
        expectError("import matplotlib.pyplot as plt\nplt.plot([1], 'q')", "ValueError",
                    "'q' is not a valid format string (unrecognized character 'q')")
        expectError("import matplotlib.pyplot as plt\nplt.subplot(2, 2, 5)", "ValueError",
                    "num must be an integer with 1 <= num <= 4, not 5")
        expectError("import matplotlib.pyplot as plt\nplt.savefig('x.png')", "NotImplementedError")
        expectError("import torch\nimport matplotlib.pyplot as plt\nplt.imshow(torch.zeros(3000, 3000))", "ValueError")
    }

    @Test func badValuesNeverTrap() {
        let result = runPython("""
        import torch
        import matplotlib.pyplot as plt
        plt.plot([float('nan'), float('inf'), -float('inf'), 1e308, -1e308])
        plt.plot([])
        plt.scatter([], [])
        plt.hist([float('nan')])
        plt.imshow(torch.full((2, 2), float('nan')))
        plt.figure(figsize=(1e9, 1e-9))
        plt.imshow(torch.zeros(0, 0))
        plt.show()
        """)
        #expect(result.error == nil, "\(result.error ?? "")")
    }

    @Test func summaryWriterPrintsASummaryAtClose() {
        expectOutput("""
        import torch
        from torch.utils.tensorboard import SummaryWriter
        with SummaryWriter('runs/exp') as writer:
            for step in range(4):
                writer.add_scalar('Loss/train', torch.tensor(4.0 - step), step)
            writer.add_scalars('acc', {'train': 0.5, 'val': 0.25}, 3)
            writer.add_image('digit', torch.zeros(1, 4, 6))
            writer.add_images('batch', torch.zeros(5, 3, 4, 4), 2)
            writer.add_histogram('w', torch.arange(10., requires_grad=True), 1)
            print(writer.log_dir)
        """, """
        runs/exp
        SummaryWriter runs/exp:
          Loss/train  '-._  4 points, steps 0-3, first 4, last 1, min 1 at step 3
          acc/train   .  1 point, steps 3-3, first 0.5, last 0.5, min 0.5 at step 3
          acc/val     .  1 point, steps 3-3, first 0.25, last 0.25, min 0.25 at step 3
          image digit: 4x6
          images batch (step 2): 5 images
          histogram w (step 1): 10 values

        """)
    }

    @Test func summaryWriterSendsScalarsAndImagesToTheSink() {
        let (events, error) = events("""
        import torch
        from torch.utils.tensorboard import SummaryWriter
        writer = SummaryWriter()
        writer.add_scalar('loss', 0.5, 7)
        writer.add_image('x', torch.rand(8, 8, 3), dataformats='HWC')
        writer.close()
        """)
        #expect(error == nil, "\(error ?? "")")
        #expect(events.count == 2)
        if case .scalar(_, let tag, let step, let value)? = events.first {
            #expect(tag == "loss" && step == 7 && value == 0.5)
        } else {
            Issue.record("no scalar")
        }
        if case .figure(let figure)? = events.last {
            #expect(figure.axes[0].title == "x")
            #expect(figure.axes[0].image?.channels == 3)
        } else {
            Issue.record("no image")
        }
        expectError("from torch.utils.tensorboard import SummaryWriter\nSummaryWriter().add_image('x', [[1, 2]])", "ValueError")
    }

    @Test func limitsTicksAndGridReachTheModel() {
        let result = events("""
        import matplotlib.pyplot as plt
        plt.plot([0, 1, 2], [0, 1, 4])
        assert plt.xlim(0.5, 1.5) == (0.5, 1.5)
        assert plt.ylim((0, 10)) == (0.0, 10.0)
        assert plt.xlim() == (0.5, 1.5)
        assert plt.xticks([0, 1, 2], ['a', 'b', 'c']) == ([0.0, 1.0, 2.0], ['a', 'b', 'c'])
        assert plt.yticks() == ([], [])
        plt.grid()
        fig, ax = plt.subplots()
        ax.plot([1, 2])
        ax.set_xlim(right=5)
        ax.set_yticks([1.5])
        ax.grid(True)
        ax.grid(False)
        plt.show()
        """)
        #expect(result.error == nil, "\(result.error ?? "")")
        guard case .figure(let first)? = result.events.first, case .figure(let second)? = result.events.last else {
            Issue.record("no figures")
            return
        }
        #expect(first.axes[0].xLimits == AxisLimits(low: 0.5, high: 1.5))
        #expect(first.axes[0].yLimits == AxisLimits(low: 0, high: 10))
        #expect(first.axes[0].xTicks == AxisTicks(positions: [0, 1, 2], labels: ["a", "b", "c"]))
        #expect(first.axes[0].showsGrid)
        #expect(second.axes[0].xLimits == AxisLimits(high: 5))
        #expect(second.axes[0].yTicks == AxisTicks(positions: [1.5]))
        #expect(!second.axes[0].showsGrid)
        expectError("import matplotlib.pyplot as plt\nplt.xticks([1, 2], ['a'])", "ValueError",
                    "The number of FixedLocator locations (2), usually from a call to set_ticks, does not match the number of labels (1).")
    }
}
