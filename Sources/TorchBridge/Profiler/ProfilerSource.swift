/// The Python source of `torch.profiler`: the profile context manager, `record_function`,
/// and the event lists whose `table()` prints PyTorch's layout (a name column 4 wider than
/// the longest name, 12-wide value columns, two spaces after each, dashed rules and a
/// `Self CPU time total` footer).
enum ProfilerSource {
    static let module = #"""
class ProfilerActivity:
    """Which devices a profile records; the tutor times CPU ops only."""

    def __init__(self, name, value):
        self.name = name
        self.value = value

    def __repr__(self):
        return f'<ProfilerActivity.{self.name}: {self.value}>'

    def __str__(self):
        return f'ProfilerActivity.{self.name}'

    def __eq__(self, other):
        return isinstance(other, ProfilerActivity) and other.value == self.value

    def __hash__(self):
        return hash(self.value)


ProfilerActivity.__members__ = {}
for _value, _name in enumerate(['CPU', 'XPU', 'MTIA', 'CUDA', 'HPU', 'PrivateUse1']):
    _member = ProfilerActivity(_name, _value)
    setattr(ProfilerActivity, _name, _member)
    ProfilerActivity.__members__[_name] = _member


def _format_time(time_us):
    if time_us >= 1000000.0:
        return f'{time_us / 1000000.0:.3f}s'
    if time_us >= 1000.0:
        return f'{time_us / 1000.0:.3f}ms'
    return f'{time_us:.3f}us'


def _format_time_share(time_us, total_us):
    if total_us == 0:
        return 'NaN'
    return f'{time_us * 100.0 / total_us:.2f}%'


class FunctionEvent:
    """One timed op or record_function block."""

    def __init__(self, id, name, start_us, end_us, input_shapes):
        self.id = id
        self.name = name
        self.key = name
        self.start_us = start_us
        self.end_us = end_us
        self.input_shapes = input_shapes
        self.cpu_parent = None
        self.cpu_children = []
        self.count = 1
        self.is_async = False
        self.node_id = -1
        self.device_type = 'DeviceType.CPU'
        self.cpu_memory_usage = 0
        self.self_cpu_memory_usage = 0

    @property
    def cpu_time_total(self):
        return self.end_us - self.start_us

    @property
    def self_cpu_time_total(self):
        return self.cpu_time_total - sum(child.cpu_time_total for child in self.cpu_children)

    @property
    def cpu_time(self):
        return self.cpu_time_total

    def __repr__(self):
        children = [child.id for child in self.cpu_children]
        shapes = self.input_shapes if self.input_shapes is not None else []
        return (f'<FunctionEvent id={self.id} name={self.name} overload_name= device_type=DeviceType.CPU '
                f'node_id=-1 cpu_time={_format_time(self.cpu_time_total)} start_us={self.start_us:.3f} '
                f'end_us={self.end_us:.3f} cpu_children={children} None_time=0.000us name={self.name} '
                f'thread=1 input_shapes={shapes} cpu_memory_usage=0 None_memory_usage=0 is_async=False '
                f'is_remote=False seq_nr=-1 is_legacy=False>')


class FunctionEventAvg:
    """The events of one name (and, when grouped so, one list of input shapes) summed."""

    def __init__(self, event):
        self.key = event.key
        self.count = 0
        self.cpu_time_total = 0.0
        self.self_cpu_time_total = 0.0
        self.input_shapes = event.input_shapes
        self.cpu_parent = event.cpu_parent
        self.is_async = False
        self.node_id = -1
        self.cpu_memory_usage = 0
        self.self_cpu_memory_usage = 0
        self.use_device = None

    def add(self, event):
        self.count += event.count
        self.cpu_time_total += event.cpu_time_total
        self.self_cpu_time_total += event.self_cpu_time_total
        return self

    @property
    def cpu_time(self):
        return self.cpu_time_total / self.count if self.count else 0.0

