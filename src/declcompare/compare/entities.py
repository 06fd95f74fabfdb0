"""Named entities across a comparison, and "what happened to X".

Used by :meth:`Comparison.entities` and :meth:`Comparison.about`; it takes the
declarations and the commitment pairs as plain values so that it never imports
the comparison it serves.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypedDict

from declcompare.commitments.entities import find_entities, vocabulary

if TYPE_CHECKING:
    import pandas as pd

    from declcompare.commitments import Commitment
    from declcompare.model import Declaration

__all__ = [
    "ABOUT_COLUMNS",
    "ENTITY_COLUMNS",
    "EntityRecord",
    "about_frame",
    "entity_key",
    "entity_records",
    "entity_table",
    "issuer_keys",
    "lowercase_in",
]

# Kinds of find_entities() kept: dates and document symbols are routine, not entities.
_KINDS = frozenset({"treaty", "initiative", "body", "place", "year", "name"})
_SHIFTS = ("weakened", "strengthened", "changed_stance")
_CHANGES = ("new", "dropped", *_SHIFTS, "changed_object")

ENTITY_COLUMNS = [
    "entity",
    "kind",
    "status",
    "old_paragraphs",
    "new_paragraphs",
    "old_commitments",
    "new_commitments",
    "commitment_changes",
    "treatment_changed",
]
ABOUT_COLUMNS = ["kind", "old_index", "new_index", "old_text", "new_text", "commitments"]

Pair = tuple["Commitment | None", "Commitment | None", str]


class EntityRecord(TypedDict):
    """One row of :meth:`Comparison.entities`, as a plain dict."""

    entity: str
    kind: str
    status: str
    old_paragraphs: tuple[int, ...]
    new_paragraphs: tuple[int, ...]
    old_commitments: str
    new_commitments: str
    commitment_changes: str
    treatment_changed: bool


_ACRONYM_RE = re.compile(r"\(([A-Z][A-Z0-9-]+)\)\s*$")


def _abbreviates(acronym: str, name: str) -> bool:
    """Whether ``acronym`` is the whole name's own: every letter opens a capitalised word
    (or part of one) of ``name`` ("BTWC" of the Convention on ... Toxin Weapons), but it
    is not the acronym of the name's last words only ("Charter of the United Nations
    (UN)", "... on the Novel Coronavirus Infection (COVID-19)")."""
    initials = re.findall(r"\b[A-Z]", name)
    letters = [ch for ch in acronym if ch.isalpha()]
    if len(set(initials)) < 2 or not all(ch in initials for ch in letters):
        return False
    tail = initials[-len(letters) :]
    return not (tail == letters and len(initials) > len(letters))


def entity_key(text: str) -> str:
    """The key under which two mentions are the same entity: case, 'the' and spacing
    aside; a name that ends in its own acronym in brackets is that acronym, so that two
    translations of a title and its short form are one entity ("... Toxin Weapons and
    on Their Destruction (BTWC)", "BTWC")."""
    acronym = _ACRONYM_RE.search(text)
    if acronym is not None and _abbreviates(acronym.group(1), text[: acronym.start()]):
        return acronym.group(1).casefold()
    key = " ".join(text.split()).casefold()
    return key[4:] if key.startswith("the ") else key


def issuer_keys(*declarations: Declaration) -> frozenset[str]:
    """Keys (:func:`entity_key`) of the organisation that issues the texts and of its
    short forms ("Shanghai Cooperation Organisation", "SCO"; "Quad (Australia, India,
    ...)", "Quad"; "U.S.-EU Trade and Technology Council", "TTC"; "Major Economies
    Forum on Energy and Climate", "MEF"): the frame of nearly every sentence, not a name
    whose treatment a reader looks for."""
    keys: set[str] = set()
    for declaration in declarations:
        name = declaration.organisation
        if not name:
            continue
        base = name.split("(")[0].strip()
        forms = {name, base, base.split(" on ")[0]}
        # without a leading abbreviation of its members ("U.S.-EU ...")
        forms |= {" ".join(w for w in f.split() if not re.search(r"[.-]", w)) for f in set(forms)}
        for form in forms:
            if not form:
                continue
            keys.add(entity_key(form))
            capitals = [w[0] for w in re.findall(r"[A-Za-z]+", form) if w[0].isupper()]
            if len(capitals) > 1:
                keys.add("".join(capitals).casefold())
    return frozenset(keys)


@dataclass
class _Entry:
    text: str
    kind: str
    old: list[int] = field(default_factory=list)
    new: list[int] = field(default_factory=list)
    old_verbs: list[str] = field(default_factory=list)
    new_verbs: list[str] = field(default_factory=list)
    changes: Counter[str] = field(default_factory=Counter)


_SENTENCE_START_RE = re.compile(r"(?:^|[.;:!?]\s+|\n)(?:[\"'“‘(]\s*)?$")
_POSSESSIVE_RE = re.compile(r"['’]s$")


