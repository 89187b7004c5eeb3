"""Configuration edge: `[tool.incidentparse]` / `.incidentparse.toml` to a validated Config.

Input: TOML files (found nearest to the checked file, or named by --config). Output: a frozen
Config; any invalid key or value is a ConfigError with a one-line message.
"""

from __future__ import annotations

import fnmatch
import os
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import ConfigError
from ..models import Severity
from .base import Profile
from .counts import COUNTERS
from .profiles import BUILTIN, PROFILE_NAMES
from .rules import BY_CODE, BY_NAME, RULES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

CONFIG_FILES: tuple[str, ...] = (".incidentparse.toml", "pyproject.toml")

# Canonical section kinds (sections.md) that heading-aliases may map to and minimums may count.
SECTION_KINDS: frozenset[str] = frozenset(
    {
        "meta",
        "summary",
        "details",
        "timeline",
        "root_cause",
        "methodology",
        "impact",
        "indicators",
        "detection",
        "response",
        "lessons_learned",
        "action_items",
        "references",
        "appendix",
        "people",
        "communications",
        "metrics",
        "attribution",
        "open_questions",
    }
)

_PREFIX = re.compile(r"^IP\d{0,3}$")
LEVELS: tuple[str, ...] = ("error", "warning", "info", "off")


@dataclass(frozen=True)
class Config:
    """Validated settings for `incidentparse check` (and heading aliases for the parser)."""

    select: tuple[str, ...] | None = None  # None = every rule of the profile
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    profile: str = "auto"
    heading_aliases: Mapping[str, str] = field(default_factory=dict)
    profiles: Mapping[str, Profile] = field(default_factory=dict)
    path: str | None = None  # the file it came from
    root: str | None = None  # directory that per-file-ignores patterns are relative to


def resolve(selector: str, where: str = "selector") -> frozenset[str]:
    """Rule codes named by a code, alias, prefix ('IP4') or 'ALL'; unknown is a ConfigError."""
    token = selector.strip()
    if token.upper() == "ALL":
        return frozenset(BY_CODE)
    if token in BY_NAME:
        return frozenset({BY_NAME[token].code})
    upper = token.upper()
    if _PREFIX.match(upper):
        codes = frozenset(c for c in BY_CODE if c.startswith(upper))
        if codes:
            return codes
    raise ConfigError(f"{where}: unknown rule code, alias or prefix '{selector}'")


def specificity(selector: str) -> int:
    """More specific selectors win (ruff): ALL < IP < IP4 < IP40 < IP401 = alias."""
    token = selector.strip().upper()
    if token == "ALL":
        return 0
    return len(token) if _PREFIX.match(token) else 5


def enabled(select: Iterable[str], ignore: Iterable[str]) -> frozenset[str]:
    """Codes on after select and ignore; at equal specificity ignore wins."""
    best: dict[str, tuple[int, bool]] = {}
    for selectors, on in ((select, True), (ignore, False)):
        for selector in selectors:
            rank = specificity(selector)
            for code in resolve(selector):
                old = best.get(code)
                if old is None or rank > old[0] or (rank == old[0] and not on):
                    best[code] = (rank, on)
    return frozenset(code for code, (_, on) in best.items() if on)


def file_ignores(config: Config, path: str | None) -> tuple[str, ...]:
    """Selectors that per-file-ignores switch off for this path."""
    if path is None or not config.per_file_ignores:
        return ()
    root = config.root or os.getcwd()
    relative = os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/")
    base = os.path.basename(path)
    out: list[str] = []
    for pattern, selectors in config.per_file_ignores:
        target = relative if "/" in pattern else base
        if fnmatch.fnmatchcase(target, pattern) or fnmatch.fnmatchcase(relative, pattern):
            out.extend(selectors)
    return tuple(out)


def explicit_codes(selectors: Iterable[str]) -> frozenset[str]:
    """Codes named in full (code or alias), which run even outside the profile."""
    out: set[str] = set()
    for selector in selectors:
        token = selector.strip()
        if token in BY_NAME:
            out.add(BY_NAME[token].code)
        elif token.upper() in BY_CODE:
            out.add(token.upper())
    return frozenset(out)


# ---- reading files -------------------------------------------------------------------------


def find_config(start: str) -> str | None:
    """The nearest config file at or above start (a file or directory); None when none."""
    here = os.path.abspath(start if os.path.isdir(start) else os.path.dirname(start) or ".")
    while True:
        for name in CONFIG_FILES:
            candidate = os.path.join(here, name)
            if os.path.isfile(candidate) and _has_section(candidate, name):
                return candidate
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def _has_section(path: str, name: str) -> bool:
    if name != "pyproject.toml":
        return True
    return "incidentparse" in _read_toml(path).get("tool", {})


def _read_toml(path: str) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def load_config(path: str) -> Config:
    """Read and validate one config file (pyproject.toml uses its [tool.incidentparse])."""
    data = _read_toml(path)
    if os.path.basename(path) == "pyproject.toml":
        data = data.get("tool", {}).get("incidentparse", {})
    return from_mapping(data, source=path, root=os.path.dirname(os.path.abspath(path)))


# ---- validating ----------------------------------------------------------------------------

KEYS: tuple[str, ...] = (
    "select",
    "ignore",
    "extend-select",
    "per-file-ignores",
    "profile",
    "heading-aliases",
    "profiles",
)


