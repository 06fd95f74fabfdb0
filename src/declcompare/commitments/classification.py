"""What became of a commitment: the strength scales and the kinds of change.

The scales and restatement groups are data (``data/strength_scale.toml``, with
their sources). A change of verb is a shift in strength only along a scale
("welcome" -> "take note of" weakened; "requests" -> "decides" strengthened);
the same verb shifts by an intensifier or a modal ("support" -> "firmly
support", "will" -> "intend to"). Verbs on no common scale are another stance;
verbs on one step or in one restatement group ("affirms" -> "reaffirms",
"point out" -> "draw attention to"; a view stated with another translator's verb,
"emphasise that" -> "note that") restate the position. A request answered in
the new text ("Requests a report" -> "Notes the report") is ``fulfilled``. When
only dates, session numbers, symbols, footnote markers, spelling, hyphens or
capitals differ, the change is ``routine``: it carries no position.

>>> from declcompare import Declaration
>>> from declcompare.commitments import declaration_commitments
>>> def first(text: str):
...     return declaration_commitments(Declaration.from_paragraphs([text]))[0]
>>> classify_change(first("They affirm the plan."), first("They reaffirm the plan.")).value
'restated'
>>> classify_change(first("They request a report."), first("They note the report.")).value
'fulfilled'
>>> classify_change(first("They welcome the plan."), first("They take note of the plan.")).value
'weakened'
>>> classify_change(first("They welcome the 2023 plan."), first("They welcome the 2024 plan."))
<CommitmentChange.ROUTINE: 'routine'>
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from declcompare.commitments.lexicon import Stance, lexicon
from declcompare.commitments.model import Commitment, CommitmentChange

__all__ = [
    "Scales",
    "actor_group",
    "classify_change",
    "is_substantive",
    "object_key",
    "routine_key",
    "scales",
]


@dataclass(frozen=True)
class Scales:
    """The strength scales, restatement groups and fulfilment rule, as loaded."""

    steps: tuple[tuple[str, tuple[frozenset[str], ...]], ...]
    restate: tuple[frozenset[str], ...]
    requests: frozenset[str]
    receptions: frozenset[str]
    intentions: frozenset[str]
    renewed: frozenset[str]


@lru_cache(maxsize=1)
def scales() -> Scales:
    """The scales of ``data/strength_scale.toml``, loaded once per process."""
    data = tomllib.loads(
        resources.files("declcompare").joinpath("data/strength_scale.toml").read_text("utf-8")
    )

    def norm(members: list[str]) -> frozenset[str]:
        # Written as the lexicon writes phrases; compared as predicates are read.
        return frozenset(m if m.startswith("stance:") else _phrase(m) for m in members)

    return Scales(
        steps=tuple(
            (str(s["name"]), tuple(norm(step) for step in s["steps"])) for s in data["scale"]
        ),
        restate=tuple(norm(g["members"]) for g in data["restate"]),
        requests=norm(data["fulfilled"]["requests"]),
        receptions=norm(data["fulfilled"]["receptions"]),
        intentions=frozenset(data["fulfilled"]["intentions"]),
        renewed=norm(data["renewed"]["commitments"]),
    )


@lru_cache(maxsize=4096)
def _phrase(predicate: str) -> str:
    """The predicate as the lexicon writes it: modifiers out, head verb in base form."""
    lex = lexicon()
    skip = lex.neutral | lex.possessives | frozenset(lex.intensifiers) | {"to", "will", "shall"}
    words = [w for w in re.findall(r"[a-z]+", predicate.lower()) if w not in skip]
    if not words:
        return ""
    from declcompare.commitments.verbforms import verb_lemmas

    lemmas = verb_lemmas(words[0])
    head = lemmas[0] if lemmas else words[0]
    from declcompare.text.normalize import american_spelling

    return " ".join([head, *words[1:]]).replace(american_spelling("emphasise"), "emphasise")


_IMPORTANCE_RE = re.compile(r"(?:the )?(?:importance|need|significance|necessity|relevance)\b")


# "given the circumstances, ", "in this regard, ", "once again, ": a short opening
# adverbial, led by a preposition, participle or adverb (not a list item: "the
# Forum, the need for ...")
_OPENING_RE = re.compile(
    r"(?:given|in|once|again|at|under|amid|amidst|with|for|among|inter|considering|"
    r"notably|particularly|especially|also|moreover|further|furthermore|therefore|thus|"
    r"accordingly|above|first|finally|today|now|here|there)\b(?: [\w'’-]+){0,4}, "
)


def _importance(c: Commitment) -> bool:
    """The object is "the importance / need of ...", after any short opening
    adverbial set off by a comma ("pointed out, given the circumstances, the need")."""
    text = c.object.lower()
    opening = _OPENING_RE.match(text)
    if opening is not None:
        text = text[opening.end() :]
    return bool(_IMPORTANCE_RE.match(text))


def _stressing(c: Commitment) -> bool:
    """ "note the importance of ...": an emphasis, not a reception (unless the other
    text also speaks of the importance: then only the verb changed)."""
    return c.stance is Stance.NOTE and _importance(c)


_VIEWS = frozenset({Stance.EMPHASISE, Stance.BELIEVE, Stance.REAFFIRM})


def _view_restated(old: Commitment, new: Commitment) -> bool:
    """ "emphasise that ..." -> "note that ...", "underscored" -> "noted that": a
    view stated again in another translation's verb, not a move along a scale. Only
    noting *that* something is so counts: noting a document is a reception."""

    def noting_that(c: Commitment) -> bool:
        return c.stance is Stance.NOTE and c.object.lower().startswith("that ")

    return (noting_that(old) and new.stance in _VIEWS) or (
        noting_that(new) and old.stance in _VIEWS
    )


def _keys(c: Commitment, stressed: bool = True) -> list[str]:
    """Most specific first: the phrase and its prefixes, the lemma, the stance."""
    if stressed and _stressing(c):
        return ["emphasise", "stance:emphasise"]
    words = _phrase(c.predicate).split()
    prefixes = [" ".join(words[:n]) for n in range(len(words), 0, -1)]
    return [*prefixes, c.lemma, f"stance:{c.stance.value}"]


def _member(c: Commitment, group: frozenset[str], stressed: bool = True) -> bool:
    return any(k in group for k in _keys(c, stressed))


def _positions(c: Commitment, stressed: bool) -> dict[str, int]:
    out: dict[str, int] = {}
    keys = _keys(c, stressed)
    for name, steps in scales().steps:
        for key in keys:  # the most specific key that is on this scale decides
            hit = [n for n, step in enumerate(steps) if key in step]
            if hit:
                out[name] = hit[0]
                break
    return out


_FOOTNOTE_RE = re.compile(r"(?<=[a-z])\d{1,2}\b|(?<=[a-z][.,;)])\d{1,2}\b|\[\d{1,3}\]|[*†‡]")
_ORDINALS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    "thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
    "twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth"
)
# Numbers that only date or locate: years, days of a month, symbols (A/RES/78/1,
# 53/241, 973 (X)), ordinals (15th, seventy-eighth) and references to a numbered
# paragraph, resolution, session or meeting. Amounts, counts and shares are not
# routine: "47,413,200 dollars" -> "50,345,100 dollars" is a change of substance.
_ROUTINE_NUMBER_RE = re.compile(
    r"\b(?:paragraphs?|resolutions?|decisions?|sessions?|meetings?|annex|section|articles?)"
    r"\s+\d+(?:/\d+)*[a-z]?\b"
    r"|\b[a-z]/(?:[a-z]+/)*\d+(?:/\d+)*\b"
    r"|\b\d+(?:/\d+)+\b"
    r"|\b\d+\s*\([ivxlc]+\)"
    r"|\b\d+(?:st|nd|rd|th)\b"
    rf"|\b(?:[a-z]+-)?(?:{_ORDINALS})\b"
    r"|\b(?:19|20)\d{2}(?:\s*[-–]\s*\d{2,4})?\b"
)


def routine_key(text: str) -> str:
    """``text`` with what carries no position taken out: years and dates, symbols,
    ordinals, references to numbered paragraphs or resolutions, footnote markers,
    spelling and hyphen variants, capitals and punctuation."""
    from declcompare.commitments.entities import month_names
    from declcompare.text.normalize import match_key

    text = _FOOTNOTE_RE.sub(" ", text)
    key = match_key(text)
    months = "|".join(month_names())
    key = re.sub(rf"\b\d{{1,2}}\s+(?:{months})\b|\b(?:{months})\b", "#", key)
    key = _ROUTINE_NUMBER_RE.sub("#", key)
    key = key.replace("-", "")
    return " ".join(re.findall(r"\w+|#", key))


@lru_cache(maxsize=65536)
def object_key(text: str) -> str:
    """An object's words as compared: normalised (case, spelling, punctuation) and
    joined by single spaces. Shared by classification and pairing."""
    from declcompare.text.normalize import match_key

    return " ".join(re.findall(r"\w+", match_key(text)))


@lru_cache(maxsize=8192)
def actor_group(actor: str) -> str:
    """The document's collective voice ("we", "they", the member states ..., and a
    grouping that speaks for the authors: "the G7", "the Quad") is one group; any other
    actor is itself, named without articles or order, so that "the
    Republic of Kazakhstan, the Kyrgyz Republic and ..." and "the Republic of
    Kazakhstan, Kyrgyz Republic and ..." (another translator's list) are one actor."""
    lex = lexicon()
    if actor in lex.actor_names or actor in ("we", "they", "(not stated)", ""):
        return "(collective)"
    plain = re.sub(r"\bthe\s+", "", actor.lower()).strip(" ,;")
    if plain in lex.group_voices:  # "the G7 supports" speaks for "we"
        return "(collective)"
    codes: set[str] = set()
    for piece in re.split(r",\s*(?:and\s+)?", actor.lower().strip(" ,;")):
        whole = _state_code(piece.strip())
        if whole.isupper():  # one state, "and" in its name: "Bosnia and Herzegovina"
            codes.add(whole)
        else:
            codes.update(_state_code(n.strip()) for n in re.split(r"\s+and\s+", piece))
    return " | ".join(sorted(codes - {""}))


