"""What the commands do, apart from parsing their arguments: find the claims files, resolve the
rule pack, load and check each file, and gather the report. The CLI stays thin."""

from __future__ import annotations

import gc
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck import config as cfg
from factcheck.errors import InputError, Loc, Problem
from factcheck.packsource import PackSource, sources
from factcheck.result import Deferred, FileResult

if TYPE_CHECKING:
    import datetime

    from factcheck.cache import Cache
    from factcheck.rulepack import RulePack

CLAIM_SUFFIXES = (".yaml", ".yml")
# A claims file has a top-level `claims:` key. A folder walk skips YAML files without one (rule
# packs, CI configuration); a file named on the command line is always loaded.
_CLAIMS_KEY = re.compile(rb"^claims\s*:", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Target:
    """A claims file to load, with the name to show for it, and the folder its article must be
    in (None: the claims file's own folder)."""

    path: Path
    shown: str
    root: Path | None = None
    article: bool = False  # an article without claims file: drafted in memory, then checked
    published: datetime.date | None = None  # the article's publication date (None: today)


def collect(
    paths: Iterable[Path],
    article_root: Path | None = None,
    articles: bool = False,
    published: datetime.date | None = None,
) -> tuple[list[Target], list[Problem]]:
    """Claims files named, or found below named folders (sorted, hidden folders skipped,
    symlinked folders not followed, so a link loop cannot trap the walk). ``article_root`` is the
    folder articles may be read from (``--article-root``).

    With ``articles`` (``check``), a file named that is no YAML file is an article to draft,
    and a folder's ``.txt`` files are articles too, except those a claims file of the run names
    (``article:``): those are checked through their claims."""
    targets: list[Target] = []
    problems: list[Problem] = []
    if article_root is not None and not article_root.is_dir():
        problems.append(Problem(Loc(str(article_root)), "E301", "--article-root: no such folder"))
    for path in paths:
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [
                    Path(root) / f
                    for f in files
                    if f.endswith(CLAIM_SUFFIXES) and not f.startswith(".")
                ]
            targets += [
                Target(p, str(p), article_root) for p in sorted(found) if _looks_like_claims(p)
            ]
            if articles:
                texts = _texts(path)
                targets += [Target(p, str(p), article_root, True, published) for p in texts]
        elif path.exists():
            article = articles and not path.name.endswith(CLAIM_SUFFIXES) and not path.is_dir()
            targets.append(Target(path, str(path), article_root, article, published))
        else:
            problems.append(Problem(Loc(str(path)), "E301", "no such file or folder"))
    seen: set[Path] = set()
    unique = []
    for target in targets:  # a file named twice (or inside a named folder too) is checked once
        try:
            key = target.path.resolve()
        except (OSError, RuntimeError):  # a symlink loop: the loader reports it
            key = target.path
        if key not in seen:
            seen.add(key)
            unique.append(target)
    if articles:
        named = {a for t in unique if not t.article for a in _article_of(t.path)}
        unique = [t for t in unique if not t.article or _resolved(t.path) not in named]
    return unique, problems


ARTICLE_SUFFIXES = (".txt",)
_ARTICLE_KEY = re.compile(rb"^article\s*:\s*['\"]?([^'\"#\r\n]*?)['\"]?\s*(?:#.*)?$", re.MULTILINE)


def _texts(folder: Path) -> list[Path]:
    """The articles below a folder: ``.txt`` files, walked as claims files are."""
    found = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [
            Path(root) / f for f in files if f.endswith(ARTICLE_SUFFIXES) and not f.startswith(".")
        ]
    return sorted(found)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path


def _article_of(path: Path) -> list[Path]:
    """The article a claims file names (its ``article:`` key, read from the file's head)."""
    from factcheck.fileio import read_bounded  # noqa: PLC0415

    head, _ = read_bounded(path, str(path), 1 << 20, head=True)
    match = _ARTICLE_KEY.search(head) if head is not None else None
    if match is None:
        return []
    name = match[1].decode("utf-8", "replace").strip()
    return [_resolved(path.parent / name)] if name else []


def claims_of_changed(paths: Iterable[Path], top: Path | None = None) -> list[Path]:
    """``--changed``: the claims files among ``paths`` (the files a commit changes, as
    pre-commit passes them) and the claims files that name an article among them. Other files
    (a workflow's YAML, a README) are skipped. A claims file names its article relative to
    itself and keeps it in its own folder tree, so the claims files of an article are looked for
    in the article's folder and each folder above it, up to ``top`` (the working folder)."""
    top = (top or Path.cwd()).resolve()
    found: list[Path] = []
    for path in paths:
        if not path.is_file():
            continue
        if path.suffix in CLAIM_SUFFIXES:
            if _looks_like_claims(path):
                found.append(path)
            continue
        article = path.resolve()
        for folder in article.parents:
            for candidate in sorted(folder.glob("*.y*ml")):
                if candidate.suffix in CLAIM_SUFFIXES and article in _claims_article(candidate):
                    found.append(Path(os.path.relpath(candidate)))
            if folder == top or top not in folder.parents:
                break
    unique: dict[Path, Path] = {}
    for p in found:
        unique.setdefault(p.resolve(), p)
    return list(unique.values())


def _claims_article(path: Path) -> list[Path]:
    """The article a file names, if the file is a claims file."""
    return _article_of(path) if _looks_like_claims(path) else []


def _looks_like_claims(path: Path) -> bool:
    """Does a file found in a folder have a top-level ``claims:`` key? (Unreadable files, and
    anything but a regular file, are kept, so that the loader reports them.)"""
    from factcheck.fileio import read_bounded  # noqa: PLC0415

    head, _ = read_bounded(path, str(path), 1 << 20, head=True)  # the key usually opens it
    return head is None or bool(_CLAIMS_KEY.search(head))


def inputs_of(
    targets: list[Target],
    *files: Path | str | None,
    results: Iterable[FileResult] = (),
) -> list[Path]:
    """Every file a run reads, which no output may replace: the claims files, the other files
    named (rule pack, baseline, configuration), the articles the results were checked against,
    and, before any article is known, the article beside each claims file under its stem."""
    paths = [t.path for t in targets] + [t.path.with_suffix(".txt") for t in targets]
    paths += [Path(f) for f in files if f]
    paths += [Path(r.article_path) for r in results if r.article_path]
    return paths


def resolve_sources(
    rules: Path | None, paths: list[Path]
) -> tuple[tuple[PackSource, ...], cfg.Config]:
    """The rule-pack texts: ``--rules`` if given, else the config found above the first path."""
    found = cfg.find(paths[0] if paths else Path.cwd())
    return sources(rules or found.rules), found


def pack_builder(packs: tuple[PackSource, ...]) -> Callable[[], RulePack]:
    """A function that parses and validates the pack when first needed."""

    def build() -> RulePack:
        from factcheck.rulepack import build as build_pack  # noqa: PLC0415

        return build_pack(packs)

    return build


def resolve_pack(rules: Path | None, paths: list[Path]) -> tuple[RulePack, cfg.Config]:
    """The parsed and validated rule pack, and the config it came from."""
    packs, found = resolve_sources(rules, paths)
    return pack_builder(packs)(), found


def check_one(target: Target, pack: RulePack, keep_file: bool = True) -> FileResult:
    """Load and check one file; its input problems end up in the result, not in an exception.
    An article (``target.article``) is drafted in memory and its confident drafts checked."""
    if target.article:
        from factcheck.extract.check import check_article  # noqa: PLC0415

        result = check_article(target.path, target.shown, pack, target.root, target.published)
        if not keep_file:
            result.file = None
        return result
    from factcheck.loader import load_claims  # noqa: PLC0415 - pint only when checking

    try:
        file = load_claims(target.path, pack, target.shown, root=target.root)
    except InputError as exc:
        return FileResult(target.shown, problems=exc.problems)
    from factcheck.engine import check_file  # noqa: PLC0415 - not needed for cached runs

    result = check_file(file, pack)
    if not keep_file:  # between processes, only what the report needs travels
        result.file = None
    return result


# Checking a file builds its node tree, claims and findings, and frees them by reference
# counting alone: it makes no reference cycles (measured: 82 cyclic objects after 200 files, all
# from first imports). The cyclic collector, left on, scans each of those short-lived objects
# again and again as it ages them, about a fifth of a cold run (docs/performance.md). So it is
# paused while files are checked, and a young-generation pass every YOUNG_EVERY files keeps
# whatever cycles some input might still make from piling up.
YOUNG_EVERY = 64


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector. Within a pause, or with the collector off, another
    pause changes nothing.

    On the way out, everything alive (what was there before and what the pause made) goes to
    the oldest generation unscanned: freeze zeroes the youngest generation's count, and unfreeze
    hands the frozen objects to the oldest. Re-enabled with all that still young, the collector
    would scan it at the next allocation, 0.3 s after 100k claims. A program that froze objects
    itself (a pre-fork server) keeps them frozen: the collector is then only switched back on.
    """
    was_enabled = gc.isenabled()
    ours = was_enabled and gc.get_freeze_count() == 0
    if was_enabled:
        gc.disable()
    try:
        yield
    finally:
        if ours:
            gc.freeze()
            gc.unfreeze()
        if was_enabled:
            gc.enable()


# Below about a megabyte of claims files (some 4,000 claims) starting the worker processes costs
# more than they save: ~50 ms, against ~0.23 µs of checking per byte (bench/bench_scale.py).
PARALLEL_BYTES = 1 << 20


def available_cpus() -> int:
    """The cores this process may use: its CPU affinity, where the system tells it, and no more
    than a container's CPU quota (cgroup v2 ``cpu.max``, v1 ``cpu.cfs_quota_us``, at the root
    of the cgroup file system as a container sees it): a CI job limited to 2 CPUs on a 64-core
    host sees all 64 cores in its affinity."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS and Windows have no affinity call
        cores = os.cpu_count() or 1
    quota = _cgroup_quota()
    return max(1, min(cores, quota)) if quota else cores


