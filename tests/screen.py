"""What a person sees: a command run in a real terminal (tmux) of a given width, captured."""

from __future__ import annotations

import subprocess
import time
import unicodedata
import uuid
from pathlib import Path


def cells(text: str) -> int:
    """Terminal cells of a text: wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def tmux_screen(cwd: Path, columns: int, command: str, env: dict[str, str]) -> tuple[str, str]:
    """Run ``command`` (a shell line) in a tmux pane ``columns`` wide and return its screen once
    the command is done: as text, and with its colours (escape codes). The rows the command
    printed are those before the line ``END``."""
    session = f"fc-{uuid.uuid4().hex[:8]}"
    tmux = ["tmux", "-L", session]
    subprocess.run(
        [*tmux, "new-session", "-d", "-s", session, "-x", str(columns), "-y", "200"]
        + [f"{command}; echo END; sleep 30"],
        cwd=cwd,
        env={**env, "TERM": "xterm-256color"},
        check=True,
    )
    try:
        plain = ""
        for _ in range(300):
            plain = subprocess.run(
                [*tmux, "capture-pane", "-p", "-t", session], capture_output=True, text=True
            ).stdout
            if "\nEND" in plain or plain.startswith("END"):
                break
            time.sleep(0.1)
        coloured = subprocess.run(
            [*tmux, "capture-pane", "-p", "-e", "-t", session], capture_output=True, text=True
        ).stdout
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)
    rows = plain.split("\n")
    assert "END" in rows, plain
    return "\n".join(rows[: rows.index("END")]), coloured
