"""Who makes a claim: attribution in the text first, else the document's author or publisher.

"X said", "X told AP", "according to X", "a report by X": the source is X, and an outer
attribution around it ("Reuters reported that the ministry said") is kept as `relayed_by`.
A pronoun subject ("she said") stands for the last source named in the paragraph. Names are
sorted into kinds (state | un | ngo | outlet | group | person) by the words in them, from the
language pack's [attribution] section; a state's name or demonym gives its ISO3 code.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache

from tocsin import countries
from tocsin.extract import actors
from tocsin.extract.lexicon import lexicon
from tocsin.lang import NEVER, LangPack, script
from tocsin.sources import KnownSource, find_known, lookup
from tocsin.types import Source

PRODUCER = "extract.source@1"
MAX_WORDS = 12  # a source's name is a noun phrase, not a clause
_KIND_ORDER = ("un", "ngo", "outlet", "group")
# A news dateline opening a sentence: a place in capitals, an agency, a dash.
_DATELINE = re.compile(
    rf"[{script.UPPER}][{script.UPPER} .,'’-]{{2,40}}(?:\s*\([^)]{{1,40}}\))?\s*[-–—]+\s*"
)
_WIRE = re.compile(r"[^()]{0,40}\([^)]{1,40}\)\s*[-–—]+\s*|[^()]{0,40}\)\s*[-–—]+\s*")
# A speaker's label before a colon: "SOUNDBITE (English) Jane Roe, spokesperson"
_LABEL = re.compile(r"^(?:[A-Z][A-Z ]{2,}(?:\([^)]{0,30}\))?\s*)|^\d+\.\s*")
_OPENING = frozenset('“"«„「『')
_CLOSING = frozenset('”"»“」』')
_HYPHENS = re.compile("[‐‑‒–]")
_EXPLETIVES = frozenset({"there", "it", "il", "this", "these", "that"})
_DEFINITE = re.compile(r"(?:(?:the|le|la|les)\s+|l[’'])", re.IGNORECASE)
_CLOSES_CLAUSE = (",", "”", '"', "»", "-", "–", "—")  # "«...», — сказал он": the speaker follows
_TRIM = " \t\n,;:–—-\"“”'’‘()،؛"
# A relative pronoun closing a subject ("the junta, which denies"), for a pack naming none.
_RELATIVE = r"which|who|that|qui|lequel|laquelle"
# Articles that may open a name ("the ministry"), for a pack naming none.
_ARTICLES = ("the", "a", "an", "le", "la", "les", "l", "un", "une", "des")


_NEVER = re.compile(NEVER)  # a cue a pack leaves out


@dataclass(frozen=True)
class Attribution:
    """A source named in a sentence, and where its cue stands (the verb or "according to")."""

    cue: int
    source: Source
    after: bool = False  # the cue follows what it attributes: "..., the ministry said."
    closes: bool = False  # a verb closing the sentence: "..., the ministry said."
    denies: bool = False  # "X denied that ...": what follows is not X's claim


@dataclass(frozen=True)
class _Cues:
    verbs: re.Pattern[str]
    told: re.Pattern[str]
    passive_before: re.Pattern[str]
    according: re.Pattern[str]
    pronouns: frozenset[str]
    own: frozenset[str]
    clause_lead: re.Pattern[str]
    strip_lead: re.Pattern[str]
    strip_words: re.Pattern[str]
    strip_tail: re.Pattern[str] | None
    names: dict[str, re.Pattern[str]]
    words: dict[str, re.Pattern[str]]
    participles: re.Pattern[str] | None
    finite_verb: re.Pattern[str] | None
    clause_verbs: re.Pattern[str] | None
    possessed: re.Pattern[str] | None
    hedges: re.Pattern[str] | None
    allegations: re.Pattern[str] | None
    function_words: frozenset[str]
    # Verb-first languages (Arabic): the source follows its verb ("قالت المفوضية إن ..."),
    # its noun phrase ending where `object_end` matches (a comma, "إن", "عن") or an event word.
    verb_first: bool = False
    object_end: re.Pattern[str] | None = None
    definite: re.Pattern[str] = _DEFINITE  # an article opening a name ("the", "ال")
    cased: bool = True  # a script with capitals: proper names are capitalised
    # a person's name in a script without capitals ("赵立坚"): a pack's pattern for one
    proper_name: re.Pattern[str] | None = None
    # a role written before the name ("发言人 沙姆达萨尼") and how to name them ("name，role")
    titled_name: re.Pattern[str] | None = None
    titled_name_as: str = ""
    # "the junta, which denies ...": the relative pronoun that stands for the name before it
    relative_before: re.Pattern[str] = _NEVER  # a comma and the pronoun before a cue
    relative_after: re.Pattern[str] = _NEVER  # the pronoun closing a subject
    articles: frozenset[str] = frozenset(_ARTICLES)  # function words that may open a name
    # a sentence whose cue points back at what was just said ("Об этом заявил X"): its
    # source is the source of the sentences before it that name none
    anaphoric: re.Pattern[str] | None = None
    # an acronym with a case ending ("МИДе"): the acronym and the ending apart
    acronym_case: re.Pattern[str] | None = None
    # what opens the medium told, after the verb or the name that follows it ("a la", "à")
    told_after: re.Pattern[str] | None = None


@cache
def _cues(pack: LangPack) -> _Cues | None:
    a = pack.section("attribution")
    if not a:
        return None
    i = re.IGNORECASE
    return _Cues(
        verbs=_lowercase_words(a.get("verbs", _NEVER.pattern)),
        told=re.compile(a.get("told", _NEVER.pattern), i),
        passive_before=re.compile(a.get("passive_before", _NEVER.pattern), i),
        according=re.compile(a.get("according", _NEVER.pattern), i),
        pronouns=frozenset(p.casefold() for p in a.get("pronouns", [])),
        own=frozenset(p.casefold() for p in a.get("first_person", [])),
        clause_lead=re.compile(a.get("clause_lead", r"(?:^|[;:(]|,\s)")),
        # matched where a name starts (`match` at a position), where "^" would never match
        strip_lead=re.compile(a.get("strip_lead", _NEVER.pattern).removeprefix("^"), i),
        strip_words=re.compile(a.get("strip_words", _NEVER.pattern).removeprefix("^"), i),
        strip_tail=re.compile(a["strip_tail"], i) if "strip_tail" in a else None,
        names={k: re.compile(v) for k, v in a.get("names", {}).items()},
        words={k: re.compile(v, i) for k, v in a.get("words", {}).items()},
        participles=re.compile(a["participles"], i) if "participles" in a else None,
        finite_verb=re.compile(a["finite_verb"]) if "finite_verb" in a else None,
        clause_verbs=re.compile(a["clause_verbs"]) if "clause_verbs" in a else None,
        possessed=re.compile(a["possessed"], i) if "possessed" in a else None,
        hedges=re.compile(a["hedges"], i) if "hedges" in a else None,
        allegations=re.compile(a["allegations"], i) if "allegations" in a else None,
        function_words=frozenset(w.casefold() for w in a.get("function_words", [])),
        proper_name=re.compile(a["proper_name"]) if "proper_name" in a else None,
        titled_name=re.compile(a["titled_name"]) if "titled_name" in a else None,
        titled_name_as=str(a.get("titled_name_as", "")),
        verb_first=bool(a.get("verb_first", False)),
        object_end=re.compile(a["object_end"], i) if "object_end" in a else None,
        definite=re.compile(a["definite"], i) if "definite" in a else _DEFINITE,
        cased=script.of(pack).cased,
        # "..., which denies", "..., which denies the reports, said"
        relative_before=re.compile(
            rf"[,،]\s*(?:{a.get('relative', _RELATIVE)})(?:\s+[^,،;:.!?“”\"«»]{{1,80}}[,،])?\s+$", i
        ),
        relative_after=re.compile(rf",?\s+(?:{a.get('relative', _RELATIVE)})$", i),
        articles=frozenset(w.casefold() for w in a.get("articles", _ARTICLES)),
        anaphoric=re.compile(a["anaphoric"], i) if "anaphoric" in a else None,
        told_after=re.compile(a["told_after"], i) if "told_after" in a else None,
        acronym_case=(
            re.compile(rf"([{script.UPPER}]{{2,}})(?:{a['acronym_case']})")
            if "acronym_case" in a
            else None
        ),
    )


def _known(name: str) -> list[tuple[int, int, KnownSource]]:
    """Known sources named in `name`, but not as part of a longer proper name ("The
    Independent" is an outlet; "The Independent Commission of Inquiry" is not it)."""
    return [
        (s, e, k)
        for s, e, k in find_known(name)
        if not re.match(rf"\s+(?:of\s+|for\s+|on\s+)?[{script.UPPER}]", name[e:])
        and not re.search(rf"[{script.UPPER}][\w’'-]*\s+$", name[:s])
    ]


def _lowercase_words(pattern: str) -> re.Pattern[str]:
    """Verbs of saying are written in lower case ("HRW said"): matched with case, starting
    only where a lower-case word starts, they scan a sentence several times faster."""
    if pattern.startswith(r"\b"):
        return re.compile(r"\b(?=[^\W\d_A-Z])" + pattern[2:])
    return re.compile(pattern)


def hedged(text: str, start: int, end: int, pack: LangPack) -> bool:
    """ "reportedly killed", "were reported": told at second hand, whoever's account it is."""
    cues = _cues(pack)
    return bool(cues and cues.hedges and cues.hedges.search(text, start, end))


def classify(
    name: str, pack: LangPack, entities: str | None = None
) -> tuple[str, str | None] | None:
    """(kind, ISO3 for a state) of a name as written; None when it names no plausible source."""
    cues = _cues(pack)
    if cues is None:
        return None
    known = _known(name)
    if known:
        return known[0][2].kind, known[0][2].country
    armed = actors.armed_actor(name, pack)
    if armed is not None:  # "the Houthis said", "the Tatmadaw said"
        return (armed[0], armed[1]) if armed[0] == "state" else ("group", None)
    for kind in _KIND_ORDER:
        if (p := cues.names.get(kind)) is not None and p.search(name):
            return kind, None
    for kind in _KIND_ORDER:
        if (p := cues.words.get(kind)) is not None and p.search(name):
            return kind, None
    person = cues.names.get("person"), cues.words.get("person")
    if any(p is not None and p.search(name) for p in person):
        return "person", None  # "residents of Kherson": people, not their state
    found = countries.find(name, pack.code, entities)
    if found:
        return "state", found[0].code
    lex = lexicon(pack)
    demonym = lex.demonyms.search(name)
    if demonym:
        return "state", lex.demonym_codes[demonym.group(0).lower()]
    if (p := cues.words.get("state")) is not None and p.search(name):
        return "state", None
    if name.casefold() in cues.pronouns:
        return None  # resolved by the caller to the last source named
    if any(w[:1].isupper() for w in _bare(name).split()) or (
        cues.proper_name is not None and cues.proper_name.search(name)
    ):
        return "person", None  # a proper name with no affiliation: a person speaking
    # "The war claimed...": a common noun is nobody's voice
    return None


def _clean(text: str, start: int, end: int, cues: _Cues) -> tuple[int, int]:
    """Trim a subject to its name: no leading "On Tuesday," nor trailing adverbs."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    m = _DATELINE.match(text, start, end) or _WIRE.match(text, start, end)
    if m and m.end() < end:
        start = m.end()
    m = cues.according.match(text, start, end)
    if m and m.end() < end:
        start = m.end()  # "according to a man who ... said": the man
    m = cues.strip_lead.match(text, start, end)
    if m and m.end() < end:
        start = m.end()
    m = cues.strip_words.match(text, start, end)
    if m and m.end() < end:
        start = m.end()
    # "the ministry also said", "HRW has previously documented"
    tail = re.search(
        r"(?:\s+(?:also|later|previously|earlier|then|has|have|had|had\s+also|would|will|"
        r"further|again|repeatedly|\w+ly))+$",
        text[start:end],
        re.IGNORECASE,
    )
    if tail and tail.start() > 0:
        end = start + tail.start()
    if cues.strip_tail is not None and (when := cues.strip_tail.search(text, start, end)):
        end = when.start() if when.start() > start else end
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    if cues.possessed is not None and (m := cues.possessed.search(text, start, end)):
        end = m.start()  # "Amnesty's latest report found": Amnesty
    return start, end


def _plausible(name: str, pack: LangPack) -> bool:
    """A noun phrase that can name a source: short, no event in it ("the army's killings of
    civilians undercut..."), not a participle clause ("Citing figures, ...")."""
    words = name.split()
    if not 0 < len(words) <= MAX_WORDS or re.search(r"\d{3,}", name):
        return False
    if re.match(r"[A-Z][a-z]+ing$", words[0]) or words[0].casefold() in _EXPLETIVES:
        return False
    cues = _cues(pack)
    if cues is not None and (
        cues.verbs.search(name) or (cues.clause_verbs and cues.clause_verbs.search(name))
    ):
        return False  # a clause of its own ("rejected by the junta, which denies")
    return not lexicon(pack).any_event.search(name)


def _drop_function_words(text: str, s: int, e: int, pack: LangPack) -> int:
    """Leading function words are no part of a name ("Also", "Which Zenebe Kebede"); articles
    stay ("the ministry")."""
    cues = _cues(pack)
    keep = cues.articles if cues else frozenset(_ARTICLES)
    stop = pack.stopwords | (cues.function_words if cues else frozenset())
    for m in re.finditer(r"[^\W\d_]+(?:[’'][^\W\d_]+)?", text[s:e]):
        w = m.group(0).casefold()
        if w in keep or w not in stop:
            return s + m.start()
    return e


def _subject_before(text: str, lo: int, cue: int, cues: _Cues) -> tuple[int, int] | None:
    region_start = max(lo, cue - 200)
    if region_start == lo and (dl := _DATELINE.match(text, lo, cue)):
        region_start = dl.end()  # "KHARTOUM (Reuters) — Residents said ..."
    cuts = [region_start]
    cuts += [m.end() for m in cues.clause_lead.finditer(text, region_start, cue) if m.end() < cue]
    rel = cues.relative_before.search(text, region_start, cue)
    if rel is not None:
        # "the junta, which denies ...", "el Gobierno, que negó ...": the pronoun stands for
        # the name before its comma
        head = _clean(text, max(c for c in cuts if c <= rel.start()), rel.start(), cues)
        return head if head[1] > head[0] else None
    s, e = _clean(text, cuts[-1], cue, cues)
    if len(cuts) > 1 and text[cuts[-1] - 2 : cuts[-1]] == ", " and not text[s : s + 1].isupper():
        # "MSF, one of the few groups still there, said": the name before the apposition
        head = _clean(text, cuts[-2], cuts[-1], cues)
        named = text[head[0] : head[1]]
        if (
            head[1] > head[0]
            and (named[0].isupper() or _opens_name(named, cues))
            # "En un documento de respuesta, el Gobierno afirmó": a phrase, not a name
            and named.split()[0].casefold() not in cues.function_words
            and len(named.split()) <= 6  # a name, not a clause before the comma
            and not (cues.clause_verbs and cues.clause_verbs.search(named))
        ):
            s = head[0]  # the span keeps the apposition: it says what kind of source this is
    # "The government, which denied...": the name before the relative pronoun
    if (trail := cues.relative_after.search(text, s, e)) is not None:
        e = trail.start()
    return (s, e) if e > s else None


def _opens_name(named: str, cues: _Cues) -> bool:
    """ "el Gobierno", "la ONU": an article, then a capitalised name."""
    words = named.split(maxsplit=1)
    return len(words) == 2 and words[0].casefold() in cues.articles and words[1][:1].isupper()


def _object_after(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase after a cue: up to a comma, stop, quote or "that"."""
    m = re.match(
        r"\s*((?:(?:M|Mme|Mr|Mrs|Ms|Dr|Pr|Me)\.\s+)?[^,.;:!?“”\"()]{2,160}?)"
        r"(?=\s*(?:[,.;:!?“”\"()]|\bthat\b|\bon\b|\bin\s+a\b|$))",
        text[pos:hi],
    )
    if not m:
        return None
    return pos + m.start(1), pos + m.end(1)


def _object_until(
    text: str, pos: int, hi: int, cues: _Cues, event: re.Pattern[str], medium: bool = False
) -> tuple[int, int] | None:
    """The noun phrase after a cue in a pack that says where one ends (`object_end`): up to
    that, and, after a verb in a verb-first language, up to the first event word
    ("وثقت المفوضية مقتل ...": the Commission). Words that say when or what, not who, are
    trimmed ("afirma un informe de HRW publicado hoy": HRW)."""
    span = _object_end(text, pos, hi, cues, event, medium)
    if span is None:
        return None
    s, e = span
    while s < e and text[s] in _TRIM:
        s += 1  # "ajoute-t-il": the pronoun, not its hyphen
    m = cues.strip_lead.match(text, s, e)
    if m and m.end() < e:
        s = m.end()
    if cues.strip_tail is not None and (when := cues.strip_tail.search(text, s, e)):
        e = when.start() if when.start() > s else e
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    return (s, e) if e > s else None


def _object_end(
    text: str, pos: int, hi: int, cues: _Cues, event: re.Pattern[str], medium: bool = False
) -> tuple[int, int] | None:
    if cues.object_end is None:
        return _object_after(text, pos, hi)
    while pos < hi and (text[pos].isspace() or text[pos] in _OPENING or text[pos] == "'"):
        pos += 1  # a name in quotes: «نفت "قوات الدعم السريع"»
    if (
        not cues.verb_first
        and not medium  # "агентству ТАСС": the word that opens a medium is the medium's
        and (first := cues.object_end.match(text, pos - 1, hi))
        and first.end() > first.start()
    ):
        return None  # "..., señala que el Gobierno ...": a clause, no name, follows the verb
    stop = cues.object_end.search(text, pos, hi)
    end = stop.start() if stop else hi
    if cues.verb_first and (deed := event.search(text, pos + 1, end)):
        end = deed.start()
        while end > pos and not text[end - 1].isspace():
            end -= 1  # the clitic written onto the event word ("بتعذيب") is not the name's
    end = pos + len(text[pos:end].rstrip(_TRIM))
    return (pos, end) if 2 <= end - pos <= 160 else None


def attributions(
    text: str,
    start: int,
    end: int,
    pack: LangPack,
    entities: str | None = None,
    last: Source | None = None,
    voice: Source | None = None,
) -> list[Attribution]:
    """Sources named in text[start:end], in order of their cues. `last` is the source named
    before in the paragraph: what a pronoun subject stands for."""
    cues = _cues(pack)
    if cues is None:
        return []
    out: list[Attribution] = []
    event = lexicon(pack).any_event
    cited: list[tuple[int, int]] = []  # the spans of "according to" cues that named a source
    for m in cues.according.finditer(text, start, end):
        span = _object_until(text, m.end(), end, cues, event)
        named = _source(text, *span, pack, entities, last, voice) if span is not None else None
        if named is not None:
            if span is not None and cues.told_after is not None:
                named = _told(text, span[1], end, named, cues, pack, entities, event)
            out.append(Attribution(m.start(), named, after=m.start() > start + 2))
            cited.append((m.start(), m.end()))
    for m in cues.verbs.finditer(text, start, end):
        if any(s <= m.start() < e for s, e in cited):
            continue  # "Об этом РИА Новости сообщил X": the verb of a cue already read
        if cues.passive_before.search(text, max(start, m.start() - 30), m.start()):
            continue
        if event.match(text, m.start()):
            continue  # "claimed the lives of": an event, not a saying
        before = _subject_before(text, start, m.start(), cues)
        after_cue = (
            cues.verb_first
            or not text[start : m.start()].strip(_TRIM)
            or text[max(start, m.start() - 3) : m.start()].rstrip().endswith(_CLOSES_CLAUSE)
            # "Así lo informó la Fiscalía": the source follows a cue pointing back
            or bool(cues.anaphoric and cues.anaphoric.fullmatch(text[start : m.start()].strip()))
        )
        src: Source | None = None
        inverted = False
        # in a verb-first language a description refers back within the sentence too
        prior = out[-1].source if cues.verb_first and out else last
        # "..., said the ministry.": right after a clause, the verb comes first, unless the
        # comma closes an apposition to the subject ("Jane Doe, the UN envoy, told ...")
        apposed = before is not None and ", " in text[before[0] : before[1]]
        named_at: int | None = None  # where an inverted source's name ends
        if after_cue and not apposed:
            span = _object_until(text, m.end(), end, cues, event)
            if span is not None:
                src = _apposed(
                    text, _source(text, *span, pack, entities, prior, voice), end, pack, entities
                )
                inverted = src is not None and not cues.verb_first
                named_at = span[1] if inverted else None
        if src is None and before is not None:
            src = _source(text, *before, pack, entities, prior, voice)
        if src is None and cues.verb_first:
            src = prior  # a verb without a subject of its own ("وأضاف"): the one named last
        if src is None:
            continue
        told = (
            _object_after(text, m.end(), end)
            if cues.told.search(text, m.start(), m.end() + 1) and not inverted
            else None
        )
        if told is None and cues.told_after is not None:
            # "..., dijo el gobernador a la agencia EFE", "a déclaré le ministre à l'AFP"
            for at in (m.end(), named_at):
                src = _told(text, at, end, src, cues, pack, entities, event) if at else src
        if told is not None:
            medium = classify(text[told[0] : told[1]], pack, entities)
            if medium is not None and medium[0] == "outlet":
                src = _with(src, relayed_by=text[told[0] : told[1]])
        # the clause it introduces follows the verb unless the verb closes the sentence
        rest = text[m.end() : end].strip(_TRIM + ".")
        denial = bool(lexicon(pack).denies.match(text, m.start()))
        closes = inverted or len(rest.split()) <= 3
        out.append(Attribution(m.start(), src, after=closes, denies=denial, closes=closes))
    if cues.participles is not None and cues.finite_verb is not None:
        for m in cues.participles.finditer(text, start, end):
            subject = _sentence_subject(text, start, m.start(), cues)
            src = _source(text, *subject, pack, entities, last, voice) if subject else None
            if src is not None:
                out.append(Attribution(m.start(), src))
    out.sort(key=lambda a: a.cue)
    return _nest(out)


def _told(
    text: str,
    at: int,
    end: int,
    src: Source,
    cues: _Cues,
    pack: LangPack,
    entities: str | None,
    event: re.Pattern[str],
) -> Source:
    """ "..., dijo el gobernador a la agencia EFE": the outlet told relays the source."""
    opens = cues.told_after.match(text, at, end) if cues.told_after is not None else None
    told = _object_until(text, opens.end(), end, cues, event, medium=True) if opens else None
    if told is None or src.relayed_by is not None:
        return src
    medium = classify(text[told[0] : told[1]], pack, entities)
    if medium is None or medium[0] != "outlet":
        return src
    return _with(src, relayed_by=text[told[0] : told[1]])


def _sentence_subject(text: str, start: int, cue: int, cues: _Cues) -> tuple[int, int] | None:
    """ "The M23 hit back, saying ...": a participle's subject is the sentence's, the words
    before its first finite verb."""
    if cues.finite_verb is None or text[max(start, cue - 2) : cue].strip() != ",":
        return None
    m = cues.finite_verb.search(text, start, cue)
    if m is None:
        return None
    s, e = _clean(text, start, m.start(), cues)
    return (s, e) if e > s else None


def _with(src: Source, **changes: str | None) -> Source:
    return replace(src, **changes)  # type: ignore[arg-type]


def _nest(found: list[Attribution]) -> list[Attribution]:
    """ "Reuters reported that the ministry said ...": the inner source, relayed by the outer."""
    out: list[Attribution] = []
    for a in found:
        outer = next(
            (o for o in reversed(out) if not o.after and o.source.name != a.source.name), None
        )
        if outer is not None and not a.after and a.source.relayed_by is None:
            a = replace(a, source=_with(a.source, relayed_by=outer.source.name))
        out.append(a)
    return out


def _source(
    text: str,
    s: int,
    e: int,
    pack: LangPack,
    entities: str | None,
    last: Source | None,
    voice: Source | None = None,
) -> Source | None:
    cues = _cues(pack)
    said = _HYPHENS.sub("-", " ".join(text[s:e].split()).casefold())
    if cues is not None and said in cues.own:
        return voice  # "my delegation rejects": the document's own speaker
    if cues is not None and said in cues.pronouns:
        kind = classify(said, pack)
        if kind is not None and kind[0] == "group" and (last is None or last.kind != "group"):
            # "this armed group": the group named last, not the witness quoted last
            return _group_before(text, s, e, pack)
        if last is not None:
            return last
        if said.isalpha():  # "he said" with no one named before: someone, not the writer
            return Source(text[s:e].strip(), "person", None, s, e)
        return None
    s = _drop_function_words(text, s, e, pack)
    if cues is not None and cues.possessed is not None and (m := cues.possessed.search(text, s, e)):
        e = m.start() if m.start() > s else e  # "the Mission's human rights component": the Mission
    if cues is not None and cues.acronym_case is not None:
        m = cues.acronym_case.fullmatch(text, s, e)
        e = s + len(m.group(1)) if m else e  # "В МИДе считают": the acronym, not its case ending
    name = " ".join(text[s:e].split())
    if not name or not _plausible(name, pack):
        return None
    kind = classify(name, pack, entities)
    if kind is None:
        return None
    for before in (last, voice):
        if (
            before is not None
            and kind[0] in (before.kind, "person")  # "the Commission": a capital, not a person
            and (_refers_to(name, before, cues) or _inflected(name, before))
        ):
            # "Amnesty International ... the rights group said": the one named before; "the
            # Mission" in the Mission's own briefing: the document's own voice
            return before
    titled = cues.titled_name.fullmatch(name) if cues and cues.titled_name else None
    if titled and cues and cues.titled_name_as:
        name = cues.titled_name_as.format_map(titled.groupdict())  # "沙姆达萨尼，发言人"
    head, _, role = name.partition(", ")
    if role and head[:1].isupper():
        # "Jane Doe, the UN Special Rapporteur": named by her name, a source of her role's kind
        org = find_known(role)
        affiliation = (org[0][2].short or org[0][2].name) if org else None
        head = _bare(head) if _bare(head)[:1].isupper() else head
        return Source(head, kind[0], kind[1], s, e, affiliation=affiliation)
    bare = _bare(name)
    if bare[:1].isupper():
        name = bare  # "the Independent Commission": one name, with or without its article
    if kind[0] == "group" and (armed := actors.armed_actor(name, pack)) is not None:
        return Source(armed[1], "group", None, s, e)  # one name: "Rapid Support Forces" = RSF
    entry = lookup(name)
    # one name for one source: "HRW" and "Human Rights Watch" are not two voices
    if entry is None and kind[0] != "person" and (org := _known(name)):
        entry = org[0][2]  # "the UN human rights chief": speaks for the body named inside
        return Source(name, kind[0], kind[1], s, e, affiliation=entry.short or entry.name)
    # Named as the text writes it ("ООН", "HRW"); known by its one canonical name, which
    # independence counts (`label_of`): "ООН" and "the UN" are one voice.
    return Source(
        name,
        kind[0],
        kind[1],
        s,
        e,
        affiliation=(entry.short or entry.name) if entry else None,
    )


def _group_before(text: str, s: int, e: int, pack: LangPack) -> Source | None:
    """The armed group named last before text[s:e], within a few paragraphs."""
    for a, b in reversed(actors.armed_group_spans(text, max(0, s - 1500), s, pack)):
        armed = actors.armed_actor(text[a:b], pack)
        if armed is not None and armed[0] == "group":
            return Source(armed[1], "group", None, s, e)
    return None


def _bare(name: str) -> str:
    """The name without a leading definite article."""
    m = _DEFINITE.match(name)
    return name[m.end() :] if m else name


def _refers_to(name: str, src: Source, cues: _Cues | None = None) -> bool:
    """Whether a short definite description can only mean `src`: it names no one ("the
    rights group") or only words of `src`'s own name ("the Mission"). In a script without
    capitals every word must be of `src`'s name ("المفوضية" for "مفوضية الأمم المتحدة")."""
    m = (cues.definite if cues is not None else _DEFINITE).match(name)
    if m is None:
        return False
    words = _unmarked(name[m.end() :]).split()
    cased = cues is None or cues.cased
    proper = [w for w in words if w[:1].isupper()] if cased else words
    known = _unmarked(src.name.casefold())
    return len(words) <= 4 and all(w.casefold() in known for w in proper)


def _inflected(name: str, src: Source) -> bool:
    """ "По словам Путина" after "президент России Владимир Путин": a proper name of one or
    two words, each another form of a word of `src`'s name (the same stem, its ending
    changed), is that source named again."""
    words = name.split()
    if not 0 < len(words) <= 2 or not all(w[:1].isupper() for w in words):
        return False
    known = [w.casefold() for w in src.name.replace(",", " ").split() if w[:1].isupper()]
    if all(w.casefold() in known for w in words):
        return False  # the name as written again ("Zenebe Kebede"): it stays as written
    return all(
        any(
            len(k) >= 4
            and len(w) >= 4
            and w.casefold()[: max(4, len(k) - 1)] == k[: max(4, len(k) - 1)]
            and abs(len(w) - len(k)) <= 2
            for k in known
        )
        for w in words
    )


def _unmarked(text: str) -> str:
    """The text without combining marks (Arabic harakat, a shadda written or not)."""
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _apposed(
    text: str, src: Source | None, hi: int, pack: LangPack, entities: str | None
) -> Source | None:
    """ "..., said Jane Doe, Africa director at Rights Watch": the affiliation after a person's
    name says what kind of source they speak as."""
    if src is None or src.end is None or src.kind != "person":
        return src
    m = re.match(r"[,،]\s*([^,،.;]{3,120})", text[src.end : hi])
    if not m:
        return src
    kind = classify(m.group(1), pack, entities)
    if kind is None or kind[0] == "person":
        return src
    end = src.end + m.end(1)
    return Source(f"{src.name}, {m.group(1)}", kind[0], kind[1], src.start, end)


def in_sentences(
    text: str,
    spans: list[tuple[int, int]],
    pack: LangPack,
    entities: str | None = None,
    voice: Source | None = None,
) -> list[list[Attribution]]:
    """Attributions of each sentence, in order: a pronoun ("she said") stands for the last
    source named in an earlier sentence, "my delegation" for the document's `voice`, and a
    quotation introduced by its speaker's name and a colon ("Jane Roe, spokesperson:
    “...”") is that speaker's, sentence after sentence, until the quotation closes."""
    cues = _cues(pack)
    out: list[list[Attribution]] = []
    last: Source | None = None
    speaker: Source | None = None  # whose quotation is open
    quoted: int | None = None  # the sentence where a quotation opened that names no speaker
    for start, end in spans:
        found = attributions(text, start, end, pack, entities, last, voice)
        said = text[start:end].strip()
        if speaker is not None and not found:
            found = [Attribution(start, speaker)]
        if speaker is not None and (found[0].source is not speaker or _closes(said)):
            speaker = None
        if said.endswith(":"):
            label = _LABEL.sub("", _LABEL.sub("", said[:-1]))  # "2. SOUNDBITE (English) "
            s = start + text[start:end].find(label) if label else -1
            named = (
                _source(text, s, s + len(label), pack, entities, last, voice)
                if s >= start
                else None
            )
            if named is not None and _opens_quote(text, end):
                speaker = named
        elif found and speaker is None and _left_open(said):
            speaker = found[-1].source  # "X说：「... 。... 。」": the quotation runs on
        elif found and speaker is None and _introduces(text, start, end, found[-1].source, pack):
            speaker = found[-1].source  # "X 发表声明说" on a line of its own: what follows is X's
        if found:
            last = found[-1].source
            if cues is not None and cues.anaphoric is not None:
                _point_back(text, spans, out, start, found[0], cues.anaphoric)
        if quoted is not None and found:
            # "«... killed. ... fled», — сказал он": the speaker named after a quotation says
            # all of it, from the sentence where it opened
            closing = _closed_at(text[start:end])
            later = [a for a in found if closing >= 0 and a.cue > start + closing]
            for j in range(quoted, len(out)) if later else ():
                out[j] = out[j] or [Attribution(spans[j][1], later[0].source, after=True)]
            quoted = None
        elif not found and quoted is None and _opened(said):
            quoted = len(out)
        out.append(found)
    return out


def _opened(said: str) -> bool:
    """A quotation opened in the sentence and not closed in it ("«... .")."""
    return sum(said.count(q) for q in "“«「『") > sum(said.count(q) for q in "”»」』")


def _closed_at(said: str) -> int:
    """Where a quotation opened before `said` closes in it, or -1."""
    depth = 0
    for i, ch in enumerate(said):
        if ch in "“«「『":
            depth += 1
        elif ch in "”»」』":
            if depth == 0:
                return i
            depth -= 1
    return -1


def _point_back(
    text: str,
    spans: list[tuple[int, int]],
    out: list[list[Attribution]],
    start: int,
    first: Attribution,
    anaphoric: re.Pattern[str],
) -> None:
    """ "... 2,200 people were killed. Об этом заявил X.": a sentence opening with a cue that
    points back is the source of the sentences just before it that name none: those of its
    paragraph, or, when it opens a paragraph, the end of the one before."""
    lead = start + len(text[start : first.cue]) - len(text[start : first.cue].lstrip(_TRIM))
    if first.cue - lead > 60 or not anaphoric.match(text, lead):
        return
    crossed = False
    for j in range(len(out) - 1, max(-1, len(out) - 4), -1):
        gap = text[spans[j][1] : spans[j + 1][0]]
        if "\n" in gap:
            if crossed or j < len(out) - 1:
                return  # only the paragraph just before, when the cue opens its own
            crossed = True
        if out[j]:
            return
        out[j] = [Attribution(spans[j][1], first.source, after=True)]


def _opens_quote(text: str, end: int) -> bool:
    return text[end : end + 40].lstrip()[:1] in _OPENING


def _introduces(text: str, start: int, end: int, src: Source, pack: LangPack) -> bool:
    """A sentence that is only its speaker and a verb of saying ("the ministry said:" without a
    quotation mark, "X 发表声明说"): it introduces the sentences that follow."""
    if src.start is None or text[start : src.start].strip(_TRIM):
        return False
    cues = _cues(pack)
    stop = start + len(text[start:end].rstrip(" \t\n:：,，"))
    ends = [m.end() for m in cues.verbs.finditer(text, start, stop)] if cues else []
    return bool(ends) and ends[-1] >= stop


def _left_open(said: str) -> bool:
    """A quotation in corner brackets opened in the sentence and not closed in it
    ("X说：「...。"): the quotation goes on in the sentences that follow."""
    return sum(said.count(q) for q in "「『") > sum(said.count(q) for q in "」』")


def _closes(said: str) -> bool:
    return said.rstrip(".!? ")[-1:] in _CLOSING


def most_quoted(found: list[list[Attribution]], least: int = 2) -> Source | None:
    """A document that names no author or publisher speaks with the voice of the organisation
    it quotes most, and at least `least` times ("Human Rights Watch said" throughout its own
    report); one quote is someone else's word, not the document's voice."""
    named = [a.source for sentence in found for a in sentence]
    tally = Counter((s.name, s.kind, s.country) for s in named if s.kind in ("un", "ngo", "outlet"))
    if not tally or tally.most_common(1)[0][1] < least:
        return None
    name, kind, country = tally.most_common(1)[0][0]
    first = next(s for s in named if (s.name, s.kind, s.country) == (name, kind, country))
    return _with(first, origin="document", start=None, end=None)


def for_claim(found: list[Attribution], anchor: int) -> Source | None:
    """The source of a claim whose event word stands at `anchor`:
    the nearest cue before that word that opens a clause ("Reuters reported that the ministry
    said [that 23 were killed]" → the ministry), else a cue closing the sentence after it."""
    before = [a for a in found if a.cue < anchor and not a.after]
    if before:
        return before[-1].source
    closing = [a for a in found if a.cue >= anchor and a.after]
    if closing:
        return closing[0].source
    # "Citing 9,444 civilians killed, she added that ...": fronted before its speaker
    later = [a for a in found if a.cue >= anchor]
    return later[0].source if later else None


def for_event(found: list[Attribution], anchor: int) -> Source | None:
    """The source of a claim that an event happened: as `for_claim`, but a denier is nobody's
    source for the events inside what they deny ("denied that its forces shelled the market,
    where 18 people died": the 18 deaths are not the denier's claim)."""
    return for_claim([a for a in found if not a.denies], anchor)


def for_denial(found: list[Attribution], cue: int) -> Source | None:
    """Who denies: the subject of the denying verb itself ("Astrel denies ...", "My delegation
    rejects ..."), else a source named before the denial."""
    deniers = [a for a in found if a.denies]
    if deniers:
        return min(deniers, key=lambda a: abs(a.cue - cue)).source
    before = [a for a in found if a.cue <= cue and not a.after]
    if before:
        return before[-1].source
    # "Ukraine spreads fakes about our soldiers, the spokeswoman said": the speaker after
    closing = [a for a in found if a.cue >= cue and a.closes]
    return closing[0].source if closing else None


def accuser(
    found: list[Attribution], denial_cue: int, denier: Source | None, named: tuple[str, ...]
) -> Source | None:
    """Who made the allegation a denial rejects: a source named after the denial ("rejected
    the report by Amnesty"), else a state the sentence names other than the denier."""
    for a in found:
        if a.cue > denial_cue and not a.denies and not same(a.source, denier):
            return a.source
    others = [c for c in named if denier is None or c != denier.country]
    if others:
        return Source(others[0], "state", others[0], origin="text")
    return None


def same(a: Source | None, b: Source | None) -> bool:
    """Whether two sources are one voice: the same state, or one name inside the other
    ("the Mission" and "UN Mission in the Dravin Valley")."""
    if a is None or b is None:
        return False
    if a.country and a.country == b.country:
        return True
    # one body, named in two ways ("Oficina de Derechos Humanos de la ONU" and "OHCHR")
    if (a.affiliation or a.name) == (b.affiliation or b.name):
        return True
    x, y = a.name.casefold(), b.name.casefold()
    return x in y or y in x


def vouched(who: Source | None, voice: Source | None) -> Source | None:
    """An anonymous source in the text ("officials said", "witnesses said") is relayed by
    the document's own voice, which vouches for it: two outlets quoting "officials" are two
    sources, not one called "officials"."""
    if who is None or voice is None or who.origin != "text" or who.relayed_by:
        return who
    name = who.name
    if any(ch.isupper() for ch in name[1:]) or _known(name) or lookup(name):
        return who  # a name: "Reuters", "Human Rights Watch"
    if who.kind in ("state", "group") and (who.country or who.kind == "group"):
        return who  # "Sudan said", "the Houthis said": named by what they are
    by = voice.country if voice.kind == "state" and voice.country else voice.name
    return replace(who, relayed_by=by, anonymous=True)


def unnamed_accuser(
    text: str, cue: int, end: int, pack: LangPack, voice: Source | None, denier: Source | None
) -> Source | None:
    """ "X denied reports that its jets struck a school", in a third party's report: the
    allegation is stated, its makers are not named; the reports, as relayed by the document,
    are its source. In the denier's own statement nobody is known to allege it."""
    cues = _cues(pack)
    if cues is None or cues.allegations is None or voice is None or same(voice, denier):
        return None
    m = cues.allegations.search(text, cue, end)
    if m is None:
        return None
    kind = classify(m.group(0), pack)
    by = None if voice is None else (voice.country if voice.kind == "state" else voice.name)
    return Source(
        m.group(0), kind[0] if kind else "person", None, m.start(), m.end(), by, "text", None, True
    )


def of_document(
    meta: Mapping[str, str], pack: LangPack, entities: str | None = None
) -> Source | None:
    """The document's own voice: its speaker (for a state, when they speak for one; for an
    organisation, when their title names one), else the organisation or wire credited as its
    author, else its publisher, else the person who wrote it."""
    speaker, country = meta.get("speaker"), meta.get("speaker_country")
    if country:
        return Source(speaker or country, "state", country, origin="document")
    title = meta.get("speaker_title") or meta.get("speaker_org")
    if speaker and title:
        kind = classify(title, pack, entities)
        if kind is not None and kind[0] != "person":
            org = find_known(title)
            affiliation = (org[0][2].short or org[0][2].name) if org else title
            return Source(
                f"{speaker}, {title}", kind[0], kind[1], origin="document", affiliation=affiliation
            )
    for key in ("author", "speaker_org", "publisher"):
        value = meta.get(key)
        kind = classify(value, pack, entities) if value else None
        if value and (key != "author" or (kind is not None and kind[0] != "person")):
            entry = lookup(value)
            if key == "publisher" and (kind is None or kind[0] == "person"):
                kind = ("outlet", None)  # who publishes a page is an outlet, never a person
            # named as the document writes it; known by its canonical short name
            return Source(
                value,
                kind[0] if kind else "outlet",
                kind[1] if kind else None,
                origin="document",
                affiliation=(entry.short or entry.name) if entry else None,
            )
    if speaker:
        kind = classify(speaker, pack, entities)
        return Source(
            speaker, kind[0] if kind else "person", kind[1] if kind else None, origin="document"
        )
    return None
