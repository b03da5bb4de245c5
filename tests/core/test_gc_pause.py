"""The collector pause around bulk work gives the collector back as it found it."""
from __future__ import annotations

import gc

import pytest

from bizenv_desktop.core.gc_pause import collector_paused


def test_the_pause_switches_the_collector_off_and_back_on() -> None:
    was = gc.isenabled()
    gc.enable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled()
        with pytest.raises(ValueError), collector_paused():  # a failure inside gives it back too
            raise ValueError("bad row")
        assert gc.isenabled()
    finally:
        if not was:
            gc.disable()


def test_a_collector_already_off_stays_off() -> None:
    """As in the window, where ui/collector.py runs it from a timer: the pause must not turn it on."""
    was = gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()
