"""Text used for matching only; the original text is never altered.

Two layers:

* :func:`display_key` — what "unchanged" means: the same text once whitespace,
  quote and dash variants (and Markdown emphasis) are normalised. Case, spelling
  and wording still count.
* :func:`match_key` / :func:`key_tokens` — what alignment compares: additionally
  case-folded, number labels removed, end-of-line hyphenation undone, British
  spellings mapped to American ones and footnote markers dropped.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from declcompare.model import LABEL_RE

__all__ = ["display_key", "key_tokens", "match_key", "strip_label"]

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
    }
)
_EMPHASIS_RE = re.compile(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)|\\(?=[^\w\s])")
_LINK_RE = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_HYPHEN_BREAK_RE = re.compile(r"(\w)- (\w)")
# One or two digits after a letter, closing quote or bracket, or punctuation, before a
# space, punctuation or the end. The lookbehind follows the first digit so that the
# pattern starts with a digit, which the regex engine scans for quickly.
_FOOTNOTE_RE = re.compile(r"\d(?<=[a-z\u201d)\],;.]\d)\d?(?=[\s,;.]|$)")
_ALPHA_RE = re.compile(r"[a-z]{4,}")
_WORD_RE = re.compile(r"\w+(?:[-']\w+)*")
_ISATION_RE = re.compile(r"(\w{3,})is(ation|ations|ational|e|ed|es|ing)$")


def strip_label(text: str) -> str:
    """The text without a leading number label or bullet."""
    match = LABEL_RE.match(text)
    return text[match.end() :] if match else text


def display_key(text: str) -> str:
    """Key for "unchanged": whitespace, quotes, dashes and emphasis normalised."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    # The substitutions only where their characters occur (a measured hot path).
    if "](" in text:
        text = _LINK_RE.sub(r"\1", text)
    if "*" in text or "_" in text or "\\" in text:
        text = _EMPHASIS_RE.sub("", text)
    # str.split() splits on exactly the characters re's \s matches (str.isspace).
    return " ".join(text.split())


@lru_cache(maxsize=65536)
def american_spelling(word: str) -> str:
    from breame.spelling import get_american_spelling

    spelled: str = get_american_spelling(word)
    if spelled != word:
        return spelled
    match = _ISATION_RE.match(word)
    if match and get_american_spelling(match.group(1) + "ise") != match.group(1) + "ise":
        return f"{match.group(1)}iz{match.group(2)}"
    return word


def match_key(text: str) -> str:
    """Key for alignment: display key, case-folded, label-free, spelling-normalised."""
    text = display_key(strip_label(text)).casefold()
    if "- " in text:
        text = _HYPHEN_BREAK_RE.sub(r"\1-\2", text)
    text = _FOOTNOTE_RE.sub("", text)
    # Most paragraphs have no British spelling: look the words up once and rewrite
    # only when one of them changes (same result as substituting every word).
    changes = {w: a for w in set(_ALPHA_RE.findall(text)) if (a := american_spelling(w)) != w}
    if not changes:
        return text
    return _ALPHA_RE.sub(lambda m: changes.get(m.group(), m.group()), text)


def key_tokens(key: str) -> list[str]:
    """Words of a match key already computed, in order."""
    return _WORD_RE.findall(key)
