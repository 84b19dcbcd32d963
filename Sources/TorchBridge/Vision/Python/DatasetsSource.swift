/// The Python source of `torchvision.datasets`.
///
/// Samples come from a native `ImageSource` (the real files, or the built-in stand-in when
/// they are missing: the tutor has no internet, so `download=True` never downloads).
enum DatasetsSource {
    static let module = #"""
import os
import torch
from torch.utils.data import Dataset
from PIL import Image
import torchvision._native as _native

__all__ = ['VisionDataset', 'StandardTransform', 'CIFAR10', 'MNIST', 'FashionMNIST', 'FakeData']

_announced = set()


def _announce_stand_in(name, root, wanted, size):
    """Says once per session that `name` is missing and the stand-in is used instead."""
    if name in _announced:
        return
    _announced.add(name)
    print(f"{name} not found in '{root}' (the tutor has no internet to download it): using the built-in offline "
          f"stand-in, {size} procedurally drawn images with the same shapes and classes. For the real data, put {wanted} there.")


class StandardTransform:
    """Applies `transform` to the input and `target_transform` to the target."""

    def __init__(self, transform=None, target_transform=None):
        self.transform = transform
        self.target_transform = target_transform

    def __call__(self, input, target):
        if self.transform is not None:
            input = self.transform(input)
        if self.target_transform is not None:
            target = self.target_transform(target)
        return input, target

    def _format_transform_repr(self, transform, head):
        lines = repr(transform).splitlines()
        return [f"{head}{lines[0]}"] + [" " * len(head) + line for line in lines[1:]]

    def __repr__(self):
        body = [type(self).__name__]
        if self.transform is not None:
            body += self._format_transform_repr(self.transform, "Transform: ")
        if self.target_transform is not None:
            body += self._format_transform_repr(self.target_transform, "Target transform: ")
        return "\n".join(body)


class VisionDataset(Dataset):
    """The base of torchvision's datasets: a root folder, transforms and the shared repr."""

    _repr_indent = 4

    def __init__(self, root=None, transforms=None, transform=None, target_transform=None):
        self.root = root
        has_transforms = transforms is not None
        has_separate_transform = transform is not None or target_transform is not None
        if has_transforms and has_separate_transform:
            raise ValueError("Only transforms or transform/target_transform can be passed as argument")
        self.transform = transform
        self.target_transform = target_transform
        if has_separate_transform:
            transforms = StandardTransform(transform, target_transform)
        self.transforms = transforms

    def __getitem__(self, index):
        raise NotImplementedError

    def __len__(self):
        raise NotImplementedError

    def __repr__(self):
        head = "Dataset " + type(self).__name__
        body = [f"Number of datapoints: {self.__len__()}"]
        if self.root is not None:
            body.append(f"Root location: {self.root}")
        body += self.extra_repr().splitlines()
        if getattr(self, "transforms", None) is not None:
            body += [repr(self.transforms)]
        return "\n".join([head] + [" " * self._repr_indent + line for line in body])

    def extra_repr(self):
        return ""


def _root_path(root):
    if not isinstance(root, str):
        raise TypeError(f"root should be a str, not {type(root).__name__}")
    return root


class CIFAR10(VisionDataset):
    """CIFAR-10: 60,000 32x32 colour images in 10 classes (50,000 for training, 10,000 for
    testing). Reads the binary release (`cifar-10-batches-bin/` or `cifar-10-binary.tar.gz`
    under `root`); without it, serves the built-in stand-in."""

    base_folder = "cifar-10-batches-bin"
    filename = "cifar-10-binary.tar.gz"

    def __init__(self, root, train=True, transform=None, target_transform=None, download=False):
        super().__init__(_root_path(root), transform=transform, target_transform=target_transform)
        self.train = train
        source = _native.open_cifar10(self.root, train)
        if source is None:
            wanted = f"{self.base_folder}/ or {self.filename} (binary version, from https://www.cs.toronto.edu/~kriz/cifar.html)"
            if os.path.isdir(os.path.join(self.root, "cifar-10-batches-py")):
                wanted += "; the cifar-10-batches-py/ found there is the Python pickle version, which the tutor cannot read"
            _announce_stand_in("CIFAR-10", self.root, wanted, "50,000 + 10,000")
            source = _native.stand_in("cifar10", train)
        self._source = source
        self.targets = source.labels()
        self.classes = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]
        self.class_to_idx = {name: i for i, name in enumerate(self.classes)}
        self._data = None

    @property
    def data(self):
        """All images as a uint8 tensor of shape (N, 32, 32, 3) (torchvision: a numpy array)."""
        if self._data is None:
            self._data = self._source.pixels()
        return self._data

    def __getitem__(self, index):
        img = self._source.image(index)
        target = self.targets[index]
        if self.transform is not None:
            img = self.transform(img)
        if self.target_transform is not None:
            target = self.target_transform(target)
        return img, target

    def __len__(self):
        return len(self._source)

    def extra_repr(self):
        split = "Train" if self.train is True else "Test"
        return f"Split: {split}"