def _mentions(
    declaration: Declaration, lower: frozenset[str], seen: dict[str, list[tuple[str, str, str]]]
) -> list[tuple[int, str, str, str]]:
    """(paragraph, key, name, kind) of every mention; ``seen`` holds the mentions of
    each text already read, so a paragraph kept verbatim in the other text is read once."""
    out: list[tuple[int, str, str, str]] = []
    for index, paragraph in enumerate(declaration.paragraphs):
        text = paragraph.text
        found = seen.get(text)
        if found is None:
            found = seen[text] = _text_mentions(text, lower)
        out.extend((index, *mention) for mention in found)
    return out


def _text_mentions(text: str, lower: frozenset[str]) -> list[tuple[str, str, str]]:
    # A head word alone ("the Statement", "the Council") names a kind of thing, not
    # one thing; places ("Asia") and acronyms ("RATS") are names on their own.
    generic = {w for w in vocabulary().heads("treaty", "initiative", "body") if not w.isupper()}
    out = []
    for entity in find_entities(text, 0, len(text)):
        if entity.kind not in _KINDS:
            continue
        name = _POSSESSIVE_RE.sub("", entity.text)
        first, _, rest = name.partition(" ")
        # A capital that only opens a sentence ("We", "As Indo-Pacific") is no name.
        if _SENTENCE_START_RE.search(text[: entity.start]) and (
            first.lower() in lower or (not rest and entity.kind == "name")
        ):
            name = rest
        if len(name) < 2 or name in generic:
            continue
        out.append((entity_key(name), name, entity.kind))
    return out


def _lower_words(*declarations: Declaration) -> frozenset[str]:
    # One search over the texts joined by line breaks, which no word spans.
    return frozenset(
        re.findall(r"\b[a-z]+\b", "\n".join(p.text for d in declarations for p in d.paragraphs))
    )


_RUN_RE = re.compile(r"\w+")


def lowercase_in(keys: Sequence[str], plain: str) -> list[str]:
    """The keys that ``plain`` writes as they are, as whole words (in ``keys``' order).

    The same answer as searching ``(?<!\\w)key(?!\\w)`` for each key, without a scan
    of the whole text per key (which made the entity table quadratic). The text is
    split once into words and what separates them; a one-word key is one of its words;
    a longer key is looked for only where its first word, separator and second word
    stand, and compared there part by part.
    """
    parts = _SPLIT_RE.split(plain)  # separator, word, separator, word ... separator
    runs = set(parts[1::2])
    shapes: dict[str, tuple[list[str], str]] = {}
    singles: set[str] = set()
    firsts: set[tuple[str, str, str]] = set()
    for key in keys:
        pieces = _SPLIT_RE.split(key)
        if len(pieces) < 3 or pieces[0]:
            continue  # no word, or not opening with one: searched for below
        body, tail = pieces[1:-1], pieces[-1]
        shapes[key] = (body, tail)
        if len(body) == 1:
            singles.add(body[0])
        else:
            firsts.add((body[0], body[1], body[2]))
    first_words = {w for w, _, _ in firsts}
    at_word: dict[str, list[int]] = {w: [] for w in singles}
    at_step: dict[tuple[str, str, str], list[int]] = {t: [] for t in firsts}
    last = len(parts) - 1
    for i in range(1, last, 2):
        word = parts[i]
        if word in singles:
            at_word[word].append(i)
        if word in first_words and i + 2 < last:
            step = (word, parts[i + 1], parts[i + 2])
            if step in at_step:
                at_step[step].append(i)
    found: list[str] = []
    for key in keys:
        shape = shapes.get(key)
        if shape is None:
            present = _whole(plain, key)
        else:
            body, tail = shape
            if len(body) == 1 and not tail:
                present = key in runs
            else:
                starts = (
                    at_word[body[0]] if len(body) == 1 else at_step[(body[0], body[1], body[2])]
                )
                present = any(_fits(parts, i, body, tail) for i in starts)
        if present:
            found.append(key)
    return found


def _fits(parts: list[str], i: int, body: list[str], tail: str) -> bool:
    """Whether ``body`` (word, separator ... word) and then ``tail`` stand at ``parts[i]``,
    with no word character right after them."""
    end = i + len(body)
    if parts[i:end] != body:
        return False
    after = parts[end]  # the separator after the key's last word
    if not after.startswith(tail):
        return False
    return len(after) > len(tail) or not tail or end == len(parts) - 1


_SPLIT_RE = re.compile(r"(\w+)")


def _word_at(text: str, at: int) -> bool:
    return 0 <= at < len(text) and _RUN_RE.match(text[at]) is not None


def _whole(plain: str, key: str) -> bool:
    """``re.search(r"(?<!\\w)" + re.escape(key) + r"(?!\\w)", plain)``, by str.find: a
    pattern that opens with a look-behind is tried at every character, which is slow."""
    at = plain.find(key)
    while at >= 0:
        if not _word_at(plain, at - 1) and not _word_at(plain, at + len(key)):
            return True
        at = plain.find(key, at + 1)
    return False


def _verbs(verbs: list[str]) -> str:
    return "; ".join(dict.fromkeys(verbs))


