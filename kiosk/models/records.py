"""``@record``: a ``@dataclass`` that costs nothing to define, for the records the first frame builds.

``dataclasses.dataclass`` writes each class's ``__init__``, ``__repr__``, ``__eq__``, ``__hash__``
(and, frozen, ``__setattr__``/``__delattr__``) as source text and compiles it: ≈ 0.5 ms a class,
≈ 7 ms for the fourteen the kiosk defines on its way to the first frame (issue 11; measured with
the kiosk's start, docs/BENCHMARKS.md). :func:`record` gives those classes the same behaviour
from shared functions that read the class's field list — no compiling; an instance costs
≈ 0.4 µs more to make, which the few hundred the first frame makes do not notice.

What it keeps of ``dataclass``: fields from the class's annotations in order (a base record's
first), defaults and ``field(default=…, default_factory=…)``, keyword or positional arguments
with the same ``TypeError``\\s for missing or unexpected ones, ``__post_init__``, ``repr``,
equality with the same class only, ``frozen`` (assignment raises :class:`FrozenInstanceError`,
an ``AttributeError``, and instances hash by their fields) and ``__match_args__``. Other
records stay ``@dataclass``: the sync engine's, the importer's, the desks'.
"""

from __future__ import annotations

_MISSING = object()
_set = object.__setattr__


class FrozenInstanceError(AttributeError):
    """An assignment to a field of a frozen record."""


class _Field:
    __slots__ = ("default", "default_factory")

    def __init__(self, default, default_factory) -> None:
        self.default, self.default_factory = default, default_factory


def field(*, default=_MISSING, default_factory=_MISSING):
    """A field's default (``default_factory``: called for each new record)."""
    if default is not _MISSING and default_factory is not _MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return _Field(default, default_factory)


def _values(self) -> tuple:
    return tuple(getattr(self, name) for name in self.__record_fields__)


def _repr(self) -> str:
    inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__record_fields__)
    return f"{type(self).__qualname__}({inner})"


def _eq(self, other):
    if other.__class__ is self.__class__:
        return _values(self) == _values(other)
    return NotImplemented


def _hash(self) -> int:
    return hash(_values(self))


def _frozen_setattr(self, name, value):
    if name in self.__record_fields__:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")
    _set(self, name, value)


def _frozen_delattr(self, name):
    if name in self.__record_fields__:
        raise FrozenInstanceError(f"cannot delete field {name!r}")
    object.__delattr__(self, name)


def _listed(names: list[str]) -> str:
    """'a', 'a' and 'b', 'a', 'b', and 'c' — as Python names missing arguments."""
    quoted = [repr(name) for name in names]
    if len(quoted) < 3:
        return " and ".join(quoted)
    return ", ".join(quoted[:-1]) + ", and " + quoted[-1]


def _make_init(cls, names: tuple[str, ...], defaults: dict, factories: dict):
    count = len(names)
    required = sum(1 for name in names if name not in defaults and name not in factories)
    takes = f"{count + 1}" if required == count else f"from {required + 1} to {count + 1}"
    post_init = getattr(cls, "__post_init__", None)

    def __init__(self, *args, **kwargs):
        if len(args) > count:
            raise TypeError(f"{cls.__qualname__}.__init__() takes {takes} positional arguments but "
                            f"{len(args) + 1} were given")
        for name, value in zip(names, args):
            _set(self, name, value)
        missing = []
        for name in names[len(args):]:
            if name in kwargs:
                _set(self, name, kwargs.pop(name))
            elif name in defaults:
                _set(self, name, defaults[name])
            elif name in factories:
                _set(self, name, factories[name]())
            else:
                missing.append(name)
        if kwargs:
            name = next(iter(kwargs))
            if name in names:
                raise TypeError(f"{cls.__qualname__}.__init__() got multiple values for argument {name!r}")
            raise TypeError(f"{cls.__qualname__}.__init__() got an unexpected keyword argument {name!r}")
        if missing:
            raise TypeError(f"{cls.__qualname__}.__init__() missing {len(missing)} required positional argument"
                            f"{'s' if len(missing) > 1 else ''}: {_listed(missing)}")
        if post_init is not None:
            post_init(self)

    __init__.__qualname__ = f"{cls.__qualname__}.__init__"
    return __init__


def record(cls=None, /, *, frozen: bool = False):
    """``@record`` or ``@record(frozen=True)`` on a class with annotated fields (see above)."""
    def wrap(cls):
        names = list(getattr(cls, "__record_fields__", ()))
        defaults = dict(getattr(cls, "__record_defaults__", {}))
        factories = dict(getattr(cls, "__record_factories__", {}))
        for name, annotation in cls.__dict__.get("__annotations__", {}).items():
            if str(annotation).startswith(("ClassVar", "typing.ClassVar")):
                continue
            if name not in names:
                names.append(name)
            value = cls.__dict__.get(name, _MISSING)
            if isinstance(value, _Field):
                if value.default_factory is not _MISSING:
                    factories[name] = value.default_factory
                    delattr(cls, name)
                    continue
                value = value.default
                if value is _MISSING:
                    delattr(cls, name)
                else:
                    setattr(cls, name, value)
            if value is not _MISSING:
                defaults[name] = value
            elif name in defaults or name in factories:
                pass                    # a base record's default stays
            elif any(n in defaults or n in factories for n in names[:-1]):
                raise TypeError(f"non-default argument {name!r} follows default argument")
        cls.__record_fields__ = tuple(names)
        cls.__record_defaults__ = defaults
        cls.__record_factories__ = factories
        cls.__match_args__ = tuple(names)
        cls.__init__ = _make_init(cls, tuple(names), defaults, factories)
        if "__repr__" not in cls.__dict__:
            cls.__repr__ = _repr
        if "__eq__" not in cls.__dict__:
            cls.__eq__ = _eq
        own_hash = cls.__dict__.get("__hash__", _MISSING)
        explicit_hash = own_hash is not _MISSING and not (own_hash is None and "__eq__" in cls.__dict__)
        if frozen and not explicit_hash:
            cls.__hash__ = _hash
        if frozen:
            cls.__setattr__ = _frozen_setattr
            cls.__delattr__ = _frozen_delattr
        elif not explicit_hash:
            cls.__hash__ = None             # mutable and compared by value: not hashable (as dataclass)
        return cls

    return wrap if cls is None else wrap(cls)
