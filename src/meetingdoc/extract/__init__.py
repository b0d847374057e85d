"""Extractors: one module per kind of item, each a pure function of a Context."""

from .context import Context, Unit, split_sentences

__all__ = ["Context", "Unit", "split_sentences"]
