"""Who says it: attribution in the text, nesting, pronouns, and the document's own voice.
Sentences of our own, from conflicts the corpus does not hold."""

from __future__ import annotations

from tocsin import lang
from tocsin.corroborate.sources import label_of
from tocsin.extract import extract, source
from tocsin.types import Claim

EN = lang.load("en")


def claims(text: str, meta: dict[str, str] | None = None, language: str = "en") -> list[Claim]:
    return extract(text, meta or {}, language=language)


def only(text: str, meta: dict[str, str] | None = None, language: str = "en") -> Claim:
    found = claims(text, meta, language)
    assert len(found) == 1, [(c.event, c.quote) for c in found]
    return found[0]


def test_an_ngo_named_as_the_subject_of_said_is_the_source() -> None:
    c = only(
        "Soldiers killed 31 villagers near Kalemie in March 2023, Amnesty International said.",
        {"publisher": "The Daily Courier"},
    )
    assert c.source is not None
    assert (c.source.name, c.source.kind, c.source.origin) == (
        "Amnesty International",
        "ngo",
        "text",
    )
    assert c.source.start is not None and c.source.end is not None


def test_according_to_names_the_source() -> None:
    c = only("According to the UN refugee agency, 40,000 people fled Kherson in 2022.")
    assert c.source is not None and c.source.kind == "un"
    # named as written; known one way, so "UNHCR" and "the UN refugee agency" are one source
    assert c.source.name == "UN refugee agency" and label_of(c.source) == "UNHCR"
    assert c.stance == "reports"


def test_a_state_organ_carries_its_country() -> None:
    c = only("The Colombian Defence Ministry said that 14 soldiers were killed in Cauca in 2019.")
    assert c.source is not None and (c.source.kind, c.source.country) == ("state", "COL")


def test_witnesses_are_private_persons_and_the_outlet_relays_them() -> None:
    c = only("A witness told Reuters that militiamen burned 40 homes in Yei in May 2017.")
    assert c.source is not None and c.source.kind == "person"
    assert c.source.relayed_by == "Reuters"


def test_nested_attribution_keeps_the_inner_source_relayed_by_the_outer() -> None:
    c = only(
        "Reuters reported that the health ministry said 23 civilians were killed in Hodeidah in 2018.",
        {"publisher": "Some Weekly"},
    )
    assert c.source is not None and "ministry" in c.source.name.lower()
    assert c.source.relayed_by == "Reuters"


def test_a_pronoun_stands_for_the_last_source_named() -> None:
    found = claims(
        "Jane Mwangi, the UN Special Rapporteur, told reporters in Juba in June 2016 that she had "
        "met families. "
        "She said that 60 civilians had been killed in Wau."
    )
    assert found and found[-1].source is not None
    assert found[-1].source.kind == "un"


def test_a_definite_description_refers_back_to_the_named_organisation() -> None:
    found = claims(
        "Human Rights Watch documented the execution of 12 men in Aleppo in 2013. "
        "The rights group said another 9 were detained in Homs."
    )
    assert [c.source.name if c.source else None for c in found] == [
        "Human Rights Watch",
        "Human Rights Watch",
    ]


def test_without_attribution_the_document_voice_speaks() -> None:
    c = only(
        "Militias burned 200 houses in Ituri in 2021.",
        {"speaker": "Ambassador A. Kalonji", "speaker_country": "COD"},
    )
    assert c.source is not None
    assert (c.source.kind, c.source.country, c.source.origin) == ("state", "COD", "document")
    assert c.stance == "accuses"  # militias named as perpetrators


def test_the_publisher_is_the_voice_of_an_unattributed_news_sentence() -> None:
    c = only("Gunmen abducted 20 students in Kaduna in March 2021.", {"publisher": "Reuters"})
    assert c.source is not None and (c.source.name, c.source.kind) == ("Reuters", "outlet")


