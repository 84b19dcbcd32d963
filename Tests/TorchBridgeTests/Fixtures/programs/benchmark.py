import torch
import torch.utils.benchmark as benchmark


def shape_of(measurement):
    # Timings differ from run to run: keep the layout, hide numbers, units and the address.
    lines = repr(measurement).split('\n')
    out = [lines[0].split(' object at 0x')[0] + ' object at 0x...>']
    for line in lines[1:]:
        masked = ''.join('9' if c.isdigit() else c for c in line)
        while '99' in masked:
            masked = masked.replace('99', '9')
        for unit in (' ns', ' us', ' ms', ' s'):
            masked = masked.replace('9' + unit, '9 <unit>')
        out.append(masked)
    return '\n'.join(out)


x = torch.ones(8, 8)
t0 = benchmark.Timer(stmt='x @ x', globals={'x': x})
m0 = t0.timeit(100)
print(shape_of(m0))
print(m0.number_per_run, len(m0.times), m0.mean == m0.median == m0.times[0], m0.iqr, type(m0.times).__name__)
print(m0.title, '|', m0.stmt, '|', m0.task_spec.setup, '|', m0.num_threads, m0.has_warnings)

t1 = benchmark.Timer(stmt='y = torch.mm(x, x)', setup='import torch\nw = 2', globals={'x': x}, num_threads=1,
                     label='mm', sub_label='8x8', description='square')
m1 = t1.timeit(50)
print(shape_of(m1))
print(m1.title, '|', m1.description)
m2 = t1.blocked_autorange(min_run_time=0.05)
print(m2.number_per_run >= 1, len(m2.times) >= 1, sum(m2.raw_times) >= 0.05)
print(all(t > 0 for t in m2.times), m2.median > 0, m2.mean > 0)
m3 = benchmark.Timer(stmt='\n    a = 1\n    b = a + 1\n').timeit(10)
print(shape_of(m3))
print(benchmark.select_unit(2e-6), benchmark.select_unit(3e-3), benchmark.select_unit(5e-9), benchmark.select_unit(2.0))
try:
    benchmark.Timer(stmt=lambda: 1)
except ValueError as e:
    print('ValueError:', e)

from torch.utils.benchmark.utils.common import TaskSpec, Measurement
spec = TaskSpec(stmt='x + 1', setup='pass', label='add', sub_label='scalar', description='small')
m4 = Measurement(number_per_run=10, raw_times=[1.0e-4, 1.2e-4, 0.9e-4, 1.1e-4, 2.0e-4], task_spec=spec)
print(repr(m4).split('\n', 1)[1])
print(m4.median, round(m4.mean, 12), m4.iqr, m4.significant_figures, m4.has_warnings, m4.meets_confidence(0.5))
m5 = Measurement(number_per_run=1000, raw_times=[1.0e-3, 1.01e-3, 1.02e-3, 1.0e-3],
                 task_spec=TaskSpec(stmt='y = f(x)\nz = y', setup='import math\nf = math.sin'))
print(repr(m5).split('\n', 1)[1])
print(m5.title)
print(m5.significant_figures, m5.has_warnings, benchmark.Measurement is Measurement)
