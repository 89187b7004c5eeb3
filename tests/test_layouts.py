"""Layouts beyond the seed's template: heading fields, run-in labels, wrapped reports,
one-field-per-line paragraphs, and the kinds the seed lacks."""

from __future__ import annotations

import datetime as dt

from incidentparse import parse

from .test_sections import assert_lossless


def test_headings_that_are_fields_become_metadata() -> None:
    text = "## Owner: @ana\n## Involved:\n- @ben\n## Date: February 06, 2023\n\n# Overview\nDown.\n"
    report = parse(text)
    assert [(f.label, f.value, f.line) for f in report.metadata] == [
        ("Owner", "@ana", 1),
        ("Involved", "@ben", 2),
        ("Date", "February 06, 2023", 4),
    ]
    assert [s.kind for s in report.sections[:3]] == ["meta", "meta", "meta"]
    assert not [d for d in report.diagnostics if d.name == "empty-section"]


def test_one_field_per_line_paragraph_is_split() -> None:
    report = parse("# T\n\n## Date\nStart: Wednesday, 2018-08-22\nEnd: Thursday, 2018-08-23\n")
    assert [(f.label, f.value, f.line) for f in report.metadata] == [
        ("Start", "Wednesday, 2018-08-22", 4),
        ("End", "Thursday, 2018-08-23", 5),
    ]


def test_run_in_labels_start_sections() -> None:
    text = (
        "# T\n\n## Detection\nPeople told us.\n\nAction Items\n- Add alerting\n\n"
        "**Lessons Learned**\n\n- Know your certificates.\n\nJust a sentence.\n"
    )
    report = parse(text)
    run_in = [(s.heading, s.kind, s.level) for s in report.sections if s.run_in]
    assert run_in == [
        ("Action Items", "action_items", 3),
        ("Lessons Learned", "lessons_learned", 3),
    ]
    assert [r.text for r in report.recommendations] == ["Add alerting"]
    assert [s.text for s in report.detection] == ["People told us."]
    assert_lossless(report, text)


def test_plain_prose_line_is_not_a_run_in_label() -> None:
    report = parse("# T\n\n## Summary\nImpact was small.\n\nTimeline of the fix follows\n")
    assert not any(s.run_in for s in report.sections)


def test_report_wrapped_in_a_markdown_fence() -> None:
    text = (
        "Sure! Here is the report:\n\n```markdown\n# Incident Report: DB outage\n\n"
        "## Summary\nThe DB was down.\n```\n"
    )
    report = parse(text, reference_date=dt.date(2024, 3, 1))
    assert report.title == "DB outage"
    assert report.summary == "The DB was down."
    assert report.preamble == "Sure! Here is the report:"
    assert [(s.heading, s.line_start) for s in report.sections[1:]] == [
        ("Incident Report: DB outage", 4),
        ("Summary", 6),
    ]
    assert_lossless(report, text)


def test_trigger_and_root_cause_statements_keep_their_heading() -> None:
    text = "# T\n\n## Root Causes\n- Cert expired\n\n## Trigger\nThe renewal deadline passed.\n"
    report = parse(text)
    assert [(s.label, s.text) for s in report.root_cause] == [
        ("Root Causes", "Cert expired"),
        ("Trigger", "The renewal deadline passed."),
    ]


def test_people_attribution_and_communications() -> None:
    text = (
        "# T\n\n## Authors\nAna Silva\n\n## Attribution\n- **Actor:** FIN7 (medium confidence)\n\n"
        "## Messaging\nStatus page updated at 10:00.\n"
    )
    report = parse(text)
    assert [(s.label, s.text) for s in report.people] == [("Authors", "Ana Silva")]
    assert [(s.label, s.text) for s in report.attribution] == [
        ("Actor", "FIN7 (medium confidence)")
    ]
    assert [s.text for s in report.communications] == ["Status page updated at 10:00."]


