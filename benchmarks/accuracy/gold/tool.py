"""List the paragraphs a labeller works on, and check a gold file.

    python -m benchmarks.accuracy.gold.tool list PATH        # index, hash, text of each paragraph
    python -m benchmarks.accuracy.gold.tool check GOLD.toml  # indices in range, hashes current

PATH is a file under ../shared/corpus (or relative to it), or ``seed`` for the bundled
Moscow Declaration. The listing is the parser's output only: no alignment or commitment
output is shown, so a labeller can read both texts without seeing what any tool thinks.
Gold files hold indices and a short hash of each paragraph, never the text itself.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import declcompare
from declcompare.model import Declaration

REPO = Path(__file__).resolve().parents[3]
CORPUS = REPO.parent / "shared" / "corpus"
HASH_CHARS = 10
LINK_KINDS = frozenset({"same", "reworded", "split", "merged"})
SHIFT_KINDS = frozenset({"strengthened", "weakened", "changed_stance"})


def paragraph_hash(text: str) -> str:
    """A short SHA-256 of a paragraph's text as parsed: detects a parser change."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:HASH_CHARS]


def load_text(name: str) -> Declaration:
    """The seed for ``seed``, else a file of the shared corpus."""
    if name == "seed":
        return declcompare.load_seed()
    path = Path(name)
    if not path.is_absolute() and not path.exists():
        path = CORPUS / name
    return declcompare.load(path)


@dataclass(frozen=True)
class Gold:
    """One labelled pair, as read from its TOML file."""

    id: str
    old: str
    new: str
    old_hashes: tuple[str, ...]
    new_hashes: tuple[str, ...]
    links: frozenset[tuple[int, int]]
    link_kinds: dict[tuple[int, int], str] = field(hash=False)
    uncertain: frozenset[tuple[int, int]]
    shifts: tuple[dict[str, object], ...]


def read_gold(path: Path) -> Gold:
    """Parse a gold file; raise ValueError naming the entry at fault."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    links: dict[tuple[int, int], str] = {}
    for n, entry in enumerate(data.get("link", [])):
        pair = (int(entry["old"]), int(entry["new"]))
        kind = str(entry.get("kind", "reworded"))
        if kind not in LINK_KINDS:
            raise ValueError(f"{path.name}: link {n} has kind {kind!r}, not one of {LINK_KINDS}")
        if pair in links:
            raise ValueError(f"{path.name}: link {pair} is listed twice")
        links[pair] = kind
    uncertain = frozenset((int(e["old"]), int(e["new"])) for e in data.get("uncertain", []))
    if uncertain & links.keys():
        raise ValueError(f"{path.name}: {sorted(uncertain & links.keys())} both link and uncertain")
    shifts = tuple(dict(e) for e in data.get("shift", []))
    for n, shift in enumerate(shifts):
        if shift.get("kind") not in SHIFT_KINDS:
            raise ValueError(f"{path.name}: shift {n} has kind {shift.get('kind')!r}")
    return Gold(
        id=str(data["id"]),
        old=str(data["old"]),
        new=str(data["new"]),
        old_hashes=tuple(data["old_hashes"]),
        new_hashes=tuple(data["new_hashes"]),
        links=frozenset(links),
        link_kinds=links,
        uncertain=uncertain,
        shifts=shifts,
    )


def check_commitments(path: Path) -> list[str]:
    """Problems with a commitments file: each paragraph's index in range, hash current."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    problems: list[str] = []
    parsed: dict[str, tuple[str, ...]] = {}
    for n, entry in enumerate(data.get("paragraph", [])):
        name, index = str(entry["text"]), int(entry["index"])
        if name not in parsed:
            parsed[name] = tuple(paragraph_hash(p.text) for p in load_text(name).paragraphs)
        hashes = parsed[name]
        if not 0 <= index < len(hashes):
            problems.append(f"paragraph {n} ({name} #{index}) is out of range ({len(hashes)})")
        elif hashes[index] != str(entry["hash"]):
            problems.append(f"paragraph {n} ({name} #{index}): hash differs")
    return problems


