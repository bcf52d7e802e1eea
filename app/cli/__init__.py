"""Command-line subcommands. Never imports Qt."""
