"""Errors a user can act on: each carries a one-line reason and, where useful, what to do next."""

from __future__ import annotations


class TocsinError(Exception):
    """Base class: str(error) is a single line fit to print after the file name."""


class RejectedInput(TocsinError):
    """The input cannot be turned into a document (empty, binary, encrypted, too large...)."""


class StoreError(TocsinError):
    """The store cannot be opened or written."""
