"""What every report shares: labels, the ranking of changes, compact redlines, writing files."""

from __future__ import annotations

import os
import secrets
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from declcompare.errors import OutputError, OutputExistsError
from declcompare.report.options import BriefingOptions
from declcompare.text.diff import Op, Segment

if TYPE_CHECKING:
    from declcompare.compare import CommitmentPair, Comparison, Link
    from declcompare.model import Declaration

__all__ = [
    "GENERATED_NOTICE",
    "SHIFTS",
    "Headline",
    "Item",
    "compact",
    "describe",
    "headline",
    "is_generated",
    "items",
    "position",
    "shift_rows",
    "write_bytes",
]

GENERATED_NOTICE = (
    "GENERATED TEXT: at least one side of this comparison was produced by declcompare's "
    "revision generator. It is not a real declaration."
)
SHIFTS = ("weakened", "strengthened", "changed_stance")


def is_generated(declaration: Declaration) -> bool:
    """True when a declaration is labelled as generated text."""
    return declaration.metadata.get("generated") == "true"


def describe(declaration: Declaration) -> str:
    """Title and label (date, place or symbol) of a declaration, for headers.

    >>> from declcompare import Declaration
    >>> import datetime as dt
    >>> describe(Declaration.from_paragraphs(["We agree."], date=dt.date(2023, 5, 20),
    ...                                      place="Hiroshima"))
    '2023-05-20 Hiroshima'
    """
    path = declaration.source.path
    label = declaration.label
    parts = [label]
    if declaration.title is not None and declaration.title != label:
        parts = [declaration.title, f"({label})"]
    if path and Path(path).stem != label:
        parts.append(f"[{Path(path).name}]")
    return " ".join(parts)


def position(declaration: Declaration, index: int | None) -> str:
    """Where a paragraph stands: its 1-based position and printed label, e.g. '¶14 (OP5)'."""
    if index is None:
        return "—"
    printed = declaration.printed_label(index)
    label = f"¶{index + 1}"
    return f"{label} ({printed})" if printed else label


@dataclass(frozen=True)
class Item:
    """One row of a report: a link with what the readers of a briefing need about it."""

    number: int  # 1-based row number in reading order
    link: Link
    section: str
    old_position: str
    new_position: str
    shifts: int  # commitment shifts (weakened, strengthened, changed stance) in the row
    commitment_changes: int  # any commitment change other than restated
    meaning_change: float  # ranking key; see items()


def items(comparison: Comparison, options: BriefingOptions | None = None) -> list[Item]:
    """The rows of a comparison with their ranking key.

    ``meaning_change`` ranks reworded paragraphs by how much their meaning moved,
    not by how many characters changed: one minus the link's similarity (which
    weighs informative words, not formulae or spelling), plus
    ``options.shift_weight`` (0.25) for each commitment of the paragraph that was
    strengthened, weakened or changed stance, plus ``options.change_weight`` (0.1)
    for each commitment that was added, dropped or given another object.
    """
    options = options or BriefingOptions()
    shift_by_group: Counter[int] = Counter()
    other_by_group: Counter[int] = Counter()
    for pair in comparison.commitment_changes():
        if pair.change.value in SHIFTS:
            shift_by_group[pair.link.group] += 1
        elif pair.change.value not in ("restated", "routine"):
            other_by_group[pair.link.group] += 1
    out: list[Item] = []
    for number, link in enumerate(comparison.links, start=1):
        n = comparison.new.paragraphs[link.new_index] if link.new_index is not None else None
        o = comparison.old.paragraphs[link.old_index] if link.old_index is not None else None
        section = (n.section if n else None) or (o.section if o else None) or "(opening part)"
        shifts = shift_by_group[link.group]
        others = other_by_group[link.group]
        out.append(
            Item(
                number=number,
                link=link,
                section=section,
                old_position=position(comparison.old, link.old_index),
                new_position=position(comparison.new, link.new_index),
                shifts=shifts,
                commitment_changes=shifts + others,
                meaning_change=round(
                    (1.0 - link.similarity)
                    + options.shift_weight * shifts
                    + options.change_weight * others,
                    6,
                ),
            )
        )
    return out


@dataclass(frozen=True)
class Headline:
    """The counts on the first line of a report."""

    paragraphs: dict[str, int]  # by link kind, plus "moved"
    commitments: dict[str, int]  # by change, sorted by name

    def flat(self) -> dict[str, int]:
        """One mapping, "paragraphs reworded" and "commitments weakened" style keys."""
        counts = {f"paragraphs {k}": v for k, v in self.paragraphs.items()}
        counts.update({f"commitments {k}": v for k, v in self.commitments.items()})
        return counts


