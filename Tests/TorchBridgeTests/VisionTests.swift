import Foundation
import Testing
import MiniPython
import TorchBridge

/// torchvision, PIL and tutor_datasets through the interpreter. Outputs that real torchvision
/// can produce too are pinned by the vision_*.py program fixtures instead.
@Suite struct VisionTests {
    /// A fixture root as a path the interpreter may read (inside the working directory).
    static func root(_ name: String) -> String? {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/vision/" + name).path
        let cwd = FileManager.default.currentDirectoryPath
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : nil
    }

    @Test func cifarExampleDatasetsUseTheStandInWithOneNotice() {
        let result = runPython("""
        import torch, torchvision
        import torchvision.transforms as transforms
        transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5))])
        trainset = torchvision.datasets.CIFAR10(root='./no-such-data', train=True, download=True, transform=transform)
        testset = torchvision.datasets.CIFAR10(root='./no-such-data', train=False, download=True, transform=transform)
        print(len(trainset), len(testset), trainset.classes[3], trainset.class_to_idx['ship'])
        x, y = trainset[7]
        print(x.shape, x.dtype, type(y).__name__, float(x.min()) >= -1, float(x.max()) <= 1)
        loader = torch.utils.data.DataLoader(testset, batch_size=4, shuffle=False, num_workers=2)
        images, labels = next(iter(loader))
        print(images.shape, labels.tolist() == testset.targets[:4])
        raw = torchvision.datasets.CIFAR10(root='./no-such-data', train=False)
        print(type(raw[0][0]), raw[-1][0].size, raw.data.shape, raw.data.dtype)
        """)
        #expect(result.error == nil, "\(result.error ?? "")")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.filter { $0.contains("stand-in") }.count == 1)
        #expect(lines.first?.hasPrefix("CIFAR-10 not found in './no-such-data'") == true)
        #expect(Array(lines.dropFirst()) == [
            "50000 10000 cat 8",
            "torch.Size([3, 32, 32]) torch.float32 int True True",
            "torch.Size([4, 3, 32, 32]) True",
            "<class 'PIL.Image.Image'> (32, 32) torch.Size([10000, 32, 32, 3]) torch.uint8",
        ])
    }

    @Test func cifarReadsTheBinaryArchive() throws {
        let root = try #require(Self.root("cifar_archive"))
        expectOutput("""
        import torchvision
        ds = torchvision.datasets.CIFAR10(root='\(root)', train=False)
        print(len(ds), ds.targets)
        img, label = ds[2]
        print(img.getpixel((17, 5)), label)
        """, "3 [7, 0, 9]\n(132, 202, 16) 9\n")
        expectError("""
        import torchvision
        torchvision.datasets.CIFAR10(root='\(root)', train=True)
        """, "RuntimeError", "cifar-10-binary.tar.gz has no cifar-10-batches-bin/data_batch_1.bin")
    }

    @Test func fashionMNISTHasAStandInToo() {
        let result = runPython("""
        import torchvision
        from torchvision.transforms import ToTensor
        ds = torchvision.datasets.FashionMNIST(root='./no-such-data', train=True, download=True, transform=ToTensor())
        x, y = ds[0]
        print(len(ds), x.shape, ds.classes[y] in ds.classes, ds.targets.shape)
        """)
        #expect(result.error == nil, "\(result.error ?? "")")
        #expect(result.stdout.hasSuffix("60000 torch.Size([1, 28, 28]) True torch.Size([60000])\n"))
        #expect(result.stdout.hasPrefix("FashionMNIST not found in './no-such-data'"))
    }

    @Test func mnistReadsIDXFiles() throws {
        let root = try #require(Self.root("mnist"))
        expectOutput("""
        import torchvision
        ds = torchvision.datasets.MNIST('\(root)', train=False)
        print(len(ds), ds.targets, ds.data.shape)
        img, label = ds[1]
        print(img.mode, img.size, img.getpixel((2, 3)), label)
        """, "3 tensor([4, 1, 8]) torch.Size([3, 5, 4])\nL (4, 5) 59 1\n")
    }

    @Test func indexErrorsAndPathsAreChecked() {
        expectError("""
        import torchvision
        torchvision.datasets.CIFAR10(root='./no-such-data', train=False)[10000]
        """, "IndexError", "index 10000 is out of bounds for axis 0 with size 10000")
        expectError("""
        import torchvision
        torchvision.datasets.CIFAR10(root='/', train=False)
        """, "PermissionError")
        expectError("""
        import torchvision.datasets
        torchvision.datasets.ImageNet
        """, "AttributeError")

        expectError("""
        import torchvision.transforms as T
        T.ColorJitter(0.2)
        """, "AttributeError")
    }

    @Test func pilImagesBehaveLikePillow() {
        expectOutput("""
        from PIL import Image
        im = Image.new('RGB', (4, 3), (10, 20, 30))
        print(type(im), im.size, im.mode, im.width, im.height, im.getbands(), im.format)
        print(im.getpixel((0, 0)), im.getpixel((-1, -1)), Image.new('L', (2, 2), 7).getpixel((1, 1)))
        print(im.crop((0.4, 0.6, 2.5, 2.5)).size, im.resize((8, 6)).size, im.transpose(Image.ROTATE_90).size)
        print(im == im.copy(), im == Image.new('RGB', (4, 3)), im.convert('L').getpixel((0, 0)))
        print(repr(im).startswith('<PIL.Image.Image image mode=RGB size=4x3 at 0x'))
        for bad in [lambda: im.getpixel((4, 0)), lambda: im.convert('XYZ'), lambda: Image.new('Q', (1, 1)),
                    lambda: im.crop((3, 0, 1, 2)), lambda: im.resize((0, 3)), lambda: im.transpose(9),
                    lambda: Image.open('x.png')]:
            try:
                bad()
            except Exception as e:
                print(type(e).__name__ + ":", e)
        """, """
        <class 'PIL.Image.Image'> (4, 3) RGB 4 3 ('R', 'G', 'B') None
        (10, 20, 30) (10, 20, 30) 7
        (2, 1) (8, 6) (3, 4)
        True False 18
        True
        IndexError: image index out of range
        ValueError: image has wrong mode
        ValueError: unrecognized image mode
        ValueError: Coordinate 'right' is less than 'left'
        ValueError: height and width must be > 0
        ValueError: No such transpose operation
        NotImplementedError: PIL.Image.open is not available in pytorch-tutor

        """)
    }

    @Test func tutorDatasetsLoadTheBundledTables() {
        expectOutput("""
        import torch, tutor_datasets
        d = tutor_datasets.load_digits()
        print(d.data.shape, d.data.dtype, d.images.shape, d.target.dtype, d.target[:5].tolist())
        print(d.feature_names[:2], d.target_names[-1], d.images[0, 1].tolist())
        X, y = tutor_datasets.load_iris(return_X_y=True)
        print(X.shape, [(y == c).sum().item() for c in range(3)], tutor_datasets.load_iris().target_names)
        w = tutor_datasets.load_wine()
        print(w.data.shape, [(w['target'] == c).sum().item() for c in range(3)], w.feature_names[0], 'UCI' in w.DESCR)
        print(tutor_datasets.load_digits(n_class=3, return_X_y=True)[0].shape)
        """, """
        torch.Size([1797, 64]) torch.float32 torch.Size([1797, 8, 8]) torch.int64 [0, 1, 2, 3, 4]
        ['pixel_0_0', 'pixel_0_1'] 9 [0.0, 0.0, 13.0, 15.0, 10.0, 15.0, 5.0, 0.0]
        torch.Size([150, 4]) [50, 50, 50] ['setosa', 'versicolor', 'virginica']
        torch.Size([178, 13]) [59, 71, 48] alcohol True
        torch.Size([537, 64])

        """)
    }

    @Test func pretrainedWeightsLoadFromTheBundle() {
        expectOutput("""
        import torch, tutor_datasets
        path = tutor_datasets.pretrained_path("cifar5_cnn")
        print(path)
        state = torch.load(path, weights_only=True)
        print(len(state), state["features.0.0.weight"].shape, state["classifier.weight"].shape,
              state["features.0.1.num_batches_tracked"].dtype)
        try:
            tutor_datasets.pretrained_path("resnet18")
        except ValueError as e:
            print(e)
        try:
            torch.load("pytorch-tutor://Datasets/pretrained/resnet18.pt")
        except FileNotFoundError as e:
            print(e)
        """, """
        pytorch-tutor://Datasets/pretrained/cifar5_cnn.pt
        26 torch.Size([16, 3, 3, 3]) torch.Size([5, 64]) torch.int64
        no pre-trained weights named 'resnet18' (there are cifar5_cnn)
        [Errno 2] No such file or directory: 'pytorch-tutor://Datasets/pretrained/resnet18.pt'

        """)
    }
}
