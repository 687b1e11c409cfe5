"""Generate a corpus of fictional statements, reports and news in several formats.

Deterministic for a given seed. Used by the ingest benchmark and by robustness tests that
need many files; every name, place and figure is invented.
"""

from __future__ import annotations

import random
from html import escape
from pathlib import Path

from tocsin.synth.minipdf import make_pdf

FORMATS = ("txt", "md", "html", "pdf")
_STATES = [
    "Republic of Velmora",
    "Kingdom of Astrel",
    "Federation of Ossany",
    "Republic of Tarquin",
]
_PLACES = ["Kessa", "Lorn", "Orlen", "Sarn", "Tarn", "Vell", "Brisk", "Dunmore"]
_SPEAKERS = [
    "Irena Valk",
    "Tomas Rell",
    "Viktor Hale",
    "Darius Moln",
    "Amara Okonjo",
    "Ilse Brandt",
]
_EVENTS = [
    "the shelling of {place} killed {n} civilians, including {k} children",
    "about {big} people were forced to leave their homes in the {place} district",
    "{n} people went missing after soldiers detained them near {place}",
    "a landmine exploded near {place}, killing {k} children",
    "a mass grave containing at least {n} bodies was found near {place}",
    "a humanitarian convoy of {k} trucks was turned back at the {place} checkpoint",
    "radio broadcasts called the inhabitants of {place} vermin to be removed",
    "a drone struck a residential building in {place}, injuring {n} civilians",
]
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _paragraphs(rng: random.Random, sentences: int) -> list[str]:
    state, other = rng.sample(_STATES, 2)
    speaker = rng.choice(_SPEAKERS)
    day, month, year = rng.randint(1, 28), rng.choice(_MONTHS), rng.randint(2019, 2025)
    paras = [
        f"Statement by H.E. Mr. {speaker}\nPermanent Representative of the {state} to the United Nations",
        f"at the {rng.randint(10, 99)}th plenary meeting of the General Assembly on agenda item "
        f"{rng.randint(10, 180)}",
        f"{day} {month} {year}",
        "Mr. President,",
    ]
    body: list[str] = []
    for _ in range(sentences):
        event = rng.choice(_EVENTS).format(
            place=rng.choice(_PLACES),
            n=rng.randint(2, 400),
            k=rng.randint(1, 30),
            big=f"{rng.randint(1, 90)},{rng.randint(0, 999):03d}",
        )
        lead = rng.choice(["On", "Since", "By"])
        body.append(
            f"{lead} {rng.randint(1, 28)} {rng.choice(_MONTHS)} {year}, {event}, as the {other} "
            f"{rng.choice(['denies', 'acknowledges', 'has not addressed'])}."
        )
    for i in range(0, len(body), 4):
        paras.append(" ".join(body[i : i + 4]))
    paras.append(f"We recall Security Council resolution {rng.randint(1000, 2700)} ({year - 1}).")
    paras.append("Thank you.")
    return paras


def render(paragraphs: list[str], fmt: str) -> bytes:
    if fmt == "txt":
        return "\n\n".join(paragraphs).encode("utf-8")
    if fmt == "md":
        head, *rest = paragraphs
        return ("**" + head.replace("\n", "  \n") + "**\n\n---\n\n" + "\n\n".join(rest)).encode(
            "utf-8"
        )
    if fmt == "html":
        body = "\n".join(f"<p>{escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)
        return (
            "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Statement</title>"
            "<script>var tracking = true;</script></head><body><nav><a href='/'>Home</a></nav>"
            f"<main>{body}</main><footer>Mission website</footer></body></html>"
        ).encode()
    if fmt == "pdf":
        return make_pdf(paragraphs)
    raise ValueError(f"unknown format {fmt!r}")


def generate(
    folder: Path, count: int, seed: int = 0, formats: tuple[str, ...] = FORMATS, sentences: int = 12
) -> list[Path]:
    """Write `count` documents into `folder`, cycling through `formats`."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        fmt = formats[i % len(formats)]
        path = folder / f"doc-{i:05d}.{fmt}"
        # A serial number makes every document's bytes, and so its sha256, unique.
        paras = [*_paragraphs(rng, sentences), f"Reference number {seed}-{i}."]
        path.write_bytes(render(paras, fmt))
        paths.append(path)
    return paths
