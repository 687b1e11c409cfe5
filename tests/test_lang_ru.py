"""Russian extraction runs on the Russian language pack alone: data, not code. The sentences
are written for these tests, about many conflicts; none is taken from a real document."""

from __future__ import annotations

import re
from pathlib import Path

from tocsin import lang
from tocsin.extract import extract
from tocsin.extract.quantities import find_counts
from tocsin.types import Claim

META = {"date": "2024-03-01"}
PACKS = Path(__file__).resolve().parents[1] / "src" / "tocsin" / "lang"


def found(text: str, meta: dict[str, str] | None = None) -> list[Claim]:
    return extract(text, meta or META, language="ru")


def claims(text: str) -> list[tuple[object, ...]]:
    return [
        (
            c.event,
            c.stance,
            c.count.value if c.count else None,
            c.count.qualifier if c.count else None,
        )
        for c in found(text)
    ]


def events(text: str) -> list[str]:
    return [c.event for c in found(text)]


# The pack


def test_a_russian_text_is_read_as_russian() -> None:
    assert lang.detect("Боевики убили 11 человек в деревне, сообщила полиция.") == "ru"
    assert lang.has_pack("ru")


# Events, counts and qualifiers, in the cases Russian writes them


def test_killing_with_qualifier_sub_count_date_and_source() -> None:
    killed, children = found(
        "По данным ООН, 12 мая 2023 года в результате авиаудара по рынку в Хартуме погибли "
        "не менее 17 мирных жителей, в том числе пятеро детей."
    )
    assert killed.event == "killing" and killed.victims == "civilians"
    assert killed.count is not None and (killed.count.value, killed.count.qualifier) == (
        17,
        "at_least",
    )
    assert (killed.when_from, killed.when_to) == ("2023-05-12", "2023-05-12")
    assert killed.source is not None and killed.source.kind == "un"
    assert killed.stance == "reports"
    assert children.count is not None and children.count.value == 5
    assert children.victims == "children"


def test_numbers_with_thousands_millions_and_a_decimal_comma() -> None:
    assert claims("Более 1,5 млн человек были вынуждены покинуть свои дома в 2021 году.") == [
        ("displacement", "asserts", 1500000, "more_than")
    ]
    assert claims("В городе погибли уже 2,4 тысячи человек.") == [
        ("killing", "asserts", 2400, "exact")
    ]
    assert claims("Около 3 тыс. человек погибли при штурме города.") == [
        ("killing", "asserts", 3000, "about")
    ]
    assert claims("Свыше 200 домов были разрушены в ходе обстрела.") == [
        ("destruction_property", "asserts", 200, "more_than")
    ]
    assert claims("Силы безопасности задержали по меньшей мере 45 протестующих.")[0][2:] == (
        45,
        "at_least",
    )


def test_numbers_written_as_words_and_in_groups_of_three() -> None:
    (c,) = found("При обстреле рынка были убиты девять мирных жителей.")
    assert c.count is not None and c.count.value == 9
    (c,) = found("Миссия зафиксировала 12 731 убитого мирного жителя.")
    assert c.count is not None and c.count.value == 12731
    (c,) = found("В результате удара пострадали более десяти многоквартирных жилых домов.")
    assert c.event == "destruction_property"
    assert c.count is not None and (c.count.value, c.count.unit) == (10, "buildings")


def test_vague_counts() -> None:
    (c,) = found("Десятки тысяч жителей бежали на юг после начала наступления.")
    assert c.event == "displacement"
    assert c.count is not None and (c.count.low, c.count.high) == (10000, 99999)
    (c,) = found("Силы безопасности задержали сотни демонстрантов в столице.")
    assert c.event == "detention"
    assert c.count is not None and (c.count.low, c.count.high) == (100, 999)


def test_participles_count_people_right_after_the_number() -> None:
    killed, injured = found(
        "Всего зафиксировано 4 120 убитых и 7 800 раненых среди мирных жителей."
    )
    assert (killed.event, killed.count and killed.count.value) == ("killing", 4120)
    assert (injured.event, injured.count and injured.count.value) == ("injury", 7800)


