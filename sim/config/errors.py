"""The one error type for bad input: it always names the key, the value and what is allowed."""

from __future__ import annotations

from typing import Any


class ConfigError(ValueError):
    """A bad configuration value; its message is one line meant for the user."""

    def __init__(self, key: str, value: Any, allowed: str) -> None:
        self.key, self.value, self.allowed = key, value, allowed
        shown = value if isinstance(value, str) and value.startswith("<") else repr(value)
        super().__init__(f"{key}: got {shown}; expected {allowed}")
