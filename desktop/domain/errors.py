"""Errors that carry a Vietnamese message meant for people."""

from __future__ import annotations


class DomainError(Exception):
    """A refusal with a message a person can read (Vietnamese)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class PlanError(DomainError):
    """A plan file or plan definition is broken."""


class ValueProblem(DomainError):
    """A value entered or imported is not acceptable."""
