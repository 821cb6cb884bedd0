"""A PostgreSQL database whose data is damaged on the server's disk (issue 17): the
integrity check and `restore --latest-good` are SQLite's, so the server's refusal is named
for what it is, says whose work the repair is, and nothing is written."""

from __future__ import annotations

import contextlib
import io

import pytest

from desktop.cli import main


def run(*argv: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in argv])
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def own_server():
    """A server of this test alone: it is stopped and its files damaged."""
    from pg_server import PgServer, pg_bin_dir

    bin_dir = pg_bin_dir()
    if bin_dir is None:
        pytest.skip("PostgreSQL (initdb, pg_ctl) is not installed")
    server = PgServer(bin_dir)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def test_damaged_data_on_the_server_is_named_and_nothing_is_written(own_server) -> None:
    import psycopg

    url = own_server.url(own_server.new_database())
    code, _out, err = run("--db", url, "demo")
    assert code == 0, err
    with psycopg.connect(url.replace("postgresql+psycopg", "postgresql")) as con:
        relation = con.execute("SELECT pg_relation_filepath('unit')").fetchone()[0]
        audit = con.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    table_file = own_server.data / relation

    def damage() -> None:  # the first page's header overwritten, as a bad disk sector does
        data = bytearray(table_file.read_bytes())
        data[0:24] = b"\xa5" * 24
        table_file.write_bytes(bytes(data))

    own_server.restart(damage)
    for argv in (
        ["units"],
        ["units", "add", "--code", "X1", "--name", "Xã Mới", "--kind", "commune"],
    ):
        code, _out, err = run("--db", url, *argv)
        assert code == 1, argv
        assert "Máy chủ PostgreSQL báo dữ liệu của" in err and "bị hỏng" in err, err
        assert "mã XX001" in err and "người quản trị máy chủ" in err
        assert "chỉ áp dụng cho tệp SQLite" in err
        assert "không mong đợi" not in err and "Traceback" not in err
    with psycopg.connect(url.replace("postgresql+psycopg", "postgresql")) as con:
        assert con.execute("SELECT count(*) FROM audit_log").fetchone()[0] == audit

    code, _out, err = run("--db", url, "restore", "--latest-good")
    assert code == 1 and "Trên máy chủ, hãy chỉ ra tệp sao lưu cần khôi phục" in err
