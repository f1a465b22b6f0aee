"""deleg: the register and reporting system for delegated state administration tasks."""

__version__ = "0.1.0"
