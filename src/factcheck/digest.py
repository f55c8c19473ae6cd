"""SHA-256 hex digests, from CPython's own SHA-256 module when it has one.

``hashlib`` loads OpenSSL's library on import (about 2 ms, a fifth of ``python -c pass``), on
every run, for a handful of short digests (the cache's keys, a claims file's and its article's
text). The digests are the same: it is the same function (tests/test_digest.py).
"""

import importlib
from collections.abc import Callable
from typing import Any


def _sha256() -> Callable[[bytes], Any]:
    for name in ("_sha256", "_sha2"):  # CPython 3.11; 3.12 and later
        try:
            return importlib.import_module(name).sha256
        except (ImportError, AttributeError):
            continue
    import hashlib  # noqa: PLC0415 - another Python: hashlib's own

    return hashlib.sha256


_SHA256 = _sha256()


def sha256_hex(data: bytes) -> str:
    """The SHA-256 digest of ``data`` in hexadecimal, as ``hashlib.sha256(data).hexdigest()``."""
    return str(_SHA256(data).hexdigest())
