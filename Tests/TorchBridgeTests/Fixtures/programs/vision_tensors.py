# torchvision on tensor images: transforms, convert_image_dtype, make_grid.
import torch
import torchvision
import torchvision.transforms as T
import torchvision.transforms.functional as TF
from torchvision.utils import make_grid

torch.manual_seed(0)
x = torch.rand(3, 6, 5)
print(TF.normalize(x, [0.485, 0.456, 0.406], [0.229, 0.224, 0.225])[0])
y = x.clone()
out = T.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5), inplace=True)(y)
print(out is y, y[2, 0])
print(TF.hflip(x)[0, 0], TF.vflip(x)[1, :, 0])
print(TF.crop(x, 1, 2, 3, 2)[0])
print(TF.crop(x, -1, 3, 2, 4)[1])
print(TF.center_crop(x, 3)[0])
print(TF.center_crop(x, [8, 6])[0])
for mode in ['constant', 'edge', 'reflect', 'symmetric']:
    print(mode, TF.pad(x, [2, 1], fill=0.5, padding_mode=mode)[0, :3])
print(TF.rgb_to_grayscale(x)[0, 0], TF.rgb_to_grayscale(x, 3).shape)
print(TF.resize(x, [3, 4])[0])
print(TF.resize(x, [9, 8])[1, :2])
print(TF.resize(x, 4, interpolation=T.InterpolationMode.NEAREST)[2])
print(TF.resize(x, [3, 2], antialias=False)[0])
b = (x * 255).to(torch.uint8)
print(TF.convert_image_dtype(b, torch.float32)[0, 0])
print(TF.convert_image_dtype(x, torch.uint8)[0, 0])
print(TF.resize(b, [4, 3])[0])

torch.manual_seed(5)
aug = T.Compose([T.RandomCrop(4, padding=1), T.RandomHorizontalFlip(p=0.7)])
print(aug(x)[0])
print(aug(x)[1])
print(torch.rand(1))

batch = torch.arange(5 * 1 * 2 * 3, dtype=torch.float32).reshape(5, 1, 2, 3)
g = make_grid(batch, nrow=2, padding=1)
print(g.shape)
print(g[0])
g = make_grid(batch, nrow=3, normalize=True, pad_value=0.25)
print(g.shape, g[1, :4])
print(make_grid([x, x * 0.5], padding=0).shape)
print(make_grid(x).shape, make_grid(batch[:1]).shape)
print(make_grid(batch, normalize=True, scale_each=True, padding=0)[0, :2])
try:
    make_grid(3)
except TypeError as e:
    print(e)
