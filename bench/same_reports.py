"""Do two versions of factcheck report the same? Not a timing: the check that a speed-up changed
no result. ``--save DIR`` runs ``factcheck check --no-cache`` over a set of inputs (the
example in claims/, the test data's claims files, good and bad, and bench_scale's synthetic
files, 1,050 and 105,000 claims) in every report format, with ``--jobs 1`` and ``--jobs 2``,
and writes each report with its exit code under DIR; ``--against DIR`` runs the same and
compares byte for byte, listing every difference.

    python bench/same_reports.py --save /tmp/before      # on the old code
    python bench/same_reports.py --against /tmp/before   # on the new code
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from gen_claims import generate
from installed import require_factcheck

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
FORMATS = ("json", "text", "sarif", "junit", "markdown", "github")


def cases(synthetic: Path) -> list[tuple[str, Path, list[str]]]:
    """(name, working folder, arguments) of every run compared."""
    small, large = synthetic / "n10", synthetic / "n1000"
    runs: list[tuple[str, Path, list[str]]] = []
    folders = {
        "claims": (ROOT, ["claims"]),
        "formats": (DATA / "formats", ["."]),
        "schema": (DATA / "schema", ["."]),
        "bad": (DATA / "bad", ["."]),
        "corpus": (DATA / "corpus", ["."]),
        "n10": (small, ["."]),
    }
    for name, (cwd, paths) in folders.items():
        for fmt in FORMATS:
            for jobs in ("1", "2"):
                for verbose in ([], ["-v"]):
                    tag = f"{name}-{fmt}-j{jobs}{'-v' if verbose else ''}"
                    runs.append((tag, cwd, [*paths, "-f", fmt, "--jobs", jobs, *verbose]))
        runs.append((f"{name}-json-en", cwd, [*paths, "-f", "json", "--lang", "en", "--jobs", "1"]))
    for name in sorted(p.name for p in (DATA / "bad").glob("*.yaml")):
        runs.append((f"bad-{name}", DATA / "bad", [name, "-f", "text", "--jobs", "1"]))
    for jobs in ("1", "auto"):
        runs.append((f"n1000-json-j{jobs}", large, [".", "-f", "json", "--jobs", jobs]))
        runs.append((f"n1000-text-j{jobs}-v", large, [".", "-f", "text", "-v", "--jobs", jobs]))
    return runs


def report(cwd: Path, args: list[str]) -> bytes:
    """Standard output, standard error and exit code of one run."""
    cmd = [sys.executable, "-m", "factcheck", "check", "--no-cache", *args]
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, check=False)
    tail = f"\n--- exit {proc.returncode}\n".encode()
    return proc.stdout + b"\n--- stderr\n" + proc.stderr + tail


def main() -> None:
    """Save or compare the reports."""
    require_factcheck()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path)
    group.add_argument("--against", type=Path)
    parser.add_argument("--quick", action="store_true", help="leave out the 105,000 claims")
    parser.add_argument("--only", default="", help="only the reports whose name starts so")
    args = parser.parse_args()
    differ = 0
    with tempfile.TemporaryDirectory() as tmp:
        synthetic = Path(tmp)
        for n in (10,) if args.quick else (10, 1000):
            generate(synthetic / f"n{n}", n)
        runs = [
            r
            for r in cases(synthetic)
            if r[0].startswith(args.only) and not (args.quick and r[0].startswith("n1000"))
        ]
        for tag, cwd, argv in runs:
            out = report(cwd, argv)
            if args.save is not None:
                args.save.mkdir(parents=True, exist_ok=True)
                (args.save / tag).write_bytes(out)
                continue
            old = (args.against / tag).read_bytes()
            if old != out:
                differ += 1
                print(f"DIFFERS: {tag} ({len(old)} bytes before, {len(out)} now)")
            else:
                digest = hashlib.sha256(out).hexdigest()[:12]
                print(f"same: {tag} ({len(out)} bytes, {digest})")
    if args.against is not None:
        print(f"\n{len(runs) - differ} of {len(runs)} reports the same, {differ} differ")
        raise SystemExit(1 if differ else 0)


if __name__ == "__main__":
    main()
