"""Score the extractor against the hand labels of the development corpus (tests/data/corpus).

Each article ``NAME.txt`` is drafted in-process with the extractor's public entry,
``factcheck.extract.draft_claims(text, load_pack(), published=DATE)`` (entity and year guessed
from the text, as ``factcheck extract`` does, DATE being ``published`` of ``NAME.meta.yaml``, the
publication context that dates 一季度 in a text that writes no year; ``--hints`` passes the
labels' entity and year as well), and every
drafted item (one per value; a 'respectively' claim has several) is compared with the labels of
``NAME.labels.yaml`` (format: tests/data/corpus/README.md). The measures, as printed:

found
    label figures (every label whose kind is not ``nonfigure``) whose text lies inside the quote
    of some drafted claim (``start <= offset`` and ``offset + len(text) <= end``), over all label
    figures. This is the measure issue 16 quotes ("numeric mentions fall in a drafted quote").
matched
    label figures whose text overlaps the mention span of a drafted item, over all label figures.
    A figure is matched to the item whose span overlaps it most (the first on a tie); the
    measures below are taken over matched figures, except ``links`` and ``all3``.
nonfig
    ``nonfigure`` labels whose text overlaps a drafted item's span, over all ``nonfigure`` labels
    (a year, a citation marker or an age drafted as a claim). ``stray`` counts drafted items
    that overlap no label at all (a part of a name drafted, say).
kind
    matched figures whose drafted kind is the label's ``kind``.
value
    matched figures whose drafted value reads as the label's ``number`` in the label's ``unit``.
    A value is read by :func:`read_value`: the first number (ASCII digits with ``,`` and ``.``,
    or Chinese numerals, ``百分之`` dropped, ``4萬4181`` read as 44181), negative when the value
    has a minus sign (``-``, ``−`` or an en dash ``–``), ``少`` right before it (``少35億元``) or
    a falling verb (下降, 减少, 减产, 下跌, 收缩, decreased, …); the unit is the text
    after the number with qualifier words (以上, 左右, 多, 余, …) dropped, and ``dollars`` when a
    ``$`` stands before the number (``$269.2 billion`` is in ``billion dollars``); a trailing
    ``above``/``higher`` (``below``/``lower``: negative) is a direction, not part of the unit.
    Units are compared after :func:`norm_unit` (full-width forms, traditional characters of
    units, ``percent`` → ``%``, ``百分点``/``percentage points`` → ``个百分点``). Numbers are
    equal within 1e-9.
period
    matched figures whose drafted period is the label's: both read with
    ``factcheck.periods.parse_period`` (the label's with the label file's ``year``, the draft's
    with the draft's year) and equal in their start and end points, or else equal as text after
    NFKC. A label with ``period: null`` is right when the draft has no period.
metric
    matched figures whose drafted metric (the item's ``metric``, or the first of ``metrics``)
    names the label's ``metric``: equal after :func:`norm_metric` (NFKC, lower case, one name
    for a quantity written two ways: ``GDP``, ``国内生产总值`` and ``gross domestic product``,
    ``R&D`` and ``research and development``, … (``SAME_NAMES``), ``增幅``/``增长速度``/
    ``增长率`` as ``增速``; spaces and punctuation dropped; an abbreviation after its long form
    (``国内生产总值（GDP）``) read once; the filler words 实现/完成/全年/全市/全省/全国/我国
    dropped), or one containing the other when the shorter is at least two thirds of the longer.
    A drafted share also names a labelled share ``X占Y的比重`` with ``whole: Y`` when it names
    the part X (a share claim's metric is its part).
links
    label links (an id in a figure's ``links``), over all label links: right when both figures
    are matched and the drafted claim of the first names the drafted id of the second in one of
    its reference fields (``start``, ``end``, ``part``, ``total``, ``refs``, ``ref``, ``within``).
    ``links~`` also counts a link right when the two drafted items are of the same metric (as
    above) and the same entity, the way the engine relates claims that name no ids.
all3
    label figures matched with kind, value and period all right, over all label figures.

Run: ``python bench/score_extract.py`` (``--json PATH`` writes the figures, ``--hints`` passes the
labels' entity and year, ``--detail NAME`` prints each figure of one article with its drafted
item, ``--corpus DIR`` reads another folder).
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from factcheck.errors import ValueProblem
from factcheck.extract import Draft, draft_claims
from factcheck.extract.dating import parse_published
from factcheck.periods import parse_period
from factcheck.rulepack import RulePack, load_pack

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "corpus"
MEASURES = ("found", "matched", "nonfig", "kind", "value", "period", "metric", "links", "links~")
REF_FIELDS = ("start", "end", "part", "total", "refs", "ref", "within")
FALLING = (
    *("下降", "减少", "減少", "减产", "減產", "下跌", "跌幅", "下滑", "回落", "降低"),
    *("收缩", "收縮", "萎缩", "萎縮"),  # a contraction of output (經濟收縮3.6%)
)
FALLING_EN = ("decreased", "decrease", "down ", "fell", "declined")
QUALIFIERS = (
    "以上",
    "以下",
    "以内",
    "左右",
    "多",
    "余",
    "餘",
    "近",
    "超过",
    "超過",
    "突破",
    "约",
    "約",
)
FILLERS = ("实现", "完成", "全年", "全市", "全省", "全国", "我国")
# One name for one quantity: the standard abbreviations of the national accounts and their
# long forms (a metric "Real GDP" names the label's "real gross domestic product"), and the
# words for a growth rate (增幅, 增速, 增长速度, 增长率: the rate of growth in per cent).
SAME_NAMES = {
    "gross domestic product": "gdp",
    "国内生产总值": "gdp",
    "gross domestic income": "gdi",
    "gross national income": "gni",
    "research and development": "r&d",
    "研究与试验发展": "r&d",
    "consumer price index": "cpi",
    "personal consumption expenditures": "pce",
    "增长速度": "增速",
    "增长率": "增速",
    "增幅": "增速",
}
# A share named with its whole: 数字经济增加值占GDP的比重 is the share of the part 数字经济增加值.
SHARE_OF = re.compile(r"(.+?)占.+?的?(?:比重|份额|比例)$")
UNIT_CHARS = str.maketrans("個點億萬兆項噸頃畝輛隻", "个点亿万兆项吨顷亩辆只")
CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {
    "○": 0,
    "零": 0,
    "两": 2,
    "兩": 2,
}
NUMBER = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")
CN_NUMBER = re.compile(r"[〇○零一二两兩三四五六七八九十百千卅点點]+")


@dataclass(frozen=True)
class Item:
    """One drafted value: its claim, its index in the claim and the fields that apply to it."""

    claim_id: str
    ids: tuple[str, ...]
    kind: str
    span: tuple[int, int]
    quote: tuple[int, int]
    value: str
    fields: dict[str, Any]


def items_of(draft: Draft) -> list[Item]:
    """Every drafted value of a draft, one item per value of a 'respectively' claim."""
    out = []
    for c in draft.claims:
        for i, span in enumerate(c.spans):
            fields: dict[str, Any] = {}
            for name, v in c.fields:
                if isinstance(v, tuple) and name != "metrics" and len(v) == len(c.ids):
                    fields[name] = v[i]
                else:
                    fields[name] = v
            out.append(Item(c.ids[i], c.ids, c.kind, span, (c.start, c.end), c.values[i], fields))
    return out


def cn_value(text: str) -> float:
    """Chinese numerals: 十二點六八, 二千五百, 一八八一 (digit by digit), 卅六, ○點二九, 百."""
    text = text.replace("卅", "三十").replace("点", "點")
    if "點" in text:
        whole, frac = text.split("點", 1)
        return (cn_value(whole) if whole else 0.0) + float(
            "0." + "".join(str(CN_DIGITS.get(c, 0)) for c in frac)
        )
    if text and all(c in CN_DIGITS for c in text):
        return float("".join(str(CN_DIGITS[c]) for c in text))
    total, digit = 0, 0
    for c in text:
        if c in CN_DIGITS:
            digit = CN_DIGITS[c]
        else:
            total += (digit or 1) * {"十": 10, "百": 100, "千": 1000}[c]
            digit = 0
    return float(total + digit)


def read_value(value: str) -> tuple[float | None, str]:
    """The signed number of a written value and the unit written after it."""
    text = unicodedata.normalize("NFKC", value).replace("百分之", "")
    m = NUMBER.search(text)
    if m:
        number = float(m.group().replace(",", ""))
        rest = text[m.end() :]
        wan = re.match(r"萬|万", rest)
        tail = NUMBER.match(rest[1:]) if wan else None
        if wan and tail and not rest[1 + tail.end() :].startswith(("万", "萬", "亿", "億")):
            number, rest = number * 10000 + float(tail.group()), rest[1 + tail.end() :]
        before = text[: m.start()]
    else:
        cm = CN_NUMBER.search(text)
        if cm is None:
            return None, ""
        number, rest, before = cn_value(cm.group()), text[cm.end() :], text[: cm.start()]
    # the en dash of typeset text too; 少35億元: 35億元 less than at the time compared
    minus = before.rstrip().endswith(("-", "−", "–", "少"))
    if minus or any(w in text for w in FALLING) or any(w in text.lower() for w in FALLING_EN):
        number = -number
    for q in QUALIFIERS:
        rest = rest.replace(q, "")
    if before.rstrip().endswith("$"):  # $269.2 billion: the unit is written 'billion dollars'
        rest = f"{rest.strip()} dollars"
    after = re.search(r"\s+(above|below|higher|lower)$", rest)  # 10.7 percent above last year
    if after:
        rest = rest[: after.start()]
        number = -number if after[1] in ("below", "lower") else number
    if "%" in value or "百分之" in value and not rest:
        rest = rest or "%"
    return number, rest.strip()


def norm_unit(unit: str | None) -> str:
    """A unit in one spelling: full-width forms, traditional characters, English words."""
    u = unicodedata.normalize("NFKC", unit or "").translate(UNIT_CHARS).strip()
    u = u.replace("percentage points", "个百分点").replace("percentage point", "个百分点")
    u = u.replace("percent", "%").strip()
    if u in ("百分点", "个百分点"):
        return "个百分点"
    return u


def norm_metric(metric: str | None) -> str:
    """A metric without spaces, punctuation, case and filler words."""
    m = unicodedata.normalize("NFKC", metric or "").lower()
    for name, short in SAME_NAMES.items():
        m = m.replace(name, short)
    m = "".join(c for c in m if not (c.isspace() or unicodedata.category(c).startswith("P")))
    # research and development (R&D) expenditure, 国内生产总值（GDP）: an abbreviation glossing
    # the words before it is one name
    for short in set(SAME_NAMES.values()):
        m = m.replace(short + short, short)
    for word in FILLERS:
        m = m.replace(word, "")
    return m


def same_metric(a: str | None, b: str | None) -> bool:
    """The two metrics name the same quantity, by the rule of the module docstring."""
    x, y = norm_metric(a), norm_metric(b)
    if not x or not y:
        return False
    short, long_ = sorted((x, y), key=len)
    return x == y or (short in long_ and 3 * len(short) >= 2 * len(long_))


def same_share(drafted: str | None, label: dict[str, Any]) -> bool:
    """A drafted share names the label's when its metric names the label's metric or, the label
    writing the share with its whole (``X占Y的比重``, ``whole: Y``), the part X: a share claim's
    metric is its part and its ``whole`` the rest of the name."""
    if same_metric(drafted, label.get("metric")):
        return True
    part = SHARE_OF.match(label.get("metric") or "")
    return bool(label.get("whole")) and part is not None and same_metric(drafted, part[1])


def same_period(
    label: str | None, year: int | None, drafted: Any, draft_year: int, pack: RulePack
) -> bool:
    """The drafted period is the label's, by the rule of the module docstring."""
    if label is None:
        return drafted in (None, "")
    if not isinstance(drafted, str):
        return False
    try:
        a = parse_period(str(label), pack.plans, year)
        b = parse_period(drafted, pack.plans, draft_year)
        return (a.end.key, a.start and a.start.key) == (b.end.key, b.start and b.start.key)
    except ValueProblem:
        norm = unicodedata.normalize
        return norm("NFKC", str(label)) == norm("NFKC", drafted)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def metric_of(item: Item) -> str | None:
    """An item's metric: ``metric``, or the first of ``metrics``."""
    m = item.fields.get("metric")
    if m is None and item.fields.get("metrics"):
        m = item.fields["metrics"][0]
    return m if isinstance(m, str) else None


