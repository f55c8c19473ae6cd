"""Drafting a claims file from an article (``factcheck extract``), stage by stage.

    article text
      │  mentions.find_mentions (+ rules.rank_words)     every number the text uses
      ▼
    drafter.Drafter   first pass: rules.skip_reason (and nonfig) sets aside what is not a
      │               figure (a year, an age, a label); rules.value_words reads each
      │               figure's value words, checked by numbers.parse_value;
      │               text.ArticleContext gives clauses,
      │               sentences and time words; the reference year, entity and default plan
      ▼
    describe.describe second pass, in text order: kind (rules.propose_kind), period
      │               (timing.resolve_period) and metric (metric.*), 分别 groups
      ▼
    assemble.assemble each group checked with the real parsers, demoted to a kind its value
      │               fits or set aside, fields laid out → model.DraftClaim / model.Skipped
      ▼
    links.draft_links the reference fields a sentence fixes (start, end, part, ref);
      │               gaps.link_gaps: a change in points between two stated rates
      ▼
    draft.draft_claims → model.Draft
      │
      ▼
    run.run_extract   yamltext writes the YAML by hand; the whole file is loaded by
      │               loader.load_claims before it is written (or merged with --merge)
      ▼
    check.check_article  ``factcheck check ARTICLE.txt``: the confident drafts, in memory,
                      checked as a claims file would be

Outside this package: :func:`run_extract`, :func:`draft_text`, :func:`draft_claims`,
:func:`~factcheck.extract.check.check_article` and the model classes; no private name.
"""

from factcheck.extract.draft import draft_claims
from factcheck.extract.model import Draft, DraftClaim, Skipped
from factcheck.extract.run import draft_text, run_extract

__all__ = ["Draft", "DraftClaim", "Skipped", "draft_claims", "draft_text", "run_extract"]
