"""The one error type for bad input: it always names the key, the value and what is allowed.

Several problems found in one pass travel together as one ConfigError whose `problems` lists
each of them; its message is one line per problem.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any


class ConfigError(ValueError):
    """A bad configuration value; its message is one line meant for the user."""

    def __init__(self, key: str, value: Any, allowed: str) -> None:
        self.key, self.value, self.allowed = key, value, allowed
        shown = value if isinstance(value, str) and value.startswith("<") else repr(value)
        self.problems: list[ConfigError] = [self]
        super().__init__(f"{key}: got {shown}; expected {allowed}")

    @classmethod
    def joined(cls, problems: list[ConfigError]) -> ConfigError:
        """One error carrying several problems; its text is one line per problem."""
        if len(problems) == 1:
            return problems[0]
        error = cls(problems[0].key, problems[0].value, problems[0].allowed)
        error.problems = problems
        error.args = ("\n".join(str(p) for p in problems),)
        return error


def gather[T](steps: Iterable[Callable[[], T]]) -> list[T]:
    """Run every step; if any raise ConfigError, raise one carrying all their problems."""
    results, problems = [], []
    for step in steps:
        try:
            results.append(step())
        except ConfigError as error:
            problems.extend(error.problems)
    if problems:
        raise ConfigError.joined(problems)
    return results
