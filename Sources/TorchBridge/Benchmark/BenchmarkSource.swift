/// The Python source of `torch.utils.benchmark`: `common` holds `TaskSpec` and
/// `Measurement` (statistics and PyTorch's printed summary), `timer` holds `Timer` with
/// `timeit`, `blocked_autorange` and `adaptive_autorange`.
enum BenchmarkSource {
    static let common = #"""
import math

_MAX_SIGNIFICANT_FIGURES = 4
_MIN_CONFIDENCE_INTERVAL = 25e-9
_IQR_WARN_THRESHOLD = 0.1
_IQR_GROSS_WARN_THRESHOLD = 0.25


def _indent(text, prefix):
    return '\n'.join(prefix + line if line.strip() else line for line in text.split('\n'))


class TaskSpec:
    """What a Timer measures and how its results are labelled."""

    def __init__(self, stmt, setup, global_setup='', label=None, sub_label=None, description=None,
                 env=None, num_threads=1):
        self.stmt = stmt
        self.setup = setup
        self.global_setup = global_setup
        self.label = label
        self.sub_label = sub_label
        self.description = description
        self.env = env
        self.num_threads = num_threads

    @property
    def title(self):
        if self.label is not None:
            return self.label + (f': {self.sub_label}' if self.sub_label else '')
        if '\n' not in self.stmt:
            return self.stmt + (f': {self.sub_label}' if self.sub_label else '')
        sub = f' ({self.sub_label})' if self.sub_label else ''
        return f'stmt:{sub}\n' + _indent(self.stmt, '  ')

    def setup_str(self):
        if self.setup == 'pass' or not self.setup:
            return ''
        if '\n' in self.setup:
            return 'setup:\n' + _indent(self.setup, '  ')
        return f'setup: {self.setup}'

