"""JUnit XML, for the test reports of GitLab and Jenkins: one test case per check.

One ``<testsuite>`` per claims file; every test case has the claims file as its ``classname``
(GitLab shows it as the suite). A passed check is a passing test case. A finding is a test case
too: one that gates the run (at or above ``--fail-on``, not accepted, not in the baseline) fails
(``<failure>``), so the test report agrees with the exit code; the others pass, with their
message in ``<system-out>``; an accepted finding is skipped, with the reason. Input problems are
``<error>`` test cases. The report never fails a job by itself: the exit code does.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import IO

from factcheck.codes import Exit
from factcheck.finding import Finding
from factcheck.report.model import Report
from factcheck.result import FileResult
from factcheck.textsafe import visible

# Characters XML 1.0 cannot carry at all, even escaped; an article could contain them.
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    """User text on one line: control characters escaped, what XML cannot carry replaced."""
    return _INVALID.sub("\ufffd", visible(text))


def _detail(f: Finding, report: Report) -> str:
    """The finding written out: where, the quote, the figures, the arithmetic, the sources."""
    lines = [f"{f.severity} {f.code} at {f.path}:{f.line}:{f.col}"]
    if f.article_path and (f.article_path, f.article_line) != (f.path, f.line):
        lines[0] += f" (article {f.article_path}:{f.article_line}:{f.article_col})"
    lines.append(f.message_in(report.lang))
    if f.quote:
        lines.append(f"quote: {f.quote}")
    if f.stated or f.recomputed:
        figures = f"stated: {f.stated or '-'}"
        if f.recomputed:
            figures += f"; recomputed: {f.recomputed} {f.interval}".rstrip()
        lines.append(figures)
    if f.arithmetic:
        lines.append(f"arithmetic: {f.arithmetic}")
    lines += [f"from: {r.id} {r.value} “{r.quote}” ({r.path}:{r.line})" for r in f.related]
    if f.accepted:
        lines.append(f"accepted: {f.accepted}")
    if report.in_baseline(f):
        lines.append("in baseline")
    return "\n".join(_clean(line) for line in lines)


def _case(suite: ET.Element, classname: str, name: str, path: str, line: int) -> ET.Element:
    return ET.SubElement(
        suite,
        "testcase",
        classname=_clean(classname),
        name=_clean(name),
        file=_clean(path),
        line=str(line),
    )


def _suite(parent: ET.Element, r: FileResult, report: Report) -> dict[str, int]:
    suite = ET.SubElement(parent, "testsuite", name=_clean(r.path))
    props = ET.SubElement(suite, "properties")
    values = [("factcheck.version", report.version), ("fail_on", report.fail_on)]
    if r.sha256:
        values.append(("claims.sha256", r.sha256))
    if r.article_path:
        values.append(("article", r.article_path))
    if r.article_sha256:
        values.append(("article.sha256", r.article_sha256))
    for name, value in values:
        ET.SubElement(props, "property", name=name, value=_clean(value))
    n = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for p in r.problems:
        case = _case(suite, r.path, f"{p.code} {p.loc}", p.loc.path, p.loc.line)
        ET.SubElement(case, "error", type=p.code, message=_clean(p.message)).text = _clean(str(p))
        n["errors"] += 1
    for f in (f for f in r.findings if report.shows(f)):
        name = f"{f.code} {f.claim}" if f.claim else f"{f.code} {f.path}:{f.line}:{f.col}"
        case = _case(suite, r.path, name, f.path, f.line)
        message = _clean(f"{f.code} {f.message_in(report.lang)}")
        if f.accepted:
            ET.SubElement(case, "skipped", message=_clean(f"accepted: {f.accepted}"))
            ET.SubElement(case, "system-out").text = _detail(f, report)
            n["skipped"] += 1
        elif report.gates(f):
            failure = ET.SubElement(case, "failure", type=f.code, message=message)
            failure.text = _detail(f, report)
            n["failures"] += 1
        else:
            ET.SubElement(case, "system-out").text = _detail(f, report)
    for f in r.passed:
        case = _case(suite, r.path, f"{f.code} {f.claim}", f.path, f.line)
        if f.arithmetic:
            ET.SubElement(case, "system-out").text = _clean(f.arithmetic)
    n["tests"] = len(r.problems) + sum(map(report.shows, r.findings)) + len(r.passed)
    for key, count in n.items():
        suite.set(key, str(count))
    return n


def render(report: Report) -> str:
    """The JUnit XML text."""
    root = ET.Element("testsuites", name="factcheck")
    total = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for r in report.results:
        for key, value in _suite(root, r, report).items():
            total[key] += value
    if report.exit_code() == Exit.INPUT and not report.problems:
        # Nothing was checked: say so as a failing test, so an empty report is not green.
        suite = ET.SubElement(root, "testsuite", name="factcheck")
        suite.attrib.update(tests="1", failures="0", errors="1", skipped="0")
        case = ET.SubElement(suite, "testcase", classname="factcheck", name="E303")
        ET.SubElement(case, "error", type="E303", message="no claims were checked")
        total["tests"] += 1
        total["errors"] += 1
    for key, value in total.items():
        root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def write(report: Report, stream: IO[str], to_file: bool = False) -> None:
    """Write the report to a stream (the :class:`~factcheck.report.Formatter` protocol)."""
    stream.write(render(report))
