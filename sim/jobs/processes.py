"""The processes a process started, from Linux's /proc: for measuring their memory (the bench)
and for stopping them (the finishing process, on an interrupt)."""

from __future__ import annotations

from pathlib import Path


def processes() -> tuple[dict[int, list[int]], dict[int, int]]:
    """Every process's children and resident pages, from Linux /proc (empty elsewhere)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    proc = Path("/proc")
    for entry in proc.iterdir() if proc.is_dir() else ():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended while we looked
        pid = int(entry.name)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(fields[21])  # pages
    return children, rss


def descendants(root: int, children: dict[int, list[int]] | None = None) -> set[int]:
    """Every process started, directly or not, by `root`."""
    children = children if children is not None else processes()[0]
    found, todo = set(), [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found
