"""Claims → incidents: claims about the same real-world event grouped across documents and
speakers, with which independent sources back them, which contest them, and the counts
reconciled low / best / high the way UCDP does. Pure: claims and source labels in, incidents
out; nothing here reads or writes the store.
"""

from tocsin.corroborate.incidents import (
    Incident,
    Rules,
    corroborate,
    is_public_source,
    source_label,
)
from tocsin.corroborate.sources import claim_party, claim_source, is_private

__all__ = [
    "Incident",
    "Rules",
    "claim_party",
    "claim_source",
    "corroborate",
    "is_private",
    "is_public_source",
    "source_label",
]
