"""Speed of commitment extraction, and the sentence splitter against pysbd.

Run:  python -m benchmarks.perf.commitments          (prints JSON; writes nothing)
      python -m benchmarks.perf.commitments --write  (also commitments.json here)

Measures, in one process:

- ``seed_extraction_ms``: ``declaration_commitments`` of the bundled seed with the
  extraction caches emptied (the lexicon and scales are loaded once per process and
  timed separately as ``lexicon_load_ms``); median of 7 runs. Target: <= 150 ms.
- ``seed_reextraction_ms``: the same text read again as a new, equal declaration
  (the content-keyed cache answers).
- the sentence splitter (``text.sentences``) beside pysbd, the splitter it replaced,
  on the seed, four UN resolutions and four SCO texts: time per text set and the
  agreement of sentence ends after the same repairs (ends both find / ends
  either finds), with the first
  disagreements listed so that a reader can judge which splitter is right.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import declcompare
from declcompare.model import Declaration

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[1].parent / "shared" / "corpus"
TARGET_MS = 150.0


def _texts() -> dict[str, list[Declaration]]:
    sets: dict[str, list[Declaration]] = {"seed": [declcompare.load_seed()]}
    if CORPUS.is_dir():
        un = sorted((CORPUS / "unga-resolutions-78-80").glob("*/*.txt"))[:200:50]
        sco = sorted((CORPUS / "sco-and-peers").glob("sco-heads-of-*/*.txt"))[:8:2]
        sets["un"] = [declcompare.load(p) for p in un]
        sets["sco"] = [declcompare.load(p) for p in sco]
    return sets


def _clear_caches() -> None:
    from declcompare.commitments import extraction

    extraction.clear_cache()


def extraction_speed() -> dict[str, float]:
    from declcompare.commitments import declaration_commitments
    from declcompare.commitments.classification import scales
    from declcompare.commitments.lexicon import lexicon

    started = time.perf_counter()
    lexicon()
    scales()
    load_ms = (time.perf_counter() - started) * 1000
    seed = declcompare.load_seed()
    declaration_commitments(seed)  # imports and one-off tables
    runs: list[float] = []
    for _ in range(7):
        _clear_caches()
        started = time.perf_counter()
        declaration_commitments(seed)
        runs.append((time.perf_counter() - started) * 1000)
    again = declcompare.load_seed()
    started = time.perf_counter()
    declaration_commitments(again)
    warm_ms = (time.perf_counter() - started) * 1000
    median = statistics.median(runs)
    return {
        "lexicon_load_ms": round(load_ms, 1),
        "seed_extraction_ms": round(median, 1),
        "seed_extraction_runs_ms": [round(r, 1) for r in runs],  # type: ignore[dict-item]
        "seed_reextraction_ms": round(warm_ms, 2),
        "target_ms": TARGET_MS,
        "target_met": median <= TARGET_MS,
    }


def pysbd_bounds(text: str) -> list[int]:
    """The ends pysbd finds (the splitter declcompare used before), located in ``text``."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)  # pysbd's own invalid escapes
        import pysbd

    bounds: list[int] = []
    cursor = 0
    for piece in pysbd.Segmenter(language="en", clean=False, char_span=True).segment(text):
        at = text.find(piece.sent, cursor) if piece.sent else -1
        if at < 0:
            continue
        end = at + len(piece.sent)
        if end > cursor:
            bounds.append(end)
            cursor = end
    return bounds


def splitter_comparison() -> dict[str, object]:
    from declcompare.text.sentences import repaired, split_sentences

    out: dict[str, object] = {}
    for name, docs in _texts().items():
        texts = [p.text for d in docs for p in d.paragraphs]
        started = time.perf_counter()
        ours = [{b for _, b in split_sentences(t)} | {len(t)} for t in texts]
        ours_s = time.perf_counter() - started
        started = time.perf_counter()
        theirs = [{b for _, b in repaired(t, pysbd_bounds(t))} | {len(t)} for t in texts]
        pysbd_s = time.perf_counter() - started
        both = sum(len(a & b) for a, b in zip(ours, theirs, strict=True))
        either = sum(len(a | b) for a, b in zip(ours, theirs, strict=True))
        differ: list[str] = []
        for t, a, b in zip(texts, ours, theirs, strict=True):
            for end in sorted(a ^ b):
                if len(differ) < 8:
                    who = "only ours" if end in a else "only pysbd"
                    differ.append(f"{who}: …{t[max(0, end - 40) : end]}|{t[end : end + 25]}…")
        out[name] = {
            "paragraphs": len(texts),
            "ours_ms": round(ours_s * 1000, 1),
            "pysbd_ms": round(pysbd_s * 1000, 1),
            "ends_agreement": round(both / either, 4) if either else 1.0,
            "ends_only_ours": sum(len(a - b) for a, b in zip(ours, theirs, strict=True)),
            "ends_only_pysbd": sum(len(b - a) for a, b in zip(ours, theirs, strict=True)),
            "first_disagreements": differ,
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="write commitments.json")
    args = parser.parse_args(argv)
    results = {"extraction": extraction_speed(), "splitter": splitter_comparison()}
    text = json.dumps(results, indent=2, ensure_ascii=False)
    print(text)
    if args.write:
        (HERE / "commitments.json").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