_CGROUP_FILES: tuple[tuple[str, str | None], ...] = (
    ("/sys/fs/cgroup/cpu.max", None),  # v2: "QUOTA PERIOD" or "max PERIOD"
    ("/sys/fs/cgroup/cpu/cpu.cfs_quota_us", "/sys/fs/cgroup/cpu/cpu.cfs_period_us"),  # v1: -1
)


def _cgroup_quota() -> int | None:
    """The CPU quota of this process's cgroup, rounded up to whole CPUs, or None."""
    for quota_file, period_file in _CGROUP_FILES:
        try:
            fields = Path(quota_file).read_text().split()
            if period_file is not None:
                fields.append(Path(period_file).read_text().strip())
            quota, period = int(fields[0]), int(fields[1])
        except (OSError, ValueError, IndexError):  # absent, "max", or unreadable
            continue
        if quota > 0 and period > 0:
            return -(-quota // period)
    return None


def auto_jobs(targets: list[Target]) -> int:
    """``--jobs auto``: one process per available core when the files to check are big enough
    to pay for starting them, else checking in this process."""
    if len(targets) < 2:
        return 1
    size = 0
    for target in targets:
        try:
            size += target.path.stat().st_size
        except OSError:
            continue  # the loader reports it
        if size >= PARALLEL_BYTES:
            return min(available_cpus(), len(targets))
    return 1


_WORKER_PACK: RulePack | None = None
_WORKER_CACHE: Cache | None = None
_WORKER_DONE = 0
_WORKER_UNITS: set[str] = set()  # the units this worker has already sent back


def _init_worker(pack: RulePack, cache: Cache | None, parent: int) -> None:
    global _WORKER_PACK, _WORKER_CACHE
    _WORKER_PACK, _WORKER_CACHE = pack, cache
    _die_with_parent(parent)
    gc.freeze()  # a worker lives only to check files: paused for its whole life
    gc.disable()


def _die_with_parent(parent: int) -> None:
    """End this worker when ``parent``, the process that started it, ends, even by ``kill -9``
    (it would otherwise finish its chunk, and wait on a queue nobody reads). On Linux the kernel
    does it (PR_SET_PDEATHSIG); everywhere a watchdog thread checks the parent once a second.
    The parent's pid comes from the parent: read here with ``os.getppid()``, it would already be
    the reaper's when the parent died before this worker started, and the worker would live on."""
    import threading  # noqa: PLC0415

    if sys.platform.startswith("linux"):
        try:
            import ctypes  # noqa: PLC0415
            import signal  # noqa: PLC0415

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="factcheck-parent-watch", daemon=True).start()
    if os.getppid() != parent:  # the parent died before the kernel was told
        os._exit(1)


