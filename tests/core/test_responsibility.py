"""Reading and writing 责任处室 lines (every shape of ../shared/seed/README.md and more)."""
from __future__ import annotations

import pytest

from bizenv_desktop.core.responsibility import (
    KNOWN_GROUPS,
    ROLES,
    Responsible,
    format_responsibility,
    is_group_name,
    parse_responsibility,
)

L, R, C = "lead", "responsible", "cooperate"


def units(line: str) -> list[tuple[str, str, bool]]:
    return [(u.name, u.role, u.is_group) for u in parse_responsibility(line)]


# (line, expected [(name, role, is_group)])
SEED_SHAPES = [
    ("法规处", [("法规处", R, False)]),
    ("规划处", [("规划处", R, False)]),
    ("法规处、规划处、办公室", [("法规处", R, False), ("规划处", R, False), ("办公室", R, False)]),
    ("诚信处、办公室", [("诚信处", R, False), ("办公室", R, False)]),
    ("法规处、办公室、机关党委", [("法规处", R, False), ("办公室", R, False), ("机关党委", R, False)]),
    ("审批办牵头，相关业务处室配合。", [("审批办", L, False), ("相关业务处室", C, True)]),
    ("审批办牵头，相关业务处室配合", [("审批办", L, False), ("相关业务处室", C, True)]),
    ("法规处牵头机关各业务处室配合", [("法规处", L, False), ("机关各业务处室", C, True)]),
    ("法规处牵头，审批办及相关业务处室配合",
     [("法规处", L, False), ("审批办", C, False), ("相关业务处室", C, True)]),
    ("法规处、审批办，相关处室配合", [("法规处", R, False), ("审批办", R, False), ("相关处室", C, True)]),
    ("法规处牵头，相关处室配合", [("法规处", L, False), ("相关处室", C, True)]),
    ("厅内各处室", [("厅内各处室", R, True)]),
]


@pytest.mark.parametrize("line, expected", SEED_SHAPES, ids=[s for s, _ in SEED_SHAPES])
def test_seed_shapes(line: str, expected) -> None:
    assert units(line) == expected


MORE_SHAPES = [
    # half-width commas and other separators
    ("法规处牵头,相关处室配合", [("法规处", L, False), ("相关处室", C, True)]),
    ("法规处、审批办,相关处室配合", [("法规处", R, False), ("审批办", R, False), ("相关处室", C, True)]),
    ("法规处，规划处", [("法规处", R, False), ("规划处", R, False)]),
    ("法规处,规划处", [("法规处", R, False), ("规划处", R, False)]),
    ("法规处牵头、相关处室配合", [("法规处", L, False), ("相关处室", C, True)]),
    ("法规处牵头；相关处室配合", [("法规处", L, False), ("相关处室", C, True)]),
    # trailing full stops, full- and half-width, and blanks
    ("法规处。", [("法规处", R, False)]),
    ("法规处牵头，相关处室配合。", [("法规处", L, False), ("相关处室", C, True)]),
    ("法规处、审批办，相关处室配合.", [("法规处", R, False), ("审批办", R, False), ("相关处室", C, True)]),
    ("  法规处、规划处。  ", [("法规处", R, False), ("规划处", R, False)]),
    # 及 between cooperating units, and between jointly responsible ones
    ("法规处牵头，审批办及办公室配合", [("法规处", L, False), ("审批办", C, False), ("办公室", C, False)]),
    ("法规处及规划处", [("法规处", R, False), ("规划处", R, False)]),
    ("法规处牵头，审批办、办公室及相关处室配合",
     [("法规处", L, False), ("审批办", C, False), ("办公室", C, False), ("相关处室", C, True)]),
    # a lead alone, cooperating units alone
    ("法规处牵头", [("法规处", L, False)]),
    ("法规处牵头。", [("法规处", L, False)]),
    ("相关处室配合", [("相关处室", C, True)]),
    ("有关部门配合", [("有关部门", C, True)]),
    # a leading label is not a division
    ("责任处室：法规处", [("法规处", R, False)]),
    ("责任处室:法规处牵头，相关处室配合", [("法规处", L, False), ("相关处室", C, True)]),
    ("责任单位：审批办", [("审批办", R, False)]),
    # other groups
    ("法规处牵头，各直属单位配合", [("法规处", L, False), ("各直属单位", C, True)]),
    # the same unit twice is kept once, with its first role
    ("法规处牵头，法规处、相关处室配合", [("法规处", L, False), ("相关处室", C, True)]),
]


