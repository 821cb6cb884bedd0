"""The office actions: one implementation under the window and the command line.

Convention (docs/ARCHITECTURE.md):

- Each office action (create/open a database, import forms, save a submission, review,
  evidence, office settings, plan edits, units, proposals, exports, package import, backup
  and restore) is ONE typed function in a module of this package, named for the act
  (``review.review_submission(db, ...)``).
- It takes the open ``Database`` (see ``actions.database``) and plain values, opens its own
  session: ``db.transaction(REASON)`` for a write, ``db.reading()`` for a read, and writes
  the audit reason itself. The reason is a module constant or built by a function here, so
  the same act gets the same reason from either front end.
- It returns a frozen dataclass (or a domain value) that carries everything a front end
  shows; no ORM row escapes the session.
- It refuses with ``DomainError`` (Vietnamese message) for anything foreseeable.
- desktop/ui runs it through its task runner, desktop/cli calls it and prints the result.
  Neither opens a session nor writes SQL; a rule or a reason changed here changes both.

Layers: domain <- store, exchange (never each other) <- actions <- ui, cli.
"""
