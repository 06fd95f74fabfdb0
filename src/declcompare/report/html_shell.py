"""The one HTML shell of every page declcompare writes: comparisons and series alike.

Head (character set, viewport, the Content-Security-Policy, the title and the shared
style sheet), the heading, the notice that generated text is not a real declaration,
then the page's own body. Everything a page shows is escaped by the page; the shell
escapes the title itself.
"""

from __future__ import annotations

import html

from declcompare.report.content import GENERATED_NOTICE
from declcompare.report.html_assets import CSP, CSS

__all__ = ["page"]


def page(title: str, body: str, *, generated: bool, extra_css: str = "") -> str:
    """A complete self-contained page: ``body`` (already escaped HTML) inside the shell."""
    notice = (
        f"<p class='generated' role='note'>{html.escape(GENERATED_NOTICE)}</p>\n"
        if generated
        else ""
    )
    style = CSS + (f"\n{extra_css}\n" if extra_css else "")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<title>{html.escape(title, quote=True)}</title>
<style>{style}</style>
</head>
<body>
<h1>{html.escape(title, quote=True)}</h1>
{notice}{body}
</body>
</html>
"""
