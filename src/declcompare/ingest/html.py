"""HTML pages: the main text of a page, with headings, paragraphs, lists and line breaks.

Parsed by lxml (tolerant of the malformed markup of real sites), with its
``huge_tree`` option so that deep markup is not cut at 255 levels; the depth and
the number of elements are then checked against :class:`InputLimits`, and the
tree is walked with an explicit stack, never Python recursion. Navigation,
headers, footers, share buttons, related links, scripts and forms are dropped;
the main content is the ``<main>`` or ``<article>`` element where there is one,
otherwise the element holding the most paragraph text. The page's declared
encoding (byte-order mark, ``<meta charset>``, else UTF-8) is honoured and
entities are decoded; a declared codec that is not a character set (``base64``,
``rot13``, ``zlib``) is refused with :class:`EncodingError`. An ordered list's
``start`` that is not a decimal integer is ignored (numbering starts at 1, as in
browsers); one beyond ``InputLimits.max_list_number`` is refused. Each block's
provenance is its element path, and its kind is its element's: a ``<p>`` is a
paragraph whatever its text looks like.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import Any, TypeAlias

from declcompare.errors import (
    CorruptInputError,
    EncodingError,
    InputError,
    InputLimitError,
    MissingDependencyError,
)
from declcompare.ingest.blocks import Provenance
from declcompare.ingest.extracted import Builder, Extracted, clean
from declcompare.limits import DEFAULT_LIMITS, HTML_PARSER_MAX_DEPTH, InputLimits, check_limit

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
#: A generator of the walk that yields the next generator to run.
_Step: TypeAlias = Iterator["_Step"]
_HTML_START_RE = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S
)


def looks_like_html(data: bytes) -> bool:
    """True when bytes begin as an HTML document does."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    return bool(_HTML_START_RE.match(head)) or (
        b"<p" in head.lower() and b"</" in head and head.lstrip()[:1] == b"<"
    )


def _encoding(data: bytes, where: str = "") -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    match = _CHARSET_RE.search(data[:8192])
    if match:
        name = match.group(1).decode("ascii", "replace").lower()
        try:
            codec = codecs.lookup(name)
        except LookupError:
            raise InputError(
                f"the page{where} declares an unknown character set {name!r}"
            ) from None
        try:
            # Raises for bytes-to-bytes codecs (base64, zlib, hex) and for "undefined".
            b" ".decode(codec.name)
        except (LookupError, UnicodeError):
            raise EncodingError(
                f"the page{where} declares the character set {name!r} at byte offset "
                f"{match.start(1)}, which names the codec {codec.name!r}, not a text encoding; "
                "correct its <meta charset> (usually to utf-8)",
                offset=match.start(1),
            ) from None
        return codec.name
    return "utf-8"


def _list_start(value: str | None, limits: InputLimits, where: str) -> int:
    """The number before an ``<ol>``'s first item, from its ``start`` attribute."""
    value = value or "1"
    # ASCII digits only: "²".isdigit() is true but int("²") fails.
    if not (value.isascii() and value.isdigit()):
        return 0
    # Count digits before converting: int() of thousands of digits is slow or refused.
    if len(value) > 18:
        check_limit(
            "max_list_number",
            10 ** min(len(value) - 1, 18),
            limits,
            what=f"an <ol start> of {len(value):,} digits",
            where=where,
            at_least=True,
        )
    start = int(value)
    check_limit("max_list_number", start, limits, what="an <ol start>", where=where)
    return start - 1


def _measure(root: Any, limits: InputLimits, where: str) -> None:
    """Refuse a tree with too many elements, or deeper than the limit (or lxml's cut)."""
    from lxml import etree

    depth = deepest = count = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            depth += 1
            count += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    check_limit("max_elements", count, limits, what="the page", where=where, unit="elements")
    if deepest >= HTML_PARSER_MAX_DEPTH:
        raise InputLimitError(
            what=f"the nesting of the page's elements{where}",
            limit="max_depth",
            value=deepest,
            maximum=limits.max_depth,
            unit="levels",
            at_least=True,
            hint=f"lxml cannot build a tree deeper than {HTML_PARSER_MAX_DEPTH:,} levels, so "
            "this page cannot be read; flatten its markup",
        )
    check_limit(
        "max_depth",
        deepest,
        limits,
        what="the nesting of the page's elements",
        where=where,
        unit="levels",
    )


def _furniture(element: Any) -> bool:
    if element.tag in _DROP_TAGS:
        return True
    role = (element.get("role") or "").lower()
    if role in ("navigation", "banner", "contentinfo", "complementary", "search"):
        return True
    marks = f"{element.get('id') or ''} {element.get('class') or ''}"
    return bool(_FURNITURE_RE.search(marks)) and element.tag not in ("main", "article", "body")


