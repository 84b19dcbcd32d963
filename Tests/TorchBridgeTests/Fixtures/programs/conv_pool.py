import torch
import torch.nn.functional as F


def attempt(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)


# Exact inputs (multiples of 1/4), so every sum prints the same in any order.
x = (torch.arange(2 * 3 * 6 * 6, dtype=torch.float32).reshape(2, 3, 6, 6) % 7 - 3) / 4
w = ((torch.arange(4 * 3 * 3 * 3, dtype=torch.float32).reshape(4, 3, 3, 3) % 5) - 2) / 4
w.requires_grad_()
b = torch.tensor([0.5, -0.25, 0.0, 1.0], requires_grad=True)

y = F.conv2d(x, w, b, stride=1, padding=1)
print(y.shape, y.grad_fn.name())
print(y[0, :, 0, :4])
print(F.conv2d(x, w, bias=b, padding="same").shape, F.conv2d(x, w, padding="valid").shape)
print(F.conv2d(x, w, stride=(2, 1), dilation=2).shape)
print(torch.conv2d(x, w, b, 2, 1).shape)
print(F.conv2d(x[0], w).shape, F.conv2d(x[0], w).grad_fn.name())
print(F.conv1d(x[:, :, 0], w[:, :, 0], padding=1).shape)
print(F.conv_transpose2d(y, w, stride=2, output_padding=1).shape)
print(torch.conv_transpose1d(x[:, :, 0], w.transpose(0, 1)[:, :, 0]).shape)

z = F.max_pool2d(F.relu(y), 2)
print(z.shape, z.grad_fn.name())
z.sum().backward()
print(w.grad[0, 0])
print(b.grad)

v, i = F.max_pool2d(x, kernel_size=3, stride=2, padding=1, return_indices=True)
print(v[0, 0])
print(i[0, 0])
print(F.max_pool1d(x[:, :, 0], 2).shape, torch.max_pool1d_with_indices(x[:, :, 0], 2)[1][0, 0])
print(F.avg_pool2d(x, 3, stride=2, padding=1, count_include_pad=False)[0, 0])
print(F.avg_pool2d(x, 2, divisor_override=2)[1, 2])
print(F.adaptive_avg_pool2d(x, (None, 2)).shape, F.adaptive_avg_pool2d(x, 1).grad_fn)
print(F.adaptive_max_pool2d(x, 3, return_indices=True)[1][0, 0])
print(torch.avg_pool1d(x[:, :, 0], 2), torch.adaptive_avg_pool1d(x[:, :, 0], 2).shape)

p = torch.arange(6.).reshape(1, 2, 3)
print(F.pad(p, (1, 2)))
print(F.pad(p, (1, 1), mode="reflect"))
print(F.pad(p, (2, 0), mode="replicate"))
print(F.pad(p, (1, 1), mode="circular"))
print(F.pad(p, (-1, 1, 1, 0), value=9.0))
print(torch.constant_pad_nd(p, (1, 1), 5))

u = F.unfold(x, kernel_size=2, stride=2)
print(u.shape, u.grad_fn)
print(F.fold(u, output_size=(6, 6), kernel_size=2, stride=2).equal(x))

s = torch.arange(4.).reshape(1, 1, 2, 2)
print(F.interpolate(s, scale_factor=2))
print(F.interpolate(s, size=(3, 3), mode="bilinear", align_corners=True))
print(F.interpolate(s, scale_factor=2, mode="bilinear"))
print(F.interpolate(s[0], size=4, mode="linear"))
print(F.interpolate(s, scale_factor=1.5, mode="nearest-exact"))
print(F.interpolate(s, scale_factor=2, mode="area"))
print(F.upsample_nearest(s, scale_factor=2).shape)

attempt(lambda: F.conv2d(torch.ones(1, 1, 32, 32), torch.ones(6, 3, 5, 5)))
attempt(lambda: F.conv2d(x, w, stride=2.0))
attempt(lambda: F.conv2d(x, w, padding="full"))
attempt(lambda: F.conv2d(x, w, stride=2, padding="same"))
attempt(lambda: F.conv2d(torch.ones(6, 6), w))
attempt(lambda: F.conv_transpose2d(x, w, padding="same"))
attempt(lambda: F.max_pool2d(x, 7))
attempt(lambda: F.max_pool2d(x, 2.5))
attempt(lambda: F.max_pool1d(x[:, :, 0], 0))
attempt(lambda: F.avg_pool2d(x, 2, divisor_override=0))
attempt(lambda: F.adaptive_avg_pool2d(x, (1, 2, 3, 4, 5)))
attempt(lambda: F.pad(x, (1, 1), mode="mirror"))
attempt(lambda: F.pad(x, (1, 1), mode="reflect"))
attempt(lambda: F.pad(p, (3, 3), mode="reflect"))
attempt(lambda: F.unfold(x, 7))
attempt(lambda: F.fold(u, output_size=5, kernel_size=2))
attempt(lambda: F.interpolate(s))
attempt(lambda: F.interpolate(s, size=2, scale_factor=2))
attempt(lambda: F.interpolate(s, size=(2, 3, 4)))
attempt(lambda: F.interpolate(s, scale_factor=2, align_corners=True))
attempt(lambda: F.interpolate(s, scale_factor=2, mode="linear"))
attempt(lambda: F.interpolate(s[0, 0], scale_factor=2))
attempt(lambda: F.interpolate(s, size=(2.5, 3)))
attempt(lambda: F.interpolate(s, scale_factor=0.1))
