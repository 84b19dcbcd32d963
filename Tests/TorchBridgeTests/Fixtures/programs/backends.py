import torch
import torch.backends.cudnn as cudnn
print(torch.backends.mps.is_available(), torch.backends.mps.is_built(), torch.cuda.is_available())
print(cudnn.enabled, cudnn.benchmark, cudnn.deterministic)
cudnn.benchmark = True
print(torch.backends.cudnn.benchmark, torch.backends.cuda.matmul.allow_tf32)
device = 'cuda' if torch.cuda.is_available() else ('mps' if torch.backends.mps.is_available() else 'cpu')
print(device, torch.__version__.split('+')[0])
from torch.profiler import ProfilerActivity
print(ProfilerActivity.CUDA, list(ProfilerActivity.__members__)[:4])
