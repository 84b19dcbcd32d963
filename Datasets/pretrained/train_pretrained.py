# Trains the small CNN that Module 4's transfer-learning lessons start from, and saves its
# weights (the state_dict) in PyTorch's file format as Datasets/pretrained/cifar5_cnn.pt.
#
#     make pretrained                                   (from the repository root)
#     .build/release/pytorch-tutor run Datasets/pretrained/train_pretrained.py
#     python Datasets/pretrained/train_pretrained.py    (real PyTorch and torchvision)
#
# The network learns only the first five CIFAR-10 classes (airplane, automobile, bird, cat,
# deer), so that the lessons can transfer it to the five it has never seen (dog, frog, horse,
# ship, truck). Without the real CIFAR-10 files in ./data the tutor trains on its built-in
# stand-in, which is what the shipped file was trained on.
import torch
import torch.nn as nn
import torchvision
import torchvision.transforms as transforms
from torch.utils.data import DataLoader, Subset

PRETRAIN_CLASSES = [0, 1, 2, 3, 4]
EPOCHS = 6
OUTPUT = "Datasets/pretrained/cifar5_cnn.pt"


def conv_block(c_in, c_out):
    return nn.Sequential(nn.Conv2d(c_in, c_out, 3, padding=1, bias=False),
                         nn.BatchNorm2d(c_out),
                         nn.ReLU())


class SmallCNN(nn.Module):
    """Four conv blocks (16, 32, 64, 64 channels), pooled down to one 64-number summary per
    image, and a linear classifier on top."""

    def __init__(self, num_classes=5):
        super().__init__()
        self.features = nn.Sequential(
            conv_block(3, 16), nn.MaxPool2d(2),
            conv_block(16, 32), nn.MaxPool2d(2),
            conv_block(32, 64), nn.MaxPool2d(2),
            conv_block(64, 64), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
        )
        self.classifier = nn.Linear(64, num_classes)

    def forward(self, x):
        return self.classifier(self.features(x))


def only_classes(dataset, classes):
    return Subset(dataset, [i for i, t in enumerate(dataset.targets) if t in classes])


def main():
    torch.manual_seed(0)
    transform = transforms.Compose([
        transforms.ToTensor(),
        transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5)),
    ])
    trainset = torchvision.datasets.CIFAR10(root="./data", train=True, download=True, transform=transform)
    testset = torchvision.datasets.CIFAR10(root="./data", train=False, download=True, transform=transform)
    trainloader = DataLoader(only_classes(trainset, PRETRAIN_CLASSES), batch_size=64, shuffle=True)
    testloader = DataLoader(only_classes(testset, PRETRAIN_CLASSES), batch_size=500)

    model = SmallCNN(num_classes=len(PRETRAIN_CLASSES))
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=5e-4)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=EPOCHS * len(trainloader))
    for epoch in range(EPOCHS):
        model.train()
        total_loss = 0.0
        for images, labels in trainloader:
            optimizer.zero_grad()
            loss = criterion(model(images), labels)
            loss.backward()
            optimizer.step()
            scheduler.step()
            total_loss += loss.item()
        model.eval()
        correct = 0
        with torch.no_grad():
            for images, labels in testloader:
                correct += (model(images).argmax(dim=1) == labels).sum().item()
        print(f"epoch {epoch + 1}: training loss {total_loss / len(trainloader):.3f}, "
              f"test accuracy {100 * correct / len(testloader.dataset):.1f} %")
    torch.save(model.state_dict(), OUTPUT)
    print("saved", OUTPUT, "with", sum(p.numel() for p in model.parameters()), "parameters")


if __name__ == "__main__":
    main()
