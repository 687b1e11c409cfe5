"""A 42-document test corpus about two fictional situations over the first half of 2024, built
so that its risk profile and alerts are known in advance.

Velmora (XVM), fighting Astrel (XAS): one shelling a month from January to April, each reported
by Velmora, a news agency and the UN mission (corroborated); in May four shellings in four
towns, each reported once by an NGO (an escalation); in March, displacement from Tarn with
figures that cannot both hold (contested); in June, a broadcast dehumanising Velmorans (first
evidence of intent and of a plan); in July, a mass grave that Astrel denies. Astrel accuses
Velmora of ceasefire violations every month.

Sundia (XSU): in January a minister's speech against the Kaduri (first evidence of intent); in
February a convoy turned back (humanitarian access denied); in March four rallies inciting
against the Kaduri (a surge of hate speech); from April killings and detentions of Kaduri.

Every name is invented. Written as plain-text wire copy with `.meta.json` sidecars naming the
source and date, so that who says what is fixed by construction.
"""

from __future__ import annotations

import json
from pathlib import Path

ENTITIES = {
    "entities": [
        {"code": "XVM", "names": ["Republic of Velmora", "Velmora"], "kind": "state"},
        {"code": "XAS", "names": ["Kingdom of Astrel", "Astrel"], "kind": "state"},
        {"code": "XSU", "names": ["Republic of Sundia", "Sundia"], "kind": "state"},
    ],
    "groups": ["Velmorans", "Kaduri"],
    "places": [
        {"name": "Kessa", "country": "XVM", "lat": 41.81, "lon": 44.24, "admin1": "Dravin Valley"},
        {"name": "Lorn", "country": "XVM", "lat": 41.91, "lon": 44.40, "admin1": "Dravin Valley"},
        {"name": "Tarn", "country": "XVM", "lat": 41.86, "lon": 44.51, "admin1": "Dravin Valley"},
        {"name": "Orlen", "country": "XVM", "lat": 42.20, "lon": 44.12, "admin1": "Northern March"},
        {"name": "Brisk", "country": "XVM", "lat": 42.31, "lon": 44.30, "admin1": "Northern March"},
        {"name": "Sarn", "country": "XAS", "lat": 42.04, "lon": 44.69},
        {
            "name": "Marel",
            "country": "XSU",
            "lat": 3.10,
            "lon": 11.20,
            "admin1": "Coastal Province",
        },
        {
            "name": "Penhal",
            "country": "XSU",
            "lat": 3.32,
            "lon": 11.05,
            "admin1": "Coastal Province",
        },
        {"name": "Ostvik", "country": "XSU", "lat": 4.01, "lon": 12.40, "admin1": "Highlands"},
    ],
}

VELMORA = {"speaker_country": "XVM"}
ASTREL = {"speaker_country": "XAS"}
SUNDIA = {"speaker_country": "XSU"}
UN = {"speaker_org": "UN Mission in the Dravin Valley"}
NEWS = {"publisher": "Valley News Agency"}
NGO = {"publisher": "Dravin Watch"}
CRM = {"publisher": "Coastal Rights Monitor"}
HERALD = {"publisher": "Sundia Herald"}

# Velmora, January to April: one shelling a month, three sources each.
_MONTHLY = [
    ("01", "8 January 2024", "Lorn", "three", "3"),
    ("02", "14 February 2024", "Kessa", "five", "5"),
    ("03", "6 March 2024", "Tarn", "two", "2"),
    ("04", "10 April 2024", "Orlen", "four", "4"),
]
# May: four shellings, one report each.
_MAY = [
    ("3 May 2024", "Lorn", "6"),
    ("11 May 2024", "Kessa", "2"),
    ("19 May 2024", "Tarn", "9"),
    ("27 May 2024", "Brisk", "3"),
]