def _work(job: tuple[Target, str | None]) -> tuple[FileResult, dict[str, tuple[float, str]]]:
    """Check one file in a worker and store its result in the cache there, in parallel; send
    back the result and the units the worker parsed with pint since its last file (for the
    cache's unit table, which the parent writes)."""
    global _WORKER_DONE
    from factcheck import units  # noqa: PLC0415

    assert _WORKER_PACK is not None
    target, key = job
    _WORKER_DONE += 1
    if _WORKER_DONE % YOUNG_EVERY == 0:
        gc.collect(0)
    result = check_one(target, _WORKER_PACK, keep_file=False)
    result.passed = Deferred.of(result.passed)  # sent as rows; built only if a report lists them
    if _WORKER_CACHE is not None and key is not None:
        _WORKER_CACHE.put(key, result)
    parsed = {k: v for k, v in units.PARSED.items() if k not in _WORKER_UNITS}
    _WORKER_UNITS.update(parsed)
    return result, parsed


def _work_chunk(
    jobs: list[tuple[Target, str | None]],
) -> list[tuple[FileResult, dict[str, tuple[float, str]]]]:
    """Check a chunk of files in a worker (:func:`_work`, one after the other)."""
    return [_work(job) for job in jobs]


def run(
    targets: list[Target],
    pack: RulePack | Callable[[], RulePack],
    cache: Cache | None = None,
    jobs: int | None = 1,
    keep_files: bool = False,
    advance: Callable[[], None] = lambda: None,
) -> list[FileResult]:
    """Check every target, in order: from the cache where the file is unchanged, else on
    ``jobs`` processes (None: :func:`auto_jobs` decides). ``pack`` may be a function that builds
    it: it is then called only when some file is not in the cache. ``advance`` is called once
    per file checked (a progress bar)."""
    results: list[FileResult | None] = [None] * len(targets)
    keys: dict[int, str] = {}
    if cache is not None:
        from factcheck.fileio import read_bounded  # noqa: PLC0415

        for i, target in enumerate(targets):
            if target.article:
                continue  # drafted each time: the draft depends on the extractor's code
            data, problem = read_bounded(target.path, target.shown)
            if data is None:
                continue  # the loader reports it
            # The root decides which article may be read: a result is valid only for its root.
            keys[i] = cache.key(f"{target.shown}\0{target.root or ''}", data)
            results[i] = cache.get(keys[i])
    todo = [i for i, r in enumerate(results) if r is None]
    if todo:
        rules = pack() if callable(pack) else pack
        _check_files(
            _Checking(targets, rules, results, keys, cache, keep_files, advance), todo, jobs
        )
    if cache is not None:
        cache.save_units()
    return [r for r in results if r is not None]


