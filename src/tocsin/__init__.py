"""Tocsin: documents in, source-attributed claims out, risk and alerts on top.

Python API first; the ``tocsin`` command is a thin layer over it.
"""

from tocsin.extract import extract, extract_document
from tocsin.ingest.document import read_document
from tocsin.types import Claim, Count, Document, MetaValue, Page, Place, Segment

__version__ = "0.1.0"
__all__ = [
    "Claim",
    "Count",
    "Document",
    "MetaValue",
    "Page",
    "Place",
    "Segment",
    "__version__",
    "extract",
    "extract_document",
    "read_document",
]
