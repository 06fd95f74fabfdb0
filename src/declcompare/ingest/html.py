"""HTML pages: the main text of a page, with headings, paragraphs, lists and line breaks.

Parsed by lxml (tolerant of the malformed markup of real sites). Navigation,
headers, footers, share buttons, related links, scripts and forms are dropped;
the main content is the ``<main>`` or ``<article>`` element where there is one,
otherwise the element holding the most paragraph text. The page's declared
encoding (byte-order mark, ``<meta charset>``, else UTF-8) is honoured and
entities are decoded. Each paragraph's provenance is its element path.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from declcompare.errors import CorruptInputError, InputError, MissingDependencyError
from declcompare.ingest.extracted import Builder, Extracted, clean

if TYPE_CHECKING:
    pass

__all__ = ["looks_like_html", "read_html"]

_DROP_TAGS = (
    "head",
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "iframe", "svg", "select", "input", "label", "menu", "dialog", "object",
)  # fmt: skip
_FURNITURE_RE = re.compile(
    r"\b(?:nav|navbar|navigation|menu|breadcrumbs?|footer|header|masthead|sidebar|"
    r"share|sharing|social|related|recommended|cookie|banner|subscribe|newsletter|"
    r"comments?|pagination|print-only|skip)\b",
    re.IGNORECASE,
)
_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dd", "dt", "blockquote",
           "pre", "caption", "figcaption"}  # fmt: skip
_INLINE = {"a", "b", "i", "em", "strong", "span", "font", "small", "sup", "sub", "u", "abbr",
           "cite", "q", "code", "mark", "time", "s", "del", "ins", "bdi", "bdo", "wbr"}  # fmt: skip
_CONTAINERS = {"div", "section", "article", "main", "body", "ol", "ul", "table", "tbody",
               "thead", "tr", "dl", "center", "font", "span"}  # fmt: skip
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HTML_START_RE = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S
)


def looks_like_html(data: bytes) -> bool:
    """True when bytes begin as an HTML document does."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    return bool(_HTML_START_RE.match(head)) or (
        b"<p" in head.lower() and b"</" in head and head.lstrip()[:1] == b"<"
    )


