"""Coverage as a check: every numeric mention of the article that no claim quotes and no ignore
entry lists is a finding, located in the article, so that ``check`` keeps claims and article in
step."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from factcheck import coverage
from factcheck.finding import Finding
from factcheck.kinds.base import Context, Doc, Option

KIND = "coverage"
CODES = ("FC151",)
OPTIONS: dict[str, Option] = {}
DOC = Doc(
    what="Lists the numeric mentions of the article that no claim quotes and no ignore entry "
    "lists.",
    why="A figure added to the article after its claims were written is checked by nothing.",
    passes="every figure of the article stands inside a claim's or an ignore entry's quote",
    fails="the article gains '同比增长8%' and no claim quotes it",
)


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Finding]:
    """One finding per uncovered mention."""
    if ctx.quotes is None:
        return
    for m in coverage.missing(ctx.file, ctx.quotes):
        yield Finding(
            path=ctx.file.article_path,
            line=m.line,
            col=m.col,
            code="FC151",
            claim="",
            verdict="uncovered",
            message=f"'{m.text}' is not covered by any claim or ignore entry",
            message_zh=f"“{m.text}”未被任何断言或忽略项覆盖",
            quote=m.text,
            stated=m.text,
            article_path=ctx.file.article_path,
            article_line=m.line,
            article_col=m.col,
            check=KIND,
        )
