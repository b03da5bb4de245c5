"""A workbook (or document) whose zip headers say "version needed to extract: 7.4" — written by
some packers, refused by Python's zipfile with NotImplementedError — gets a sentence from every
reader of Office files, never a traceback. The file is a real export with its headers changed."""
from __future__ import annotations

import struct
from pathlib import Path

import pytest

from bizenv_desktop.core.errors import InvalidInput
from bizenv_desktop.services import forms
from bizenv_desktop.services.excel import export
from bizenv_desktop.services.excel.indicator_read import read_indicator_table
from bizenv_desktop.services.excel.supervision_import import read_supervision_ledger
from bizenv_desktop.services.plan_doc import read_plan_document


def needs_version(source: Path, target: Path, version: int = 74) -> Path:
    """source with every central-directory entry's "version needed to extract" set to version."""
    data = bytearray(source.read_bytes())
    at, patched = 0, 0
    while (at := data.find(b"PK\x01\x02", at)) >= 0:
        struct.pack_into("<H", data, at + 6, version)
        at, patched = at + 4, patched + 1
    assert patched
    target.write_bytes(bytes(data))
    return target


@pytest.fixture
def v74(workspace, tmp_path: Path) -> Path:
    table = tmp_path / "指标表.xlsx"
    export.export_indicators(workspace.db, 2026, table)
    return needs_version(table, tmp_path / "版本7.4.xlsx")


@pytest.mark.parametrize("reader", [read_indicator_table, read_supervision_ledger], ids=["indicators", "supervision"])
def test_the_importers_say_what_is_wrong(v74: Path, reader) -> None:
    with pytest.raises(InvalidInput) as caught:
        reader(v74)
    assert v74.name in str(caught.value) and "7.4" in str(caught.value) and "另存为" in str(caught.value)


def test_a_returned_form_says_what_is_wrong(v74: Path) -> None:
    form = forms.read_form(v74)
    assert form.problems and form.rows == []


def test_the_plan_document_reader_says_what_is_wrong(v74: Path, tmp_path: Path) -> None:
    docx = v74.with_suffix(".docx")
    docx.write_bytes(v74.read_bytes())
    with pytest.raises(InvalidInput) as caught:
        read_plan_document(docx)
    assert "7.4" in str(caught.value)
