# The CIFAR-10 tutorial's imshow helper, run on a seeded batch of normalized images.
import matplotlib.pyplot as plt
import numpy as np
import torch
import torchvision

torch.manual_seed(0)


def imshow(img):
    img = img / 2 + 0.5     # unnormalize
    npimg = img.numpy()
    plt.imshow(np.transpose(npimg, (1, 2, 0)))
    plt.show()


images = torch.rand(4, 3, 32, 32) * 2 - 1
images[:, 0, 8:24, 8:24] = 1.0
imshow(torchvision.utils.make_grid(images))