class MNIST(VisionDataset):
    """MNIST: 70,000 28x28 grey images of handwritten digits (60,000 for training, 10,000 for
    testing). Reads the IDX files (plain or .gz) from `root/MNIST/raw`; without them, serves the
    built-in stand-in."""

    classes = ["0 - zero", "1 - one", "2 - two", "3 - three", "4 - four",
               "5 - five", "6 - six", "7 - seven", "8 - eight", "9 - nine"]
    _stand_in = "mnist"

    def __init__(self, root, train=True, transform=None, target_transform=None, download=False):
        super().__init__(_root_path(root), transform=transform, target_transform=target_transform)
        self.train = train
        source = _native.open_idx(self.raw_folder, train)
        if source is None:
            name = type(self).__name__
            wanted = (f"{name}/raw/train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte "
                      "and t10k-labels-idx1-ubyte (or their .gz files)")
            _announce_stand_in(name, self.root, wanted, "60,000 + 10,000")
            source = _native.stand_in(self._stand_in, train)
        self._source = source
        self._labels = source.labels()
        self.targets = torch.tensor(self._labels, dtype=torch.int64)
        self._data = None

    @property
    def data(self):
        """All images as a uint8 tensor of shape (N, 28, 28)."""
        if self._data is None:
            self._data = self._source.pixels()
        return self._data

    @property
    def raw_folder(self):
        return os.path.join(self.root, type(self).__name__, "raw")

    @property
    def processed_folder(self):
        return os.path.join(self.root, type(self).__name__, "processed")

    @property
    def class_to_idx(self):
        return {name: i for i, name in enumerate(self.classes)}

    def __getitem__(self, index):
        img = self._source.image(index)
        target = self._labels[index]
        if self.transform is not None:
            img = self.transform(img)
        if self.target_transform is not None:
            target = self.target_transform(target)
        return img, target

    def __len__(self):
        return len(self._source)

    def extra_repr(self):
        split = "Train" if self.train is True else "Test"
        return f"Split: {split}"


class FashionMNIST(MNIST):
    """Fashion-MNIST: 70,000 28x28 grey images of 10 kinds of clothing, in MNIST's IDX format
    under `root/FashionMNIST/raw`; without them, serves the built-in stand-in."""

    classes = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
    _stand_in = "fashionmnist"


class FakeData(VisionDataset):
    """Random images (standard normal pixels, as PIL images) with random labels; sample `i`
    is drawn from torch's generator seeded with `i + random_offset`, without disturbing it."""

    def __init__(self, size=1000, image_size=(3, 224, 224), num_classes=10, transform=None,
                 target_transform=None, random_offset=0):
        super().__init__(transform=transform, target_transform=target_transform)
        self.size = size
        self.num_classes = num_classes
        self.image_size = image_size
        self.random_offset = random_offset

    def __getitem__(self, index):
        if index >= len(self):
            raise IndexError(f"{type(self).__name__} index out of range")
        rng_state = torch.get_rng_state()
        torch.manual_seed(index + self.random_offset)
        img = torch.randn(*self.image_size)
        target = torch.randint(0, self.num_classes, size=(1,), dtype=torch.long)[0]
        torch.set_rng_state(rng_state)
        img = _native.to_pil_image(img)
        if self.transform is not None:
            img = self.transform(img)
        if self.target_transform is not None:
            target = self.target_transform(target)
        return img, target.item()

    def __len__(self):
        return self.size


def __getattr__(name):
    raise AttributeError(f"module 'torchvision.datasets' has no attribute '{name}' "
                         "(pytorch-tutor has CIFAR10, MNIST, FashionMNIST and FakeData)")
"""#
}
