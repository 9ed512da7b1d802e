"""Test-wide settings.

Hypothesis runs derandomized by default, so the suite gives the same verdict on
every run (CI included); `HYPOTHESIS_PROFILE=explore python -m pytest` searches
with fresh random examples — the way the property tests found most bugs — and
keeps what it finds in .hypothesis/.
"""

import os

from hypothesis import settings

settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))
