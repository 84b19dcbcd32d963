"""The tutor's `tutor_datasets` module for real Python: the same functions as the one built
into pytorch-tutor, reading the files of this folder instead of the copies inside the binary.
Exported lessons that import it run with this folder on the module path:

    PYTHONPATH=Datasets python cnn-transfer-learning.py
"""
import csv
import gzip
import os

import torch

_HERE = os.path.dirname(os.path.abspath(__file__))
_SOURCE = ("Copy distributed with scikit-learn (BSD 3-Clause licence); original in the UCI Machine "
           "Learning Repository. See Datasets/README.md.")


class Bunch(dict):
    """A dict whose keys are also attributes (as scikit-learn's Bunch)."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)

    def __setattr__(self, name, value):
        self[name] = value


def pretrained_path(name):
    """The path of the bundled weights `name` (Datasets/pretrained/NAME.pt), for torch.load."""
    path = os.path.join(_HERE, "pretrained", name + ".pt")
    if not os.path.exists(path):
        raise ValueError(f"no pre-trained weights named '{name}'")
    return path


def _table(path, header):
    """The CSV file `path` as (data float32, target int64, class names from the header)."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(os.path.join(_HERE, path), "rt") as f:
        lines = [row for row in csv.reader(f) if row]
    class_names = lines.pop(0)[2:] if header else []
    rows = [[float(v) for v in row] for row in lines]
    data = torch.tensor([row[:-1] for row in rows], dtype=torch.float32)
    target = torch.tensor([int(row[-1]) for row in rows], dtype=torch.int64)
    return data, target, class_names


def load_digits(*, n_class=10, return_X_y=False):
    """1,797 handwritten digits: `data` float32 [1797, 64], `images` [1797, 8, 8], `target` int64."""
    data, target, _ = _table("digits/digits.csv.gz", header=False)
    if n_class < 10:
        keep = target < n_class
        data, target = data[keep], target[keep]
    if return_X_y:
        return data, target
    names = [f"pixel_{r}_{c}" for r in range(8) for c in range(8)]
    return Bunch(data=data, target=target, images=data.reshape(-1, 8, 8), feature_names=names,
                 target_names=list(range(10)),
                 DESCR="Optical recognition of handwritten digits (E. Alpaydin, C. Kaynak, 1998): 8x8 images "
                       "of counts 0-16. " + _SOURCE)


def _load(path, feature_names, descr, return_X_y):
    data, target, class_names = _table(path, header=True)
    if return_X_y:
        return data, target
    return Bunch(data=data, target=target, feature_names=feature_names, target_names=class_names, DESCR=descr)


def load_iris(*, return_X_y=False):
    """150 iris flowers: `data` float32 [150, 4], `target` int64 [150]."""
    return _load("iris/iris.csv", ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"],
                 "Iris plants (R. A. Fisher, 1936): 3 species, 50 flowers each. " + _SOURCE, return_X_y)


def load_wine(*, return_X_y=False):
    """178 wines: `data` float32 [178, 13], `target` int64 [178]."""
    names = ["alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids",
             "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue", "od280/od315_of_diluted_wines",
             "proline"]
    return _load("wine/wine_data.csv", names, "Wine recognition (M. Forina et al., UCI 1991): 3 cultivars. " + _SOURCE,
                 return_X_y)
