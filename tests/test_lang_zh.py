"""Chinese extraction runs on the Chinese language pack alone: data read through the pack's
[script] (jieba words, traditional characters folded to simplified ones). The sentences are
written for these tests, about many conflicts; none is taken from a real document."""

from __future__ import annotations

from pathlib import Path

from tocsin import lang
from tocsin.extract import extract
from tocsin.extract.quantities import find_counts
from tocsin.lang import script
from tocsin.types import Claim

META = {"date": "2024-11-20"}
PACKS = Path(__file__).resolve().parents[1] / "src" / "tocsin" / "lang"


def found(text: str, meta: dict[str, str] | None = None) -> list[Claim]:
    return extract(text, meta or META, language="zh")


def claims(text: str) -> list[tuple[object, ...]]:
    return [
        (c.event, c.count.value if c.count else None, c.count.qualifier if c.count else None)
        for c in found(text)
    ]


def events(text: str) -> list[str]:
    return [c.event for c in found(text)]


def counts(text: str) -> list[tuple[object, ...]]:
    pack = lang.load("zh")
    seen = script.view(text, pack).text
    return [(c.value, c.qualifier, c.low, c.high) for c in find_counts(seen, 0, len(seen), pack)]


# The pack


def test_a_chinese_text_is_read_as_chinese() -> None:
    assert lang.detect("武装分子在村庄里打死了11名村民，警方说。") == "zh"
    assert lang.has_pack("zh")


def test_the_view_puts_a_space_between_words_and_folds_traditional_characters() -> None:
    pack = lang.load("zh")
    assert script.view("超过2.5万人受伤", pack).text == "超过 2.5 万 人 受伤"
    assert script.view("軍隊殺害平民", pack).text == script.view("军队杀害平民", pack).text


# Counts: digits, Chinese numerals, 万 and 亿, qualifiers before and after the number


def test_numbers_with_wan_and_mixed_forms() -> None:
    assert counts("超过2.5万人受伤") == [(25000, "more_than", None, None)]
    assert counts("另有至少44万人流离失所") == [(440000, "at_least", None, None)]
    assert counts("超过1万2500人被拘留") == [(12500, "more_than", None, None)]
    assert counts("逾800万人流离失所") == [(8000000, "more_than", None, None)]


def test_chinese_numerals() -> None:
    assert counts("打死二十五人") == [(25, "exact", None, None)]
    assert counts("两千多人逃离家园") == [(2000, "more_than", None, None)]
    assert counts("约三十名记者遭到拘留") == [(30, "about", None, None)]


def test_qualifiers_written_after_the_number() -> None:
    assert counts("4100多名儿童") == [(4100, "more_than", None, None)]
    assert counts("造成300余人死亡") == [(300, "more_than", None, None)]


def test_vague_quantities() -> None:
    assert counts("数十人受伤") == [(None, "vague", 24, 99)]
    assert counts("数百名儿童兵") == [(None, "vague", 100, 999)]
    assert counts("数万人流离失所") == [(None, "vague", 10000, 99999)]
    assert counts("成千上万民众逃离家园") == [(None, "vague", 1000, 99999)]
    assert counts("数十万流离失所者") == [(None, "vague", 100000, 999999)]


def test_years_ages_money_and_those_in_need_are_no_counts() -> None:
    assert counts("2023年") == []
    assert counts("一名12岁的男孩") == []
    assert counts("援助资金达5亿美元") == []
    assert counts("还有1400万人需要紧急人道主义援助") == []


# Events


def test_killing_with_qualifier_place_time_and_perpetrator() -> None:
    (c,) = found("武装分子昨天在加沙地带杀害了25名平民。")
    assert c.event == "killing" and c.victims == "civilians"
    assert c.count is not None and c.count.value == 25
    assert "加沙地带" in [p.name for p in c.places]
    assert (c.when_from, c.when_to) == ("2024-11-19", "2024-11-19")
    assert c.accused == ("armed group",)


def test_a_sentence_of_an_attack_and_its_dead_and_wounded() -> None:
    got = found("俄罗斯军队上周炮击了赫尔松，造成3名平民死亡、12人受伤。")
    assert [c.event for c in got] == ["attack_on_civilians", "killing", "injury"]
    assert [c.count.value if c.count else None for c in got] == [None, 3, 12]
    assert all(c.accused == ("RUS",) for c in got)
    assert all("赫尔松" in [p.name for p in c.places] for c in got)
    assert got[1].when_from == "2024-11-13"


def test_displacement_and_qualifiers() -> None:
    assert claims("过去一周，两千多人逃离家园。") == [("displacement", 2000, "more_than")]
    assert claims("自2023年4月冲突爆发以来，已有超过1.5万人被打死。") == [
        ("killing", 15000, "more_than")
    ]


def test_detention_torture_sexual_violence_and_recruitment() -> None:
    assert events("该组织估计，约三十名记者遭到任意拘留并受到酷刑。")[0] == "detention"
    assert "torture" in events("囚犯在拘留期间遭受酷刑。")
    assert events("有上千名儿童遭到强奸或其他形式的性暴力。") == ["sexual_violence"]
    assert events("胡塞武装上月招募了数百名儿童兵。") == ["recruitment_of_children"]


def test_mass_grave_and_destruction() -> None:
    assert events("在刚果民主共和国东部的伊图里省，发现了一处集体墓地。") == ["mass_grave"]
    (c,) = found("顿涅茨克州的炮击摧毁了数十栋房屋。")
    assert c.event == "destruction_property"
    assert c.count is not None and (c.count.low, c.count.high) == (24, 99)