def _main(root: Any) -> Any:
    # The text length of each paragraph, computed once: nested paragraphs would make
    # the sums below quadratic in the depth, and cubic over all candidates.
    lengths: dict[Any, int] = {p: len(clean(p.text_content())) for p in root.iter("p", "li")}

    def _text_len(element: Any) -> int:
        return sum(lengths[p] for p in element.iter("p", "li"))

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


def read_html(
    data: bytes, *, source: str | None = None, limits: InputLimits | None = None
) -> Extracted:
    """The blocks of an HTML page's main text: ``<h1>`` the title, ``<h2>``-``<h6>``
    headings, ``<li>`` list items with their computed labels, cells, paragraphs."""
    try:
        import lxml.html
    except ImportError as exc:
        raise MissingDependencyError("reading HTML", extra="html", module="lxml") from exc
    where = f" in {source}" if source else ""
    limits = limits or DEFAULT_LIMITS
    check_limit("max_bytes", len(data), limits, what="the page", where=where, unit="bytes")
    # Every element needs a start tag (or an end tag lxml completes): refuse millions
    # of them before lxml builds a tree of them.
    tags = data.count(b"<")
    check_limit(
        "max_elements",
        tags // 2,
        limits,
        what="half the tags of the page",
        where=where,
        unit="tags",
    )
    encoding = _encoding(data, where)
    try:
        text = data.decode(encoding)
    except UnicodeError as exc:  # "idna", "undefined" raise UnicodeError itself
        offset = exc.start if isinstance(exc, UnicodeDecodeError) else 0
        raise InputError(
            f"the page{where} declares {encoding} but byte offset {offset} is not valid {encoding}"
        ) from exc
    try:
        parser = lxml.html.HTMLParser(huge_tree=True)
        root = lxml.html.document_fromstring(text.lstrip("\ufeff"), parser=parser)
    except Exception as exc:  # lxml raises several types for unusable input
        raise CorruptInputError(f"the page{where} could not be parsed as HTML: {exc}") from exc
    _measure(root, limits, where)
    for element in list(root.iter()):
        if isinstance(element.tag, str) and element.getparent() is not None and _furniture(element):
            element.getparent().remove(element)
    main = _main(root)
    tree = root.getroottree()
    builder = Builder("html")
    title_el = main.find(".//h1") if main.find(".//h1") is not None else root.find(".//h1")
    if title_el is not None and title_el not in main.iter():
        builder.title(title_el.text_content(), Provenance(path=tree.getpath(title_el)))

    counters: dict[str, int] = {}

    def gather(element: Any, skip: tuple[str, ...] = ()) -> list[str]:
        """Lines of an element's inline content (``<br>`` breaks a line)."""
        run: list[str] = [element.text or ""]
        for child in element:
            if isinstance(child.tag, str) and child.tag not in skip:
                run.append("\n" if child.tag == "br" else child.text_content())
            run.append(child.tail or "")
        return [clean(line) for line in "".join(run).split("\n") if clean(line)]

    # walk() and block() are generators that yield the next generator to run instead
    # of calling it, so that a tree thousands of levels deep needs no Python recursion.
    def block(child: Any) -> _Step:
        tag, path = child.tag, Provenance(path=tree.getpath(child))
        if tag == "h1":
            builder.title(child.text_content(), path)
        elif tag in ("h2", "h3", "h4", "h5", "h6"):
            builder.heading(child.text_content(), int(tag[1]), path)
        elif tag == "li":
            parent = child.getparent()
            label = ""
            if parent is not None and parent.tag == "ol":
                key = tree.getpath(parent)  # lxml proxies are not stable keys
                if key not in counters:
                    counters[key] = _list_start(parent.get("start"), limits, where)
                counters[key] += 1
                label = f"{counters[key]}."
            elif parent is not None and parent.tag == "ul":
                label = "-"
            builder.list_item(label, " ".join(gather(child, skip=("ol", "ul"))), path)
            for nested in child:
                if isinstance(nested.tag, str) and nested.tag in ("ol", "ul"):
                    yield walk(nested)
        elif tag in _BLOCKS and not any(
            isinstance(c.tag, str) and c.tag in ("p", "div", "ul", "ol", "table", "section")
            for c in child
        ):
            for line in gather(child):
                if tag in ("td", "th"):
                    builder.table_cell(line, path)
                else:
                    builder.paragraph(line, path)
        else:
            yield walk(child)

    def walk(element: Any) -> _Step:
        run: list[str] = [element.text or ""]

        def flush() -> None:
            for line in "".join(run).split("\n"):
                builder.paragraph(line, Provenance(path=tree.getpath(element)))
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
                yield block(child)
            run.append(child.tail or "")
        flush()

    stack: list[_Step] = [walk(main)]
    while stack:
        step = next(stack[-1], None)
        if step is None:
            stack.pop()
        else:
            stack.append(step)
    extracted = builder.build()
    if not extracted.text.strip():
        raise CorruptInputError(
            f"the page{where} holds no recognisable main text (after dropping navigation, "
            "headers, footers and scripts, nothing was left)"
        )
    return extracted
