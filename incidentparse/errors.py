"""Exceptions: only for bugs and I/O. Problems inside a report are Diagnostics."""


class IncidentParseError(Exception):
    """Root of every exception incidentparse raises on purpose."""


class InputError(IncidentParseError):
    """The input could not be read as a text report (missing, binary, undecodable)."""


class ConfigError(IncidentParseError):
    """A configuration file or option is invalid."""
