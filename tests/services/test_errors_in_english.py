"""Errors the services raise read in English when the UI runs in English: for each module
whose finished Chinese sentences became message ids, real refusals rendered with
messages.set_language("en") hold no Chinese except the user's own data (quoted “…”)."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest

from bizenv_desktop.core import messages
from bizenv_desktop.core.errors import BizenvError
from bizenv_desktop.services import supervision

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
QUOTED = re.compile(r"“[^”]*”")
TODAY = date(2026, 5, 20)


@pytest.fixture
def english() -> Iterator[Callable[..., str]]:
    """english(fn, *words): fn must raise a BizenvError; its English text, checked for Chinese
    outside quoted data and for the given words; the Chinese text is returned unchanged."""
    def refused(fn: Callable[[], Any], *words: str) -> str:
        with pytest.raises(BizenvError) as info:
            fn()
        messages.set_language("en")
        try:
            text = str(info.value)
        finally:
            messages.set_language("zh")
        assert info.value.message_id, f"a finished sentence, not a message id: {text}"
        assert not CJK.search(QUOTED.sub("", text)), f"Chinese in the English error: {text}"
        for word in words:
            assert word in text, text
        assert str(info.value) == info.value.text("zh") and CJK.search(str(info.value))
        return text
    yield refused
    messages.set_language("zh")


def test_supervision_refusals_in_english(workspace: Any, english: Callable[..., str]) -> None:
    out: list[int] = []
    workspace.apply("add", lambda w: out.append(supervision.add_item(w, "清理拖欠企业账款", today=TODAY)))
    item = out[0]

    def run(fn: Callable[[Any], Any]) -> Callable[[], Any]:
        return lambda: workspace.apply("test", fn)

    english(run(lambda w: supervision.revert(w, item)), "cannot go back", "Awaiting sign-off", "“清理拖欠企业账款”")
    english(run(lambda w: supervision.update_item(w, item, colour="red")), "cannot be changed", "colour")
    english(run(lambda w: supervision.update_item(w, item, no="")), "number cannot be empty")
    english(run(lambda w: supervision.update_item(w, item, received_on="2026-13-01")),
            "Date received", "not a valid date")
    text = english(run(lambda w: supervision.advance(w, item, "已完成")), "Unknown status")
    assert "Awaiting sign-off, In progress, Completed, Closure reported, Struck off" in text
    workspace.apply("advance", lambda w: supervision.advance(w, item, on="2026-05-21"))
    english(run(lambda w: supervision.update_item(w, item, signed_on="")), "In progress", "Date signed for")
    english(run(lambda w: supervision.update_item(w, item, signed_on="2026-05-01", received_on="2026-05-10")),
            "cannot be earlier than")
    english(run(lambda w: supervision.update_item(w, item, content="")), "content")
    english(run(lambda w: supervision.revert(w, 9999)), "does not exist")
