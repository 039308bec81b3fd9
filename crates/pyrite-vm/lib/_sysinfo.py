"""Helpers behind the lazily created attributes of `sys` (Pyrite): struct sequences
(named tuples of the C API, like sys.version_info) and types.SimpleNamespace."""


def _field(i):
    return property(lambda self: tuple.__getitem__(self, i))


def structseq(module, name, fields, values):
    """Create the struct-sequence type `module.name` and its single instance `values`."""
    def __new__(cls, sequence, dict=None):
        t = tuple(sequence)
        if len(t) != len(fields):
            raise TypeError(f"{module}.{name}() takes a {len(fields)}-sequence "
                            f"({len(t)}-sequence given)")
        return tuple.__new__(cls, t)

    def __repr__(self):
        parts = ', '.join(f'{f}={v!r}' for f, v in zip(fields, self))
        return f'{module}.{name}({parts})'

    def __reduce__(self):
        return (type(self), (tuple(self),))

    ns = {'__new__': __new__, '__repr__': __repr__, '__reduce__': __reduce__,
          '__slots__': (), '__module__': module, '__qualname__': name,
          'n_fields': len(fields), 'n_sequence_fields': len(fields),
          'n_unnamed_fields': 0, '__match_args__': tuple(fields)}
    for i, f in enumerate(fields):
        ns[f] = _field(i)
    cls = type(name, (tuple,), ns)
    return cls(values)


class SimpleNamespace:
    """A simple attribute-based namespace."""

    def __init__(self, mapping_or_iterable=(), /, **kwargs):
        d = dict(mapping_or_iterable)
        d.update(kwargs)
        for k in d:
            if not isinstance(k, str):
                raise TypeError(f"keywords must be strings, not '{type(k).__name__}'")
        self.__dict__.update(d)

    def __repr__(self):
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        key = id(self)
        if key in _running:
            return f'{name}(...)'
        _running.add(key)
        try:
            items = ', '.join(f'{k}={v!r}' for k, v in self.__dict__.items())
        finally:
            _running.discard(key)
        return f'{name}({items})'

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None

    def __reduce__(self):
        return (type(self), (), dict(self.__dict__))


SimpleNamespace.__module__ = 'types'
_running = set()

version_info = structseq('sys', 'version_info',
                         ('major', 'minor', 'micro', 'releaselevel', 'serial'),
                         (3, 12, 0, 'final', 0))
hexversion = 0x030C00F0
float_info = structseq('sys', 'float_info',
                       ('max', 'max_exp', 'max_10_exp', 'min', 'min_exp', 'min_10_exp',
                        'dig', 'mant_dig', 'epsilon', 'radix', 'rounds'),
                       (1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308,
                        -1021, -307, 15, 53, 2.220446049250313e-16, 2, 1))
int_info = structseq('sys', 'int_info',
                     ('bits_per_digit', 'sizeof_digit', 'default_max_str_digits',
                      'str_digits_check_threshold'),
                     (30, 4, 4300, 640))
hash_info = structseq('sys', 'hash_info',
                      ('width', 'modulus', 'inf', 'nan', 'imag', 'algorithm',
                       'hash_bits', 'seed_bits', 'cutoff'),
                      (64, 2305843009213693951, 314159, 0, 1000003, 'siphash13', 64, 128, 0))
flags = structseq('sys', 'flags',
                  ('debug', 'inspect', 'interactive', 'optimize', 'dont_write_bytecode',
                   'no_user_site', 'no_site', 'ignore_environment', 'verbose',
                   'bytes_warning', 'quiet', 'hash_randomization', 'isolated',
                   'dev_mode', 'utf8_mode', 'warn_default_encoding', 'safe_path',
                   'int_max_str_digits'),
                  (0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, False, 0, 0, False, 4300))
thread_info = structseq('sys', 'thread_info', ('name', 'lock', 'version'),
                        ('pthread', 'semaphore', None))
implementation = SimpleNamespace(name='pyrite', cache_tag=None, version=version_info,
                                 hexversion=hexversion, _multiarch='x86_64-linux-gnu')
