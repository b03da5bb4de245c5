"""The message table: every entry in both languages with the same arguments; errors render in
the chosen language; the CLI prints English errors with --lang en."""
from __future__ import annotations

import importlib
import pkgutil
import re
import subprocess
import sys

import pytest

import bizenv_desktop
from bizenv_desktop.core import messages
from bizenv_desktop.core.errors import InvalidInput, NewerDatabase

QUOTED = re.compile(r"“[^”]*”")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def _import_everything_without_qt() -> None:
    """Modules register their messages at import: import every non-UI module first."""
    for info in pkgutil.walk_packages(bizenv_desktop.__path__, "bizenv_desktop."):
        if ".ui" in info.name or info.name.endswith(("app", "__main__")):
            continue
        importlib.import_module(info.name)


def test_every_message_has_both_languages_with_the_same_arguments() -> None:
    _import_everything_without_qt()
    assert len(messages.MESSAGES) >= 8
    for key, (zh, en) in messages.MESSAGES.items():
        assert zh.strip() and en.strip(), key
        assert messages.fields(zh) == messages.fields(en), key
        # quoted Chinese (“我厅”, a value) is data; anything else Chinese is untranslated
        assert not CJK.search(QUOTED.sub("", en)), f"{key}: Chinese in the English text: {en}"


def test_errors_render_in_the_current_language() -> None:
    err = NewerDatabase("/tmp/x.sqlite3", 9, 3)
    assert "更新版本" in str(err)
    assert err.message_id == "db.newer" and err.args_map["found"] == 9
    assert "newer version" in err.text("en")
    messages.set_language("en")
    try:
        assert "newer version" in str(err)
        assert str(InvalidInput("一句旧式的中文。")) == "一句旧式的中文。"  # a finished sentence stays as it is
    finally:
        messages.set_language("zh")
    assert str(err).startswith("“/tmp/x.sqlite3” 由更新版本")


def test_a_missing_argument_never_crashes() -> None:
    assert "{found}" in messages.render("db.newer", {"path": "p"}, "en")


def test_ids_are_checked_on_registration() -> None:
    with pytest.raises(ValueError):
        messages.register({"NoDot": ("中", "x")})
    with pytest.raises(ValueError):
        messages.register({"db.newer": ("别的", "other")})


def test_cli_prints_errors_in_english_with_lang_en(tmp_path) -> None:
    bad = tmp_path / "not-a-db.sqlite3"
    bad.write_bytes(b"hello, this is not sqlite" * 10)
    run = subprocess.run([sys.executable, "-m", "bizenv_desktop", "--db", str(bad), "--lang", "en", "indicators"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert run.stderr.startswith("Error: ") and "is not a bizenv-desktop database" in run.stderr
    assert not CJK.search(run.stderr.split("(")[0])
    zh = subprocess.run([sys.executable, "-m", "bizenv_desktop", "--db", str(bad), "indicators"],
                        capture_output=True, text=True, timeout=60)
    assert zh.stderr.startswith("错误：") and "不是本程序的数据库" in zh.stderr
