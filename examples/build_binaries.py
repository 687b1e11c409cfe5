"""Write the demo corpus's PDF and Word files from the texts below.

The binaries are committed so the demo needs nothing but Tocsin; run this script again only
after editing a text here: ``.venv/bin/python examples/build_binaries.py``.
Everything in the corpus is fictional: the states, places, people and events.
"""

from __future__ import annotations

from pathlib import Path

import docx

from tocsin.synth.minipdf import make_pdf

HERE = Path(__file__).parent / "corpus"

DRAVIN_WATCH = [
    "DRAVIN WATCH",
    "Report: The shelling of Kessa market, 12 February 2024",
    "Published 20 February 2024",
    "1. Summary",
    "On 12 February 2024 at about 10:40, at least four artillery shells struck the central market of Kessa "
    "and the streets around it. Dravin Watch documented the deaths of 22 civilians, including 6 children, "
    "and the injury of 58 others. All of the dead were civilians; no military personnel or equipment were "
    "present in the market.",
    "2. Method",
    "Between 13 and 18 February 2024 our researchers interviewed 31 witnesses, 4 medical workers and 2 "
    "municipal officials, examined the records of the Kessa general hospital and analysed the orientation "
    "of 3 craters. We did not rely on figures published by either government.",
    "3. Findings",
    "Crater analysis indicates that the shells were fired from the east, from positions held by the armed "
    "forces of the Kingdom of Astrel at the time. Witnesses consistently described incoming fire from that "
    "direction.",
    "The Government of Astrel denies that its forces fired on Kessa. Dravin Watch requested information "
    "from the Astrelian Ministry of Defence on 14 February 2024 and had received no reply at the time of "
    "publication.",
    "4. Displacement",
    "Since October 2023, between 10,000 and 12,000 people have fled the Kessa district. Many now shelter "
    "in schools and public buildings in Orlen.",
    "5. Recommendations",
    "Dravin Watch calls on the Security Council to mandate an independent investigation, and on both "
    "parties to refrain from using explosive weapons with wide-area effects in populated areas.",
]

ASTREL_SC = [
    "PERMANENT MISSION OF THE KINGDOM OF ASTREL TO THE UNITED NATIONS",
    "Statement by H.E. Mr. Viktor Hale\nPermanent Representative of the Kingdom of Astrel to the United Nations",
    "Security Council, 9581st meeting",
    "2 April 2024",
    "Madam President,",
    "On 28 March 2024, a drone operated by the armed forces of Velmora struck a residential building in "
    "the port town of Sarn. Nine civilians were killed, among them two women and a child, and fourteen "
    "were injured.",
    "This attack is part of a pattern. Since January 2024, Velmoran drones have struck civilian targets in "
    "Astrelian border towns on at least six occasions.",
    "We call on the Council to condemn these attacks and to hold Velmora accountable, in accordance with "
    "resolution 2573 (2021).",
    "Thank you.",
]

VELMORA_LETTER = [
    "Letter dated 10 May 2024 from the Permanent Representative of the Republic of Velmora to the United "
    "Nations addressed to the President of the Security Council",
    "Statement by H.E. Ms. Irena Valk, Permanent Representative of the Republic of Velmora to the United Nations",
    "10 May 2024",
    "I have the honour to refer to the statement made by the representative of the Kingdom of Astrel at "
    "the 9581st meeting of the Security Council (S/PV.9581).",
    "The Republic of Velmora firmly rejects the allegation that its forces struck a residential building "
    "in Sarn on 28 March 2024. No Velmoran drone operated in that area on that date.",
    "Velmora recalls that almost 4,000 of its citizens remain missing since the start of the conflict, "
    "and that Astrel has yet to provide any information on their fate.",
    "I should be grateful if the present letter could be circulated as a document of the Security Council.",
    "(Signed) Irena Valk",
]


def main() -> None:
    (HERE / "dravin-watch-report-2024-02-20.pdf").write_bytes(
        make_pdf(DRAVIN_WATCH, title="The shelling of Kessa market", page_labels_from=1)
    )
    (HERE / "astrel-sc-statement-2024-04-02.pdf").write_bytes(make_pdf(ASTREL_SC))
    document = docx.Document()
    document.core_properties.title = "Letter to the President of the Security Council"
    for para in VELMORA_LETTER:
        document.add_paragraph(para)
    document.save(str(HERE / "velmora-sc-letter-2024-05-10.docx"))


if __name__ == "__main__":
    main()
