"""Write src/factcheck/data/units-table.json: every unit units.txt defines, parsed by pint.

Run it after editing units.txt; tests/test_units.py fails until the two agree.

    python scripts/gen_units_table.py
"""

from __future__ import annotations

import json
from pathlib import Path

from factcheck import units

TARGET = Path(__file__).resolve().parents[1] / "src" / "factcheck" / "data" / units.SHIPPED


def render() -> str:
    """The file's text: the digest of the units.txt it was made from, and the table."""
    rows = [
        f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(list(v), ensure_ascii=False)}"
        for k, v in sorted(units.unit_table().items())
    ]
    digest = json.dumps(units.definitions_digest())
    return '{"units.txt sha256": ' + digest + ', "units": {\n' + ",\n".join(rows) + "\n}}\n"


if __name__ == "__main__":
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET}")