def documents() -> list[tuple[str, dict[str, str], str]]:
    """(filename, metadata, text) for every document, in date order within each story."""
    docs: list[tuple[str, dict[str, str], str]] = []
    for month, day, town, words, digits in _MONTHLY:
        date = f"2024-{month}-{int(day.split()[0]) + 2:02d}"
        docs += [
            (
                f"xvm-{month}-shelling-statement.txt",
                {**VELMORA, "date": date},
                f"On {day}, the armed forces of Astrel shelled the town of {town}. "
                f"The attack killed {digits} civilians.",
            ),
            (
                f"vna-{month}-shelling.txt",
                {**NEWS, "date": date},
                f"{words.capitalize()} civilians were killed in {town} on {day} when shells "
                "struck their homes, local officials said.",
            ),
            (
                f"un-{month}-shelling.txt",
                {**UN, "date": date},
                f"The Mission confirmed that {digits} civilians were killed by shelling in "
                f"{town} on {day}.",
            ),
        ]
    for i, (day, town, n) in enumerate(_MAY, 1):
        docs.append(
            (
                f"ngo-05-shelling-{i}.txt",
                {**NGO, "date": f"2024-05-{int(day.split()[0]) + 1:02d}"},
                f"Dravin Watch documented that shelling killed {n} civilians in {town} on {day}.",
            )
        )
    docs += [
        (
            "xvm-03-displacement.txt",
            {**VELMORA, "date": "2024-03-20"},
            "Since 6 March 2024, more than 5,000 people have been forced to leave their homes "
            "in Tarn.",
        ),
        (
            "un-03-displacement.txt",
            {**UN, "date": "2024-03-22"},
            "About 1,200 people were displaced from Tarn in March 2024, the Mission said.",
        ),
        (
            "ngo-06-broadcast.txt",
            {**NGO, "date": "2024-06-05"},
            "On 2 June 2024, a presenter on Astrel state television called the Velmorans of "
            "Kessa cockroaches.",
        ),
        (
            "xvm-06-broadcast.txt",
            {**VELMORA, "date": "2024-06-06"},
            "On 2 June 2024, Astrel state television called the Velmorans of Kessa vermin and "
            "cockroaches.",
        ),
        (
            "un-07-mass-grave.txt",
            {**UN, "date": "2024-07-16"},
            "On 15 July 2024, the Mission found a mass grave containing at least 30 bodies "
            "near Orlen.",
        ),
        (
            "vna-07-mass-grave.txt",
            {**NEWS, "date": "2024-07-17"},
            "A mass grave with at least 30 bodies was uncovered near Orlen on 15 July 2024, "
            "officials said.",
        ),
        (
            "xas-07-denial.txt",
            {**ASTREL, "date": "2024-07-20"},
            "Astrel categorically rejects the allegations about a mass grave near Orlen.",
        ),
    ]
    for month in ("01", "02", "03", "04", "05", "06"):
        docs.append(
            (
                f"xas-{month}-ceasefire.txt",
                {**ASTREL, "date": f"2024-{month}-25"},
                f"On 24 {_MONTH_NAMES[month]} 2024, the armed forces of Velmora violated the "
                "ceasefire near Sarn.",
            )
        )
    docs += _sundia()
    return docs


_MONTH_NAMES = {
    "01": "January",
    "02": "February",
    "03": "March",
    "04": "April",
    "05": "May",
    "06": "June",
}


def _sundia() -> list[tuple[str, dict[str, str], str]]:
    docs = [
        (
            "crm-01-speech.txt",
            {**CRM, "date": "2024-01-12"},
            "On 10 January 2024, a government minister told a rally in Marel that the Kaduri "
            "were vermin.",
        ),
        (
            "herald-02-convoy.txt",
            {**HERALD, "date": "2024-02-13"},
            "On 12 February 2024, soldiers turned back a humanitarian convoy of 8 trucks at "
            "the Penhal checkpoint.",
        ),
    ]
    rallies = [
        ("4 March 2024", "Marel"),
        ("9 March 2024", "Penhal"),
        ("16 March 2024", "Ostvik"),
        ("23 March 2024", "Marel"),
    ]
    for i, (day, town) in enumerate(rallies, 1):
        docs.append(
            (
                f"crm-03-rally-{i}.txt",
                {**CRM, "date": f"2024-03-{int(day.split()[0]) + 1:02d}"},
                f"On {day}, speakers at a rally in {town} used hate speech against the Kaduri.",
            )
        )
    for month, day, town, n in (
        ("04", "7 April 2024", "Ostvik", "12"),
        ("05", "12 May 2024", "Ostvik", "7"),
        ("06", "2 June 2024", "Penhal", "5"),
    ):
        docs.append(
            (
                f"crm-{month}-killing.txt",
                {**CRM, "date": f"2024-{month}-{int(day.split()[0]) + 3:02d}"},
                f"On {day}, soldiers killed {n} Kaduri villagers in {town}.",
            )
        )
        docs.append(
            (
                f"herald-{month}-detention.txt",
                {**HERALD, "date": f"2024-{month}-{int(day.split()[0]) + 4:02d}"},
                f"Police detained {n} men in Marel on {day}.",
            )
        )
    docs.append(
        (
            "xsu-06-statement.txt",
            {**SUNDIA, "date": "2024-06-20"},
            "The Government of Sundia is committed to the protection of all its citizens.",
        )
    )
    return docs


def write(folder: Path) -> tuple[Path, Path]:
    """Write the corpus and its entities file; returns (corpus folder, entities file)."""
    corpus = folder / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for name, meta, text in documents():
        (corpus / name).write_text(text + "\n", encoding="utf-8")
        (corpus / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    entities = folder / "entities.json"
    entities.write_text(json.dumps(ENTITIES, indent=1), encoding="utf-8")
    return corpus, entities
