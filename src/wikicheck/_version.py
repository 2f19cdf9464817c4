"""The package version, in a module of its own so that submodules can import it early."""

__version__ = "0.1.0"
