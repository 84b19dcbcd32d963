import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.profiler import profile, record_function, ProfilerActivity

print(repr(ProfilerActivity.CPU), ProfilerActivity.CPU)

x = torch.ones(4, 4)
with profile(activities=[ProfilerActivity.CPU], record_shapes=True) as prof:
    with record_function("block"):
        for _ in range(3):
            y = torch.add(x, x)
            z = torch.mul(y, y)
        s = z * z + x
    prof.step()


def mask(line):
    # Times are not deterministic: keep each line's layout, hide its numbers.
    return ''.join('9' if c.isdigit() else c for c in line)


table = prof.key_averages().table(sort_by="count", row_limit=10)
lines = table.split('\n')
print(lines[0])
print(lines[1])
print(lines[2])
rows = sorted((line.split()[0], line.split()[-1]) for line in lines[3:-3])
print(rows)
print(lines[-3] == lines[0], lines[-2].startswith('Self CPU time total: '), lines[-1] == '')
print(len(lines[3]) == len(lines[0]))

grouped = prof.key_averages(group_by_input_shape=True).table(sort_by="cpu_time_total", row_limit=10)
glines = grouped.split('\n')
print(glines[1])
print(sorted(line[-40:] for line in glines[3:-3]))
print([(e.key, e.count) for e in sorted(prof.key_averages(), key=lambda e: e.key)])

averages = prof.key_averages()
by_name = {event.key: event for event in averages}
print(sorted(by_name))
print(by_name["aten::add"].count, by_name["block"].count)
block = by_name["block"]
print(block.cpu_time_total >= block.self_cpu_time_total > 0)
print(abs(block.cpu_time_total - sum(e.self_cpu_time_total for e in averages)) < 1e-6 * block.cpu_time_total + 0.01)
print(type(averages[0].cpu_time_total).__name__, averages[0].cpu_time_total_str[-2:] in ('us', 'ms'))
print(prof.key_averages().table(row_limit=0).split('\n')[-2][:20])

try:
    prof.key_averages().table(sort_by="bogus")
except AttributeError as e:
    print("AttributeError:", e)

with profile() as empty:
    pass
print(repr(empty.key_averages().table()))