def test_inflected_triggers_of_each_kind() -> None:
    cases = {
        "Повстанцы похитили 30 школьниц в штате Замфара.": "detention",
        "Правозащитники сообщили о пытках задержанных в тюрьме.": "torture",
        "Солдаты изнасиловали несколько женщин в деревне.": "sexual_violence",
        "В районе обнаружены три массовых захоронения.": "mass_grave",
        "Двое детей подорвались на мине у школы.": "mine_incident",
        "Десятки человек пропали без вести после нападения на лагерь.": "missing_persons",
        "Вооруженные группы вербуют детей в ряды боевиков.": "recruitment_of_children",
        "Гуманитарные конвои были заблокированы на подъезде к городу.": (
            "humanitarian_access_denial"
        ),
        "Армия применила кассетные боеприпасы против жилых кварталов.": "prohibited_weapons",
        "Стороны нарушили режим прекращения огня в ночь на субботу.": "ceasefire_violation",
        "Экстремисты осквернили кладбище и сожгли мечеть.": "destruction_cultural_heritage",
    }
    for text, event in cases.items():
        assert event in events(text), text


def test_two_events_in_one_sentence_are_two_claims() -> None:
    found_events = events(
        "В результате удара по жилому дому погибли по меньшей мере 7 человек, ранены 30."
    )
    assert found_events[:2] == ["killing", "injury"]


# Who is accused


def test_named_armed_groups_in_their_russian_spellings() -> None:
    (c,) = found("Боевики «Аль-Шабаб» убили 11 человек в деревне на юге Сомали, сообщила полиция.")
    assert c.accused == ("Al-Shabaab",) and c.count is not None and c.count.value == 11
    assert c.source is not None and c.source.kind == "state"
    (c,) = found("Талибы казнили трех бывших военнослужащих в прошлом месяце.")
    assert c.accused == ("Taliban",) and c.event == "killing"
    (c,) = found("ХАМАС удерживает более 100 заложников, заявил представитель армии Израиля.")
    assert c.accused == ("Hamas",) and c.event == "detention"
    c = found("Силы быстрого реагирования (СБР) обстреляли лагерь для перемещенных лиц.")[0]
    assert c.accused == ("RSF",) and c.event == "attack_on_civilians"


def test_a_state_named_by_its_adjective() -> None:
    (c,) = found("Израильская армия нанесла удар по школе, где укрывались перемещенные лица.")
    assert c.accused == ("ISR",) and c.event == "attack_on_civilians"


# Sources


def test_sources_by_verb_and_by_according_to() -> None:
    (c,) = found("Как сообщает Интерфакс, около 40 человек получили ранения при обстреле.")
    assert c.event == "injury" and c.source is not None and c.source.kind == "outlet"
    assert c.count is not None and (c.count.value, c.count.qualifier) == (40, "about")
    (c,) = found("Human Rights Watch заявила, что силы безопасности задержали сотни демонстрантов.")
    assert c.source is not None and c.source.name == "Human Rights Watch"
    (c,) = found("По словам свидетелей, боевики расстреляли 14 жителей деревни.")
    assert c.source is not None and c.source.kind == "person"


def test_a_known_body_written_in_russian() -> None:
    c = found("УВКПЧ зафиксировало гибель 120 мирных жителей в Мьянме в январе 2024 года.")[0]
    assert c.source is not None and c.source.name == "УВКПЧ"  # as written...
    assert c.source.affiliation == "OHCHR"  # ...and known as the body it names


# Denials and calls


def test_denials() -> None:
    denial, *_ = found(
        "Министерство обороны категорически опровергло сообщения о гибели мирных жителей."
    )
    assert denial.event == "denial" and denial.stance == "denies"
    assert denial.source is not None and denial.source.kind == "state"
    denial, *_ = found(
        "МИД заявил, что обвинения в ударе по больнице не соответствуют действительности."
    )
    assert denial.event == "denial"
    assert "denial" in events("Представитель армии назвал сообщения о казнях пленных фейком.")


def test_a_call_to_free_hostages_is_a_call_that_they_are_held() -> None:
    (c,) = found("Генеральный секретарь призвал стороны немедленно освободить всех заложников.")
    assert c.event == "detention" and c.stance == "calls_for"


# Time


def test_dates_in_the_genitive_and_periods() -> None:
    (c,) = found("17 мая 2021 года в деревне были убиты 12 человек.")
    assert (c.when_from, c.when_to) == ("2021-05-17", "2021-05-17")
    (c,) = found(
        "В период с 24 февраля 2022 года по 13 августа 2023 года погибли 9 444 мирных жителя."
    )
    assert (c.when_from, c.when_to) == ("2022-02-24", "2023-08-13")
    (c,) = found("В феврале 2023 года в лагере были задержаны 30 человек.")
    assert (c.when_from, c.when_to) == ("2023-02", "2023-02")


def test_relative_time() -> None:
    (c,) = found("В прошлом месяце боевики похитили 20 человек.")
    assert (c.when_from, c.when_to) == ("2024-02", "2024-02")
    (c,) = found("Вчера в результате обстрела погибли четыре человека.")
    assert c.when_from == "2024-02-29"