def test_hostages_taken() -> None:
    got = found("哈马斯10月7日袭击以色列南部，造成约1200人死亡，另有250多人被劫持为人质。")
    assert [(c.event, c.count.value if c.count else None) for c in got] == [
        ("killing", 1200),
        ("detention", 250),
    ]
    assert all(c.accused == ("Hamas",) for c in got)
    assert got[0].count is not None and got[0].count.qualifier == "about"
    assert got[0].when_from == "2024-10-07"  # the last 7 October before the document


# Traditional characters


def test_traditional_characters_read_like_simplified_ones() -> None:
    (c,) = found("據報道，武裝分子在村莊殺害了至少12名平民。")
    assert c.event == "killing"
    assert c.count is not None and (c.count.value, c.count.qualifier) == (12, "at_least")
    assert c.quote == "武裝分子在村莊殺害了至少12名平民。"


# Armed groups


def test_armed_groups_named_in_chinese() -> None:
    cases = {
        "苏丹快速支援部队在法希尔杀害了40名平民。": "RSF",
        "据当地官员称，博科圣地武装分子昨天在博尔诺州杀害了17名农民。": "Boko Haram",
        "青年党在摩加迪沙发动自杀式袭击，造成两百多人伤亡。": "Al-Shabaab",
        "“3·23”运动武装分子绑架了30多名村民。": "M23",
        "塔利班当局上周拘留了三名记者。": "Taliban",
    }
    for text, group in cases.items():
        assert group in found(text)[-1].accused, text


# Sources


def test_according_to_an_outlet_and_a_state_force() -> None:
    (c,) = found("据路透社报道，俄军周二对哈尔科夫发动导弹袭击，打死5人。")
    assert c.source is not None and (c.source.name, c.source.kind) == ("路透社", "outlet")
    assert c.accused == ("RUS",)
    assert c.stance == "accuses"


def test_speaker_before_the_verb() -> None:
    (c,) = found("联合国难民署表示，自去年4月以来，已有逾800万人流离失所。")
    assert c.source is not None and c.source.kind == "un"
    assert c.stance == "reports"
    (c,) = found("乌克兰检察官称，在布恰发现一处万人坑。")
    assert c.source is not None and (c.source.kind, c.source.country) == ("state", "UKR")
    (c,) = found("目击者告诉美联社，武装分子向市场开火，打死至少十二人。")
    assert c.source is not None and c.source.kind == "person"


def test_a_person_named_without_capitals() -> None:
    (c,) = found("王伟表示，武装分子烧毁了村庄里的二十间房屋。")
    assert c.source is not None and (c.source.name, c.source.kind) == ("王伟", "person")


def test_a_permanent_representative_speaks_for_a_state_not_the_un() -> None:
    (c,) = found("中国常驻联合国代表张明表示，空袭导致大量无辜平民丧生。")
    assert c.source is not None and c.source.country == "CHN"


# Denials, calls, negation and what is no violation


def test_denials() -> None:
    (c,) = found("外交部发言人驳斥了有关军队屠杀平民的指控。")
    assert (c.event, c.stance) == ("denial", "denies")
    assert found("以色列国防军否认袭击了医院。")[0].stance == "denies"


def test_calls_and_negations_state_no_violation() -> None:
    assert found("联合国敦促各方保护平民。") == []
    assert found("叛军并未杀害任何平民，当局表示。") == []
    assert found("没有人员在袭击中死亡。") == []


def test_accidents_disease_disasters_and_markets_are_no_claims() -> None:
    assert found("一场车祸造成12人死亡。") == []
    assert found("霍乱疫情已导致300多人死亡。") == []
    assert found("地震已造成超过1000人死亡。") == []
    assert found("股市暴跌，三千只股票跌停。") == []


def test_hypotheticals_and_statistics_are_no_claims() -> None:
    assert found("如果冲突继续，可能会有数千人流离失所。") == []
    assert found("据统计，该市共有300万人口。") == []
    assert found("这场比赛有5万名观众。") == []
    assert found("警方逮捕了两名涉嫌盗窃的男子。") == []


def test_a_number_written_onto_its_noun_and_the_noun_after_a_classifier() -> None:
    assert counts("超过30万叙平民死亡") == [(300000, "more_than", None, None)]
    women, children = found("去年共有865名妇女和2318名儿童受伤。")
    assert (women.count.value if women.count else None, women.victims) == (865, "women")
    assert (children.count.value if children.count else None, children.victims) == (
        2318,
        "children",
    )


def test_questions_state_no_violation() -> None:
    assert found("世上有这样的屠杀吗？") == []


def test_according_to_a_source_and_a_dateline_before_the_speaker() -> None:
    (c,) = found("据巴勒斯坦卫生部门10日发布的数据，以色列的军事行动已造成超过3.5万人死亡。")
    assert c.source is not None and (c.source.kind, c.source.country) == ("state", "PSE")
    got = found("（日内瓦27日讯）联合国人权事务高级专员表示，空袭已造成至少103名平民死亡。")
    assert [c.source.name if c.source else None for c in got] == ["联合国人权事务高级专员"]


def test_a_line_that_introduces_a_statement_is_the_source_of_what_follows() -> None:
    text = "该国卫生部发表声明说\n\n冲突爆发以来已造成2000人死亡\n\n另有5000人受伤"
    got = found(text)
    assert [c.event for c in got] == ["killing", "injury"]
    assert all(c.source is not None and c.source.name == "该国卫生部" for c in got)


def test_a_person_named_after_their_role_is_named_first() -> None:
    (c,) = found("联合国人权事务高级专员巴切莱特表示，空袭已造成至少103名平民死亡。")
    assert c.source is not None and c.source.kind == "un"
    assert c.source.name == "巴切莱特，联合国人权事务高级专员"
    (c,) = found("联合国人权事务高级专员办公室表示，空袭已造成至少103名平民死亡。")
    assert c.source is not None and c.source.name == "联合国人权事务高级专员办公室"
