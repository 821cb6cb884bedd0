"""The pages' loads run one at a time, the page on screen first, and a load that a newer
one of the same page replaced before it started never runs (issue 12: on F5 two or three
loads running Python at once starved the GUI thread of the GIL)."""

from __future__ import annotations

import threading
from typing import Any

from desktop.ui.tasks import TaskRunner


def _blocked_runner(qtbot: Any) -> tuple[TaskRunner, threading.Event, list[str]]:
    """A runner whose first load ("first") waits for the returned event."""
    runner = TaskRunner()
    gate = threading.Event()
    ran: list[str] = []

    def first(_r: Any) -> str:
        ran.append("first")
        gate.wait(10)
        return "first"

    runner.run(first, page="p0")
    qtbot.waitUntil(lambda: ran == ["first"])
    return runner, gate, ran


def test_loads_run_one_at_a_time_in_the_order_asked(qtbot: Any) -> None:
    runner, gate, ran = _blocked_runner(qtbot)
    done: list[str] = []
    at_once: list[int] = []
    running = [0]

    def work(name: str) -> Any:
        def fn(_r: Any) -> str:
            running[0] += 1
            at_once.append(running[0])
            ran.append(name)
            running[0] -= 1
            return name
        return fn

    for name in ("a", "b", "c"):
        runner.run(work(name), done.append, page=name)
    qtbot.wait(50)
    assert ran == ["first"]  # behind the load running
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy)
    assert ran == ["first", "a", "b", "c"]
    assert done == ["a", "b", "c"]
    assert at_once == [1, 1, 1]
    assert runner.wait()


def test_the_page_on_screen_loads_first(qtbot: Any) -> None:
    runner, gate, ran = _blocked_runner(qtbot)
    runner.front = lambda: "shown"
    for name in ("hidden 1", "hidden 2", "shown"):
        runner.run(lambda _r, n=name: ran.append(n), page=name)
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy)
    assert ran == ["first", "shown", "hidden 1", "hidden 2"]
    assert runner.wait()


def test_a_newer_load_of_a_page_replaces_the_one_not_started(qtbot: Any) -> None:
    runner, gate, ran = _blocked_runner(qtbot)
    heard: list[str] = []
    runner.run(lambda _r: ran.append("old"), lambda _x: heard.append("old done"),
               lambda _e: heard.append("old failed"), page="p1")
    runner.run(lambda _r: ran.append("new"), lambda _x: heard.append("new done"), page="p1")
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy)
    assert ran == ["first", "new"]
    assert heard == ["new done"]
    assert runner.wait()


def test_a_failed_load_does_not_stop_the_queue(qtbot: Any) -> None:
    runner, gate, ran = _blocked_runner(qtbot)
    errors: list[str] = []

    def fails(_r: Any) -> None:
        raise ValueError("hỏng")

    runner.run(fails, on_error=lambda e: errors.append(str(e)), page="p1")
    runner.run(lambda _r: ran.append("after"), page="p2")
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy)
    assert errors == ["hỏng"]
    assert ran == ["first", "after"]
    assert runner.wait()


def test_waiting_drops_the_loads_not_started(qtbot: Any) -> None:
    runner, gate, ran = _blocked_runner(qtbot)
    runner.run(lambda _r: ran.append("later"), page="p1")
    gate.set()
    assert runner.wait()
    qtbot.waitUntil(lambda: not runner.busy)
    qtbot.wait(20)
    assert ran == ["first"]
