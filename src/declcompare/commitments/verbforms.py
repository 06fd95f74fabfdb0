"""Verb lemmas and inflections as lemminflect gives them, without loading its dictionaries.

lemminflect reads two large tables at first use (every English word's lemmas and
every lemma's inflections, about a third of a second together), and declcompare needs
only verbs from them. ``data/verb_forms.json.gz`` holds lemminflect's own answers for
every verb it knows and for every head verb of the stance lexicon, written by
:func:`write_table` from the installed lemminflect (``python -c "from
declcompare.commitments.verbforms import write_table; write_table()"`` regenerates it;
a test fails when it is stale). A
word the table lacks goes to lemminflect's rules for unknown words, exactly as
``getLemma`` would send it; if the installed lemminflect is not the version that
wrote the table, every question goes to lemminflect itself. Either way the answers
are lemminflect's.
"""

from __future__ import annotations

import gzip
import json
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

__all__ = [
    "build_table",
    "is_known_verb",
    "lexicon_heads",
    "verb_inflections",
    "verb_lemmas",
    "write_table",
]

_FILE = "data/verb_forms.json.gz"


@dataclass(frozen=True)
class _Table:
    lemmas: dict[str, tuple[str, ...]]
    inflections: dict[str, dict[str, tuple[str, ...]]]


def _lemminflect_version() -> str:
    import lemminflect

    return str(lemminflect.__version__)


@lru_cache(maxsize=1)
def _table() -> _Table | None:
    raw = resources.files("declcompare").joinpath(_FILE).read_bytes()
    data = json.loads(gzip.decompress(raw))
    if data["lemminflect"] != _lemminflect_version():
        return None
    return _Table(
        lemmas={word: tuple(lemmas) for word, lemmas in data["lemmas"].items()},
        inflections={
            head: {tag: tuple(forms) for tag, forms in table.items()}
            for head, table in data["inflections"].items()
        },
    )


@lru_cache(maxsize=16384)
def verb_lemmas(word: str) -> tuple[str, ...]:
    """``lemminflect.getLemma(word, upos="VERB")``: the verb's lemmas, or ``()``."""
    table = _table()
    if table is None or word != word.lower():
        from lemminflect import getLemma

        return tuple(getLemma(word, upos="VERB"))
    found = table.lemmas.get(word)
    if found is not None:
        return found
    # Not in lemminflect's dictionary: getLemma would use its rules for unknown words.
    from lemminflect import getAllLemmasOOV

    return tuple(getAllLemmasOOV(word, upos="VERB").get("VERB", ()))


@lru_cache(maxsize=16384)
def is_known_verb(word: str) -> bool:
    """Whether lemminflect's dictionary knows ``word`` (lower case) as a verb form
    ("apply", "comply", "rallied"), not only by its rules for unknown words; a British
    spelling counts as its American one ("operationalise")."""
    from declcompare.text.normalize import american_spelling

    table = _table()
    spellings = {word, american_spelling(word)}
    if table is None:
        from lemminflect import getAllLemmas

        return any("VERB" in getAllLemmas(w) for w in spellings)
    return any(w in table.lemmas for w in spellings)


def verb_inflections(head: str) -> dict[str, tuple[str, ...]]:
    """lemminflect's inflections of a verb (Penn tag -> forms), its rules if unlisted."""
    table = _table()
    if table is not None and head in table.inflections:
        return dict(table.inflections[head])
    return _inflections_from_lemminflect(head)


def _inflections_from_lemminflect(head: str) -> dict[str, tuple[str, ...]]:
    from lemminflect import getAllInflections, getAllInflectionsOOV

    found = getAllInflections(head, upos="VERB") or getAllInflectionsOOV(head, upos="VERB")
    return {tag: tuple(forms) for tag, forms in found.items()}


def lexicon_heads() -> list[str]:
    """The head verb (first word) of every phrase of the stance lexicon, sorted."""
    data = tomllib.loads(
        resources.files("declcompare").joinpath("data/stance_lexicon.toml").read_text("utf-8")
    )
    phrases = [entry["phrase"] for entry in data["modal"]]
    phrases += [text for entry in data["verb"] for text in entry["phrases"]]
    return sorted({p.split()[0] for p in phrases} - {"be"})


def build_table() -> dict[str, object]:
    """The table's content, asked of the installed lemminflect."""
    from lemminflect import getLemma
    from lemminflect.core.Lemmatizer import Lemmatizer

    lemmatizer = Lemmatizer()
    known = {
        word
        for source in (lemmatizer._getLemmaDict(), lemmatizer._getOverridesDict())
        for word, entry in source.items()
        if "VERB" in entry and word == word.lower()
    }
    lemmas: dict[str, list[str]] = {}
    for word in sorted(known):
        found = getLemma(word, upos="VERB", lemmatize_oov=False)
        if found:
            lemmas[word] = list(found)
    inflections = {
        head: {
            tag: list(forms) for tag, forms in sorted(_inflections_from_lemminflect(head).items())
        }
        for head in lexicon_heads()
    }
    return {"lemminflect": _lemminflect_version(), "lemmas": lemmas, "inflections": inflections}


def write_table(path: Path | None = None) -> Path:
    """Write the table (by default into the package's data folder)."""
    target = path or Path(__file__).resolve().parent.parent / _FILE
    text = json.dumps(build_table(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    target.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    return target