def _encoding(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    match = _CHARSET_RE.search(data[:8192])
    if match:
        name = match.group(1).decode("ascii", "replace").lower()
        import codecs

        try:
            return codecs.lookup(name).name
        except LookupError:
            raise InputError(f"the page declares an unknown character set {name!r}") from None
    return "utf-8"


def _furniture(element: Any) -> bool:
    if element.tag in _DROP_TAGS:
        return True
    role = (element.get("role") or "").lower()
    if role in ("navigation", "banner", "contentinfo", "complementary", "search"):
        return True
    marks = f"{element.get('id') or ''} {element.get('class') or ''}"
    return bool(_FURNITURE_RE.search(marks)) and element.tag not in ("main", "article", "body")


def _text_len(element: Any) -> int:
    return sum(len(clean(p.text_content())) for p in element.iter("p", "li"))


def _main(root: Any) -> Any:
    for tag in ("main", "article"):
        found = root.findall(f".//{tag}")
        if found:
            return max(found, key=_text_len)
    candidates = [el for el in root.iter("div", "section", "td", "body") if _text_len(el) > 0]
    if not candidates:
        return root.find(".//body") if root.find(".//body") is not None else root
    best = max(candidates, key=_text_len)
    total = best
    # Climb while the parent holds little more text (wrappers of the same content).
    parent = best.getparent()
    while (
        parent is not None
        and best.tag != "body"
        and parent.tag != "html"
        and _text_len(parent) <= 1.15 * _text_len(best)
    ):
        total = best = parent
        parent = parent.getparent()
    return total


def _lines(element: Any) -> list[str]:
    """The text of a block element, split at <br>."""
    pieces: list[str] = [element.text or ""]
    for child in element:
        if child.tag == "br":
            pieces.append("\n")
        elif not isinstance(child.tag, str):  # comments, processing instructions
            pass
        else:
            pieces.append(child.text_content())
        pieces.append(child.tail or "")
    return [clean(line) for line in "".join(pieces).split("\n") if clean(line)]


def read_html(data: bytes, *, source: str | None = None) -> Extracted:
    """The main text of an HTML page, laid out for the parser."""
    try:
        import lxml.html
    except ImportError as exc:
        raise MissingDependencyError("reading HTML", extra="html", module="lxml") from exc
    where = f" in {source}" if source else ""
    encoding = _encoding(data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"the page{where} declares {encoding} but byte offset {exc.start} is not valid "
            f"{encoding}"
        ) from exc
    try:
        root = lxml.html.document_fromstring(text.lstrip("\ufeff"))
    except Exception as exc:  # lxml raises several types for unusable input
        raise CorruptInputError(f"the page{where} could not be parsed as HTML: {exc}") from exc
    for element in list(root.iter()):
        if isinstance(element.tag, str) and element.getparent() is not None and _furniture(element):
            element.getparent().remove(element)
    main = _main(root)
    tree = root.getroottree()
    builder = Builder("html")
    title_el = main.find(".//h1") if main.find(".//h1") is not None else root.find(".//h1")
    if title_el is not None and title_el not in main.iter():
        builder.title(title_el.text_content(), tree.getpath(title_el))

    counters: dict[str, int] = {}

    def gather(element: Any, skip: tuple[str, ...] = ()) -> list[str]:
        """Lines of an element's inline content (``<br>`` breaks a line)."""
        run: list[str] = [element.text or ""]
        for child in element:
            if isinstance(child.tag, str) and child.tag not in skip:
                run.append("\n" if child.tag == "br" else child.text_content())
            run.append(child.tail or "")
        return [clean(line) for line in "".join(run).split("\n") if clean(line)]

    def block(child: Any) -> None:
        tag, path = child.tag, tree.getpath(child)
        if tag == "h1":
            builder.title(child.text_content(), path)
        elif tag in ("h2", "h3", "h4", "h5", "h6"):
            builder.heading(child.text_content(), path)
        elif tag == "li":
            parent = child.getparent()
            label = ""
            if parent is not None and parent.tag == "ol":
                start = parent.get("start") or "1"
                key = tree.getpath(parent)  # lxml proxies are not stable keys
                counters[key] = counters.get(key, int(start) - 1 if start.isdigit() else 0) + 1
                label = f"{counters[key]}. "
            elif parent is not None and parent.tag == "ul":
                label = "- "
            lines = gather(child, skip=("ol", "ul"))
            if lines:
                builder.paragraph(label + " ".join(lines), path)
            for nested in child:
                if isinstance(nested.tag, str) and nested.tag in ("ol", "ul"):
                    walk(nested)
        elif tag in _BLOCKS and not any(
            isinstance(c.tag, str) and c.tag in ("p", "div", "ul", "ol", "table", "section")
            for c in child
        ):
            for line in gather(child):
                builder.paragraph(line, path)
        else:
            walk(child)

    def walk(element: Any) -> None:
        run: list[str] = [element.text or ""]

        def flush() -> None:
            for line in "".join(run).split("\n"):
                builder.paragraph(line, tree.getpath(element))
            run.clear()

        for child in element:
            if not isinstance(child.tag, str):
                pass
            elif child.tag == "br":
                run.append("\n")
            elif child.tag in _INLINE:
                run.append(child.text_content())
            else:
                flush()
                block(child)
            run.append(child.tail or "")
        flush()

    walk(main)
    extracted = builder.build()
    if not extracted.text.strip():
        raise CorruptInputError(
            f"the page{where} holds no recognisable main text (after dropping navigation, "
            "headers, footers and scripts, nothing was left)"
        )
    return extracted