def published_of(meta: Path) -> datetime.date | None:
    """The article's publication date from its ``NAME.meta.yaml`` (``published``), if any: the
    publication context an editor has, which dates 一季度 in a text that writes no year."""
    if not meta.is_file():
        return None
    value = yaml.safe_load(meta.read_text(encoding="utf-8")).get("published")
    return parse_published(value) if value else None


def score_article(
    name: str, corpus: Path, pack: RulePack, hints: bool, detail: bool = False
) -> dict[str, Any]:
    """Counts of one article: for each measure, [right, out of]; ``detail`` prints each figure."""
    text = (corpus / f"{name}.txt").read_text(encoding="utf-8")
    labels = yaml.safe_load((corpus / f"{name}.labels.yaml").read_text(encoding="utf-8"))
    published = published_of(corpus / f"{name}.meta.yaml")
    if hints:
        draft = draft_claims(text, pack, labels.get("entity"), labels.get("year"), published)
    else:
        draft = draft_claims(text, pack, published=published)
    items = items_of(draft)
    figures = [f for f in labels["figures"] if f["kind"] != "nonfigure"]
    nonfigures = [f for f in labels["figures"] if f["kind"] == "nonfigure"]
    counts = {m: [0, 0] for m in (*MEASURES, "all3")}

    def span(f: dict[str, Any]) -> tuple[int, int]:
        return (f["offset"], f["offset"] + len(f["text"]))

    match: dict[str, Item] = {}
    for f in figures:
        s = span(f)
        counts["found"][1] += 1
        counts["matched"][1] += 1
        counts["all3"][1] += 1
        if any(i.quote[0] <= s[0] and s[1] <= i.quote[1] for i in items):
            counts["found"][0] += 1
        best = max(items, key=lambda i: overlap(i.span, s), default=None)
        if best is None or overlap(best.span, s) == 0:
            continue
        match[f["id"]] = best
        counts["matched"][0] += 1
        kind = best.kind == f["kind"]
        number, unit = read_value(best.value)
        value = (
            number is not None
            and f.get("number") is not None
            and abs(number - float(f["number"])) < 1e-9
            and norm_unit(unit) == norm_unit(f.get("unit"))
        )
        period = same_period(
            f.get("period"), labels.get("year"), best.fields.get("period"), draft.year, pack
        )
        if f["kind"] == "share" and best.kind == "share":
            metric = same_share(metric_of(best), f)
        else:
            metric = same_metric(metric_of(best), f.get("metric"))
        for measure, ok in (
            ("kind", kind),
            ("value", value),
            ("period", period),
            ("metric", metric),
        ):
            counts[measure][1] += 1
            counts[measure][0] += ok
        counts["all3"][0] += kind and value and period
        if detail:
            marks = "".join(
                c if ok else "."
                for c, ok in zip("KVPM", (kind, value, period, metric), strict=True)
            )
            got = f"{best.kind} {best.value!r} {best.fields.get('period')} {metric_of(best)}"
            want = f"{f['kind']} {f['value']!r} {f.get('period')} {f.get('metric')}"
            print(f"{marks} {f['offset']:>5} {f['text']:<14} label: {want} | draft: {got}")
    for f in figures:
        for target in f.get("links", []):
            counts["links"][1] += 1
            counts["links~"][1] += 1
            a, b = match.get(f["id"]), match.get(target)
            if a is None or b is None:
                continue
            named = {v for n in REF_FIELDS for v in _strings(a.fields.get(n))}
            explicit = b.claim_id in named
            implicit = same_metric(metric_of(a), metric_of(b)) and a.fields.get(
                "entity"
            ) == b.fields.get("entity")
            counts["links"][0] += explicit
            counts["links~"][0] += explicit or implicit
    for f in nonfigures:
        counts["nonfig"][1] += 1
        counts["nonfig"][0] += any(overlap(i.span, span(f)) for i in items)
    spans = [span(f) for f in labels["figures"]]
    stray = sum(1 for i in items if not any(overlap(i.span, s) for s in spans))
    return {"counts": counts, "stray": stray, "drafted": len(items)}


