"""The Arabic pack on sentences of our own from conflicts the Arabic-language press covers:
events written with clitics and pronoun endings, the verb before its subject ("قالت
المفوضية إن ..."), counts as Arabic writes them (Arabic-Indic digits, number words, duals,
آلاف), both month-name series, denials, calls, armed groups, places found by looking words up,
and harm that is no violation (accidents, disease, hypotheticals, sport, prices)."""

from __future__ import annotations

import pytest

from tocsin.extract import extract
from tocsin.types import Claim

META = {"speaker": "A. Reporter", "date": "2024-03-01"}  # a Friday


def claims(text: str) -> list[Claim]:
    return extract(text, META, language="ar")


def events(text: str) -> list[str]:
    return [c.event for c in claims(text)]


def first(text: str) -> Claim:
    found = claims(text)
    assert found, text
    return found[0]


def places(c: Claim) -> list[str]:
    return [p.name for p in c.places]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("قتل مسلحون 14 مزارعا في ولاية زمفارا عام 2023.", "killing"),
        ("وأعلنت السلطات مقتل ثلاثة صحفيين في غارة على جنوب لبنان عام 2024.", "killing"),
        ("أُعدم 30 أسيرا في معسكر قرب الخرطوم في 2023.", "killing"),
        ("استشهد 12 فلسطينيا في قصف على مخيم النصيرات في 2024.", "killing"),
        ("لقي سبعة أشخاص حتفهم في هجوم بطائرة مسيرة على قرية في إقليم أمهرة عام 2023.", "killing"),
        ("أصيب 40 شخصا بجروح في خاركيف عام 2022.", "injury"),
        ("قصفت الطائرات الحربية سوقا شعبيا في مدينة حلب عام 2016.", "attack_on_civilians"),
        ("نزح آلاف السكان من منازلهم في شمال كيفو عام 2023.", "displacement"),
        ("تم تهجير مئات العائلات قسرا من قراها في ريف حماة عام 2019.", "displacement"),
        ("ما زال مصير 200 شخص مجهولا بعد حملة الاختفاء القسري في درعا.", "missing_persons"),
        ("عثر المحققون على مقبرة جماعية قرب سنجار عام 2017.", "mass_grave"),
        ("اختطفت جماعة مسلحة 25 طالبا من مدرستهم في ولاية كادونا عام 2021.", "detention"),
        ("تعرض المعتقلون للتعذيب في سجن صيدنايا بين عامي 2011 و2015.", "torture"),
        ("وثقت البعثة حالات اغتصاب ارتكبها جنود في تيغراي عام 2021.", "sexual_violence"),
        ("جندت الجماعة المسلحة عشرات الأطفال في ولاية جونقلي عام 2022.", "recruitment_of_children"),
        ("أحرق المهاجمون عشرات المنازل في قرية بإقليم دارفور عام 2023.", "destruction_property"),
        ("فرضت القوات حصارا خانقا على مدينة تعز عام 2016.", "humanitarian_access_denial"),
        ("ألقت المروحيات براميل متفجرة على أحياء سكنية في داريا عام 2015.", "prohibited_weapons"),
    ],
)
def test_events(text: str, event: str) -> None:
    assert event in events(text), (text, events(text))