@lru_cache(maxsize=4096)
def _state_code(name: str) -> str:
    """A state's ISO code whatever its written form ("the Russian Federation", "Russia":
    RUS), else the name without its article."""
    plain = re.sub(r"^the\s+", "", name).replace("’", "'")
    alias = lexicon().actor_aliases.get(plain)
    if alias is not None:
        return alias
    if len(plain) <= 3:  # "the AU" is no Australia (AU): codes resolve only as aliases
        return plain
    import pycountry

    try:
        return str(pycountry.countries.lookup(plain).alpha_3)
    except LookupError:
        return plain


def _bare(key: str) -> str:
    """An object key without the "to" that one reading keeps and another folds into
    its verb ("commit | to the plan", "reiterate our commitment to | the plan")."""
    return key[3:] if key.startswith("to ") else key


def _same_object(old: Commitment, new: Commitment) -> CommitmentChange:
    if actor_group(old.actor) != actor_group(new.actor):
        return CommitmentChange.CHANGED_OBJECT  # another actor holds the position
    if old.object == new.object or _bare(object_key(old.object)) == _bare(object_key(new.object)):
        return CommitmentChange.RESTATED
    if routine_key(old.object) == routine_key(new.object):
        return CommitmentChange.ROUTINE
    return CommitmentChange.CHANGED_OBJECT


