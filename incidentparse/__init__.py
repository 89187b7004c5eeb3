"""incidentparse: Markdown incident reports and post-mortems as typed, validated data."""

__version__ = "0.1.0"
