"""The block parser's options answer every rule's options.get as markdown-it's preset does."""

from __future__ import annotations

from markdown_it import MarkdownIt

from incidentparse import tokens


def test_unset_rule_options_read_as_the_presets_default() -> None:
    preset = MarkdownIt("commonmark").enable("table").options
    for absent in (frozenset(), frozenset({"table"})):
        for normalized in (False, True):
            options = tokens.block_parser_by_rule(absent, normalized).options
            for key in tokens.UNSET_RULE_OPTIONS:
                assert key in options  # read without a KeyError
                assert options.get(key, False) == preset.get(key, False)
            # nothing else changed: every preset option is there with its value
            assert {k: options[k] for k in preset} == dict(preset)
