"""factcheck: catch numbers that contradict each other before an article is published.

The flow of ``factcheck check`` (cli.py runs the command line: checkcmd.py reads a plain one,
commands.py's typer app any other; runner.py does the work):

    input     claims YAML + article → loader.load_claims: fields read by claimfields.READERS,
              kinds by model.KINDS; numbers, units, periods, quotes; zh: the shared Chinese words
    network   engine.check_file: the rule pack's checks (rulepack, kinds/: one module per rule
              kind), then network/: every quantity a node, every claim a constraint, decided whole
    findings  finding.Finding, stamped by the engine (severity, acceptance) → result.FileResult;
              coverage: every numeric mention (mentions) claimed or ignored
    formats   report.model.Report → report/: one Formatter per format (terminal, text, json, …)

``factcheck extract`` drafts claims from an article: the pipeline in extract/__init__.py.
"""

__version__ = "0.1.0"
