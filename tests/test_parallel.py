"""One process, N processes and a Dask LocalCluster give the same knowledge base."""

from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES
from newsgraph.cli.main import app

runner = CliRunner()


def ingest_and_export(tmp_path, name: str, *engine: str) -> dict:
    db = tmp_path / f"{name}.db"
    result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(db), *engine])
    assert result.exit_code == 0, result.output
    exported = runner.invoke(app, ["export", "--db", str(db)])
    assert exported.exit_code == 0, exported.output
    return json.loads(exported.stdout)


@pytest.fixture(scope="module")
def single(tmp_path_factory):
    return ingest_and_export(tmp_path_factory.mktemp("single"), "single")


def test_processes_give_the_same_export(single, tmp_path):
    assert ingest_and_export(tmp_path, "multi", "--workers", "2") == single


def test_dask_local_cluster_gives_the_same_export(single, tmp_path):
    pytest.importorskip("dask.distributed")
    assert ingest_and_export(tmp_path, "dask", "--dask", "local:2") == single


def test_workers_and_dask_together_is_wrong_usage(tmp_path):
    result = runner.invoke(
        app, ["ingest", str(EXAMPLES), "--db", str(tmp_path / "x.db"), "--workers", "2",
              "--dask", "local"],
    )  # fmt: skip
    assert result.exit_code == 2


def _allocator_settings() -> tuple[str | None, str | None]:
    import os

    return os.environ.get("MALLOC_TRIM_THRESHOLD_"), os.environ.get("OMP_NUM_THREADS")


def test_local_cluster_workers_keep_the_default_allocator():
    distributed = pytest.importorskip("dask.distributed")
    from newsgraph.run.engines import local_cluster

    with local_cluster(1) as cluster, distributed.Client(cluster) as client:
        settings = list(client.run(_allocator_settings).values())
    assert settings == [(None, "1")]  # no fixed trim threshold; thread caps kept


def model_is_loaded(_: object = None) -> tuple[bool, int]:
    from newsgraph.nlp import resources

    return resources._SHARED is not None, os.getppid()


def test_workers_fork_from_a_server_that_loaded_the_model():
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    from newsgraph.run.workers import worker_context

    if "forkserver" not in mp.get_all_start_methods():
        pytest.skip("no fork server on this platform")
    context = worker_context()
    assert context.get_start_method() == "forkserver"
    with ProcessPoolExecutor(2, mp_context=context) as pool:  # no initializer
        (loaded, server), (also, same) = pool.map(model_is_loaded, [None, None], chunksize=1)
    assert loaded and also  # before any task ran in them
    assert server == same != os.getpid()  # forked from one server, not from this process
