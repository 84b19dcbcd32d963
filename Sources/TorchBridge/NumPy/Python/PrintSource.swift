extension NumPySource {
    /// numpy's array printer (`array2string`, `repr`/`str` of arrays) and `set_printoptions`:
    /// per-dtype element formatters sized over the (summarized) values, then nested brackets
    /// wrapped at `linewidth` with `...` where an axis is longer than 2 * `edgeitems`.
    static let printing = #"""
_print_options = {'precision': 8, 'threshold': 1000, 'edgeitems': 3, 'linewidth': 75, 'suppress': False}


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, suppress=None,
                     nanstr=None, infstr=None, formatter=None, sign=None, floatmode=None, *, legacy=None,
                     override_repr=None):
    for key, value in (('precision', precision), ('threshold', threshold), ('edgeitems', edgeitems),
                       ('linewidth', linewidth), ('suppress', suppress)):
        if value is not None:
            _print_options[key] = value
    if threshold is not None and threshold != threshold:
        raise ValueError("threshold must be non-NAN, try sys.maxsize for untruncated representation")


def get_printoptions():
    return dict(_print_options)


class _IntFormat:
    def __init__(self, values):
        self.width = builtins.max((len(str(v)) for v in values), default=0)

    def __call__(self, v):
        return str(v).rjust(self.width)


class _BoolFormat:
    def __init__(self, values, zero_d):
        self.true = 'True' if zero_d else ' True'

    def __call__(self, v):
        return self.true if v else 'False'


class _FloatFormat:
    """numpy's FloatingFormat in its default 'maxprec' mode."""

    def __init__(self, values, name):
        self.single = name != 'float64'
        self.precision = _print_options['precision']
        suppress = _print_options['suppress']
        finite = [v for v in values if v == v and v not in (math.inf, -math.inf)]
        nonzero = [builtins.abs(v) for v in finite if v != 0]
        self.exp = False
        if nonzero:
            big, small = builtins.max(nonzero), builtins.min(nonzero)
            if big >= 1e8 or (not suppress and (small < 0.0001 or big / small > 1000.0)):
                self.exp = True
        self.pad_left = self.pad_right = 0
        self.exp_size = -1
        self.min_digits = 0
        self.trim = '.'
        if not finite:
            pass
        elif self.exp:
            strs = [_native.format_scientific(v, self.single, self.precision, 0, '.', 0, -1) for v in finite]
            mantissas = [s.partition('e')[0] for s in strs]
            exps = [s.partition('e')[2] for s in strs]
            fracs = [m.split('.')[1] for m in mantissas]
            self.exp_size = builtins.max(len(e) for e in exps) - 1
            self.trim = 'k'
            self.precision = builtins.max(len(f) for f in fracs)
            self.min_digits = self.precision
            self.pad_left = builtins.max(len(m.split('.')[0]) for m in mantissas)
            self.pad_right = self.exp_size + 2 + self.precision
        else:
            strs = [_native.format_positional(v, self.single, self.precision, 0, '.', 0, 0) for v in finite]
            self.pad_left = builtins.max(len(s.split('.')[0]) for s in strs)
            self.pad_right = builtins.max(len(s.split('.')[1]) for s in strs)
        if len(finite) != len(values):
            neginf = builtins.any(v == -math.inf for v in values)
            offset = self.pad_right + 1
            self.pad_left = builtins.max(self.pad_left, 3 - offset, 3 + neginf - offset)

    def __call__(self, v):
        if v != v or v in (math.inf, -math.inf):
            text = 'nan' if v != v else ('inf' if v > 0 else '-inf')
            return ' ' * (self.pad_left + self.pad_right + 1 - len(text)) + text
        if self.exp:
            return _native.format_scientific(v, self.single, self.precision, self.min_digits, self.trim,
                                             self.pad_left, self.exp_size)
        return _native.format_positional(v, self.single, self.precision, self.min_digits, self.trim,
                                         self.pad_left, self.pad_right)


def _formatter(values, name, zero_d):
    kind = _INFO[name][1]
    if kind == 'b':
        return _BoolFormat(values, zero_d)
    if kind == 'f':
        return _FloatFormat(values, name)
    return _IntFormat(values)


def _edges(t, edge):
    """The leading and trailing `edge` items of every axis longer than 2 * edge."""
    for axis in range(t.dim()):
        n = t.shape[axis]
        if n > 2 * edge:
            keep = torch.cat([torch.arange(edge), torch.arange(n - edge, n)])
            t = t.index_select(axis, keep)
    return t


