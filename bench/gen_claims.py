"""Generate synthetic articles and their claims files for the scale benchmark.

Each article has ``--claims`` claims (default 100) of realistic kinds: levels in 亿元, 万吨 and
元, year-on-year growth, average annual growth over a span, shares, ratios and sums, with about
one relation in ten made inconsistent. Values are random but reproducible (``--seed``).

    python bench/gen_claims.py OUT_DIR --files 1000 [--claims 100] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

METRICS = [
    "地区生产总值",
    "规上工业增加值",
    "固定资产投资",
    "社会消费品零售总额",
    "外贸进出口总额",
    "一般公共预算收入",
    "粮食产量",
    "城镇居民人均可支配收入",
    "农村居民人均可支配收入",
    "招商引资到位资金",
    "有色金属产值",
    "新能源产值",
    "化工产值",
    "农业产值",
]
STEMS = "甲乙丙丁戊己庚辛壬癸"
UNITS = {"粮食产量": "万吨", "城镇居民人均可支配收入": "元", "农村居民人均可支配收入": "元"}


def one_file(rng: random.Random, index: int, n_claims: int) -> tuple[str, str]:
    """An article and its claims file (YAML text): whole groups of 7 claims, at least
    n_claims."""
    sentences: list[str] = []
    claims: list[str] = []
    entity = "样例市" + "".join(STEMS[int(d)] for d in str(index))

    def claim(cid: str, kind: str, quote: str, fields: dict[str, str]) -> None:
        body = "\n".join(f"    {k}: {v}" for k, v in fields.items())
        claims.append(f"  - id: {cid}\n    kind: {kind}\n    quote: {quote}\n{body}")

    k = 0
    while len(claims) < n_claims:
        # Names tell metrics apart with stems, not digits: a digit would be a numeric mention.
        name = rng.choice(METRICS)
        metric = f"{name}{STEMS[k % 10]}{STEMS[k // 10 % 10]}"
        unit = UNITS.get(name, "亿元")
        start = round(rng.uniform(50, 5000), 1)
        rate = rng.uniform(-0.05, 0.35)
        end = round(start * (1 + rate) ** 4, 1)
        y1 = round(end / (1 + rng.uniform(0.0, 0.2)), 1)
        wrong = rng.random() < 0.1
        s1 = f"{metric}从2021年的{start}{unit}增长到2025年的{end}{unit}"
        cagr = ((end / start) ** 0.25 - 1) * 100 + (3 if wrong else 0)
        s2 = f"{metric}年均增长{cagr:.1f}%"
        s3 = f"{metric}2024年为{y1}{unit}"
        yoy = (end / y1 - 1) * 100 + (2 if rng.random() < 0.1 else 0)
        s4 = f"{metric}同比增长{yoy:.1f}%"
        whole = round(end / rng.uniform(0.2, 0.6), 1)
        s5 = f"占全省{metric}{whole}{unit}的{end / whole * 100:.0f}%"
        sentences.append("，".join([s1, s2, s3, s4, s5]) + "。")
        base = f"m{k}"
        claim(
            f"{base}-2021",
            "level",
            f"从2021年的{start}{unit}",
            {"metric": metric, "period": "2021", "value": f"{start}{unit}"},
        )
        claim(
            f"{base}-2025",
            "level",
            f"增长到2025年的{end}{unit}",
            {"metric": metric, "period": "2025", "value": f"{end}{unit}"},
        )
        claim(
            f"{base}-cagr",
            "cagr",
            s2,
            {"metric": metric, "period": "2021-2025", "value": f"{cagr:.1f}%", "basis": "nominal"},
        )
        claim(
            f"{base}-2024",
            "level",
            s3,
            {"metric": metric, "period": "2024", "value": f"{y1}{unit}"},
        )
        claim(
            f"{base}-yoy",
            "growth",
            s4,
            {"metric": metric, "period": "2025", "value": f"{yoy:.1f}%", "basis": "nominal"},
        )
        claim(
            f"{base}-whole",
            "level",
            f"全省{metric}{whole}{unit}",
            {"metric": metric, "entity": "全省", "period": "2025", "value": f"{whole}{unit}"},
        )
        claim(
            f"{base}-share",
            "share",
            s5,
            {
                "metric": metric,
                "period": "2025",
                "whole_entity": "全省",
                "value": f"{end / whole * 100:.0f}%",
            },
        )
        k += 1
    article = f"# {entity}综述\n\n" + "\n\n".join(sentences) + "\n"
    head = (
        f"# yaml-language-server: $schema=../schema/claims.schema.json\nversion: 1\n"
        f"article: article{index:05d}.txt\nentity: {entity}\nyear: 2025\nclaims:\n"
    )
    return article, head + "\n".join(claims) + "\n"


def generate(out: Path, files: int, n_claims: int = 100, seed: int = 1) -> list[Path]:
    """Write ``files`` articles and claims files into ``out``; return the claims paths."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(files):
        article, claims = one_file(rng, i, n_claims)
        (out / f"article{i:05d}.txt").write_text(article, encoding="utf-8")
        path = out / f"claims{i:05d}.yaml"
        path.write_text(claims, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--files", type=int, default=10)
    parser.add_argument("--claims", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = generate(args.out, args.files, args.claims, args.seed)
    print(f"wrote {len(paths)} claims files to {args.out}")


if __name__ == "__main__":
    main()
