"""A long ranking gives each rank at most one finding (issue 15, point 4): compared pair by pair,
2,000 ranks of one ranking gave 1,999,000 findings. Values by construction: entity i has the
value 2·(N − i) and rank i + 1, so larger values rank ahead; neighbours differ by 2, so their
intervals ([v − 0.5, v + 0.5]) never meet and every pair is surely ordered."""

from __future__ import annotations

from pathlib import Path

from factcheck import app
from factcheck.rulepack import load_pack

N = 300  # 44,850 pairs


def _file(tmp_path: Path, values: list[int]) -> Path:
    lines, claims = [], []
    for i, v in enumerate(values):
        lines.append(f"区{i}产值{v}亿元，排名第{i + 1}。")
        claims.append(
            f"  - {{id: v{i}, kind: level, entity: 区{i}, quote: 区{i}产值{v}亿元, metric: 产值, "
            f'period: "2025", value: {v}亿元}}\n'
            f"  - {{id: r{i}, kind: rank, entity: 区{i}, quote: 排名第{i + 1}, metric: 产值, "
            f'ranking: 全省产值, period: "2025", value: 第{i + 1}, ref: v{i}}}\n'
        )
    (tmp_path / "a.txt").write_text("\n".join(lines), encoding="utf-8")
    path = tmp_path / "c.yaml"
    path.write_text(
        "version: 1\narticle: a.txt\nentity: 全省\nclaims:\n" + "".join(claims), encoding="utf-8"
    )
    return path


def _rank_findings(path: Path) -> tuple[list[str], list[str]]:
    [result] = app.run([app.Target(path, path.name)], load_pack())
    assert result.problems == [], result.problems
    bad = [f.claim for f in result.findings if f.code == "FC114"]
    ok = [f.claim for f in result.passed if f.code == "FC114"]
    return bad, ok


def test_a_long_consistent_ranking_gives_one_check_per_rank(tmp_path: Path) -> None:
    bad, ok = _rank_findings(_file(tmp_path, [2 * (N - i) for i in range(N)]))
    assert bad == []
    assert len(ok) == N - 1  # each rank against the next: r0..r(N-2)
    assert len(set(ok)) == len(ok)


def test_a_long_ranking_still_finds_an_inversion(tmp_path: Path) -> None:
    values = [2 * (N - i) for i in range(N)]
    values[10], values[200] = values[200], values[10]  # 区10 now has 200, 区200 has 580
    bad, ok = _rank_findings(_file(tmp_path, values))
    # 区10 (200, rank 11) is behind 区11 (578, rank 12) though smaller: wrong. 区11..区199
    # (578..202, ranks 12..200) are each ahead of 区200 (580, rank 201) though smaller: wrong.
    # 区0..区9 (600..582) are above 580: right, as are 区200..区298 against their next.
    assert sorted(bad) == sorted(f"r{i}" for i in range(10, 200))
    assert len(ok) == N - 1 - 190
