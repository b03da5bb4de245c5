"""core/records.py gives the plan model what @dataclass gave it: the same repr, equality and
hash, read-only frozen classes, fresh lists for each instance; and the model loads without
dataclasses (the point of it: `bizenv indicators` and the window's start)."""
from __future__ import annotations

import copy
import dataclasses
import json
import pickle
import subprocess
import sys

import pytest

from bizenv_desktop.core.model import Assignment, Dimension, Indicator, Plan, Target


@dataclasses.dataclass(frozen=True)
class TargetDC:
    op: str
    value: float
    unit: str = ""
    metric: str = ""


def test_frozen_record_behaves_as_a_frozen_dataclass() -> None:
    t, dc = Target(">=", 90.0, "%", "网上可办率"), TargetDC(">=", 90.0, "%", "网上可办率")
    assert repr(t) == repr(dc).replace("TargetDC", "Target")
    assert t == Target(">=", 90.0, "%", "网上可办率") and t != Target(">=", 95.0, "%", "网上可办率")
    assert t != dc  # another class, as two dataclasses are never equal
    assert hash(t) == hash(Target(">=", 90.0, unit="%", metric="网上可办率"))
    assert len({t, Target(">=", 90.0, "%", "网上可办率")}) == 1
    with pytest.raises(AttributeError):
        t.value = 80.0  # type: ignore[misc]
    with pytest.raises(AttributeError):  # FrozenInstanceError, an AttributeError as dataclasses' is
        del t.op
    assert Target(">=", 1.0).unit == "" and Target(">=", 1.0).met_by(1.0)
    assert pickle.loads(pickle.dumps(t)) == t and copy.deepcopy(t) == t


def test_mutable_record_behaves_as_a_dataclass() -> None:
    a = Indicator(1, 1, None, 1, "1", "加强基础建设", "", "qualitative", None, "", None, "", 1)
    b = Indicator(2, 1, None, 1, "2", "强化工作执行", "", "qualitative", None, "", None, "", 2)
    assert a.children == [] and a.children is not b.children  # a fresh list each, as default_factory
    a.assignments.append(Assignment(3, "法规处", "lead"))
    assert a.names_with_role("lead") == ["法规处"] and b.assignments == []
    a.name = "改了"
    assert a.name == "改了"
    with pytest.raises(TypeError):
        hash(a)  # eq without frozen: unhashable
    plan = Plan(2026, "方案", "吉林省科学技术厅", [Dimension(1, 2026, "一", "基础", 1, [a, b])])
    assert plan == copy.deepcopy(plan) and plan.all_indicators() == [a, b]
    assert repr(plan).startswith("Plan(year=2026, title='方案', office='吉林省科学技术厅', dimensions=[Dimension(id=1")


def test_the_model_and_the_rankings_load_without_dataclasses() -> None:
    code = ("import json, sys; import bizenv_desktop.core.model, bizenv_desktop.services.rankings, "
            "bizenv_desktop.services.plan_read; print(json.dumps('dataclasses' in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) is False