@pytest.mark.parametrize(
    "text",
    [
        "لقي 12 شخصا حتفهم في حادث سير مروع على الطريق بين القاهرة والإسكندرية.",
        "توفي 30 شخصا بسبب وباء الكوليرا في مخيمات النازحين.",
        "لم يسقط أي قتلى في الهجوم على مقر البعثة.",
        "إذا استمر الحصار فقد يموت آلاف الأطفال جوعا.",
        "تراجعت أسعار النفط بنسبة 3 في المئة بعد أن خفضت السعودية إنتاجها.",
        "فاز فريق الأهلي على الزمالك بثلاثة أهداف مقابل هدف في مباراة حاسمة بالدوري المصري.",
        "خصصت الحكومة 5 ملايين دولار لإعادة إعمار المدارس في العام المقبل.",
        "انتخب مجلس النواب رئيسا جديدا بأغلبية 150 صوتا.",
    ],
)
def test_no_claim_from_harm_that_is_no_violation(text: str) -> None:
    assert claims(text) == [], text


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("قتل أكثر من 200 مدني في الفاشر عام 2024.", 200, "more_than"),
        ("قتل ما لا يقل عن 35 شخصا في مأرب عام 2021.", 35, "at_least"),
        ("نزح نحو 1,500 شخص من منازلهم في أبيي عام 2022.", 1500, "about"),
        ("نزح حوالي 3 آلاف شخص من قراهم في جنوب كردفان عام 2023.", 3000, "about"),
        ("استشهد ١٥ فلسطينيا في غارة على رفح عام 2024.", 15, "exact"),
        ("قتل خمسة وعشرون مدنيا في قصف على إدلب عام 2020.", 25, "exact"),
        ("تشرد أكثر من مليون ومائتي ألف شخص في العراق عام 2014.", 1200000, "more_than"),
        ("أسفر القصف عن مقتل طفلين في تعز عام 2020.", 2, "exact"),
    ],
)
def test_counts(text: str, value: int, qualifier: str) -> None:
    c = first(text)
    assert c.count is not None and (c.count.value, c.count.qualifier) == (value, qualifier), (
        text,
        c.count,
    )


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("قتل عشرات المدنيين في قصف على أحياء حلب عام 2016.", 24, 99),
        ("نزح مئات الآلاف من السكان في السودان عام 2023.", 100000, 999999),
        ("فرت آلاف العائلات من الفاشر عام 2024.", 1000, 9999),
        ("قصفت الطائرات مدرسة تؤوي مئات النازحين في جباليا عام 2024.", 100, 999),
    ],
)
def test_vague_counts(text: str, low: int, high: int) -> None:
    c = first(text)
    assert c.count is not None and (c.count.low, c.count.high) == (low, high), (text, c.count)


def test_the_source_follows_its_verb() -> None:
    c = first("قالت منظمة هيومن رايتس ووتش إن قوات الدعم السريع قتلت 20 رجلا في الجنينة عام 2023.")
    assert c.source is not None and c.source.kind == "ngo"
    assert "هيومن رايتس ووتش" in c.source.name
    assert c.accused == ("RSF",)


def test_according_to() -> None:
    c = first("قتل 40 شخصا في قصف على سوق بمدينة الأبيض، وفقا لمنظمة أطباء بلا حدود.")
    assert c.source is not None and c.source.kind == "ngo"


def test_a_person_named_with_a_title() -> None:
    c = first("وقال فولكر تورك، المفوض السامي لحقوق الإنسان، إن 300 مدني قتلوا في دارفور عام 2023.")
    assert c.source is not None and c.source.kind == "un"
    assert c.source.name.startswith("فولكر تورك")


def test_a_verb_without_a_subject_speaks_for_the_one_named_before() -> None:
    found = claims(
        "قالت منظمة العفو الدولية إن الجيش قصف قرية في ولاية النيل الأزرق عام 2023. "
        "وأضافت أن 12 مدنيا قتلوا في القصف."
    )
    assert [c.source and c.source.kind for c in found] == ["ngo", "ngo"]


def test_the_source_is_not_what_follows_a_cue_to_a_medium() -> None:
    c = first("وقال شهود عيان لرويترز إن الجنود أطلقوا النار على المتظاهرين في الخرطوم عام 2019.")
    assert c.source is not None and c.source.kind == "person"
    assert "رويترز" not in c.source.name


def test_a_denial() -> None:
    found = claims(
        "نفى الجيش السوداني في بيان الاتهامات التي وجهتها منظمة العفو الدولية بقصف الأسواق."
    )
    assert found and found[0].event == "denial" and found[0].stance == "denies"
    assert found[0].source is not None and found[0].source.country == "SDN"


