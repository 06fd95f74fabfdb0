"""The stance lexicon (``data/stance_lexicon.toml``), expanded into matchable forms.

Every phrase of the data file is expanded once: its head verb into all
inflections (lemminflect) and every word into its American spelling too
(breame), so that "welcomed", "Welcoming", "emphasize" and "took note of" are
found while the data file lists only "welcome", "emphasise" and "take note of".
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property, lru_cache
from importlib import resources

__all__ = ["Form", "Lexicon", "Phrase", "Stance", "lexicon"]


class Stance(StrEnum):
    """The closed set of stances a commitment can take."""

    WELCOME = "welcome"
    SUPPORT = "support"
    NOTE = "note"
    COMMEND = "commend"
    EMPHASISE = "emphasise"
    REAFFIRM = "reaffirm"
    RECALL = "recall"
    RECOGNISE = "recognise"
    BELIEVE = "believe"
    UNDERTAKE = "undertake"
    INTEND = "intend"
    CALL = "call"
    URGE = "urge"
    REQUEST = "request"
    DECIDE = "decide"
    INVITE = "invite"
    ENCOURAGE = "encourage"
    CONCERN = "concern"
    OPPOSE = "oppose"
    CONDEMN = "condemn"
    REGRET = "regret"
    AGREE = "agree"
    DECLARE = "declare"


class Form(StrEnum):
    """Grammatical form of a matched head verb, used to check coordination."""

    BASE = "base"  # support, are (in favour of)
    THIRD = "third"  # supports, is
    PAST = "past"  # supported, taken
    ING = "ing"  # supporting
    BARE = "bare"  # a "be" phrase without "be": "Deeply concerned", "Convinced"


@dataclass(frozen=True)
class Phrase:
    """One lexicon entry in one written form."""

    words: tuple[str, ...]
    lemma: str
    stance: Stance
    strength: int
    form: Form
    modal: bool = False
    delta: int = 0


@dataclass(frozen=True)
class Lexicon:
    """All forms, indexed by their first word, longest first."""

    by_first: dict[str, tuple[Phrase, ...]]
    intensifiers: dict[str, int]
    # adverb -> lemmas it forms a set phrase with, adding no strength ("highly appreciate")
    set_adverbs: dict[str, frozenset[str]]
    group_voices: frozenset[str]  # "g7", "quad": groupings that speak for the authors
    actor_aliases: dict[str, str]  # "russia" -> "RUS": names pycountry does not resolve
    manner_after_while: frozenset[str]  # "while respecting ...": how, not a position
    after_verb: tuple[tuple[tuple[str, ...], int], ...]  # phrase words, strength; longest first
    neutral: frozenset[str]
    possessives: frozenset[str]
    negators: frozenset[str]
    actors: tuple[tuple[str, tuple[re.Pattern[str], ...], tuple[str, ...]], ...]
    voices: frozenset[str]  # actors whose texts are wholly in their voice
    verb_words: frozenset[str]  # every inflected head form of a non-modal phrase
    ly_adjectives: frozenset[str]  # "early", "timely": no adverb to skip
    progressive_strength: int  # "We are launching ...": an undertaking
    not_undertakings: frozenset[str]  # "We are witnessing ..."
    impersonal_nouns: frozenset[str]  # "The need was stressed to ..."
    # (noun, participle) -> the phrase they say together ("agreement was reached")
    impersonal_phrases: dict[tuple[str, str], Phrase]
    # "necessary" of "be necessary to": modal phrases said only after an impersonal "It"
    impersonal_adjectives: frozenset[str]
    # "X is unacceptable": adjectives of a judgement whose object comes first
    judgement_adjectives: frozenset[str]
    judgement_stance: Stance
    judgement_strength: int

    @cached_property
    def actor_names(self) -> frozenset[str]:
        """The canonical names of the lexicon's actors (the texts' collective voices)."""
        return frozenset(name for name, _, _ in self.actors)

    @cached_property
    def starts(self) -> frozenset[str]:
        """Every word a predicate can start with (a phrase, a negator, a modifier).

        A token outside it starts no predicate, so the scan does not try it."""
        adverbs = {w for w in self.intensifiers if w.endswith("ly")}
        participles = {participle for _, participle in self.impersonal_phrases}
        return (
            frozenset(self.by_first) | self.negators | self.neutral | adverbs | participles | {"no"}
        )

    def default_actor(self, organisation: str | None) -> str | None:
        """The actor whose voice an organisation's texts use without naming it."""
        for name, _, default_for in self.actors:
            if organisation is not None and organisation in default_for:
                return name
        return None


_BE_FORMS: dict[str, Form] = {
    "be": Form.BASE,
    "are": Form.BASE,
    "am": Form.BASE,
    "remain": Form.BASE,
    "is": Form.THIRD,
    "remains": Form.THIRD,
    "was": Form.PAST,
    "were": Form.PAST,
    "been": Form.PAST,
    "remained": Form.PAST,
    "being": Form.ING,
    "remaining": Form.ING,
}
_TAG_FORM = {
    "VB": Form.BASE,
    "VBP": Form.BASE,
    "VBZ": Form.THIRD,
    "VBD": Form.PAST,
    "VBN": Form.PAST,
    "VBG": Form.ING,
}


def _spellings(word: str) -> set[str]:
    from declcompare.text.normalize import american_spelling

    return {word, american_spelling(word)}


