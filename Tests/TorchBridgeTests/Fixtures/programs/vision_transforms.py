# torchvision.transforms on PIL images from FakeData: reprs, conversions, seeded random
# transforms (they draw from torch's global generator) and errors.
import torch
import torchvision.transforms as T
import torchvision.transforms.functional as TF
from torchvision.datasets import FakeData

print(T.Compose([T.ToTensor(), T.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5))]))
print(T.RandomHorizontalFlip(), T.RandomVerticalFlip(0.3), T.RandomCrop(32, padding=4), T.CenterCrop(10))
print(T.Resize(16), T.Resize((8, 12)), T.Pad(2, fill=1, padding_mode='edge'), T.Grayscale(3), T.ToPILImage())
print(T.RandomResizedCrop(24), T.Lambda(lambda x: x), T.PILToTensor(), T.RandomGrayscale())
print(T.RandomApply([T.RandomHorizontalFlip()], p=0.3))
print(isinstance(T.Normalize(0, 1), torch.nn.Module), isinstance(T.ToTensor(), torch.nn.Module))

ds = FakeData(size=6, image_size=(3, 9, 7), num_classes=4)
print(len(ds))
print(ds)
img, label = ds[2]
print(type(img).__name__, img.size, img.mode, label)
print(img.getpixel((0, 0)), img.getpixel((6, 8)), img.getbands())
t = TF.to_tensor(img)
print(t.shape, t.dtype)
print(t[:, :2, :3])
print(TF.pil_to_tensor(img)[0])
print(TF.normalize(t, (0.5, 0.4, 0.3), (0.2, 0.25, 0.3))[1])
print(TF.get_dimensions(img), TF.get_image_size(img), TF.get_image_num_channels(t))

torch.manual_seed(7)
pipeline = T.Compose([T.RandomCrop(6, padding=2), T.RandomHorizontalFlip(), T.RandomVerticalFlip(), T.PILToTensor()])
for i in range(4):
    print(pipeline(ds[i][0])[0])
print(torch.rand(1))

torch.manual_seed(3)
crop = T.RandomResizedCrop(5)
for i in range(3):
    print(TF.pil_to_tensor(crop(ds[i][0]))[1])
print(torch.rand(1))

grey = TF.to_grayscale(img)
print(grey.mode, TF.pil_to_tensor(grey)[0, :3])
print(TF.pil_to_tensor(T.Grayscale(3)(img))[:, 0, :3])
for mode in ['constant', 'edge', 'reflect', 'symmetric']:
    padded = TF.pad(img, [3, 1, 2, 4], fill=(9, 8, 7), padding_mode=mode)
    print(mode, padded.size, TF.pil_to_tensor(padded)[0, :3])
print(TF.pil_to_tensor(TF.center_crop(img, 11))[2, :, 1])
print(TF.pil_to_tensor(TF.crop(img, -1, 2, 4, 7))[0])
for size in [(4, 3), (13, 10), 5, (9, 7)]:
    print(size, TF.pil_to_tensor(TF.resize(img, size))[0])
print(TF.pil_to_tensor(T.Resize(4, interpolation=T.InterpolationMode.NEAREST)(img))[1])
print(TF.pil_to_tensor(T.Resize((6, 11), interpolation=T.InterpolationMode.BICUBIC)(img))[2])
print(TF.pil_to_tensor(TF.hflip(img))[0, 0], TF.pil_to_tensor(TF.vflip(img))[0, :, 0])

back = TF.to_pil_image(torch.tensor([[[0.0, 0.5, -0.25], [1.0, 1.5, 0.999]]]))
print(back.mode, back.size, TF.pil_to_tensor(back))
print(TF.to_pil_image(t).getpixel((3, 4)) == img.getpixel((3, 4)))

for bad in [lambda: TF.to_tensor(t), lambda: T.Normalize((0.5,), (0.5,))(img),
            lambda: TF.normalize(torch.zeros(3, 4), (0.5,), (0.5,)),
            lambda: TF.normalize(torch.zeros(3, 2, 2, dtype=torch.int64), (0.5,), (0.5,)),
            lambda: T.RandomCrop(20)(img), lambda: T.Pad(1, padding_mode='wrap'),
            lambda: T.Resize(2.5), lambda: ds[6]]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