def _strings(v: Any) -> list[str]:
    """A reference field's ids: one id or a list."""
    if isinstance(v, str):
        return [v]
    if isinstance(v, (list, tuple)):
        return [x for x in v if isinstance(x, str)]
    return []


def ratio(pair: list[int]) -> float | None:
    """right / out of, or None when there is nothing to count."""
    return pair[0] / pair[1] if pair[1] else None


def add(into: dict[str, list[int]], counts: dict[str, list[int]]) -> None:
    """Sum counts into a total."""
    for m, (right, of) in counts.items():
        into.setdefault(m, [0, 0])
        into[m][0] += right
        into[m][1] += of


def table(rows: list[tuple[str, dict[str, list[int]], int]]) -> str:
    """The printed table: one row per article and per total, percentages and counts."""
    cols = (*MEASURES, "all3")
    head = f"{'article':28}" + "".join(f"{c:>9}" for c in cols) + f"{'stray':>7}"
    lines = [head, "-" * len(head)]
    for name, counts, stray in rows:
        cells = []
        for c in cols:
            r = ratio(counts[c])
            cells.append(f"{'-' if r is None else f'{100 * r:.0f}%':>9}")
        lines.append(f"{name:28}" + "".join(cells) + f"{stray:>7}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Score every article of the corpus; print the table, optionally write JSON."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--json", type=Path, help="write the counts and ratios here")
    ap.add_argument("--hints", action="store_true", help="draft with the labels' entity and year")
    ap.add_argument("--detail", metavar="NAME", help="print each figure of article NAME")
    args = ap.parse_args(argv)
    pack = load_pack()
    names = sorted(p.name.removesuffix(".labels.yaml") for p in args.corpus.glob("*.labels.yaml"))
    rows, result = [], {}
    totals: dict[str, dict[str, list[int]]] = {}
    strays: dict[str, int] = {}
    for name in names:
        scored = score_article(name, args.corpus, pack, args.hints, name == args.detail)
        meta = yaml.safe_load((args.corpus / f"{name}.meta.yaml").read_text(encoding="utf-8"))
        rows.append((name, scored["counts"], scored["stray"]))
        result[name] = {**scored, "script": meta["script"]}
        for group in ("all", meta["script"]):
            add(totals.setdefault(group, {}), scored["counts"])
            strays[group] = strays.get(group, 0) + scored["stray"]
    for group in ("simplified", "traditional", "latin", "all"):
        if group in totals:
            rows.append((f"= {group}", totals[group], strays[group]))
    print(table(rows))
    nonfig = totals["all"]["nonfig"]
    print(
        f"\n{nonfig[0]} of {nonfig[1]} non-figures drafted;",
        f"{strays['all']} drafted items overlap no label",
    )
    if args.json:
        out = {
            "articles": result,
            "totals": {
                g: {m: {"right": c[0], "of": c[1], "ratio": ratio(c)} for m, c in t.items()}
                for g, t in totals.items()
            },
            "stray": strays,
            "hints": args.hints,
        }
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