    def summarize(self):
        sections = [self.title, self.description or '', self.setup_str()]
        return '\n'.join(f'{s}\n' if '\n' in s else s for s in sections if s)


def _quantile(sorted_values, q):
    # Linear interpolation between the two nearest ranks, as torch.quantile does.
    position = q * (len(sorted_values) - 1)
    low = int(math.floor(position))
    high = min(low + 1, len(sorted_values) - 1)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (position - low)


def select_unit(t):
    """The unit (ns, us, ms or s) and scale that print `t` seconds with a leading digit."""
    unit = {-3: 'ns', -2: 'us', -1: 'ms'}.get(int(math.log10(t) // 3), 's') if t > 0 else 'ns'
    return unit, {'ns': 1e-9, 'us': 1e-6, 'ms': 1e-3, 's': 1}[unit]


class Measurement:
    """The times of one or more runs of a Timer's statement, with their statistics."""

    def __init__(self, number_per_run, raw_times, task_spec, metadata=None):
        self.number_per_run = number_per_run
        self.raw_times = raw_times
        self.task_spec = task_spec
        self.metadata = metadata
        self._sorted_times = ()
        self._warnings = ()
        self._median = -1.0
        self._mean = -1.0
        self._p25 = -1.0
        self._p75 = -1.0

    def __getattr__(self, name):
        if name in ('stmt', 'setup', 'global_setup', 'label', 'sub_label', 'description', 'env', 'num_threads'):
            return getattr(self.task_spec, name)
        raise AttributeError(f"'Measurement' object has no attribute '{name}'")

    @property
    def times(self):
        return [t / self.number_per_run for t in self.raw_times]

    @property
    def median(self):
        self._lazy_init()
        return self._median

    @property
    def mean(self):
        self._lazy_init()
        return self._mean

    @property
    def iqr(self):
        self._lazy_init()
        return self._p75 - self._p25

    @property
    def title(self):
        return self.task_spec.title

    @property
    def has_warnings(self):
        self._lazy_init()
        return bool(self._warnings)

    @property
    def significant_figures(self):
        self._lazy_init()
        n = len(self._sorted_times)
        points = self._sorted_times[n // 4:int(math.ceil(3 * n / 4))]
        mean = sum(points) / len(points)
        std = math.sqrt(sum((p - mean) ** 2 for p in points) / len(points))
        interval = max(1.645 * std / math.sqrt(len(points)), _MIN_CONFIDENCE_INTERVAL)
        figures = int(math.floor(math.log10(self._median / interval)))
        return min(max(figures, 1), _MAX_SIGNIFICANT_FIGURES)

    def meets_confidence(self, threshold=_IQR_WARN_THRESHOLD):
        return self.iqr / self.median < threshold

    def _lazy_init(self):
        if self.raw_times and not self._sorted_times:
            self._sorted_times = tuple(sorted(self.times))
            self._median = _quantile(self._sorted_times, 0.5)
            self._mean = sum(self._sorted_times) / len(self._sorted_times)
            self._p25 = _quantile(self._sorted_times, 0.25)
            self._p75 = _quantile(self._sorted_times, 0.75)
            if not self.meets_confidence(_IQR_GROSS_WARN_THRESHOLD):
                self._add_warning('This suggests significant environmental influence.')
            elif not self.meets_confidence(_IQR_WARN_THRESHOLD):
                self._add_warning('This could indicate system fluctuation.')

    def _add_warning(self, message):
        relative = self.iqr / self.median * 100
        self._warnings += (f'  WARNING: Interquartile range is {relative:.1f}% of the median measurement.\n'
                           f'           {message}',)

    def __repr__(self):
        self._lazy_init()
        n = len(self._sorted_times)
        unit, scale = select_unit(self._median)
        lines = [object.__repr__(self), self.task_spec.summarize(),
                 f"  {'Median: ' if n > 1 else ''}{self._median / scale:.2f} {unit}"]
        if n >= 4:
            lines.append(f'  IQR:    {self.iqr / scale:.2f} {unit} ({self._p25 / scale:.2f} to {self._p75 / scale:.2f})')
        threads = f"{self.num_threads} thread{'s' if self.num_threads > 1 else ''}"
        lines.append(f"  {n} measurement{'s' if n > 1 else ''}, {self.number_per_run} runs "
                     f"{'per measurement,' if n > 1 else ','} {threads}")
        lines.append('\n'.join(self._warnings))
        return '\n'.join(line for line in '\n'.join(lines).strip().split('\n'))
"""#

    static let timer = #"""
import time
import torch

TaskSpec = common.TaskSpec
Measurement = common.Measurement


class Language:
    PYTHON = 0
    CPP = 1


def _dedent(text):
    lines = text.split('\n')
    margins = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
    margin = min(margins) if margins else 0
    return '\n'.join(line[margin:] if line.strip() else line.strip() for line in lines)


def _tidy(code):
    code = _dedent(code)
    return (code[1:] if code and code[0] == '\n' else code).rstrip()


class Timer:
    """Times a Python statement, as torch.utils.benchmark.Timer does (CPU only)."""

    def __init__(self, stmt='pass', setup='pass', global_setup='', timer=time.perf_counter, globals=None,
                 label=None, sub_label=None, description=None, env=None, num_threads=1,
                 language=Language.PYTHON):
        if not isinstance(stmt, str):
            raise ValueError('Currently only a `str` stmt is supported.')
        if language not in (Language.PYTHON, 'py', 'python'):
            raise NotImplementedError('torch.utils.benchmark.Timer for C++ statements is not available in pytorch-tutor')
        if global_setup:
            raise ValueError(f'global_setup is C++ only, got `{global_setup}`. Most likely this code can simply be moved to `setup`.')
        self._globals = dict(globals or {})
        self._globals.setdefault('torch', torch)
        stmt = _tidy(stmt)
        setup = _tidy(setup)
        self._timer = timer
        self._inner = _compile_timer(stmt or 'pass', setup or 'pass', self._globals)
        self._task_spec = TaskSpec(stmt=stmt, setup=setup, global_setup=global_setup, label=label,
                                   sub_label=sub_label, description=description, env=env,
                                   num_threads=num_threads)

    def _timeit(self, number):
        return max(self._inner(number, self._timer), 1e-9)

    def _with_threads(self, body):
        previous = torch.get_num_threads()
        torch.set_num_threads(self._task_spec.num_threads)
        try:
            return body()
        finally:
            torch.set_num_threads(previous)

    def timeit(self, number=1000000):
        def run():
            self._timeit(max(int(number // 100), 2))
            return Measurement(number_per_run=number, raw_times=[self._timeit(number)], task_spec=self._task_spec)
        return self._with_threads(run)

    def repeat(self, repeat=-1, number=-1):
        raise NotImplementedError('See `Timer.blocked_autorange.`')

    def autorange(self, callback=None):
        raise NotImplementedError('See `Timer.blocked_autorange.`')

    def _measurement_loop(self, number, stop, min_run_time, max_run_time=None, callback=None):
        def run():
            total = 0.0
            can_stop = False
            times = []
            while total < min_run_time or not can_stop:
                spent = self._timeit(number)
                times.append(spent)
                total += spent
                if callback:
                    callback(number, spent)
                can_stop = stop(times)
                if max_run_time and total > max_run_time:
                    break
            return times
        return self._with_threads(run)

    def _estimate_block_size(self, min_run_time):
        def run():
            overheads = sorted(self._timeit(0) for _ in range(5))
            overhead = overheads[2]
            number = 1
            while True:
                taken = self._timeit(number)
                if overhead / taken <= 1e-4 and taken >= min_run_time / 1000:
                    break
                if taken > min_run_time:
                    break
                if number * 10 > 2147483647:
                    break
                number *= 10
            return number
        return self._with_threads(run)

    def blocked_autorange(self, callback=None, min_run_time=0.2):
        number = self._estimate_block_size(min_run_time)
        times = self._measurement_loop(number, lambda times: True, min_run_time, callback=callback)
        return Measurement(number_per_run=number, raw_times=times, task_spec=self._task_spec)

    def adaptive_autorange(self, threshold=0.1, *, min_run_time=0.01, max_run_time=10.0, callback=None):
        number = self._estimate_block_size(min_run_time=0.05)

        def stop(times):
            if len(times) > 3:
                return Measurement(number_per_run=number, raw_times=times,
                                   task_spec=self._task_spec).meets_confidence(threshold=threshold)
            return False
        times = self._measurement_loop(number, stop, min_run_time, max_run_time, callback=callback)
        return Measurement(number_per_run=number, raw_times=times, task_spec=self._task_spec)
"""#
}