def check(path: Path) -> list[str]:
    """Problems with a gold file against the texts as parsed now (empty when sound)."""
    if "paragraph" in tomllib.loads(path.read_text(encoding="utf-8")):
        return check_commitments(path)
    gold = read_gold(path)
    problems: list[str] = []
    for side, name, hashes in (
        ("old", gold.old, gold.old_hashes),
        ("new", gold.new, gold.new_hashes),
    ):
        current = tuple(paragraph_hash(p.text) for p in load_text(name).paragraphs)
        if current != hashes:
            changed = [i for i, (a, b) in enumerate(zip(current, hashes, strict=False)) if a != b]
            problems.append(
                f"{side} text {name}: {len(hashes)} paragraphs labelled, {len(current)} parsed; "
                f"hash differs at {changed[:10]}"
            )
    n_old, n_new = len(gold.old_hashes), len(gold.new_hashes)
    for o, n in sorted(gold.links | gold.uncertain):
        if not (0 <= o < n_old and 0 <= n < n_new):
            problems.append(f"pair ({o}, {n}) is out of range ({n_old} old, {n_new} new)")
    for k, shift in enumerate(gold.shifts):
        o, n = int(str(shift["old"])), int(str(shift["new"]))
        if not (0 <= o < n_old and 0 <= n < n_new):
            problems.append(f"shift {k} ({o}, {n}) is out of range")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    listing = sub.add_parser("list", help="index, hash and text of every paragraph")
    listing.add_argument("path")
    listing.add_argument("--hashes", action="store_true", help="print a TOML array of the hashes")
    checking = sub.add_parser("check", help="check gold files")
    checking.add_argument("gold", nargs="+", type=Path)
    args = parser.parse_args(argv)
    if args.command == "list":
        declaration = load_text(args.path)
        if args.hashes:
            print(
                "[" + ", ".join(f'"{paragraph_hash(p.text)}"' for p in declaration.paragraphs) + "]"
            )
            return 0
        for p in declaration.paragraphs:
            section = f" [{p.section}]" if p.section else ""
            print(f"#{p.index} {paragraph_hash(p.text)}{section}\n{p.text}\n")
        return 0
    failed = False
    for path in args.gold:
        problems = check(path)
        failed |= bool(problems)
        print(f"{path}: {'ok' if not problems else '; '.join(problems)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())


SAMPLE_SEED = 20261202
GENRES: dict[str, tuple[str, ...]] = {
    "sco-declaration": (
        "seed",
        "sco-and-peers/sco-heads-of-state-declaration/2019-06-14_bishkek.txt",
        "sco-and-peers/sco-heads-of-state-declaration/2022-09-16_samarkand.txt",
        "sco-and-peers/sco-heads-of-state-declaration/2023-07-04_new-delhi.txt",
    ),
    "sco-communique": tuple(
        f"sco-and-peers/sco-heads-of-government-communique/{name}.txt"
        for name in (
            "2018-10-12_dushanbe",
            "2021-11-25_nur-sultan-virtual",
            "2022-11-01_beijing-virtual",
            "2023-10-26_bishkek",
        )
    ),
    "leaders-statement": tuple(
        f"multilateral-statements/{name}.txt"
        for name in (
            "quad-leaders-joint-statement/2022-05-24_tokyo",
            "g7-summit-communique/2023-05-20_hiroshima",
            "us-eu-ttc-joint-statement/2023-05-31_lulea",
            "us-eu-summit-statement/2023-10-20_washington",
            "japan-rok-us-trilateral/2023-08-18_camp-david",
            "mef-chairs-summary/2022-06-18_virtual",
        )
    ),
}


def un_pairs(n: int = 4, seed: int = SAMPLE_SEED) -> list[tuple[str, str]]:
    """``n`` consecutive UN resolution pairs whose texts differ, drawn with a fixed seed."""
    import random

    pairs: list[tuple[str, str]] = []
    for series in sorted((CORPUS / "unga-resolutions-78-80").iterdir()):
        if not series.is_dir() or series.name.startswith("_"):
            continue
        files = sorted(series.glob("*.txt"))
        for a, b in itertools.pairwise(files):
            if a.read_bytes() != b.read_bytes():
                pairs.append((str(a.relative_to(CORPUS)), str(b.relative_to(CORPUS))))
    return sorted(random.Random(seed).sample(pairs, n))


def genre_sample(per_genre: int = 30, seed: int = SAMPLE_SEED) -> dict[str, list[tuple[str, int]]]:
    """Paragraphs drawn with a fixed seed per genre, for checking the main commitment."""
    import random

    rng = random.Random(seed)
    sample: dict[str, list[tuple[str, int]]] = {}
    for genre, names in GENRES.items():
        pool = [(name, p.index) for name in names for p in load_text(name).paragraphs]
        sample[genre] = sorted(rng.sample(pool, per_genre))
    un_pool: list[tuple[str, int]] = []
    for old, new in un_pairs(seed=seed):
        for name in (old, new):
            un_pool += [(name, p.index) for p in load_text(name).paragraphs]
    sample["un-resolution"] = sorted(rng.sample(sorted(set(un_pool)), per_genre))
    return sample