def _head_forms(head: str) -> dict[str, Form]:
    if head == "be":
        return dict(_BE_FORMS)
    from declcompare.commitments.verbforms import verb_inflections

    table = verb_inflections(head)
    forms: dict[str, Form] = {}
    for tag, words in table.items():
        for word in words:
            for spelled in _spellings(word):
                forms.setdefault(spelled, _TAG_FORM.get(tag, Form.BASE))
    forms.setdefault(head, Form.BASE)
    return forms


# "be against", "be in favour of" have no bare form: "Against this background",
# "In this context" open adverbials, not positions.
_NOT_BARE = frozenset({"against", "in"})


def _expand(
    phrase: str, lemma: str, stance: Stance, strength: int, *, modal: bool, delta: int
) -> list[Phrase]:
    words = phrase.split()
    head, rest = words[0], words[1:]
    rest_variants: list[tuple[str, ...]] = [()]
    for word in rest:
        rest_variants = [(*v, s) for v in rest_variants for s in sorted(_spellings(word))]
    out: list[Phrase] = []
    for form_word, form in sorted(_head_forms(head).items()):
        for variant in rest_variants:
            out.append(Phrase((form_word, *variant), lemma, stance, strength, form, modal, delta))
    if head == "be" and rest and rest[0] not in _NOT_BARE:  # "Deeply concerned", "Convinced that"
        for variant in rest_variants:
            out.append(Phrase(variant, lemma, stance, strength, Form.BARE, modal, delta))
    return out


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon, loaded and expanded once per process."""
    data = tomllib.loads(
        resources.files("declcompare").joinpath("data/stance_lexicon.toml").read_text("utf-8")
    )
    phrases: list[Phrase] = []
    for entry in data["modal"]:
        phrases += _expand(
            entry["phrase"],
            "",
            Stance(entry["stance"]),
            int(entry["strength"]),
            modal=True,
            delta=int(entry["delta"]),
        )
    for entry in data["verb"]:
        for text in entry["phrases"]:
            phrases += _expand(
                text,
                entry["lemma"],
                Stance(entry["stance"]),
                int(entry["strength"]),
                modal=False,
                delta=0,
            )
    by_first: dict[str, list[Phrase]] = {}
    for phrase in phrases:
        by_first.setdefault(phrase.words[0], []).append(phrase)
    modifiers = data["modifiers"]
    intensifiers: dict[str, int] = {}
    for word, value in modifiers["intensifiers"].items():
        for spelled in _spellings(word):
            intensifiers[spelled] = int(value)
    actors = tuple(
        (
            entry["name"],
            tuple(re.compile(p) for p in entry["patterns"]),
            tuple(entry["default_for"]),
        )
        for entry in data["actor"]
    )
    impersonal = data.get("impersonal", {})
    impersonal_phrases: dict[tuple[str, str], Phrase] = {}
    for entry in impersonal.get("phrase", []):
        said = tuple(entry["as"].split())
        read = [p for p in phrases if p.words == said and p.form is Form.BASE and not p.modal]
        if not read:
            raise ValueError(f"stance lexicon: impersonal phrase {entry['as']!r} is no verb phrase")
        for noun in entry["nouns"]:
            for participle in entry["participles"]:
                impersonal_phrases[(noun, participle)] = read[0]
    progressive = data.get("progressive", {})
    judgement = data["judgement"]
    return Lexicon(
        judgement_adjectives=frozenset(judgement["adjectives"]),
        judgement_stance=Stance(judgement["stance"]),
        judgement_strength=int(judgement["strength"]),
        ly_adjectives=frozenset(modifiers.get("ly_adjectives", [])),
        progressive_strength=int(progressive.get("strength", 4)),
        not_undertakings=frozenset(progressive.get("not_undertakings", [])),
        impersonal_nouns=frozenset(impersonal.get("nouns", [])),
        impersonal_phrases=impersonal_phrases,
        impersonal_adjectives=frozenset(
            entry["phrase"].split()[1] for entry in data["modal"] if entry.get("impersonal")
        ),
        by_first={
            # Longest first; the rest of the key only breaks ties, so that the order (and
            # thus which reading wins) never depends on set iteration, i.e. the hash seed.
            k: tuple(
                sorted(
                    set(v),
                    key=lambda p: (
                        -len(p.words),
                        p.modal,
                        p.lemma,
                        p.words,
                        p.form.value,
                        p.stance.value,
                        p.strength,
                        p.delta,
                    ),
                )
            )
            for k, v in by_first.items()
        },
        intensifiers=intensifiers,
        set_adverbs={
            adverb: frozenset(lemmas)
            for adverb, lemmas in modifiers.get("set_phrase_adverbs", {}).items()
        },
        group_voices=frozenset(data.get("voices", {}).get("groups", ())),
        actor_aliases={str(k): str(v) for k, v in data.get("actor_aliases", {}).items()},
        manner_after_while=frozenset(modifiers.get("manner_after_while", ())),
        after_verb=tuple(
            sorted(
                (
                    (tuple(phrase.split()), int(value))
                    for phrase, value in modifiers["after_verb"].items()
                ),
                key=lambda item: (-len(item[0]), item[0]),
            )
        ),
        neutral=frozenset(modifiers["neutral"]),
        possessives=frozenset(modifiers["possessives"]),
        negators=frozenset(modifiers["negators"]),
        actors=actors,
        voices=frozenset(entry["name"] for entry in data["actor"] if entry.get("voice")),
        verb_words=frozenset(p.words[0] for p in phrases if not p.modal and p.form != Form.BARE),
    )
