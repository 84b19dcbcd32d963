/// The Python source of `torchvision.transforms.functional`: each function takes a PIL image
/// (worked on natively) or a tensor image `[..., C, H, W]` (worked on with tensor ops), as
/// torchvision's own.
enum FunctionalSource {
    static let module = #"""
import math
import torch
from PIL import Image
import torchvision._native as _native


class InterpolationMode:
    """The interpolation methods by name (torchvision's enum): `InterpolationMode.BILINEAR`."""

    def __init__(self, name, value):
        self.name = name
        self.value = value

    def __repr__(self):
        return f"<InterpolationMode.{self.name}: '{self.value}'>"

    def __eq__(self, other):
        return isinstance(other, InterpolationMode) and other.value == self.value

    def __hash__(self):
        return hash(self.value)


for _name in ["NEAREST", "NEAREST_EXACT", "BILINEAR", "BICUBIC", "BOX", "HAMMING", "LANCZOS"]:
    setattr(InterpolationMode, _name, InterpolationMode(_name, _name.lower()))

_pil_filters = {"nearest": 0, "nearest-exact": 0, "bilinear": 2, "bicubic": 3, "box": 4, "hamming": 5, "lanczos": 1}
_from_pil = {0: InterpolationMode.NEAREST, 2: InterpolationMode.BILINEAR, 3: InterpolationMode.BICUBIC,
             4: InterpolationMode.BOX, 5: InterpolationMode.HAMMING, 1: InterpolationMode.LANCZOS}
InterpolationMode.NEAREST_EXACT.value = "nearest-exact"


def _interpolation_modes_from_int(i):
    return _from_pil[i]


def _is_pil_image(img):
    return isinstance(img, Image.Image)


def _assert_image_tensor(img):
    if img.ndim < 2:
        raise TypeError("Tensor is not a torch image.")


def get_dimensions(img):
    """[channels, height, width] of a PIL image or a tensor image."""
    if isinstance(img, torch.Tensor):
        _assert_image_tensor(img)
        channels = 1 if img.ndim == 2 else img.shape[-3]
        return [channels, img.shape[-2], img.shape[-1]]
    if _is_pil_image(img):
        return [len(img.getbands()), img.height, img.width]
    raise TypeError(f"Unexpected type {type(img)}")


def get_image_size(img):
    """[width, height]."""
    _, h, w = get_dimensions(img)
    return [w, h]


def get_image_num_channels(img):
    return get_dimensions(img)[0]


def to_tensor(pic):
    """A PIL image as a float tensor (C, H, W) with values in [0, 1]."""
    if not _is_pil_image(pic):
        raise TypeError(f"pic should be PIL Image or ndarray. Got {type(pic)}")
    return _native.to_tensor(pic)


def pil_to_tensor(pic):
    """A PIL image as a uint8 tensor (C, H, W), values unchanged."""
    if not _is_pil_image(pic):
        raise TypeError(f"pic should be PIL Image. Got {type(pic)}")
    return _native.pil_to_tensor(pic)


def to_pil_image(pic, mode=None):
    """A tensor (C, H, W) or (H, W) as a PIL image; floats are scaled by 255."""
    if not isinstance(pic, torch.Tensor):
        raise TypeError(f"pic should be Tensor or ndarray. Got {type(pic)}.")
    if pic.ndim not in (2, 3):
        raise ValueError(f"pic should be 2/3 dimensional. Got {pic.ndim} dimensions.")
    img = _native.to_pil_image(pic.detach())
    if mode is not None and mode != img.mode:
        raise ValueError(f"Incorrect mode ({mode}) supplied for input type uint8. Should be {img.mode}")
    return img


def convert_image_dtype(image, dtype=torch.float):
    """Converts a tensor image to `dtype`, rescaling values to the new type's range."""
    if not isinstance(image, torch.Tensor):
        raise TypeError("Input img should be Tensor Image")
    if image.dtype == dtype:
        return image
    maxima = {torch.uint8: 255, torch.int32: 2147483647, torch.int64: 9223372036854775807}
    if image.is_floating_point():
        if dtype.is_floating_point:
            return image.to(dtype)
        if (image.dtype == torch.float32 and dtype in (torch.int32, torch.int64)) or (
                image.dtype == torch.float64 and dtype == torch.int64):
            raise RuntimeError(f"The cast from {image.dtype} to {dtype} cannot be performed safely.")
        return image.mul(float(maxima[dtype]) + 1.0 - 1e-3).to(dtype)
    input_max = float(maxima[image.dtype])
    if dtype.is_floating_point:
        return image.to(dtype) / input_max
    output_max = float(maxima[dtype])
    if input_max > output_max:
        factor = int((input_max + 1) // (output_max + 1))
        return torch.div(image, factor, rounding_mode="floor").to(dtype)
    factor = int((output_max + 1) // (input_max + 1))
    return image.to(dtype) * factor


def normalize(tensor, mean, std, inplace=False):
    """(tensor - mean) / std per channel of a float tensor image (..., C, H, W)."""
    if not isinstance(tensor, torch.Tensor):
        raise TypeError(f"img should be Tensor Image. Got {type(tensor)}")
    return _native.normalize(tensor, mean, std, inplace)


def _output_size(height, width, size, max_size):
    if len(size) == 2:
        return [size[0], size[1]]
    short, long = (width, height) if width <= height else (height, width)
    new_short, new_long = size[0], int(size[0] * long / short)
    if max_size is not None:
        if max_size <= size[0]:
            raise ValueError(f"max_size = {max_size} must be strictly greater than the requested "
                             f"size for the smaller edge size = {size}")
        if new_long > max_size:
            new_short, new_long = int(max_size * new_short / new_long), max_size
    new_w, new_h = (new_short, new_long) if width <= height else (new_long, new_short)
    return [new_h, new_w]


def resize(img, size, interpolation=InterpolationMode.BILINEAR, max_size=None, antialias=True):
    """Resizes to `size` ((h, w), or the smaller edge when one number)."""
    if isinstance(interpolation, int):
        interpolation = _interpolation_modes_from_int(interpolation)
    elif not isinstance(interpolation, InterpolationMode):
        raise TypeError("Argument interpolation should be a InterpolationMode or a corresponding Pillow integer constant")
    if isinstance(size, (list, tuple)):
        if len(size) not in [1, 2]:
            raise ValueError(f"Size must be an int or a 1 or 2 element tuple/list, not a {len(size)} element tuple/list")
        if max_size is not None and len(size) != 1:
            raise ValueError("max_size should only be passed if size specifies the length of the smaller edge, "
                             "i.e. size should be an int or a sequence of length 1 in torchscript mode.")
    _, height, width = get_dimensions(img)
    if isinstance(size, int):
        size = [size]
    output_size = _output_size(height, width, list(size), max_size)
    if [height, width] == output_size:
        return img
    if _is_pil_image(img):
        return img.resize((output_size[1], output_size[0]), _pil_filters[interpolation.value])
    return _native.resize_tensor(img, output_size[0], output_size[1], interpolation.value, antialias)


def _parse_padding(padding):
    if isinstance(padding, int):
        return [padding, padding, padding, padding]
    if len(padding) == 1:
        return [padding[0]] * 4
    if len(padding) == 2:
        return [padding[0], padding[1], padding[0], padding[1]]
    return [padding[0], padding[1], padding[2], padding[3]]


def _pad_indices(n, before, after, mode):
    out = []
    for i in range(-before, n + after):
        if 0 <= i < n:
            out.append(i)
        elif mode == "edge":
            out.append(min(max(i, 0), n - 1))
        elif mode == "reflect":
            period = 2 * (n - 1)
            j = i % period if period else 0
            out.append(j if j < n else period - j)
        else:
            j = i % (2 * n)
            out.append(j if j < n else 2 * n - 1 - j)
    return out


def pad(img, padding, fill=0, padding_mode="constant"):
    """Adds `padding` pixels on the sides (left, top, right, bottom) in one of the modes
    constant, edge, reflect or symmetric."""
    if not isinstance(padding, (int, float, tuple, list)):
        raise TypeError("Got inappropriate padding arg")
    if fill is not None and not isinstance(fill, (int, float, tuple, list)):
        raise TypeError("Got inappropriate fill arg")
    if not isinstance(padding_mode, str):
        raise TypeError("Got inappropriate padding_mode arg")
    if isinstance(padding, (tuple, list)) and len(padding) not in [1, 2, 4]:
        raise ValueError(f"Padding must be an int or a 1, 2, or 4 element tuple, not a {len(padding)} element tuple")
    if padding_mode not in ["constant", "edge", "reflect", "symmetric"]:
        raise ValueError("Padding mode should be either constant, edge, reflect or symmetric")
    left, top, right, bottom = _parse_padding(padding)
    if fill is None:
        fill = 0
    if _is_pil_image(img):
        channels = len(img.getbands())
        if isinstance(fill, (tuple, list)):
            if len(fill) == 1:
                fill = list(fill) * channels
            elif len(fill) != channels:
                raise ValueError("The number of elements in 'fill' does not match the number of channels of the image "
                                 f"({len(fill)} != {channels})")
            fill = [int(v) for v in fill]
        else:
            fill = [int(fill)] * channels
        return _native.pad(img, left, top, right, bottom, padding_mode, fill)
    _assert_image_tensor(img)
    if not isinstance(fill, (int, float)):
        raise TypeError("Got inappropriate fill arg")
    if min(left, top, right, bottom) < 0:
        h, w = img.shape[-2], img.shape[-1]
        img = img[..., max(-top, 0):h - max(-bottom, 0), max(-left, 0):w - max(-right, 0)]
        left, top, right, bottom = max(left, 0), max(top, 0), max(right, 0), max(bottom, 0)
    h, w = img.shape[-2], img.shape[-1]
    if padding_mode == "constant":
        out = img.new_full(tuple(img.shape[:-2]) + (h + top + bottom, w + left + right), float(fill))
        out[..., top:top + h, left:left + w] = img
        return out
    if padding_mode == "reflect" and (max(left, right) >= w or max(top, bottom) >= h):
        raise RuntimeError("Padding size should be less than the corresponding input dimension")
    rows = torch.tensor(_pad_indices(h, top, bottom, padding_mode))
    columns = torch.tensor(_pad_indices(w, left, right, padding_mode))
    return img.index_select(-2, rows).index_select(-1, columns)


def crop(img, top, left, height, width):
    """The box of `height` x `width` pixels at (top, left); outside the image is black."""
    if _is_pil_image(img):
        return img.crop((left, top, left + width, top + height))
    _assert_image_tensor(img)
    h, w = img.shape[-2], img.shape[-1]
    right, bottom = left + width, top + height
    if left < 0 or top < 0 or right > w or bottom > h:
        padding = [max(-left + min(0, right), 0), max(-top + min(0, bottom), 0),
                   max(right - max(w, left), 0), max(bottom - max(h, top), 0)]
        return pad(img[..., max(top, 0):bottom, max(left, 0):right], padding, fill=0)
    return img[..., top:bottom, left:right]


def center_crop(img, output_size):
    """The central `output_size` box (padded with black when the image is smaller)."""
    if isinstance(output_size, (int, float)):
        output_size = (int(output_size), int(output_size))
    elif isinstance(output_size, (tuple, list)) and len(output_size) == 1:
        output_size = (output_size[0], output_size[0])
    _, image_height, image_width = get_dimensions(img)
    crop_height, crop_width = output_size
    if crop_width > image_width or crop_height > image_height:
        padding_ltrb = [
            (crop_width - image_width) // 2 if crop_width > image_width else 0,
            (crop_height - image_height) // 2 if crop_height > image_height else 0,
            (crop_width - image_width + 1) // 2 if crop_width > image_width else 0,
            (crop_height - image_height + 1) // 2 if crop_height > image_height else 0,
        ]
        img = pad(img, padding_ltrb, fill=0)
        _, image_height, image_width = get_dimensions(img)
        if crop_width == image_width and crop_height == image_height:
            return img
    crop_top = int(round((image_height - crop_height) / 2.0))
    crop_left = int(round((image_width - crop_width) / 2.0))
    return crop(img, crop_top, crop_left, crop_height, crop_width)


def resized_crop(img, top, left, height, width, size, interpolation=InterpolationMode.BILINEAR, antialias=True):
    img = crop(img, top, left, height, width)
    return resize(img, size, interpolation, antialias=antialias)


def hflip(img):
    """Mirrors left to right."""
    if _is_pil_image(img):
        return img.transpose(Image.FLIP_LEFT_RIGHT)
    _assert_image_tensor(img)
    return img.flip(-1)


def vflip(img):
    """Mirrors top to bottom."""
    if _is_pil_image(img):
        return img.transpose(Image.FLIP_TOP_BOTTOM)
    _assert_image_tensor(img)
    return img.flip(-2)


def rgb_to_grayscale(img, num_output_channels=1):
    """Grey image (ITU-R 601-2 luma), with 1 or 3 identical channels."""
    if num_output_channels not in (1, 3):
        raise ValueError("num_output_channels should be either 1 or 3")
    if _is_pil_image(img):
        grey = img.convert("L")
        return grey.convert("RGB") if num_output_channels == 3 else grey
    if img.ndim < 3:
        raise TypeError(f"Input image tensor should have at least 3 dimensions, but found {img.ndim}")
    channels = img.shape[-3]
    if channels not in (1, 3):
        raise TypeError(f"Input image tensor permitted channel values are [1, 3], but found {channels}")
    if channels == 3:
        r, g, b = img.unbind(dim=-3)
        grey = (0.2989 * r + 0.587 * g + 0.114 * b).to(img.dtype).unsqueeze(dim=-3)
    else:
        grey = img.clone()
    if num_output_channels == 3:
        return grey.expand(img.shape)
    return grey


def to_grayscale(img, num_output_channels=1):
    if not _is_pil_image(img):
        raise TypeError("Input should be PIL Image")
    return rgb_to_grayscale(img, num_output_channels)


def __getattr__(name):
    raise AttributeError(f"torchvision.transforms.functional.{name} is not available in pytorch-tutor")
"""#
}
