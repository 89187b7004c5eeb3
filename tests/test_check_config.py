"""Config: discovery and precedence, validation messages, selectors, per-file-ignores, profiles."""

from __future__ import annotations

from pathlib import Path

import pytest

from incidentparse.check import Config, check, check_report, find_config, from_mapping, load_config
from incidentparse.check.config import enabled, resolve
from incidentparse.errors import ConfigError

from .check_helpers import build


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_nearest_config_wins(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.incidentparse]\nprofile = "security"\n')
    write(tmp_path / "team" / ".incidentparse.toml", 'profile = "outage"\n')
    report = write(tmp_path / "team" / "sub" / "r.md", "# x\n")
    found = find_config(str(report))
    assert found == str(tmp_path / "team" / ".incidentparse.toml")
    assert load_config(found).profile == "outage"
    assert find_config(str(tmp_path / "other.md")) == str(tmp_path / "pyproject.toml")


def test_dotfile_beats_pyproject_in_one_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.incidentparse]\nprofile = "security"\n')
    write(tmp_path / ".incidentparse.toml", 'profile = "outage"\n')
    assert find_config(str(tmp_path / "r.md")) == str(tmp_path / ".incidentparse.toml")


def test_pyproject_without_section_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.incidentparse]\nignore = ["IP417"]\n')
    write(tmp_path / "pkg" / "pyproject.toml", '[project]\nname = "x"\n')
    assert find_config(str(tmp_path / "pkg" / "r.md")) == str(tmp_path / "pyproject.toml")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"selct": ["IP4"]}, "unknown key 'selct'"),
        ({"select": "IP4"}, "select: expected a list"),
        ({"ignore": ["IP999"]}, "unknown rule code, alias or prefix 'IP999'"),
        ({"profile": "sekurity"}, "unknown profile 'sekurity'"),
        ({"heading-aliases": {"Whodunnit": "villain"}}, "unknown section kind 'villain'"),
        ({"per-file-ignores": {"*.md": ["nope"]}}, "'nope'"),
        ({"profiles": {"team": {"minimum": {"widgets": 2}}}}, "unknown kind 'widgets'"),
        ({"profiles": {"team": {"base": "ops"}}}, "base: expected 'security' or 'outage'"),
        ({"profiles": {"team": {"severity": {"IP401": "fatal"}}}}, "'IP401' = 'fatal'"),
        ({"profiles": {"outage": {}}}, "built-in profile name"),
        ({"profiles": {"team": {"colour": "red"}}}, "unknown key 'colour'"),
    ],
)
def test_invalid_config_is_one_line(data: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError) as info:
        from_mapping(data, source="cfg.toml")
    text = str(info.value)
    assert message in text and "\n" not in text and text.startswith("cfg.toml: ")


def test_invalid_toml_is_config_error(tmp_path: Path) -> None:
    path = write(tmp_path / ".incidentparse.toml", "select = [\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(str(path))


def test_heading_aliases_are_exposed() -> None:
    config = from_mapping({"heading-aliases": {"What broke": "root_cause"}})
    assert config.heading_aliases == {"What broke": "root_cause"}


@pytest.mark.parametrize(
    ("select", "ignore", "on", "off"),
    [
        (["ALL"], [], {"IP401", "IP301"}, set()),
        (["IP4"], [], {"IP401", "IP425"}, {"IP301", "IP101"}),
        (["IP4"], ["IP41"], {"IP401", "IP420"}, {"IP410", "IP417"}),
        (["IP4"], ["IP4"], set(), {"IP401"}),  # equal specificity: ignore wins
        (["missing-title"], ["IP4"], {"IP401"}, {"IP402"}),  # the more specific select wins
        (["IP"], ["live-indicator"], {"IP101"}, {"IP301"}),
    ],
)
def test_selectors(select: list[str], ignore: list[str], on: set[str], off: set[str]) -> None:
    codes = enabled(select, ignore)
    assert on <= codes and not (off & codes)


def test_resolve_accepts_aliases_and_prefixes() -> None:
    assert resolve("live-indicator") == {"IP301"}
    assert resolve("ip30") == {"IP301"}
    with pytest.raises(ConfigError):
        resolve("IP9")


def test_select_ignore_and_extend_select_in_check() -> None:
    report = build("outage_complete", {"title": None, "details": {"severity": None}})
    codes = lambda cfg, **kw: {f.code for f in check_report(report, config=cfg, **kw).findings}  # noqa: E731
    assert codes(Config()) == {"IP401", "IP417"}
    assert codes(from_mapping({"ignore": ["missing-severity"]})) == {"IP401"}
    assert codes(from_mapping({"select": ["IP41"]})) == {"IP417"}
    assert codes(Config(), select=["IP40"]) == {"IP401"}
    assert codes(from_mapping({"ignore": ["IP401"]}), ignore=["IP417"]) == set()
    # A rule outside the profile runs when named in full.
    live = {
        "indicators": [
            {
                "type": "url",
                "value": "http://203.0.113.7/x",
                "raw": "http://203.0.113.7/x",
                "category": "network",
                "line": 3,
                "column": 5,
            }
        ]
    }
    outage = build("outage_complete", live)
    assert check(outage, profile="outage") == []
    extended = check(outage, profile="outage", config=from_mapping({"extend-select": ["IP301"]}))
    assert [(f.code, f.severity) for f in extended] == [("IP301", "warning")]


def test_per_file_ignores(tmp_path: Path) -> None:
    cfg = write(
        tmp_path / ".incidentparse.toml",
        '[per-file-ignores]\n"drafts/*.md" = ["IP4"]\n"outage.md" = ["missing-title"]\n',
    )
    config = load_config(str(cfg))
    patch = {"title": None, "source": {"path": str(tmp_path / "drafts" / "a.md")}}
    assert check(build("outage_complete", patch), config=config) == []
    patch["source"] = {"path": str(tmp_path / "reports" / "outage.md")}
    assert check(build("outage_complete", patch), config=config) == []
    patch["source"] = {"path": str(tmp_path / "reports" / "other.md")}
    assert [f.code for f in check(build("outage_complete", patch), config=config)] == ["IP401"]


def test_config_profile_applies_unless_one_is_given() -> None:
    config = from_mapping({"profile": "security"})
    report = build("outage_complete")
    assert check_report(report, config=config).choice.profile.name == "security"
    assert check_report(report, config=config, profile="outage").choice.profile.name == "outage"
    assert check(report, config=config) != []  # security rules on an outage report


def test_custom_profile_minimums_and_severities() -> None:
    config = from_mapping(
        {
            "profile": "team",
            "profiles": {
                "team": {
                    "base": "outage",
                    "minimum": {"timeline": 3},
                    "require": ["references"],
                    "severity": {"missing-severity": "error", "IP413": "off"},
                }
            },
        }
    )
    report = build("outage_complete", {"details": {"severity": None}, "lessons_learned": []})
    result = check_report(report, config=config)
    assert result.choice.profile.name == "team"
    got = sorted((f.code, f.severity, f.message) for f in result.findings)
    assert got == [
        ("IP417", "error", "the report gives no severity or priority"),
        ("IP425", "error", "profile 'team' needs 1 references; found 0"),
        ("IP425", "error", "profile 'team' needs 3 timeline; found 2"),
    ]


def test_custom_profile_can_turn_off_the_ongoing_relaxation() -> None:
    config = from_mapping({"profiles": {"strict": {"ongoing-relaxation": False}}})
    report = build("outage_complete", {"status": "ongoing"})
    assert not check_report(report, config=config, profile="strict").choice.ongoing
    assert check_report(report, config=config).choice.ongoing
