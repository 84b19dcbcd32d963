#!/usr/bin/env python3
"""Makes the fixtures of NeuralNetTests/Vision with Python's gzip/tarfile and real Pillow.

Usage: python make_vision_fixtures.py   (run with /work/venv-torch/bin/python; needs Pillow
and numpy, which torchvision brings)

Writes, next to this script:
  cifar3.bin                     3 CIFAR-10 binary records (label byte + R, G, B planes)
  t10k-images-idx3-ubyte(.gz)    3 grey 5x4 images in IDX format, plain and gzip
  t10k-labels-idx1-ubyte         their labels
  archive.tar.gz                 cifar-10-batches-bin/test_batch.bin (= cifar3.bin), a folder,
                                 a member with a 120-character name (GNU long name)
  stored.gz, multi.gz, text.gz   gzip with stored blocks, two members, dynamic Huffman codes
  archives.json                  size and CRC-32 of each decompressed fixture
  images.json                    Pillow's results for flips, transposes, crops, pads
                                 (numpy modes), resizes (every filter) and grey conversion
"""
import gzip
import io
import json
import os
import struct
import tarfile
import zlib

import numpy as np
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


# CIFAR records: record r has label (7, 0, 9)[r]; pixel (y, x) of channel c is (r*50 + c*70 + y*3 + x) % 256.
records = b""
for r, label in enumerate([7, 0, 9]):
    planes = bytes((r * 50 + c * 70 + y * 3 + x) % 256 for c in range(3) for y in range(32) for x in range(32))
    records += bytes([label]) + planes
write("cifar3.bin", records)

# IDX pair: image i pixel (y, x) = (i*40 + y*5 + x*2) % 256, 3 images of 5 rows x 4 columns.
images = bytes((i * 40 + y * 5 + x * 2) % 256 for i in range(3) for y in range(5) for x in range(4))
idx_images = struct.pack(">BBBBIII", 0, 0, 8, 3, 3, 5, 4) + images
write("t10k-images-idx3-ubyte", idx_images)
write("t10k-images-idx3-ubyte.gz", gzip.compress(idx_images, mtime=0))
write("t10k-labels-idx1-ubyte", struct.pack(">BBBBI", 0, 0, 8, 1, 3) + bytes([4, 1, 8]))

# A tar.gz like the CIFAR-10 binary release.
buffer = io.BytesIO()
with tarfile.open(fileobj=buffer, mode="w", format=tarfile.GNU_FORMAT) as tar:
    folder = tarfile.TarInfo("cifar-10-batches-bin")
    folder.type = tarfile.DIRTYPE
    tar.addfile(folder)
    for name, data in [("cifar-10-batches-bin/test_batch.bin", records), ("cifar-10-batches-bin/" + "n" * 100 + ".txt", b"long name\n")]:
        info = tarfile.TarInfo(name)
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
with open(os.path.join(HERE, "archive.tar.gz"), "wb") as f:
    with gzip.GzipFile(filename="cifar-10-binary.tar", mode="wb", fileobj=f, mtime=0) as gz:
        gz.write(buffer.getvalue())

rng = np.random.default_rng(0)
text = (b"the quick brown fox jumps over the lazy dog. " * 300) + rng.integers(0, 256, 5000, dtype=np.uint8).tobytes()
write("text.gz", gzip.compress(text, compresslevel=9, mtime=0))
stored = rng.integers(0, 256, 70000, dtype=np.uint8).tobytes()
write("stored.gz", gzip.compress(stored, compresslevel=0, mtime=0))
write("multi.gz", gzip.compress(b"first member\n", mtime=0) + gzip.compress(b"second member\n", mtime=0))
archives = {name: {"size": len(data), "crc32": zlib.crc32(data)}
            for name, data in [("text.gz", text), ("stored.gz", stored), ("multi.gz", b"first member\nsecond member\n"),
                               ("archive.tar.gz", buffer.getvalue())]}
with open(os.path.join(HERE, "archives.json"), "w") as f:
    json.dump(archives, f, indent=1, sort_keys=True)

# Pillow reference results on a random RGB 7x9 (width x height) and a grey 6x5 image.
rgb = Image.fromarray(rng.integers(0, 256, (9, 7, 3), dtype=np.uint8), "RGB")
grey = Image.fromarray(rng.integers(0, 256, (5, 6), dtype=np.uint8), "L")
cases = []


def record(name, source, out):
    cases.append({"name": name, "source": source, "mode": out.mode, "width": out.width, "height": out.height,
                  "pixels": list(np.asarray(out).reshape(-1).tolist())})


for source_name, image in [("rgb", rgb), ("grey", grey)]:
    for method in range(7):
        record(f"transpose {method}", source_name, image.transpose(method))
    record("crop inside", source_name, image.crop((1, 2, 5, 4)))
    record("crop outside", source_name, image.crop((-2, -1, 4, 7)))
    for mode in ["edge", "reflect", "symmetric"]:
        for pads in [(2, 1, 3, 0), (9, 7, 12, 11), (-1, 2, 1, -2)]:
            left, top, right, bottom = pads
            a = np.asarray(image)
            a = a[max(-top, 0):a.shape[0] - max(-bottom, 0), max(-left, 0):a.shape[1] - max(-right, 0)]
            widths = ((max(top, 0), max(bottom, 0)), (max(left, 0), max(right, 0))) + (((0, 0),) if a.ndim == 3 else ())
            record(f"pad {mode} {pads}", source_name, Image.fromarray(np.pad(a, widths, mode=mode)))
    for flt in [0, 1, 2, 3, 4, 5]:
        for size in [(4, 3), (13, 10), (11, 4), (3, 12), (7, 2), (2, 9)]:
            record(f"resize {flt} {size}", source_name, image.resize(size, flt))
record("convert L", "rgb", rgb.convert("L"))
record("convert RGB", "grey", grey.convert("RGB"))
with open(os.path.join(HERE, "images.json"), "w") as f:
    json.dump({"sources": {"rgb": {"width": 7, "height": 9, "channels": 3, "pixels": np.asarray(rgb).reshape(-1).tolist()},
                           "grey": {"width": 6, "height": 5, "channels": 1, "pixels": np.asarray(grey).reshape(-1).tolist()}},
               "cases": cases}, f)
print("wrote", len(cases), "image cases")
