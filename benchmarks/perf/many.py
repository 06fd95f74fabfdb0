"""compare_many on Dask: one worker against two, on every consecutive UN series pair.

Run:  python -m benchmarks.perf.many      (writes benchmarks/perf/many.json)

Both runs use a fresh LocalCluster of worker processes (one thread each) on the
same inputs, in the same run; the local engine is timed too, and all three
results must be identical.
"""

from __future__ import annotations

import itertools
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
UNGA = HERE.parents[2] / "shared" / "corpus" / "unga-resolutions-78-80"


def main() -> int:
    import importlib
    from typing import Any

    distributed: Any = importlib.import_module("distributed")

    from declcompare.many import compare_many

    pairs: list[tuple[Path, Path]] = []
    for folder in sorted(UNGA.iterdir()):
        if folder.is_dir() and not folder.name.startswith("_"):
            pairs.extend(itertools.pairwise(sorted(folder.glob("*.txt"))))
    started = time.perf_counter()
    local = compare_many(pairs)
    results: dict[str, object] = {
        "pairs": len(pairs),
        "local_engine_s": round(time.perf_counter() - started, 2),
    }
    for workers in (1, 2):
        cluster = distributed.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = distributed.Client(cluster)
        try:
            client.submit(sum, [1, 2]).result()  # workers up before the clock starts
            started = time.perf_counter()
            frame = compare_many(pairs, engine="dask", client=client)
            results[f"dask_{workers}_workers_s"] = round(time.perf_counter() - started, 2)
            results[f"dask_{workers}_workers_identical_to_local"] = bool(frame.equals(local))
        finally:
            client.close()
            cluster.close()
    one, two = results["dask_1_workers_s"], results["dask_2_workers_s"]
    assert isinstance(one, float)
    assert isinstance(two, float)
    results["speed_up_from_second_worker"] = round(one / two, 2)
    text = json.dumps(results, indent=2)
    print(text)
    (HERE / "many.json").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
