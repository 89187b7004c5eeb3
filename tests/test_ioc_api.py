"""extract_indicators / find_indicators: positions, dedup, context, scope, code and Markdown."""

from __future__ import annotations

import pytest

from incidentparse.ioc import extract_indicators, find_indicators
from incidentparse.models import Indicator

REPORT = """# Incident

## Indicators of Compromise

**C2 servers:**

- 203.0.113.7 (primary beacon)
- hxxp://evil[.]com/gate.php

| Indicator | Type | Note |
|---|---|---|
| 10.1.2.3 | ip | pivot host |
| `C:\\Program Files\\Evil\\svc.exe` | file | service binary |

- **File indicators:** `d41d8cd98f00b204e9800998ecf8427e`

Seen again: 203.0.113.7.

```bash
curl http://198.51.100.4/stage2.sh
```
"""


def by_value() -> dict[str, Indicator]:
    return {i.value: i for i in extract_indicators(REPORT)}


def test_dedup_keeps_every_occurrence_in_order() -> None:
    found = extract_indicators(REPORT)
    values = [i.value for i in found]
    assert values == [
        "203.0.113.7",
        "http://evil.com/gate.php",
        "10.1.2.3",
        "C:\\Program Files\\Evil\\svc.exe",
        "d41d8cd98f00b204e9800998ecf8427e",
        "http://198.51.100.4/stage2.sh",
    ]
    ip = found[0]
    assert [o.line for o in ip.occurrences] == [7, 17]
    assert ip.line == 7 and ip.column == 3
    assert REPORT[ip.start : ip.end] == ip.raw


def test_find_indicators_yields_every_occurrence_in_text_order() -> None:
    found = list(find_indicators(REPORT))
    assert [i.value for i in found].count("203.0.113.7") == 2
    starts = [i.occurrences[0].start for i in found]
    assert starts == sorted(starts)


@pytest.mark.parametrize(
    ("value", "context"),
    [
        ("203.0.113.7", "primary beacon"),
        ("http://evil.com/gate.php", "C2 servers"),
        ("10.1.2.3", "ip | pivot host"),
        ("C:\\Program Files\\Evil\\svc.exe", "file | service binary"),
        ("d41d8cd98f00b204e9800998ecf8427e", "File indicators"),
    ],
)
def test_context_is_the_closest_note(value: str, context: str) -> None:
    assert by_value()[value].context == context


def test_fields_of_the_model() -> None:
    found = by_value()
    url = found["http://evil.com/gate.php"]
    assert (url.type, url.defanged, url.category, url.in_code) == ("url", True, "network", False)
    assert found["203.0.113.7"].scope == "documentation"
    assert found["10.1.2.3"].scope == "private"
    assert found["C:\\Program Files\\Evil\\svc.exe"].in_code is True
    assert found["http://198.51.100.4/stage2.sh"].in_code is True
    assert found["d41d8cd98f00b204e9800998ecf8427e"].category == "file"
    assert all(i.section is None and i.label is None for i in extract_indicators(REPORT))


@pytest.mark.parametrize(
    ("address", "scope"),
    [
        ("8.8.8.8", "public"),
        ("192.168.1.1", "private"),
        ("127.0.0.1", "loopback"),
        ("169.254.1.1", "link_local"),
        ("198.51.100.1", "documentation"),
        ("240.0.0.1", "reserved"),
        ("224.0.0.1", "reserved"),
        ("2001:db8::1", "documentation"),
        ("fe80::1", "link_local"),
        ("::1", "loopback"),
        ("2606:4700::1111", "public"),
        ("fd00::1", "private"),
    ],
)
def test_scope(address: str, scope: str) -> None:
    (ioc,) = extract_indicators(f"host {address} seen")
    assert ioc.scope == scope


def test_markdown_false_ignores_code_and_tables() -> None:
    text = "`C:\\My Tools\\x.exe`"
    assert extract_indicators(text)[0].value == "C:\\My Tools\\x.exe"
    plain = extract_indicators(text, markdown=False)
    assert plain[0].value == "C:\\My" and plain[0].in_code is False


def test_defanged_is_true_when_any_occurrence_was_defanged() -> None:
    (ioc,) = extract_indicators("evil.com first, then evil[.]com")
    assert ioc.raw == "evil.com" and ioc.defanged is True


def test_half_bracket_and_spaced_defangs_keep_raw() -> None:
    (ioc,) = extract_indicators("go to www[.example[.com now")
    assert ioc.raw == "www[.example[.com" and ioc.value == "www.example.com"
    (ioc,) = extract_indicators("C2 evil [.] com beacon")
    assert ioc.raw == "evil [.] com"


def test_empty_text() -> None:
    assert extract_indicators("") == []
    assert list(find_indicators("")) == []


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("See [the C2 panel](hxxp://evil[.]com/panel) today", "the C2 panel"),
        ("- evil[.]com - phishing landing page", "phishing landing page"),
        ("- evil[.]com: phishing kit host", "phishing kit host"),
        ("Dropped files:\n\n- `a.exe`\n- `b.dll`", "Dropped files"),
        ("**C2:**\n- 8.8.8.8\n\nSome prose line.\n- 9.9.9.9", None),
    ],
)
def test_context_forms(text: str, context: str | None) -> None:
    assert extract_indicators(text)[-1].context == context
