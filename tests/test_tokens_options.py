"""The block parser's options answer every rule's options.get as markdown-it's preset does."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import FunctionType

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

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


def test_table_row_split_is_bound_only_in_a_plain_function() -> None:
    # markdown_it.rules_block exports the rule under its module's name: the module by import
    module = importlib.import_module("markdown_it.rules_block.table")
    table: Callable[..., bool] = module.table

    def closure(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        return table(state, start, end, silent)

    class Rule:
        def __call__(self, state: StateBlock, start: int, end: int, silent: bool) -> bool:
            return table(state, start, end, silent)

    for other in (closure, Rule()):
        parser = MarkdownIt("commonmark").enable("table")
        parser.block.ruler.at("table", other)
        tokens._split_table_rows_plainly(parser.block.ruler)
        kept = [rule.fn for rule in parser.block.ruler.__rules__ if rule.name == "table"]
        # a closure reads the names of its own module, a callable has none to bind: both kept
        assert kept == [other]
    parser = MarkdownIt("commonmark").enable("table")
    tokens._split_table_rows_plainly(parser.block.ruler)
    (fast,) = [rule.fn for rule in parser.block.ruler.__rules__ if rule.name == "table"]
    assert isinstance(fast, FunctionType)
    assert fast is not table and fast.__code__ is table.__code__
    assert fast.__kwdefaults__ == table.__kwdefaults__
    assert fast.__globals__["escapedSplit"].args == (module.escapedSplit,)