# Places


def test_countries_in_any_case() -> None:
    (c,) = found("Более 500 тысяч человек бежали из Судана в соседние страны.")
    assert any(p.country == "SDN" for p in c.places)
    (c,) = found("В Мьянме военные сожгли 40 домов.")
    assert any(p.country == "MMR" for p in c.places)


# No claim: negation, hypotheticals, accidents, disease, statistics that are no harm


def test_negation_and_hypotheticals_are_no_claims() -> None:
    assert found("Ни один мирный житель не пострадал в ходе операции.") == []
    assert found("Если боевые действия продолжатся, тысячи людей могут погибнуть.") == []
    assert found("Мы должны предотвратить новые массовые убийства.") == []
    # "не менее" is a qualifier, not a negation
    assert events("Не менее 20 человек были убиты при нападении.") == ["killing"]


def test_accidents_disease_and_disasters_are_no_violations() -> None:
    assert found("В ДТП на трассе погибли четыре человека и еще шесть получили травмы.") == []
    assert found("От холеры в провинции скончались 200 человек.") == []
    assert found("Наводнение унесло жизни 35 человек, сотни домов разрушены.") == []
    assert found("Автобус перевернулся, водитель не справился с управлением, есть погибшие.") == []


def test_numbers_that_count_no_victims() -> None:
    assert found("Бюджет программы составил 2 млн долларов.") == []
    assert found("Совет Безопасности принял резолюцию 2417 в 2018 году.") == []
    pack = lang.load("ru")
    text = "Более 2 млн человек нуждаются в гуманитарной помощи."
    assert [c.value for c in find_counts(text, 0, len(text), pack) if c.value] in ([], [2000000])
    assert found(text) == []


def test_a_word_for_trying_is_not_torture() -> None:
    assert "torture" not in events("Беженцы пытались пересечь границу ночью.")


def test_figurative_blows_and_victims_of_crime_are_no_violations() -> None:
    assert found("Санкции нанесли серьезный удар по экономике страны.") == []
    assert found("Жертвами мошенников стали более 300 пенсионеров.") == []
    assert found("Хакерская атака на сайт министерства длилась несколько часов.") == []
    assert found("Правительство выделило 3 млрд рублей на восстановление школ.") == []


def test_a_drone_attack_names_its_state_by_adjective() -> None:
    (c,) = found("Накануне украинские беспилотники атаковали нефтебазу в пригороде.")
    assert c.event == "attack_on_civilians" and c.accused == ("UKR",)
    (c,) = found("Боевики ИГИЛ взяли в заложники 50 жителей деревни.")
    assert c.event == "detention" and c.accused == ("Islamic State",)
    assert c.count is not None and c.count.value == 50


def test_every_generic_force_opens_on_a_word() -> None:
    """The one scan for any generic force looks only where a word begins (see
    test_extract_speedups): every generic force of the Russian pack must begin on a word."""
    from re import _parser  # type: ignore[attr-defined]

    from tests.test_extract_speedups import _opens_on_a_word

    pack = lang.load("ru")
    data = pack.section("armed_groups")
    for p in [*data["state_generic"].values(), *data["non_state_generic"].values()]:
        assert _opens_on_a_word(list(_parser.parse(p, re.IGNORECASE))), p


def test_wounded_as_a_verb_phrase_and_a_toll_that_passed_a_number() -> None:
    killed, injured = found(
        "По данным миссии, погибли по меньшей мере 312 мирных жителей, еще 1 204 получили ранения."
    )
    assert killed.count is not None and (killed.count.value, killed.count.qualifier) == (
        312,
        "at_least",
    )
    assert injured.event == "injury" and injured.count is not None
    assert injured.count.value == 1204
    (c,) = found("Минздрав анклава сообщил, что число погибших превысило 12 тысяч человек.")
    assert c.count is not None and (c.count.value, c.count.qualifier) == (12000, "more_than")
    assert c.source is not None and c.source.kind == "state"


def test_a_strike_named_by_the_adjective_of_its_state() -> None:
    (c,) = found("В результате турецкого авиаудара по деревне погибли девять человек.")
    assert c.event == "killing" and c.accused == ("TUR",)


def test_an_uncertain_report_of_a_past_event_is_still_a_claim() -> None:
    assert claims("Возможно, в результате удара погибли 20 человек.") == [
        ("killing", "asserts", 20, "exact")
    ]
    assert claims("По предварительным данным, могли погибнуть до 50 человек.")[0][0] == "killing"
