"""The department's own plan, shipped as data (bizenv_desktop/data/builtin_plan.json)."""
from __future__ import annotations

import json
from datetime import datetime
from functools import cache
from typing import Any

from ..core.responsibility import parse_responsibility
from ..storage.batch import batch
from ..storage.changes import Writer
from .divisions import ensure_division


@cache
def builtin_plan() -> dict[str, Any]:
    from ..paths import data_text

    text = data_text("builtin_plan.json")
    return json.loads(text)


def install_builtin_plan(w: Writer, year: int) -> None:
    """Write the built-in plan as plan year `year` (which must not exist yet). Divisions are
    found or made one by one (a few, looked up by name); the plan's rows go in bulk."""
    plan = builtin_plan()
    for name in plan["divisions"]:
        ensure_division(w, name, "division")
    for name in plan["groups"]:
        ensure_division(w, name, "group")
    units = {id(second): [(unit, ensure_division(w, unit.name, "group" if unit.is_group else "division"))
                              for unit in parse_responsibility(second["responsibility"])]
             for dim in plan["dimensions"] for first in dim["indicators"] for second in first["children"]}
    with batch(w) as b:
        b.insert("plan_year", {"year": year, "title": plan["title"], "office": plan["office"],
                               "created_at": datetime.now().isoformat(timespec="seconds")})
        sections = [("", p) for p in plan["preamble"]] + [
            (s["heading"], "\n".join(s["paragraphs"]), s.get("indicator_table", False)) for s in plan["sections"]]
        for pos, section in enumerate(sections, 1):
            heading, body, *table = section
            b.insert("plan_section", {"year": year, "position": pos, "heading": heading, "body": body,
                                      "is_indicator_table": int(bool(table and table[0]))})
        for dpos, dim in enumerate(plan["dimensions"], 1):
            dim_id = b.insert("dimension", {"year": year, "code": dim["code"], "name": dim["name"],
                                            "position": dpos})
            for fpos, first in enumerate(dim["indicators"], 1):
                first_id = b.insert("indicator", {"dimension_id": dim_id, "level": 1, "code": first["code"],
                                                  "name": first["name"], "position": fpos})
                for spos, second in enumerate(first["children"], 1):
                    target = second.get("target") or {}
                    ind_id = b.insert("indicator", {
                        "dimension_id": dim_id, "parent_id": first_id, "level": 2, "code": second["code"],
                        "name": second["name"], "criteria": second["criteria"], "kind": second["kind"],
                        "target_op": target.get("op"), "target_value": target.get("value"),
                        "target_unit": target.get("unit", ""), "target_metric": target.get("metric", ""),
                        "event_type": second.get("event_type", ""), "position": spos,
                    })
                    for apos, (unit, div_id) in enumerate(units[id(second)], 1):
                        b.insert("assignment", {"indicator_id": ind_id, "division_id": div_id,
                                                "role": unit.role, "position": apos})