def test_bare_date_lines_give_context_not_events() -> None:
    text = (
        "# X\n\n## Timeline\n<START OF OUTAGE>\n\n2023-11-27\n\n- 00:00 - builds start failing\n"
        "- 01:30 - fix deployed\n"
    )
    report = parse(text)
    dated = [(e.line, e.when.start if e.when else None) for e in report.timeline]
    assert dated == [
        (4, None),
        (8, dt.datetime(2023, 11, 27, 0, 0, tzinfo=dt.timezone.utc)),
        (9, dt.datetime(2023, 11, 27, 1, 30, tzinfo=dt.timezone.utc)),
    ]


def test_narrative_timeline_sentences_become_events() -> None:
    text = (
        "# LB outage\n\n## Timeline\n"
        "At 14:02 UTC on 3 March 2025, the load balancer began dropping requests. "
        "Twelve minutes later, the on-call engineer was paged. Nobody knew why. "
        "The next morning, the team rolled out a fix.\n"
    )
    report = parse(text)
    assert [(e.text[:22], e.when.start if e.when else None) for e in report.timeline] == [
        ("At 14:02 UTC on 3 Marc", dt.datetime(2025, 3, 3, 14, 2, tzinfo=dt.timezone.utc)),
        ("Twelve minutes later, ", dt.datetime(2025, 3, 3, 14, 14, tzinfo=dt.timezone.utc)),
        ("The next morning, the ", dt.date(2025, 3, 4)),
    ]


def test_closing_chat_remarks_are_left_out_and_reported() -> None:
    from incidentparse import check

    text = (
        "# T\n\n## Recommendations\n- **MFA:** Require MFA.\n\n"
        "Let me know if you'd like me to adjust the format!\n"
    )
    report = parse(text)
    assert [r.title for r in report.recommendations] == ["MFA"]
    assert [(d.code, d.line) for d in report.diagnostics if d.name == "assistant-chatter"] == [
        ("IP107", 6)
    ]
    assert ("IP107", 6) in [(f.code, f.start.line) for f in check(report, text=text)]
    assert_lossless(report, text)


def test_bracketed_month_day_stamps_and_year_rollback() -> None:
    text = (
        "# March 26th, 2019 Boskos Outage\n\n## Timeline\n\nAll times in PDT (UTC-7).\n\n"
        "- [12-05 16:21] Crashloop bug introduced\n- [03-26 17:40] Node upgrade starts\n"
    )
    report = parse(text)
    starts = [e.when.start if e.when else None for e in report.timeline]
    utc = dt.timezone.utc
    assert starts == [
        dt.datetime(2018, 12, 5, 23, 21, tzinfo=utc),  # context year 2019 would be in the future
        dt.datetime(2019, 3, 27, 0, 40, tzinfo=utc),
    ]
    assert {e.when.zone_source for e in report.timeline if e.when} == {"declared"}


def test_declared_utc_is_declared_not_assumed() -> None:
    text = "# X\n\n## Timeline\nAll times in UTC.\n\n- 2024-03-05 10:00: alert fires\n"
    event = parse(text).timeline[0]
    assert event.when is not None and event.when.zone_source == "declared"


def test_footnotes_stay_in_the_section_that_defines_them() -> None:
    text = (
        "# T\n\n## Summary\nThe date was odd[^1].\n\n## References\n\n"
        "[^1]: See [the advisory](https://example.com/adv) for details.\n"
    )
    report = parse(text)
    assert report.summary == "The date was odd[^1]."
    assert [(r.url, r.title, r.line) for r in report.references] == [
        ("https://example.com/adv", "the advisory", 8)
    ]
    assert_lossless(report, text)


def test_bare_reference_urls_are_references_and_defanged_ones_indicators() -> None:
    text = (
        "# T\n\n## References\n- https://example.com/a\n- [B](https://example.com/b)\n"
        "- hxxps://evil[.]example/x\n"
    )
    report = parse(text)
    assert [(r.url, r.title, r.line) for r in report.references] == [
        ("https://example.com/a", None, 4),
        ("https://example.com/b", "B", 5),
    ]
    assert [(i.value, i.section) for i in report.indicators] == [
        ("https://evil.example/x", "references")
    ]
