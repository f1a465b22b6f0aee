"""Parsing many files at once, in worker processes, while the caller does something else with them.

`deleg import` stores summaries in one process and parses the next files in others: a file is read,
hashed and parsed by a worker, which sends back only the result, with whatever else the caller
asks to derive from the content there (derive=).

Workers are forked when that is safe (a platform with fork, and no thread but the caller's that
could hold a lock across the fork), so they start at once with everything the caller imported;
otherwise they are spawned, need nothing but this package, and `derive` runs in the caller.
"""
import hashlib
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import BrokenExecutor, ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from deleg.ingest.parse import UnreadableFile, parse_bytes

# Below this many files a worker's start costs more than it saves.
MIN_FILES_FOR_WORKERS = 64
# Files per message to a worker, and messages kept in flight: enough to keep the workers busy
# while the memory held by results not yet taken stays small.
_BATCH = 16
_AHEAD = 8


@dataclass
class Parsed:
    """One file as a worker saw it: its source, the SHA-256 of its bytes and its content or error."""

    source: str
    sha256: str = ""  # empty when the file could not be read
    content: dict | None = None
    error: str = ""  # why the parser could not read the bytes (UnreadableFile)
    read_error: str | None = None  # the system's reason when the file could not be opened
    read_failed: bool = False
    derived: object = None  # derive(content), when asked for and the file was parsed


def parse_item(item: "Path | str | tuple[str, bytes]", derive: Callable[[dict], object] | None = None) -> Parsed:
    """Read (a path) or take (a (source, bytes) pair), hash and parse one file."""
    if isinstance(item, tuple):
        source, data = item
    else:
        source = str(item)
        try:
            data = Path(item).read_bytes()
        except OSError as error:
            return Parsed(source, read_error=error.strerror, read_failed=True)
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        content = parse_bytes(data, filename=Path(source).name)
    except UnreadableFile as error:
        return Parsed(source, sha256, error=str(error))
    return Parsed(source, sha256, content, derived=derive(content) if derive else None)


def _parse_batch(items: list, derive=None) -> list[Parsed]:
    return [parse_item(item, derive) for item in items]


def default_workers(count: int) -> int:
    """Worker processes for count files: one core is left to the caller; none for a few files."""
    if count < MIN_FILES_FOR_WORKERS:
        return 0
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(0, min(cores - 1, 4))


def _fork_is_safe() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def parse_many(items: Iterable, *, workers: int | None = None,
               derive: Callable[[dict], object] | None = None) -> Iterator[Parsed]:
    """Yield parse_item of every item, in order; parsed ahead in worker processes when that helps.

    workers: how many processes (0 parses here, in this process); by default default_workers.
    derive: a function of a parsed content whose result comes in Parsed.derived, computed by the
    worker when the workers are forked. If a worker dies, its files and all after it are parsed here.
    """
    items = list(items)
    if workers is None:
        workers = default_workers(len(items))
    if workers <= 0:
        yield from (parse_item(item, derive) for item in items)
        return
    forked = _fork_is_safe()
    work = partial(_parse_batch, derive=derive if forked else None)
    batches = [items[k:k + _BATCH] for k in range(0, len(items), _BATCH)]
    context = multiprocessing.get_context("fork" if forked else "spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    try:
        pending = deque(pool.submit(work, batch) for batch in batches[:_AHEAD])
        submitted = len(pending)
        done = 0
        while pending:
            try:
                parsed = pending.popleft().result()
                if submitted < len(batches):
                    pending.append(pool.submit(work, batches[submitted]))
                    submitted += 1
            except BrokenExecutor:
                break
            done += 1
            for one in parsed:
                if derive and not forked and one.content is not None:
                    one.derived = derive(one.content)
                yield one
        for batch in batches[done:]:  # only after a worker died
            yield from _parse_batch(batch, derive)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
