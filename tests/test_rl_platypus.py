"""reportlab.platypus imported through exchange.rl_platypus: paragraph's URL pattern is
compiled when first used (not at import), matches as the compiled pattern does, and
every other pattern, and re.compile itself, are left as they are."""

from __future__ import annotations

import subprocess
import sys

PROBE = r"""
import re, sys
compile_before = re.compile
import desktop.exchange.pdf_document  # imports platypus through rl_platypus
import reportlab.platypus.paragraph as paragraph
assert re.compile is compile_before, "re.compile restored"
stand_in = paragraph.uri_pat
assert not isinstance(stand_in, re.Pattern), "the URL pattern is not compiled at import"
assert isinstance(paragraph._hy_letters_pat, re.Pattern), "the other patterns are"
compiled = compile_before(stand_in._pattern, re.IGNORECASE)
for uri in ("https://thiduacds.gov.vn/bao-cao/2023", "ftp://10.0.0.1:21/x",
            "http://localhost/a", "không phải địa chỉ", "https://xã.việtnam.vn/"):
    got, want = stand_in.match(uri), compiled.match(uri)
    assert (got and got.groups()) == (want and want.groups()), uri
assert paragraph._uri_split_pairs("https://a.vn/b/c") == [
    ("https://a.vn/b/", "c"), ("https://a.vn/", "b/c"), ("https://", "a.vn/b/c")]
assert isinstance(stand_in._compiled, re.Pattern), "compiled once used"
print("ok")
"""


def test_the_url_pattern_is_compiled_on_first_use_and_matches_the_same() -> None:
    # a fresh interpreter: in this one platypus may have been imported already
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