def _flat(nested, ndim):
    if ndim == 0:
        return [nested]
    out = []
    for item in nested:
        out.extend(_flat(item, ndim - 1))
    return out


def _extend_line(s, line, word, width, prefix):
    if len(line) + len(word) > width and len(line) > len(prefix):
        s += line.rstrip() + '\n'
        line = prefix
    return s, line + word


def _format_nested(data, shape, fmt, width, prefix, separator, edge, summarize):
    """numpy's _formatArray over `data` (the summarized values as nested lists)."""

    def recurse(node, axis, indent, room):
        left = len(shape) - axis
        if left == 0:
            return fmt(node)
        next_indent = indent + ' '
        next_room = room - 1
        n = shape[axis]
        summary = summarize and 2 * edge < n
        lead = edge if summary else 0
        trail = edge if summary else n
        count = len(node)
        if left == 1:
            elem_room = room - builtins.max(len(separator.rstrip()), 1)
            s, line = '', indent
            for i in range(lead):
                s, line = _extend_line(s, line, recurse(node[i], axis + 1, next_indent, next_room), elem_room, indent)
                line += separator
            if summary:
                s, line = _extend_line(s, line, '...', elem_room, indent)
                line += separator
            for i in range(trail, 1, -1):
                s, line = _extend_line(s, line, recurse(node[count - i], axis + 1, next_indent, next_room),
                                       elem_room, indent)
                line += separator
            s, line = _extend_line(s, line, recurse(node[count - 1], axis + 1, next_indent, next_room),
                                   elem_room, indent)
            s += line
        else:
            s = ''
            line_sep = separator.rstrip() + '\n' * (left - 1)
            for i in range(lead):
                s += indent + recurse(node[i], axis + 1, next_indent, next_room) + line_sep
            if summary:
                s += indent + '...' + line_sep
            for i in range(trail, 1, -1):
                s += indent + recurse(node[count - i], axis + 1, next_indent, next_room) + line_sep
            s += indent + recurse(node[count - 1], axis + 1, next_indent, next_room)
        return '[' + s[len(indent):] + ']'

    return recurse(data, 0, prefix, width)


def _array2string(a, separator, prefix, suffix=''):
    t = a._t
    if t.numel() == 0:
        return '[]'
    edge = _print_options['edgeitems']
    summarize = t.numel() > _print_options['threshold']
    shown = _edges(t, edge) if summarize else t
    data = shown.tolist()
    name = _name_of_torch(t)
    fmt = _formatter(_flat(data, t.dim()), name, t.dim() == 0)
    width = _print_options['linewidth'] - len(suffix)
    return _format_nested(data, list(t.shape), fmt, width, ' ' + ' ' * len(prefix), separator, edge, summarize)


def array2string(a, max_line_width=None, precision=None, suppress_small=None, separator=' ', prefix='',
                 threshold=None, edgeitems=None):
    saved = dict(_print_options)
    set_printoptions(precision=precision, threshold=threshold, edgeitems=edgeitems,
                     linewidth=max_line_width, suppress=suppress_small)
    try:
        return _array2string(asarray(a), separator, prefix)
    finally:
        _print_options.update(saved)


def _array_repr(a):
    name = _name_of_torch(a._t)
    prefix = 'array('
    text = _array2string(a, ', ', prefix, ')')
    implied = name in ('float64', 'int64', 'bool') and a._t.numel() > 0
    extras = []
    summarized = a._t.numel() > _print_options['threshold']
    if (a._t.numel() == 0 and tuple(a._t.shape) != (0,)) or summarized:
        extras.append(f"shape={tuple(a._t.shape)}")
    if not implied:
        extras.append(f"dtype={name}")
    if not extras:
        return prefix + text + ')'
    head = prefix + text + ','
    tail = ', '.join(extras) + ')'
    last = len(head) - (head.rfind('\n') + 1)
    spacer = ' '
    if last + 1 + len(tail) > _print_options['linewidth']:
        spacer = '\n' + ' ' * len(prefix)
    return head + spacer + tail


def _array_str(a):
    if a._t.dim() == 0:
        return _scalar_str(a._t.item(), _name_of_torch(a._t))
    return _array2string(a, ' ', '')
"""#
}
