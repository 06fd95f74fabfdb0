"""The README's Python examples run as written."""

from __future__ import annotations

import re

from tests.helpers import REPO


def test_readme_python_blocks_run(capsys: object) -> None:
    text = (REPO / "README.md").read_text("utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.DOTALL)
    assert len(blocks) >= 2
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})