def from_mapping(
    data: Mapping[str, Any], source: str = "config", root: str | None = None
) -> Config:
    """Validate a parsed table into a Config; unknown keys and bad values raise ConfigError."""
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise ConfigError(f"{source}: unknown key '{unknown[0]}' (known: {', '.join(KEYS)})")
    profiles = _profiles(data.get("profiles", {}), source)
    profile = _string(data, "profile", source, "auto")
    if profile not in PROFILE_NAMES and profile not in profiles:
        raise ConfigError(f"{source}: profile: unknown profile '{profile}'")
    return Config(
        select=_selectors(data, "select", source) if "select" in data else None,
        ignore=_selectors(data, "ignore", source),
        extend_select=_selectors(data, "extend-select", source),
        per_file_ignores=_per_file(data.get("per-file-ignores", {}), source),
        profile=profile,
        heading_aliases=_aliases(data.get("heading-aliases", {}), source),
        profiles=profiles,
        path=source,
        root=root,
    )


def _string(data: Mapping[str, Any], key: str, source: str, default: str) -> str:
    value = data.get(key, default)
    if not isinstance(value, str):
        raise ConfigError(f"{source}: {key}: expected a string, got {type(value).__name__}")
    return value


def _selectors(data: Mapping[str, Any], key: str, source: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{source}: {key}: expected a list of rule codes or aliases")
    for selector in value:
        resolve(selector, f"{source}: {key}")
    return tuple(value)


def _per_file(value: Any, source: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise ConfigError(f"{source}: per-file-ignores: expected a table of glob = [codes]")
    out = []
    for pattern, selectors in value.items():
        out.append(
            (pattern, _selectors({pattern: selectors}, pattern, f"{source}: per-file-ignores"))
        )
    return tuple(out)


def _aliases(value: Any, source: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ConfigError(f"{source}: heading-aliases: expected a table of heading = kind")
    for heading, kind in value.items():
        if not isinstance(kind, str) or kind not in SECTION_KINDS:
            raise ConfigError(
                f"{source}: heading-aliases: '{heading}' maps to unknown section kind '{kind}'"
            )
    return dict(value)


PROFILE_KEYS: tuple[str, ...] = ("base", "severity", "minimum", "require", "ongoing-relaxation")


def _profiles(value: Any, source: str) -> dict[str, Profile]:
    if not isinstance(value, dict):
        raise ConfigError(f"{source}: profiles: expected a table of profile tables")
    out: dict[str, Profile] = {}
    for name, table in value.items():
        where = f"{source}: profiles.{name}"
        if name in PROFILE_NAMES:
            raise ConfigError(f"{where}: '{name}' is a built-in profile name")
        if not isinstance(table, dict):
            raise ConfigError(f"{where}: expected a table")
        out[name] = _profile(name, table, where)
    return out


def _profile(name: str, table: Mapping[str, Any], where: str) -> Profile:
    unknown = sorted(set(table) - set(PROFILE_KEYS))
    if unknown:
        raise ConfigError(f"{where}: unknown key '{unknown[0]}' (known: {', '.join(PROFILE_KEYS)})")
    base = table.get("base", "outage")
    if base not in BUILTIN:
        raise ConfigError(f"{where}: base: expected 'security' or 'outage', got '{base}'")
    minimum = _minimum(table, where)
    levels: dict[str, Severity] = dict(BUILTIN[base].levels)
    if minimum:
        levels["IP425"] = BY_CODE["IP425"].severity
    levels = _apply_severities(levels, table.get("severity", {}), where)
    relax = table.get("ongoing-relaxation", True)
    if not isinstance(relax, bool):
        raise ConfigError(f"{where}: ongoing-relaxation: expected true or false")
    return Profile(name=name, base=base, levels=levels, minimum=minimum, relax_ongoing=relax)


def _apply_severities(levels: dict[str, Severity], table: Any, where: str) -> dict[str, Severity]:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: severity: expected a table of code = level")
    for selector, level in table.items():
        if level not in LEVELS:
            raise ConfigError(
                f"{where}: severity: '{selector}' = '{level}'; use {'/'.join(LEVELS)}"
            )
        for code in resolve(selector, f"{where}: severity"):
            if level == "off":
                levels.pop(code, None)
            else:
                levels[code] = level
    return levels


def _minimum(table: Mapping[str, Any], where: str) -> dict[str, int]:
    minimum = table.get("minimum", {})
    required = table.get("require", [])
    if not isinstance(minimum, dict) or not isinstance(required, list):
        raise ConfigError(f"{where}: minimum is a table of kind = count, require a list of kinds")
    merged = {str(kind): 1 for kind in required} | dict(minimum)
    for kind, count in merged.items():
        if kind not in COUNTERS and kind not in SECTION_KINDS:
            known = ", ".join(sorted(set(COUNTERS) | SECTION_KINDS))
            raise ConfigError(f"{where}: unknown kind '{kind}' (known: {known})")
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise ConfigError(f"{where}: minimum.{kind}: expected a count >= 0")
    return merged


ALL_RULE_CODES: tuple[str, ...] = tuple(r.code for r in RULES)


class ConfigFinder:
    """Config per input: isolated (defaults), one named file, or the nearest file to each input
    (cached per folder). Shared by `incidentparse check` and `incidentparse parse`."""

    def __init__(self, *, config: str | None = None, isolated: bool = False) -> None:
        self.fixed: Config | None = None
        if isolated:
            self.fixed = Config()
        elif config:
            self.fixed = load_config(config)
        self.cache: dict[str, Config] = {}

    def for_path(self, path: str | None) -> Config:
        if self.fixed is not None:
            return self.fixed
        folder = os.path.dirname(os.path.abspath(path)) if path else os.getcwd()
        if folder not in self.cache:
            found = find_config(folder)
            self.cache[folder] = load_config(found) if found else Config()
        return self.cache[folder]