    @property
    def cpu_time_str(self):
        return _format_time(self.cpu_time)

    @property
    def cpu_time_total_str(self):
        return _format_time(self.cpu_time_total)

    @property
    def self_cpu_time_total_str(self):
        return _format_time(self.self_cpu_time_total)

    def __repr__(self):
        shapes = '' if self.input_shapes is None else str(self.input_shapes)
        return (f'<FunctionEventAvg key={self.key} self_cpu_time={self.self_cpu_time_total_str} '
                f'cpu_time={self.cpu_time_str}  self_cuda_time=0.000us cuda_time=0.000us '
                f'input_shapes={shapes} cpu_memory_usage=0 cuda_memory_usage=0>')


class EventList(list):
    """A list of events or of their averages, printable as a table."""

    def key_averages(self, group_by_input_shape=False, group_by_stack_n=0):
        averages = {}
        for event in self:
            key = (event.key, str(event.input_shapes)) if group_by_input_shape else event.key
            if key not in averages:
                averages[key] = FunctionEventAvg(event)
                if not group_by_input_shape:
                    averages[key].input_shapes = None
            averages[key].add(event)
        return EventList(averages.values())

    def total_average(self):
        total = FunctionEventAvg(FunctionEvent(0, 'Total', 0.0, 0.0, None))
        for event in self:
            total.add(event)
        total.key = 'Total'
        return total

    def self_cpu_time_total(self):
        return sum(event.self_cpu_time_total for event in self)

    def table(self, sort_by=None, row_limit=100, max_src_column_width=75, max_name_column_width=55,
              max_shapes_column_width=80, header=None, top_level_events_only=False, time_unit=None):
        return _build_table(self, sort_by, header, row_limit, max_name_column_width,
                            max_shapes_column_width, top_level_events_only, time_unit)

    def __str__(self):
        return self.table()


def _time_text(time_us, default, time_unit):
    if time_unit == 's':
        return f'{time_us / 1000000.0:.3f}s'
    if time_unit == 'ms':
        return f'{time_us / 1000.0:.3f}ms'
    if time_unit == 'us':
        return f'{time_us:.3f}us'
    return default


def _build_table(events, sort_by, header, row_limit, max_name_width, max_shapes_width,
                 top_level_only, time_unit):
    if len(events) == 0:
        return ''
    if sort_by is not None:
        events = sorted(events, key=lambda event: getattr(event, sort_by.replace('cuda', 'device')), reverse=True)
    has_shapes = any(event.input_shapes is not None and len(event.input_shapes) > 0 for event in events)
    name_width = max(len(event.key) for event in events) + 4
    if max_name_width is not None:
        name_width = min(name_width, max_name_width)
    shapes_width = max(len(str(event.input_shapes)) for event in events) + 4
    if max_shapes_width is not None:
        shapes_width = min(shapes_width, max_shapes_width)
    widths = [name_width, 12, 12, 12, 12, 12, 12]
    headers = ['Name', 'Self CPU %', 'Self CPU', 'CPU total %', 'CPU total', 'CPU time avg', '# of Calls']
    if has_shapes:
        widths.append(shapes_width)
        headers.append('Input Shapes')
    rule = ''.join('-' * width + '  ' for width in widths)
    line_length = sum(width + 2 for width in widths) - 2

    def row(values):
        return ''.join(str(value).rjust(width) + '  ' for value, width in zip(values, widths))