@pytest.mark.parametrize("line, expected", MORE_SHAPES, ids=[s for s, _ in MORE_SHAPES])
def test_more_shapes(line: str, expected) -> None:
    assert units(line) == expected


@pytest.mark.parametrize("line", ["法规处牵头，审批办等有关部门配合", "法规处牵头,审批办等有关部门配合。"])
def test_deng_youguan_bumen_is_not_glued_to_a_division(line: str) -> None:
    """'审批办等有关部门' names 审批办 (and others): it must not become a division called
    '审批办等有关部门', and the lead is kept."""
    result = units(line)
    assert result[0] == ("法规处", L, False)
    assert ("审批办", C, False) in result
    assert all("等" not in name for name, _, _ in result)
    assert all(role == C for _, role, _ in result[1:])


def test_deng_youguan_bumen_on_a_responsible_list() -> None:
    result = units("法规处、规划处等有关部门")
    assert result[:2] == [("法规处", R, False), ("规划处", R, False)]
    assert all("等" not in name for name, _, _ in result)


@pytest.mark.parametrize("line", ["", "   ", "。", "责任处室：", "责任处室：。"])
def test_empty_lines_name_nobody(line: str) -> None:
    assert parse_responsibility(line) == []


def test_roles_are_the_three_known_ones() -> None:
    for line, _ in SEED_SHAPES + MORE_SHAPES:
        assert {u.role for u in parse_responsibility(line)} <= set(ROLES)


@pytest.mark.parametrize("name", ["相关业务处室", "相关处室", "机关各业务处室", "厅内各处室"])
def test_seed_groups_are_groups(name: str) -> None:
    assert name in KNOWN_GROUPS
    assert is_group_name(name)


@pytest.mark.parametrize("name", ["法规处", "规划处", "办公室", "审批办", "诚信处", "机关党委"])
def test_seed_divisions_are_not_groups(name: str) -> None:
    assert not is_group_name(name)


# -- writing a line back ---------------------------------------------------------------

@pytest.mark.parametrize("line, expected", SEED_SHAPES + MORE_SHAPES,
                         ids=[s for s, _ in SEED_SHAPES + MORE_SHAPES])
def test_format_then_parse_round_trip(line: str, expected) -> None:
    parsed = parse_responsibility(line)
    assert parse_responsibility(format_responsibility(parsed)) == parsed


@pytest.mark.parametrize("line, canonical", [
    ("法规处", "法规处"),
    ("法规处、规划处、办公室", "法规处、规划处、办公室"),
    ("审批办牵头，相关业务处室配合。", "审批办牵头，相关业务处室配合"),
    ("法规处牵头机关各业务处室配合", "法规处牵头，机关各业务处室配合"),
    ("法规处牵头，审批办及相关业务处室配合", "法规处牵头，审批办、相关业务处室配合"),
    ("法规处、审批办，相关处室配合", "法规处、审批办，相关处室配合"),
    ("厅内各处室", "厅内各处室"),
    ("相关处室配合", "相关处室配合"),
])
def test_format_writes_the_seed_style(line: str, canonical: str) -> None:
    text = format_responsibility(parse_responsibility(line))
    assert text == canonical
    assert format_responsibility(parse_responsibility(text)) == text, "formatting is stable"


def test_format_of_nothing_is_empty() -> None:
    assert format_responsibility([]) == ""


def test_round_trip_of_lead_plus_responsible() -> None:
    """A lead plus jointly responsible units (possible in the assignment editor) must not
    read back as two leads."""
    mixed = [Responsible("法规处", L), Responsible("规划处", R), Responsible("相关处室", C, True)]
    text = format_responsibility(mixed)
    assert set(parse_responsibility(text)) == set(mixed), text
