"""The words of the human-readable reports (terminal, Markdown) in English and Chinese, in one
place so that the formats say the same thing in the same words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.codes import Exit

if TYPE_CHECKING:
    from factcheck.report.model import Report

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "factcheck report",
        "exit": "exit code",
        "passes": "passes",
        "fails": "fails",
        "broken": "input problems: nothing was checked",
        "partly": "input problems in {bad} of {files} files "
        "({claims} claims of the others checked)",
        "accepted_n": "{n} accepted",
        "baselined_n": "{n} in the baseline",
        "nothing": "no claims were checked",
        "error": "Errors",
        "warning": "Warnings",
        "info": "Info",
        "problems": "Input problems",
        "passed": "Passed checks",
        "article": "article",
        "stated": "stated",
        "recomputed": "recomputed",
        "interval": "interval",
        "arithmetic": "arithmetic",
        "from": "from",
        "accepted": "accepted",
        "baseline": "in baseline",
        "would": "would hold at",
        "tally": "{errors} errors, {warnings} warnings, {infos} info",
        "left": "{n} more entries are left out: a job summary is capped at 1 MiB. "
        "The JSON report has them all.",
        "claims": "claims",
        "checks": "checks",
        "consistent": "consistent",
        "inconsistent": "inconsistent",
        "undetermined": "undetermined",
        "derived": "derived",
        "uncovered": "uncovered",
        "errors": "errors",
        "warnings": "warnings",
        "infos": "info",
        "baselined": "in baseline",
        "material": "material",
        "implied": "implied",
        "pass": "Passed checks",
        "error_one": "error",
        "warning_one": "warning",
        "info_one": "info",
        "stated_only": "no check of its own",
        "elsewhere": "Findings without a place in the article",
    },
    "zh": {
        "title": "factcheck 报告",
        "exit": "退出码",
        "passes": "通过",
        "fails": "未通过",
        "broken": "输入有误，未完成检查",
        "partly": "{files} 个文件中有 {bad} 个输入有误（其余文件检查了 {claims} 条断言）",
        "accepted_n": "已接受 {n} 条",
        "baselined_n": "基线中 {n} 条",
        "nothing": "没有检查任何断言",
        "error": "错误",
        "warning": "警告",
        "info": "提示",
        "problems": "输入问题",
        "passed": "通过的检查",
        "article": "文章",
        "stated": "文中",
        "recomputed": "重算",
        "interval": "区间",
        "arithmetic": "算式",
        "from": "依据",
        "accepted": "已接受",
        "baseline": "已在基线中",
        "would": "可成立的值",
        "tally": "{errors} 个错误，{warnings} 个警告，{infos} 条提示",
        "left": "另有 {n} 条未列出：作业摘要最多 1 MiB。JSON 报告包含全部结果。",
        "claims": "断言",
        "checks": "检查",
        "consistent": "一致",
        "inconsistent": "不一致",
        "undetermined": "无法判定",
        "derived": "推算",
        "uncovered": "未覆盖",
        "errors": "错误",
        "warnings": "警告",
        "infos": "提示",
        "baselined": "已在基线中",
        "material": "影响结论",
        "implied": "推算",
        "pass": "通过的检查",
        "error_one": "错误",
        "warning_one": "警告",
        "info_one": "提示",
        "stated_only": "未单独检查",
        "elsewhere": "文章中无对应位置的结果",
    },
}

# Names of claim kinds, rule kinds, verdicts and severities in Chinese; in English a report says
# the key itself (the word a claims file and a rule pack use).
NAMES_ZH: dict[str, str] = {
    "level": "水平值",
    "growth": "增速",
    "cagr": "年均增速",
    "multiple": "倍数",
    "share": "占比",
    "ratio": "比值",
    "sum": "合计",
    "rank": "排名",
    "count": "计数",
    "parts_growth": "分项增速",
    "duplicate": "重复陈述",
    "identity": "指标恒等式",
    "derived": "推算",
    "coverage": "覆盖",
    "draft": "草稿",
    "network": "数量网络",
    "consistent": "一致",
    "inconsistent": "不一致",
    "undetermined": "无法判定",
    "uncovered": "未覆盖",
    "error": "错误",
    "warning": "警告",
    "info": "提示",
    "real": "可比价",
    "nominal": "现价",
    "unstated": "未注明",
}

# "126 claims" and its Chinese, which counts with a measure word: 126 条断言, 5 项检查.
COUNTED_ZH = {
    "claims": "{n} 条断言",
    "checks": "{n} 项检查",
    "consistent": "{n} 项一致",
    "inconsistent": "{n} 项不一致",
    "undetermined": "{n} 项无法判定",
    "derived": "{n} 项推算",
    "uncovered": "{n} 处未覆盖",
}


def name(key: str, lang: str) -> str:
    """A kind, verdict, severity or price basis in the language of the report."""
    return NAMES_ZH.get(key, key) if lang == "zh" else key


def counted(key: str, n: int, lang: str) -> str:
    """``126 claims``, ``126 条断言``."""
    if lang == "zh" and key in COUNTED_ZH:
        return COUNTED_ZH[key].format(n=n)
    return f"{n} {WORDS[lang][key]}"


# The counts of the summary table, in order (keys of Report.counts() and of WORDS).
COUNT_KEYS = (
    "claims",
    "checks",
    "consistent",
    "inconsistent",
    "undetermined",
    "derived",
    "uncovered",
    "errors",
    "warnings",
    "infos",
    "accepted",
    "baselined",
)


def verdict(report: Report) -> tuple[Exit, str]:
    """The exit code and the one-line verdict the human-readable formats end with."""
    words = WORDS[report.lang]
    code = report.exit_code()
    c = report.counts()
    if code == Exit.INPUT:
        bad = sum(1 for r in report.results if r.problems)
        checked = c["claims"]
        if report.problems and checked:
            return code, words["partly"].format(bad=bad, files=c["files"], claims=checked)
        return code, words["broken"] if report.problems else words["nothing"]
    if report.lang == "en":
        tally = f"{_plural(c['errors'], 'error')}, {_plural(c['warnings'], 'warning')}, "
        tally += f"{c['infos']} info"
    else:
        tally = words["tally"].format(**c)
    notes = [words[f"{k}_n"].format(n=c[k]) for k in ("accepted", "baselined") if c[k]]
    if notes:
        tally += f" ({', '.join(notes)})"
    word = words["fails"] if code == Exit.FINDINGS else words["passes"]
    colon = "：" if report.lang == "zh" else ": "
    return code, f"{tally}{colon}{word} (--fail-on {report.fail_on})"


def _plural(count: int, noun: str) -> str:
    """``1 warning``, ``2 warnings``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