def entity_table(records: Sequence[EntityRecord]) -> pd.DataFrame:
    """The DataFrame of :func:`entity_records`' rows, with its column types."""
    import pandas as pd

    frame = pd.DataFrame.from_records(list(records), columns=ENTITY_COLUMNS)
    for column in ("entity", "kind", "status", "old_commitments", "new_commitments",
                   "commitment_changes"):  # fmt: skip
        frame[column] = frame[column].astype("string")
    frame["treatment_changed"] = frame["treatment_changed"].astype("bool")
    return frame


def entity_records(old: Declaration, new: Declaration, pairs: Sequence[Pair]) -> list[EntityRecord]:
    """One row per named entity of either text (see :meth:`Comparison.entities`), as
    plain dicts: the console uses them without pandas."""
    entries: dict[str, _Entry] = {}
    lower = _lower_words(old, new)
    seen: dict[str, list[tuple[str, str, str]]] = {}
    for side, declaration in (("old", old), ("new", new)):
        for index, key, text, kind in _mentions(declaration, lower, seen):
            entry = entries.get(key)
            if entry is None:
                entry = entries[key] = _Entry(text, kind)
            if side == "new":
                entry.text = entry.text if entry.new else text  # the new wording names it
            where = entry.old if side == "old" else entry.new
            if index not in where:
                where.append(index)
    # A phrase either text also writes in lower case ("member states", "agreement") is a
    # common noun that a sentence or a style capitalised, not a name.
    plain = "\n".join(p.text for d in (old, new) for p in d.paragraphs)
    candidates = [k for k in entries if (k.isalpha() or " " in k) and k == k.lower()]
    for key in lowercase_in(candidates, plain):
        del entries[key]
    for a, b, change in pairs:
        keys: set[str] = set()
        for commitment, verbs in ((a, "old_verbs"), (b, "new_verbs")):
            if commitment is None:
                continue
            for entity in commitment.entities:
                key = entity_key(_POSSESSIVE_RE.sub("", entity.text))
                if key in entries:
                    keys.add(key)
                    getattr(entries[key], verbs).append(commitment.predicate)
        for key in keys:
            if change in _CHANGES:
                entries[key].changes[change] += 1
    records: list[EntityRecord] = []
    for entry in entries.values():
        status = "in both" if entry.old and entry.new else ("new" if entry.new else "dropped")
        changes = ", ".join(f"{entry.changes[c]} {c.replace('_', ' ')}" for c in _CHANGES
                            if entry.changes[c])  # fmt: skip
        records.append(
            EntityRecord(
                entity=entry.text,
                kind=entry.kind,
                status=status,
                old_paragraphs=tuple(entry.old),
                new_paragraphs=tuple(entry.new),
                old_commitments=_verbs(entry.old_verbs),
                new_commitments=_verbs(entry.new_verbs),
                commitment_changes=changes,
                treatment_changed=status != "in both"
                or any(entry.changes[c] for c in _CHANGES if c != "changed_object"),
            )
        )
    return records


def about_frame(
    old: Declaration,
    new: Declaration,
    links: Sequence[tuple[str, int | None, int | None, int]],
    pairs: Sequence[tuple[int, Pair]],
    name: str,
) -> pd.DataFrame:
    """The rows of a comparison that mention ``name``; see :meth:`Comparison.about`.

    ``links`` are (kind, old index, new index, group); ``pairs`` (group, pair).
    """
    import pandas as pd

    words = name.split()
    if not words:
        from declcompare.errors import InputError

        raise InputError("say which name to look for: the text given to 'about' is empty")
    pattern = re.compile(
        r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)", re.IGNORECASE
    )
    by_group: dict[int, list[Pair]] = {}
    for group, pair in pairs:
        by_group.setdefault(group, []).append(pair)
    records = []
    for kind, i, j, group in links:
        old_text = old.paragraphs[i].text if i is not None else ""
        new_text = new.paragraphs[j].text if j is not None else ""
        if not (pattern.search(old_text) or pattern.search(new_text)):
            continue
        moves = []
        for a, b, change in by_group.get(group, []):
            if (a is None or not pattern.search(a.object)) and (
                b is None or not pattern.search(b.object)
            ):
                continue
            if change == "restated":
                continue
            before = a.predicate if a is not None else "—"
            after = b.predicate if b is not None else "—"
            if change == "changed_object":
                moves.append(f"{after}: same verb, another object")
            else:
                moves.append(f"{change.replace('_', ' ')}: {before} → {after}")
        records.append(
            {
                "kind": kind,
                "old_index": i,
                "new_index": j,
                "old_text": old_text,
                "new_text": new_text,
                "commitments": "; ".join(moves),
            }
        )
    frame = pd.DataFrame.from_records(records, columns=ABOUT_COLUMNS)
    for column in ("old_index", "new_index"):
        frame[column] = frame[column].astype("Int64")
    for column in ("kind", "old_text", "new_text", "commitments"):
        frame[column] = frame[column].astype("string")
    return frame