def classify_change(old: Commitment, new: Commitment) -> CommitmentChange:
    """How ``new`` restates ``old`` (see the module's description for the rules)."""
    if old.negated != new.negated:
        return CommitmentChange.WEAKENED if new.negated else CommitmentChange.STRENGTHENED
    sign = -1 if old.negated else 1
    rules = scales()
    if _member(old, rules.requests) and _member(new, rules.receptions):
        return CommitmentChange.FULFILLED
    if _carried_out(old, new):
        return CommitmentChange.FULFILLED
    # the mirror of a plan carried out, as of a request answered, is strengthened
    # (swapping the texts swaps the reading; see tests/property)
    if _carried_out(new, old) or (
        _member(new, rules.requests)
        and new.stance is Stance.INTEND
        and _member(old, rules.receptions)
    ):
        return CommitmentChange.STRENGTHENED if sign > 0 else CommitmentChange.WEAKENED
    if _view_restated(old, new):
        return _same_object(old, new)
    # The same verb in both texts ("note X" -> "note the importance of Y") keeps the
    # position: only the object's framing changed.
    stressed = old.lemma != new.lemma and (
        (_stressing(old) and not _importance(new)) or (_stressing(new) and not _importance(old))
    )
    return _classify(old, new, sign, stressed=stressed)


_ACTS = frozenset({Stance.DECIDE, Stance.UNDERTAKE, Stance.INTEND, Stance.AGREE})
_STATE_VERBS = frozenset(
    {"be", "is", "are", "was", "were", "been", "being", "remain", "remains", "remained",
     "stay", "stays", "stayed", "become", "becomes", "became"}
)  # fmt: skip