def test_the_source_of_a_denial_is_the_denier() -> None:
    found = claims(
        "The Myanmar military rejected as baseless reports that its troops burned villages in Rakhine, "
        "the spokesman said.",
        {"publisher": "The Daily Courier"},
    )
    denials = [c for c in found if c.event == "denial"]
    assert denials and denials[0].source is not None
    assert denials[0].source.country == "MMR"


def test_a_participle_or_an_event_is_no_source() -> None:
    assert source.classify("Citing", EN) in (None, ("person", None))
    found = source.attributions(
        "Citing hospital records, she said 12 people died.", 0, 46, EN, None, None
    )
    assert all(a.source.name != "Citing" for a in found)


def test_kinds_by_the_words_in_a_name() -> None:
    assert source.classify("the UN human rights office", EN) == ("un", None)
    assert source.classify("a local rights group", EN) == ("ngo", None)
    assert source.classify("state television", EN) == ("outlet", None)
    assert source.classify("residents of Mosul", EN) == ("person", None)
    assert source.classify("Sri Lankan officials", EN) == ("state", "LKA")


def test_french_attribution() -> None:
    c = only(
        "Selon Médecins sans frontières, 15 civils ont été tués à Bunia en mars 2022.",
        language="fr",
    )
    assert c.source is not None and c.source.kind == "ngo"
    assert c.stance == "reports"


def test_a_denied_allegation_is_a_claim_of_its_accuser_against_the_denier() -> None:
    found = claims(
        "Ethiopia denied allegations by Amnesty International that its soldiers killed 200 "
        "civilians in Axum in November 2020.",
        {"publisher": "The Courier"},
    )
    denial = next(c for c in found if c.event == "denial")
    assert denial.source is not None and denial.source.country == "ETH"
    alleged = next(c for c in found if c.event == "killing")
    assert alleged.source is not None and alleged.source.name == "Amnesty International"
    assert alleged.accused == ("ETH",) and alleged.stance == "accuses"
    assert alleged.count is not None and alleged.count.value == 200


def test_a_denial_naming_no_accuser_makes_no_allegation_claim() -> None:
    found = claims("The ministry denied that soldiers looted shops in Bossangoa.", {})
    assert [c.event for c in found] == ["denial"]


def test_a_participle_takes_the_sentence_subject_as_its_source() -> None:
    found = claims(
        "The Houthis hit back, saying coalition jets had killed 17 fishermen off Hodeidah in 2018.",
        {"publisher": "The Courier"},
    )
    killing = next(c for c in found if c.event == "killing")
    assert killing.source is not None
    assert (killing.source.name, killing.source.kind) == ("Houthis", "group")


def test_whose_report_it_is_names_the_source() -> None:
    c = only(
        "Amnesty International’s latest report found that soldiers killed 30 civilians in "
        "Tigray in 2021.",
        {"publisher": "Some Daily"},
    )
    assert c.source is not None and c.source.name == "Amnesty International"


def test_a_dateline_is_no_part_of_the_source() -> None:
    c = only(
        "ALEPPO (Reuters) - Rescue workers said 19 people were killed in an air strike on a "
        "market in 2016.",
        {"publisher": "Reuters"},
    )
    assert c.source is not None and c.source.name == "Rescue workers"
    assert c.stance == "reports"


def test_a_document_naming_no_publisher_speaks_with_the_voice_it_quotes() -> None:
    found = claims(
        "Rebels executed 14 men in Bambari in May 2017, Human Rights Watch said. "
        "Fighters also burned 60 homes in Bambari."
    )
    burned = next(c for c in found if c.event == "destruction_property")
    assert burned.source is not None and burned.source.name == "Human Rights Watch"
    assert burned.source.origin == "document"


def test_a_declared_publisher_wins_over_whom_the_text_quotes() -> None:
    found = claims(
        "Rebels executed 14 men in Bambari in May 2017, Human Rights Watch said. "
        "Fighters also burned 60 homes in Bambari.",
        {"publisher": "Radio Ndeke Luka"},
    )
    executed, burned = found[0], found[-1]
    assert executed.source is not None and executed.source.name == "Human Rights Watch"
    assert burned.source is not None and burned.source.name == "Radio Ndeke Luka"


