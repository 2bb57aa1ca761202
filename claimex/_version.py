"""The package version, in one place (read by provenance and the build)."""

__version__ = "0.1.0"