@dataclass(frozen=True, slots=True)
class _Checking:
    """What checking the files of a run needs: the targets, the pack, the results to fill in
    (by target index), the cache keys (by index), the cache, whether results keep their loaded
    file, and the progress bar's step."""

    targets: list[Target]
    pack: RulePack
    results: list[FileResult | None]
    keys: dict[int, str]
    cache: Cache | None
    keep_files: bool
    advance: Callable[[], None]

    def here(self, i: int) -> None:
        """Check the target at index ``i`` in this process, and store its result in the cache."""
        result = self.results[i] = check_one(self.targets[i], self.pack, self.keep_files)
        if self.cache is not None and i in self.keys:
            self.cache.put(self.keys[i], result)
        self.advance()


def _check_files(run: _Checking, todo: list[int], jobs: int | None) -> None:
    """Check the targets at the indices ``todo`` (those the cache did not have) into
    ``run.results``, on ``jobs`` processes, and store each result in the cache."""
    if jobs is None:
        jobs = auto_jobs([run.targets[i] for i in todo])
    jobs = min(jobs, len(todo))  # a process per file at most
    with collector_paused():
        if jobs > 1 and len(todo) > 1:
            _check_in_parallel(run, todo, jobs)
            return
        for n, i in enumerate(todo, 1):
            run.here(i)
            if n % YOUNG_EVERY == 0:
                gc.collect(0)


def _check_in_parallel(run: _Checking, todo: list[int], jobs: int) -> None:
    """Check the targets at the indices ``todo`` on ``jobs`` processes: this one and ``jobs - 1``
    workers forked from it (the pack already built, nothing imported again). The files go out
    in chunks: the workers take them from the front, two each ahead, and this process checks
    one from the back (always the last) between collecting what the workers sent, so that all
    finish together and no process waits for a core that another only uses to wait."""
    from collections import deque  # noqa: PLC0415
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait  # noqa: PLC0415

    from factcheck import units  # noqa: PLC0415

    # The first file is checked before the fork: what checking imports and compiles on first use
    # (the loader, the engine, the rule kinds, their patterns) is then the workers' already.
    run.here(todo[0])
    rest = todo[1:]
    # Small chunks keep every process busy to the end: at most one chunk (~0.1 s) waits.
    size = max(1, len(rest) // (jobs * 32))
    chunks = deque(rest[k : k + size] for k in range(0, len(rest), size))
    workers = jobs - 1
    running: dict[Future[list[tuple[FileResult, dict[str, tuple[float, str]]]]], list[int]] = {}
    checked = 1
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(run.pack, run.cache, os.getpid())
    ) as pool:
        while chunks or running:
            while len(chunks) > 1 and len(running) < 2 * workers:  # the last one is ours
                part = chunks.popleft()
                work = [(run.targets[i], run.keys.get(i)) for i in part]
                running[pool.submit(_work_chunk, work)] = part
            if chunks:  # one chunk here, then whatever the workers have sent meanwhile
                for i in chunks.pop():
                    run.here(i)
                    checked += 1
                    if checked % YOUNG_EVERY == 0:
                        gc.collect(0)
                done = {future for future in running if future.done()}
            else:
                done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                for i, (result, parsed) in zip(running.pop(future), future.result(), strict=True):
                    run.results[i] = result
                    units.PARSED.update(parsed)
                    run.advance()