def test_a_quotation_introduced_by_its_speaker_is_theirs_until_it_closes() -> None:
    text = (
        "Press briefing\n\n"
        "SOUNDBITE (French) Amina Diallo, spokesperson, UNICEF:\n"
        "“Twelve children were killed in Kidal last week. Another 30 were abducted from "
        "their school.”\n\n"
        "Soldiers burned 15 houses in Gao in 2023."
    )
    found = claims(text, {"publisher": "Sahel Wire", "date": "2023-05-10"})
    by_event = {c.event: c.source for c in found}
    for event in ("killing", "detention"):
        s = by_event[event]
        assert s is not None and (s.name, s.kind) == ("Amina Diallo", "un")
        assert s.affiliation == "UNICEF"
    # after the quotation closes, the publisher speaks again
    burned = by_event["destruction_property"]
    assert burned is not None and burned.name == "Sahel Wire"


def test_a_fronted_clause_belongs_to_the_speaker_after_it() -> None:
    c = only(
        "Citing 40 villagers killed in Beni in 2021, the Special Rapporteur added that the "
        "army had not investigated.",
        {"publisher": "Kivu Daily"},
    )
    assert c.event == "killing" and c.source is not None and c.source.kind == "un"


def test_anonymous_sources_are_vouched_for_by_whoever_relays_them() -> None:
    from tocsin.corroborate.sources import label_of

    text = "Officials said 11 civilians were killed in Marib in 2021."
    one = only(text, {"publisher": "Aden Daily"}).source
    two = only(text, {"publisher": "Gulf Wire"}).source
    assert one is not None and two is not None
    assert one.anonymous and (one.relayed_by, two.relayed_by) == ("Aden Daily", "Gulf Wire")
    # two outlets quoting unnamed officials are two sources, not one called "officials"
    assert label_of(one) != label_of(two)
    named = only("Amnesty International said 11 civilians were killed in Marib in 2021.").source
    assert named is not None and label_of(named) == "Amnesty International"


def test_a_denial_of_unnamed_reports_keeps_the_reports_as_a_claim() -> None:
    found = claims(
        "The Ethiopian government denied reports that its drones killed 30 civilians in "
        "Bahir Dar in 2023.",
        {"publisher": "Horn Observer"},
    )
    alleged = next(c for c in found if c.event == "killing")
    assert alleged.source is not None and alleged.source.anonymous
    assert alleged.source.relayed_by == "Horn Observer"
    assert alleged.accused == ("ETH",) and alleged.stance == "accuses"


def test_a_state_rejecting_unnamed_allegations_in_its_own_statement_alleges_nothing() -> None:
    found = claims(
        "Our Government firmly rejects the allegations that its forces shelled a hospital in "
        "Mosul in 2017.",
        {"speaker": "A. Delegate", "speaker_country": "IRQ"},
    )
    assert [c.event for c in found] == ["denial"]


def test_meeting_summary_verbs_name_the_speaker() -> None:
    c = only(
        "Maria Lopez, the Chair of the Commission of Inquiry on Burundi, regretted that 300 "
        "people had been detained in Bujumbura in 2016.",
        {"publisher": "UN Geneva"},
    )
    assert c.source is not None and (c.source.name, c.source.kind) == ("Maria Lopez", "un")


def test_a_publisher_is_an_outlet_even_when_named_like_a_person() -> None:
    """Who publishes a page ("Valley Herald", "Вестник Долины") is never a private person:
    it is not pseudonymised, and it is the voice of what the page says unattributed."""
    [c] = claims(
        "Eleven civilians were killed in shelling of Mopti in May 2023.",
        {"publisher": "Amadou Diallo Daily"},
    )
    assert c.source is not None and (c.source.kind, c.source.origin) == ("outlet", "document")
