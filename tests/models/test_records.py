"""``@record`` (kiosk/models/records.py) behaves as ``@dataclass`` does for the records the kiosk's
first frame builds: the same class written both ways must agree."""

from __future__ import annotations

from dataclasses import FrozenInstanceError as DataclassFrozen
from dataclasses import dataclass
from dataclasses import field as dc_field

import pytest

from kiosk.models.domain import Participation, Session, Text
from kiosk.models.records import FrozenInstanceError, field, record


def _pair():
    @dataclass(frozen=True)
    class D:
        a: int
        b: str = "x"
        c: frozenset = dc_field(default_factory=frozenset)

    @record(frozen=True)
    class R:
        a: int
        b: str = "x"
        c: frozenset = field(default_factory=frozenset)

    return D, R


@pytest.mark.parametrize("args, kwargs", [((1,), {}), ((1, "y"), {}), ((), {"a": 2, "c": frozenset({1})}),
                                          ((3,), {"b": "z"})])
def test_a_record_is_made_compared_hashed_and_shown_as_a_dataclass(args, kwargs):
    D, R = _pair()
    d, r = D(*args, **kwargs), R(*args, **kwargs)
    assert (r.a, r.b, r.c) == (d.a, d.b, d.c)
    assert repr(r).replace("R(", "D(", 1).split("D(", 1)[1] == repr(d).split("D(", 1)[1]
    assert r == R(*args, **kwargs) and hash(r) == hash(R(*args, **kwargs))
    assert r != R(99) and r != d                                  # another class is never equal
    assert R.__match_args__ == D.__match_args__


@pytest.mark.parametrize("args, kwargs", [((), {}), ((1, "y", frozenset(), 4), {}), ((1,), {"a": 1}),
                                          ((1,), {"d": 1}), ((), {"b": "y"})])
def test_a_record_refuses_the_arguments_a_dataclass_refuses(args, kwargs):
    D, R = _pair()
    with pytest.raises(TypeError) as expected:
        D(*args, **kwargs)
    with pytest.raises(TypeError) as got:
        R(*args, **kwargs)
    assert str(got.value).split("__init__() ")[1] == str(expected.value).split("__init__() ")[1]


def test_a_frozen_record_cannot_change_and_a_default_factory_makes_a_new_value():
    D, R = _pair()
    r = R(1)
    with pytest.raises(FrozenInstanceError):
        r.a = 2
    with pytest.raises(AttributeError):            # as a dataclass's FrozenInstanceError is
        del r.b
    assert issubclass(DataclassFrozen, AttributeError)

    @record
    class Box:
        items: list = field(default_factory=list)

    one, two = Box(), Box()
    one.items.append(1)
    assert two.items == [] and one != two and Box.__hash__ is None    # mutable: not hashable


def test_the_kiosks_records_keep_their_defaults_and_compare_by_value():
    assert Participation("p1", "Kim", None, "speaker", Text("Dr"), None).talk == Text("")
    assert Text("Agenda", ko="일정") == Text("Agenda", "일정") != Text("Agenda")
    assert len({Text("a"), Text("a"), Text("b")}) == 2
    with pytest.raises(TypeError, match="missing 9 required positional arguments: 'type', 'title', "):
        Session("s1")
