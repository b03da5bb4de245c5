"""The publications register: (1) met for a year once the plan's publication is recorded;
(15) per quarter, an ended quarter without one flagged; checks and evidence."""
from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bizenv_desktop.core.errors import InvalidInput, NotFound
from bizenv_desktop.services import publications as pub
from bizenv_desktop.services import years


def add(ws: Any, **kw: Any) -> int:
    out: list[int] = []
    ws.apply("公开", lambda w: out.append(pub.add_publication(w, **kw)))
    return out[0]


def test_plan_publication_meets_indicator_1(workspace: Any, ind: Any) -> None:
    assert pub.plan_publication(workspace.db, 2026) is None
    assert pub.summary_json(workspace.db, 2026, date(2026, 2, 1))["plan_published"] is False
    add(workspace, title="吉林省科学技术厅2026年营商环境建设实施方案", published_on="2026-02-10", kind="plan",
        outlet="厅门户网站", url="https://kjt.jl.gov.cn/zwgk/2026/plan.html", indicator_id=ind("(1)"))
    found = pub.plan_publication(workspace.db, 2026)
    assert found is not None and found.published_on == "2026-02-10" and found.indicator_code == "(1)"
    summary = pub.summary_json(workspace.db, 2026, date(2026, 3, 1))
    assert summary["plan_published"] is True and summary["plan_published_on"] == "2026-02-10"
    # a plan published in December for the next year counts for that year
    workspace.apply("y", lambda w: years.create_year_from(w, 2026, 2027))
    add(workspace, title="2027年实施方案", published_on="2026-12-28", kind="plan", year=2027)
    assert pub.plan_publication(workspace.db, 2027).published_on == "2026-12-28"  # type: ignore[union-attr]


def test_policy_publications_per_quarter_flag_a_quarter_without_one(workspace: Any) -> None:
    add(workspace, title="关于优化科技领域营商环境的若干措施", published_on="2026-01-20")
    add(workspace, title="科技成果转化政策解读", published_on="2026-03-05")
    add(workspace, title="政策落实情况公告", published_on="2026-07-15")
    quarters = pub.policy_quarters(workspace.db, 2026, date(2026, 8, 1))
    assert [(q.quarter, q.count, q.state) for q in quarters] == [(1, 2, "ok"), (2, 0, "missing"), (3, 1, "ok"),
                                                                 (4, 0, "future")]
    assert [q.quarter for q in quarters if q.flagged] == [2]
    early = pub.policy_quarters(workspace.db, 2026, date(2026, 5, 1))
    assert early[1].state == "pending" and not early[1].flagged


def test_bad_input_is_refused_naming_what(workspace: Any, ind: Any, snapshot: Any) -> None:
    before = snapshot()
    for kw, msg in (({"title": " ", "published_on": "2026-01-01"}, "标题"),
                    ({"title": "x", "published_on": "2026-13-01"}, "不是有效日期"),
                    ({"title": "x", "published_on": ""}, "公开日期"),
                    ({"title": "x", "published_on": "2026-01-01", "url": "kjt.jl.gov.cn"}, "http"),
                    ({"title": "x", "published_on": "2026-01-01", "kind": "blog"}, "未知的公开类别")):
        with pytest.raises(InvalidInput, match=msg):
            add(workspace, **kw)
    with pytest.raises(NotFound, match="2031"):
        add(workspace, title="x", published_on="2031-01-01")
    assert snapshot() == before
    workspace.apply("y", lambda w: years.create_year_from(w, 2026, 2027))
    with pytest.raises(InvalidInput, match="属于 2026 年度方案.*计入 2027 年度"):
        add(workspace, title="y", published_on="2027-01-05", indicator_id=ind("(1)"))


def test_update_delete_and_evidence(workspace: Any, tmp_path: Any) -> None:
    from bizenv_desktop.services import evidence

    pid = add(workspace, title="初稿", published_on="2026-04-01")
    workspace.apply("改", lambda w: pub.update_publication(w, pid, title="定稿", outlet="吉林日报"))
    got = pub.list_publications(workspace.db, 2026)
    assert [(p.title, p.outlet, p.quarter) for p in got] == [("定稿", "吉林日报", 2)]
    f = tmp_path / "截图.png"
    f.write_bytes(b"png")
    workspace.apply("佐证", lambda w: evidence.attach(w, workspace.path, f, "publication", pid))
    with pytest.raises(InvalidInput, match="佐证材料"):
        workspace.apply("删", lambda w: pub.delete_publication(w, pid))
    with pytest.raises(InvalidInput, match="不能修改的字段"):
        workspace.apply("改", lambda w: pub.update_publication(w, pid, colour="red"))