    total = sum(event.self_cpu_time_total for event in events)
    lines = []
    if header is not None:
        lines.append('=' * line_length)
        lines.append(header)
    if top_level_only:
        lines.append('=' * line_length)
        lines.append('This report only display top-level ops statistics')
    lines.append(rule)
    lines.append(row(headers))
    lines.append(rule)
    shown = 0
    for event in events:
        if shown == row_limit:
            break
        if top_level_only and event.cpu_parent is not None:
            continue
        shown += 1
        name = event.key
        if max_name_width is not None and len(name) >= max_name_width - 3:
            name = name[:max_name_width - 3] + '...'
        values = [name, _format_time_share(event.self_cpu_time_total, total),
                  _time_text(event.self_cpu_time_total, _format_time(event.self_cpu_time_total), time_unit),
                  _format_time_share(event.cpu_time_total, total),
                  _time_text(event.cpu_time_total, _format_time(event.cpu_time_total), time_unit),
                  _time_text(event.cpu_time, _format_time(event.cpu_time), time_unit), event.count]
        if has_shapes:
            values.append(str(event.input_shapes)[:shapes_width])
        lines.append(row(values))
    lines.append(rule)
    lines.append(f'Self CPU time total: {_time_text(total, _format_time(total), time_unit)}')
    return ''.join(line + '\n' for line in lines)


class profile:
    """Times the ops run inside `with profile(...) as prof:`."""

    def __init__(self, activities=None, schedule=None, on_trace_ready=None, record_shapes=False,
                 profile_memory=False, with_stack=False, with_flops=False, with_modules=False,
                 experimental_config=None, execution_trace_observer=None, acc_events=False,
                 use_cuda=None, custom_trace_id_callback=None):
        if profile_memory:
            raise NotImplementedError('torch.profiler.profile(profile_memory=True) is not available in pytorch-tutor')
        self.activities = set(activities) if activities is not None else {ProfilerActivity.CPU}
        self.record_shapes = record_shapes
        self.profile_memory = profile_memory
        self.with_stack = with_stack
        self.on_trace_ready = on_trace_ready
        self.step_num = 0
        self._events = None

    def start(self):
        _start(self.record_shapes)

    def stop(self):
        records = _stop()
        events = EventList()
        for index, (name, start_us, end_us, parent, shapes) in enumerate(records):
            event = FunctionEvent(index + 1, name, start_us, end_us, shapes)
            if parent >= 0:
                event.cpu_parent = events[parent]
                events[parent].cpu_children.append(event)
            events.append(event)
        self._events = events
        if self.on_trace_ready is not None:
            self.on_trace_ready(self)

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        self.stop()
        return False

    def step(self):
        self.step_num += 1

    def events(self):
        self._check_stopped()
        return self._events

    def key_averages(self, group_by_input_shape=False, group_by_stack_n=0, group_by_overload_name=False):
        self._check_stopped()
        return self._events.key_averages(group_by_input_shape)

    def export_chrome_trace(self, path):
        self._check_stopped()
        parts = []
        for event in self._events:
            name = event.name.replace('\\', '\\\\').replace('"', '\\"')
            category = 'user_annotation' if not name.startswith('aten::') else 'cpu_op'
            args = ''
            if event.input_shapes is not None:
                args = f', "args": {{"Input Dims": {event.input_shapes}}}'
            parts.append(f'  {{"ph": "X", "cat": "{category}", "name": "{name}", "pid": 1, "tid": 1, '
                         f'"ts": {event.start_us:.3f}, "dur": {event.cpu_time_total:.3f}{args}}}')
        with open(path, 'w') as f:
            f.write('{\n"schemaVersion": 1,\n"displayTimeUnit": "ms",\n"traceEvents": [\n')
            f.write(',\n'.join(parts))
            f.write('\n]\n}\n')
        return path

    def _check_stopped(self):
        if self._events is None:
            raise AssertionError('Expected profiling results to be available')


class record_function:
    """Marks a block (or, as a decorator, a function) as one event named `name`."""

    def __init__(self, name, args=None):
        self.name = name
        self.args = args
        self._handle = -1

    def __enter__(self):
        self._handle = _begin(self.name)
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        _end(self._handle)
        self._handle = -1
        return False

    def __call__(self, function):
        def wrapped(*args, **kwargs):
            with record_function(self.name):
                return function(*args, **kwargs)
        return wrapped
"""#
}
