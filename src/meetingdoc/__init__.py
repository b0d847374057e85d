"""meetingdoc: who met, what was required, on which principles, towards which targets.

The library API is `analyze(text) -> Report` and, for more control,
`Pipeline(user_dictionaries).analyze(text, path=...)` /
`.analyze_bytes(data, path=...)`. Everything is picklable and keeps no
per-document state, so it drops into process pools and Dask unchanged.
"""

from .model import Report
from .pipeline import Pipeline, analyze

__version__ = "0.1.0"

__all__ = ["Pipeline", "Report", "analyze", "__version__"]