def headline(comparison: Comparison) -> Headline:
    """Paragraphs by kind and commitments by change, for the first line of a report."""
    total = comparison.counts_by_section()["(total)"]  # plain counts, no pandas
    changes: Counter[str] = Counter(p.change.value for p in comparison.commitment_changes())
    return Headline(
        paragraphs={str(k): int(v) for k, v in total.items()},
        commitments=dict(sorted(changes.items())),
    )


def shift_rows(comparison: Comparison) -> list[CommitmentPair]:
    """Commitment changes that carry a position (not restated, not routine), in reading order."""
    return [
        row
        for row in comparison.commitment_changes()
        if row.change.value not in ("restated", "routine")
    ]


def compact(segments: tuple[Segment, ...], context: int = 8) -> list[tuple[Op, str]]:
    """A redline with long unchanged stretches cut to ``context`` words either side.

    >>> from declcompare.text.diff import redline
    >>> old = "one two three four five six seven eight nine ten eleven twelve."
    >>> [text for _, text in compact(redline(old, old.replace("six", "6")), context=1)]
    ['… five ', 'six ', '6 ', 'seven eight …']
    """
    out: list[tuple[Op, str]] = []
    last = len(segments) - 1
    for k, seg in enumerate(segments):
        words = seg.text.split(" ")
        if seg.op is not Op.EQUAL or last == 0 or len(words) <= 2 * context + 2:
            out.append((seg.op, seg.text))
        elif k == 0:
            out.append((seg.op, "… " + " ".join(words[-(context + 1) :])))
        elif k == last:
            out.append((seg.op, " ".join(words[: context + 1]) + " …"))
        else:
            head = " ".join(words[: context + 1])
            tail = " ".join(words[-(context + 1) :])
            out.append((seg.op, f"{head} … {tail}"))
    return out


def _private_partial(target: Path) -> tuple[int, Path]:
    """A new file of our own next to ``target``: never an existing file, never a symlink.

    ``O_EXCL`` makes the open fail on any existing name (a symlink included), so a
    ``.<name>.partial`` a user or attacker left there is neither followed nor touched.
    Unlike :func:`tempfile.mkstemp` the mode is 0o666 less the umask, as for any file
    the user writes, instead of 0o600.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    flags |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        partial = target.with_name(f".{target.name}.{secrets.token_hex(6)}.partial")
        try:
            return os.open(partial, flags, 0o666), partial
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name next to {str(target)!r}")


def write_bytes(
    data: bytes, path: str | os.PathLike[str], *, force: bool = False, what: str = "report"
) -> Path:
    """Write a report atomically; refuse to overwrite unless ``force``.

    The bytes go to a private temporary file in the target's folder, which then
    takes the target's name in one step: a reader sees the old file or the new one,
    never half of one. A symlink is never followed: with ``force`` a symlink at the
    target is replaced by the report (the file it points to is left alone); without
    ``force`` even a dangling symlink counts as an existing file. Without ``force``
    the final step is a hard link, which fails if the name appeared meanwhile.
    """
    target = Path(path)
    if target.is_dir() and not target.is_symlink():
        raise OutputError(f"{str(target)!r} is a folder; give a file name for the {what}")
    if os.path.lexists(target) and not force:
        raise OutputExistsError(
            f"{str(target)!r} already exists; choose another path or pass --force to overwrite it"
        )
    if not target.parent.is_dir():
        raise OutputError(f"cannot write {str(target)!r}: the folder {str(target.parent)!r} "
                          "does not exist")  # fmt: skip
    partial: Path | None = None
    try:
        fd, partial = _private_partial(target)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            os.replace(partial, target)
        else:
            _link_without_overwrite(partial, target)
    except FileExistsError as exc:
        raise OutputExistsError(
            f"{str(target)!r} already exists (it appeared while the {what} was written); "
            "choose another path or pass --force to overwrite it"
        ) from exc
    except OSError as exc:
        raise OutputError(f"cannot write {str(target)!r}: {exc.strerror or exc}") from exc
    finally:
        if partial is not None and os.path.lexists(partial):
            partial.unlink()
    return target


def _link_without_overwrite(partial: Path, target: Path) -> None:
    """Give ``partial`` the name ``target`` unless that name exists (atomically where we can)."""
    try:
        os.link(partial, target)
    except FileExistsError:
        raise
    except OSError:
        # No hard links on this file system (FAT, some network shares): check, then rename.
        if os.path.lexists(target):
            raise FileExistsError(target) from None
        os.replace(partial, target)
