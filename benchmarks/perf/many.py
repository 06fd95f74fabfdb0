"""compare_many on every consecutive UN series pair: one process, worker processes, Dask.

Run:  python -m benchmarks.perf.many      (writes benchmarks/perf/many.json)
      python -m benchmarks.perf.many --no-dask --no-write

Timed in the same run on the same inputs (the 370 consecutive pairs of the UN
resolution series, given as paths): the local engine (one process, run before and
after the processes engine, the faster run counting), the processes
engine with one and with two workers, and, when the dask extra is installed, the
Dask engine on a fresh LocalCluster of one and of two worker processes (one thread
each; the workers are up before the clock starts, their first import of declcompare
is inside the timing as it is for the processes engine). Every result must be
identical to the local engine's.

CPU time (user + system, this process and its joined worker processes) is recorded
beside each wall time of the local and processes engines: on a machine shared with
other work, the wall-clock speed-up says little, while the CPU time shows what the
engine adds to the work itself.

Where Dask lost time before its tasks were batched is measured beside it: the round
trip of an empty task, the pickled size and the time to pickle and unpickle a parsed
pair against its two paths, the pickled result of one pair, and a fresh worker's first
import of the comparison code.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import itertools
import json
import pickle
import resource
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
UNGA = HERE.parents[2] / "shared" / "corpus" / "unga-resolutions-78-80"
TARGET_SPEED_UP = 1.7  # two local workers against the one-process engine


def un_pairs() -> list[tuple[Path, Path]]:
    pairs: list[tuple[Path, Path]] = []
    for folder in sorted(UNGA.iterdir()):
        if folder.is_dir() and not folder.name.startswith("_"):
            pairs.extend(itertools.pairwise(sorted(folder.glob("*.txt"))))
    return pairs


def _cpu() -> float:
    """CPU time (user + system) of this process and of its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _import_compare() -> float:
    started = time.perf_counter()
    importlib.import_module("declcompare.compare")
    importlib.import_module("declcompare.parse")
    return time.perf_counter() - started


def _costs(pairs: list[tuple[Path, Path]]) -> dict[str, float]:
    """What shipping one pair costs, as paths and as parsed declarations."""
    from declcompare import compare, load

    old, new = (load(p) for p in pairs[0])
    parsed = pickle.dumps((old, new))
    paths = pickle.dumps(pairs[0])
    started = time.perf_counter()
    for _ in range(20):
        pickle.loads(pickle.dumps((old, new)))
    round_trip = (time.perf_counter() - started) / 20
    frame = pickle.dumps(compare(old, new).to_frame())
    return {
        "pickled_parsed_pair_bytes": len(parsed),
        "pickled_paths_bytes": len(paths),
        "pickle_round_trip_parsed_pair_ms": round(1000 * round_trip, 2),
        "pickled_result_frame_bytes": len(frame),
    }


def _dask(
    pairs: list[tuple[Path, Path]], local: Any, results: dict[str, object], workers: int
) -> None:
    from declcompare.many import compare_many

    distributed: Any = importlib.import_module("distributed")
    cluster = distributed.LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
    )
    client = distributed.Client(cluster)
    try:
        client.submit(sum, [1, 2]).result()  # workers up before the clock starts
        if workers == 1:
            started = time.perf_counter()
            for _ in range(50):
                client.submit(sum, [1, 2], pure=False).result()
            results["dask_empty_task_round_trip_ms"] = round(
                1000 * (time.perf_counter() - started) / 50, 2
            )
            first = client.submit(_import_compare, pure=False).result()
            results["dask_worker_first_import_s"] = round(first, 2)
            client.restart()  # the timed run starts from workers that have imported nothing
        started = time.perf_counter()
        frame = compare_many(pairs, engine="dask", client=client)
        results[f"dask_{workers}_workers_s"] = round(time.perf_counter() - started, 2)
        results[f"dask_{workers}_workers_identical_to_local"] = bool(frame.equals(local))
    finally:
        client.close()
        cluster.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask engine")
    parser.add_argument("--no-write", action="store_true", help="print, do not write many.json")
    options = parser.parse_args(argv)
    from benchmarks.accuracy.run import machine
    from declcompare.many import compare_many

    pairs = un_pairs()
    results: dict[str, object] = {"machine": machine(), "pairs": len(pairs)}
    started, cpu = time.perf_counter(), _cpu()
    local = compare_many(pairs)
    results["local_engine_s"] = round(time.perf_counter() - started, 2)
    results["local_engine_cpu_s"] = round(_cpu() - cpu, 2)
    print(json.dumps(results), flush=True)
    for workers in (1, 2):
        started, cpu = time.perf_counter(), _cpu()
        frame = compare_many(pairs, engine="processes", n_workers=workers)
        results[f"processes_{workers}_workers_s"] = round(time.perf_counter() - started, 2)
        # All processes together (the workers are joined when the call returns): the
        # work the engine adds on top of the local engine's, whatever the machine's load.
        results[f"processes_{workers}_workers_cpu_s"] = round(_cpu() - cpu, 2)
        results[f"processes_{workers}_workers_identical_to_local"] = bool(frame.equals(local))
        print(json.dumps(results), flush=True)
    # The local engine again, after the processes runs: on a shared machine the load
    # changes over minutes; the faster of its two runs is the one compared against.
    started, cpu = time.perf_counter(), _cpu()
    again = compare_many(pairs)
    results["local_engine_second_run_s"] = round(time.perf_counter() - started, 2)
    results["local_engine_second_run_cpu_s"] = round(_cpu() - cpu, 2)
    assert again.equals(local)
    results.update(_costs(pairs))
    dask_installed = importlib.util.find_spec("distributed") is not None
    if dask_installed and not options.no_dask:
        for workers in (1, 2):
            _dask(pairs, local, results, workers)
            print(json.dumps(results), flush=True)
    first, second = results["local_engine_s"], results["local_engine_second_run_s"]
    assert isinstance(first, float)
    assert isinstance(second, float)
    local_s, two = min(first, second), results["processes_2_workers_s"]
    assert isinstance(local_s, float)
    assert isinstance(two, float)
    results["speed_up_two_processes_over_local"] = round(local_s / two, 2)
    results["target_speed_up"] = f">= {TARGET_SPEED_UP}"
    results["target_met"] = local_s / two >= TARGET_SPEED_UP and bool(
        results["processes_2_workers_identical_to_local"]
    )
    if "dask_2_workers_s" in results:
        one, dask_two = results["dask_1_workers_s"], results["dask_2_workers_s"]
        assert isinstance(one, float)
        assert isinstance(dask_two, float)
        results["speed_up_from_second_dask_worker"] = round(one / dask_two, 2)
        results["speed_up_two_dask_workers_over_local"] = round(local_s / dask_two, 2)
    results["command"] = "python -m benchmarks.perf.many " + " ".join(argv or sys.argv[1:])
    text = json.dumps(results, indent=2)
    print(text)
    if not options.no_write:
        (HERE / "many.json").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