def _carried_out(old: Commitment, new: Commitment) -> bool:
    """The old text announces an act ("plan to establish", "will adopt") and the new
    one reports the same act done ("have established", "adopted"), with no word of
    intention left. Only acts: a position in the past tense ("will support" ->
    "supported", in a summit report) is still a position."""
    if old.negated or new.negated or old.lemma != new.lemma or new.stance not in _ACTS:
        return False
    intentions = scales().intentions
    old_words = re.findall(r"[a-z]+", old.predicate.lower())
    new_words = re.findall(r"[a-z]+", new.predicate.lower())
    if not old_words or not new_words or not intentions & set(old_words):
        return False
    if intentions & set(new_words) or _STATE_VERBS & set(new_words):
        return False  # "remain committed", "are determined": a state, not an act done
    from declcompare.commitments.verbforms import verb_inflections, verb_lemmas

    act, done = old_words[-1], new_words[-1]
    for lemma in set(verb_lemmas(act)) & set(verb_lemmas(done)):
        forms = verb_inflections(lemma)
        if done in (*forms.get("VBD", ()), *forms.get("VBN", ())) and done != lemma:
            return True
    return False


def _classify(old: Commitment, new: Commitment, sign: int, *, stressed: bool) -> CommitmentChange:
    """The rules after negation and fulfilment; ``stressed``: one side notes "the
    importance of" something where the other does not, which is an emphasis."""
    rules = scales()
    # The same verb with another modal ("will consider" -> "intend to consider"): the
    # resolve moved, whatever group the verb's reading belongs to.
    resolve = {old.stance, new.stance} <= {Stance.UNDERTAKE, Stance.INTEND}
    if not stressed and old.lemma == new.lemma and (old.stance == new.stance or resolve):
        if new.strength != old.strength:
            stronger = (new.strength - old.strength) * sign > 0
            return CommitmentChange.STRENGTHENED if stronger else CommitmentChange.WEAKENED
        return _same_object(old, new)
    if any(_member(old, g, stressed) and _member(new, g, stressed) for g in rules.restate):
        return _same_object(old, new)
    for said, other in ((old, new), (new, old)):  # a commitment renewed is the undertaking
        if _member(said, rules.renewed, stressed) and other.stance is Stance.UNDERTAKE:
            return _same_object(old, new)
    a, b = _positions(old, stressed), _positions(new, stressed)
    shared = [name for name in a if name in b]
    if shared:
        step = b[shared[0]] - a[shared[0]]
        if step == 0 and old.stance == new.stance and new.strength != old.strength:
            step = new.strength - old.strength
        if step == 0:
            return _same_object(old, new)
        return CommitmentChange.STRENGTHENED if step * sign > 0 else CommitmentChange.WEAKENED
    # Noting is the least of positions: a move to or from it is one of strength.
    if not stressed and (old.stance == new.stance or Stance.NOTE in (old.stance, new.stance)):
        if new.strength != old.strength:
            stronger = (new.strength - old.strength) * sign > 0
            return CommitmentChange.STRENGTHENED if stronger else CommitmentChange.WEAKENED
        return _same_object(old, new)
    if (old.stance in _RESOLVE) != (new.stance in _RESOLVE):
        return _act_and_position(old, new, sign)
    return CommitmentChange.CHANGED_STANCE


_RESOLVE = frozenset({Stance.UNDERTAKE, Stance.INTEND})
# "believe it important to take measures", "consider it necessary to develop": the
# predicate itself says that the deed matters
_IMPORTANCE_WORDS = frozenset({"important", "necessary", "essential", "need", "vital"})


def _act_and_position(old: Commitment, new: Commitment, sign: int) -> CommitmentChange:
    """One side undertakes or intends a deed ("will step up our efforts to prevent"),
    the other takes a position with another verb. Saying that the deed matters
    ("stress the importance of", "recognise the need to", "believe it important to
    take") is the foot of the resolve scale, as "consider it important to" is: the
    deed is stronger. Any other
    position ("call upon all States to ..." for "will continue to consult all
    States") is another commitment, not another stance on the same one."""
    act_is_new = new.stance in _RESOLVE
    position = old if act_is_new else new
    if _importance(position) or _IMPORTANCE_WORDS & set(position.predicate.lower().split()):
        return (
            CommitmentChange.STRENGTHENED
            if act_is_new == (sign > 0)
            else (CommitmentChange.WEAKENED)
        )
    return CommitmentChange.CHANGED_OBJECT


def is_substantive(change: CommitmentChange) -> bool:
    """Whether a change carries a position (restated and routine do not)."""
    return change not in (CommitmentChange.RESTATED, CommitmentChange.ROUTINE)
