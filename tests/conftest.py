"""Settings for the whole test suite.

Inside GitHub Actions (``GITHUB_ACTIONS=true``) ``factcheck check`` without ``--format`` writes
annotations instead of the terminal report (README, "Options of check"). The tests that run
the command line expect the terminal report unless they set the variable themselves, so the
suite runs as outside Actions wherever it runs.
"""

from __future__ import annotations

import os

os.environ.pop("GITHUB_ACTIONS", None)
