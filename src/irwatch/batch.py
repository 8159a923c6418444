"""Many documents at once: the pipeline in worker processes, or on a Dask cluster.

Articles are read (streamed) in the main process and sent to the workers in chunks; at most a few
chunks per worker are in flight, so memory does not grow with the corpus, and results come back
in input order, identical to a single-process run.

    >>> for article, events in run_batch(["corpus.jsonl.gz"], workers=2):  # doctest: +SKIP
    ...     ...
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from irwatch.errors import CodingError
from irwatch.pipeline import Coded, Pipeline, PipelineOptions, codable
from irwatch.read.dedup import History
from irwatch.records import Article

Engine = Literal["local", "dask"]
#: Seconds to wait for a Dask scheduler to answer.
SCHEDULER_TIMEOUT = 10

#: The pipeline of this worker process, made once by :func:`_worker_pipeline`.
_PIPELINE: Pipeline | None = None


class _Pending(Protocol):
    """A task's future: concurrent.futures and Dask futures both have ``result()``."""

    def result(self) -> list[Coded]: ...


def _worker_pipeline(options: PipelineOptions) -> Pipeline:
    """This process's pipeline: model and knowledge base load once per worker, not per chunk."""
    global _PIPELINE
    if _PIPELINE is None or _PIPELINE.options != options:
        _PIPELINE = Pipeline(options)
        _PIPELINE.warm_up()
    return _PIPELINE


def _die_with(parent: int) -> None:
    """In a worker process: end when ``parent`` ends, however it ends (SIGKILL included), so
    that no worker outlives an ingest holding its database open.

    On Linux the kernel sends SIGTERM when the parent dies (``PR_SET_PDEATHSIG``); a thread
    also checks every half second that the parent is still ours, everywhere else and as a
    second line.
    """
    import threading
    import time

    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGTERM), 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    if os.getppid() != parent:  # the parent died before we got here
        os._exit(1)
    threading.Thread(target=watch, name="irwatch-parent-watch", daemon=True).start()


def code_chunk(options: PipelineOptions, chunk: list[Article]) -> list[Coded]:
    """Code one chunk of articles in a worker (a top-level function, so that it pickles)."""
    return _worker_pipeline(options).code_batch(chunk)


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """How to spread the work.

    workers: processes (local) or Dask workers for a LocalCluster; 1 runs in this process.
    engine: "local" (a process pool) or "dask" (``scheduler`` address, else a LocalCluster).
    chunk_size: articles per task; in_flight: tasks queued per worker.
    """

    workers: int = 1
    engine: Engine = "local"
    scheduler: str | None = None
    chunk_size: int = 16
    in_flight: int = 2


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _ordered(
    submit: Callable[[list[Article]], _Pending],
    chunks: Iterator[list[Article]],
    window: int,
) -> Iterator[Coded]:
    """Submit chunks keeping at most ``window`` in flight; yield results in input order."""
    pending: deque[_Pending] = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        while len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def _passthrough_or_submit(
    submit: Callable[[list[Article]], _Pending],
) -> Callable[[list[Article]], _Pending]:
    """Skip the round trip for chunks with nothing to code (all skipped or duplicates)."""

    def go(chunk: list[Article]) -> _Pending:
        if any(codable(a) is not None for a in chunk):
            return submit(chunk)
        done: Future[list[Coded]] = Future()
        done.set_result([(a, []) for a in chunk])
        return done

    return go


def code_stream(
    articles: Iterable[Article],
    *,
    options: PipelineOptions | None = None,
    batch: BatchOptions | None = None,
) -> Iterator[Coded]:
    """Code a stream of articles with ``batch.workers`` workers, in input order."""
    options = options or PipelineOptions()
    batch = batch or BatchOptions()
    if batch.engine == "dask":
        yield from _code_dask(articles, options, batch)
        return
    if batch.workers <= 1:
        yield from _worker_pipeline(options).code_articles(articles)
        return
    window = batch.workers * batch.in_flight
    with ProcessPoolExecutor(
        max_workers=batch.workers, initializer=_die_with, initargs=(os.getpid(),)
    ) as pool:

        def submit(chunk: list[Article]) -> _Pending:
            return pool.submit(code_chunk, options, chunk)

        yield from _ordered(
            _passthrough_or_submit(submit), _chunks(articles, batch.chunk_size), window
        )


def _code_dask(
    articles: Iterable[Article], options: PipelineOptions, batch: BatchOptions
) -> Iterator[Coded]:
    """The same chunks as tasks of a Dask cluster (``batch.scheduler``, else a LocalCluster)."""
    import distributed

    dist: Any = distributed  # untyped library
    cluster: Any = None
    if batch.scheduler:
        try:
            client = dist.Client(batch.scheduler, timeout=SCHEDULER_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as exc:
            detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise CodingError("C004", address=batch.scheduler, detail=detail) from exc
    else:
        cluster = dist.LocalCluster(
            n_workers=max(1, batch.workers),
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # a free port: never clash with another cluster
        )
        client = dist.Client(cluster)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or batch.workers)
        window = n_workers * batch.in_flight

        def submit(chunk: list[Article]) -> _Pending:
            pending: _Pending = client.submit(code_chunk, options, chunk, pure=False)
            return pending

        yield from _ordered(
            _passthrough_or_submit(submit), _chunks(articles, batch.chunk_size), window
        )
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_batch(
    paths: Sequence[str],
    *,
    options: PipelineOptions | None = None,
    batch: BatchOptions | None = None,
    skip: Callable[[Article], bool] | None = None,
    history: History | None = None,
) -> Iterator[Coded]:
    """Read the paths and code them in parallel; ``skip`` drops articles already done (resume);
    ``history`` finds near-duplicates of earlier runs' articles (a store's ``find_duplicate``)."""
    options = options or PipelineOptions()
    articles: Iterable[Article] = Pipeline(options).read(paths, history=history)
    if skip is not None:
        articles = (a for a in articles if not skip(a))
    return code_stream(articles, options=options, batch=batch)
