"""The package version, read by setup.cfg and sent in the User-Agent header."""

__version__ = "1.5.0"