@pytest.mark.parametrize(
    "text",
    [
        "ووصف المتحدث باسم الحكومة هذه التقارير بأنها ادعاءات باطلة.",
        "وقالت الوزارة إن ما نشرته الصحيفة عار عن الصحة.",
        "ورفضت الحركة الاتهامات الموجهة إليها بارتكاب انتهاكات.",
    ],
)
def test_denials_without_the_word(text: str) -> None:
    assert "denial" in events(text), text


def test_a_call() -> None:
    c = first("ودعت اللجنة الدولية للصليب الأحمر إلى وقف استهداف المدنيين في الفاشر.")
    assert c.stance == "calls_for"


@pytest.mark.parametrize(
    ("text", "accused"),
    [
        ("قصفت القوات الروسية مستشفى في خاركيف عام 2022.", "RUS"),
        ("استشهد 9 فلسطينيين في قصف إسرائيلي على خان يونس عام 2024.", "ISR"),
        ("اختطف مسلحو حركة الشباب 20 مدنيا قرب مقديشو عام 2019.", "Al-Shabaab"),
        ("قتل عناصر تنظيم داعش عشرات الإيزيديين في سنجار عام 2014.", "Islamic State"),
        ("هاجم الحوثيون حيا سكنيا في مدينة تعز عام 2018.", "Houthis"),
        ("ارتكبت قوات الدعم السريع مجزرة في ود النورة عام 2024.", "RSF"),
    ],
)
def test_accused(text: str, accused: str) -> None:
    c = first(text)
    assert accused in c.accused, (text, c.accused)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("قتل 10 مدنيين في قصف على قطاع غزة عام 2024.", "قطاع غزة"),
        ("نزح الآلاف من مدينة الفاشر عام 2024.", "الفاشر"),
        ("قصفت الطائرات بلدة في محافظة إدلب عام 2020.", "إدلب"),
        ("قتل 5 أشخاص في الضفة الغربية عام 2023.", "الضفة الغربية"),
        ("اعتقلت القوات 30 شابا في العراق عام 2019.", "العراق"),
        ("قتل 15 شخصا في هجوم على قرية بولاية شمال دارفور عام 2023.", "شمال دارفور"),
    ],
)
def test_places_are_looked_up_with_their_clitics(text: str, place: str) -> None:
    found = places(first(text))
    assert any(place.replace("إ", "ا") in p.replace("إ", "ا") for p in found), (text, found)


def test_a_function_word_is_no_place() -> None:
    c = first("وقال المتحدث إن 20 مدنيا قتلوا وان القصف استمر في حلب عام 2016.")
    assert all(p not in ("ان", "وان") for p in places(c)), places(c)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("قتل 12 شخصا في قصف على حماة في 5 آذار/مارس 2023.", "2023-03-05", "2023-03-05"),
        ("قتل 12 شخصا في قصف على حماة في 5 مارس 2023.", "2023-03-05", "2023-03-05"),
        ("قتل 12 شخصا في قصف على حماة في 5 كانون الثاني 2023.", "2023-01-05", "2023-01-05"),
        ("قتل 12 شخصا في قصف على حماة أمس.", "2024-02-29", "2024-02-29"),
    ],
)
def test_dates(text: str, start: str, end: str) -> None:
    c = first(text)
    assert (c.when_from, c.when_to) == (start, end), (text, c.when_from, c.when_to)


def test_the_month_before_the_document_is_last_month() -> None:
    c = first("قتل 12 شخصا في قصف على حماة الشهر الماضي.")
    assert c.when_from is not None and c.when_from.startswith("2024-02")


def test_quotes_and_offsets_are_the_documents_own() -> None:
    text = "قالت الأمم المتحدة إن ١٥ مدنيًا قُتلوا في إدلب."
    c = first(text)
    assert text[c.start : c.end] == c.quote
    assert "١٥" in c.quote
