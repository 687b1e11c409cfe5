"""Tocsin: documents in, source-attributed claims out, risk and alerts on top.

Python API first; the ``tocsin`` command is a thin layer over it.
"""

from tocsin.ingest.document import read_document
from tocsin.types import Document, MetaValue, Page, Segment

__version__ = "0.1.0"
__all__ = ["Document", "MetaValue", "Page", "Segment", "__version__", "read_document"]
