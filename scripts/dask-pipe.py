#!/usr/bin/env python3
"""Pipe a JSONL dump through `wire parse` on a Dask cluster, one wire process per partition.

    python3 scripts/dask-pipe.py DUMP.jsonl OUT.ndjson [--scheduler tcp://host:8786]
        [--workers 2] [--blocksize 1MiB] [-- wire parse --from jsonl -f ndjson -]

Without --scheduler it starts a LocalCluster of --workers worker processes (one thread each);
with it, it uses that cluster (`dask scheduler` and `dask worker` on the machines, each with
`wire` on its PATH). `dask.bag.read_text(DUMP, blocksize=...)` cuts the dump into partitions at
line ends; each partition's lines go to the command's standard input and its output lines come
back. The records are written to OUT in partition order; a summary goes to standard output as
JSON: partitions, workers, input lines, output records, seconds.
"""
import argparse
import json
import subprocess
import sys
import time


def pipe_partition(lines, command):
    """Runs the command on one partition's lines: [(lines in, its stdout lines)], or an error naming it."""
    lines = list(lines)
    data = "".join(line if line.endswith("\n") else line + "\n" for line in lines).encode("utf-8")
    done = subprocess.run(command, input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if done.returncode not in (0, 1):  # 1: some record had a problem, reported in its diagnostics
        raise RuntimeError(f"{command[0]} exited {done.returncode}: {done.stderr.decode('utf-8', 'replace')[:500]}")
    return [(len(lines), done.stdout.decode("utf-8").splitlines())]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dump")
    ap.add_argument("out")
    ap.add_argument("--scheduler", help="address of a running scheduler (default: a LocalCluster)")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (default 2)")
    ap.add_argument("--blocksize", default="1MiB", help="bytes per partition (default 1MiB)")
    argv = sys.argv[1:]
    cut = argv.index("--") if "--" in argv else len(argv)
    args = ap.parse_args(argv[:cut])
    # The filter after `--` (default: wire parse --from jsonl -f ndjson -).
    command = argv[cut + 1 :] or ["wire", "parse", "--from", "jsonl", "-f", "ndjson", "-"]

    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    t0 = time.monotonic()
    if args.scheduler:
        cluster = None
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    t1 = time.monotonic()
    try:
        bag = db.read_text(args.dump, blocksize=args.blocksize)
        parts = bag.map_partitions(pipe_partition, command).compute()
        lines_in = sum(n for n, _ in parts)
        records = [r for _, out in parts for r in out]
        t2 = time.monotonic()
        with open(args.out, "w", encoding="utf-8") as f:
            for r in records:
                f.write(r + "\n")
        summary = {
            "partitions": bag.npartitions,
            "workers": len(client.scheduler_info()["workers"]),
            "lines": lines_in,
            "records": len(records),
            "startSeconds": round(t1 - t0, 2),
            "runSeconds": round(t2 - t1, 2),
        }
        print(json.dumps(summary))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


if __name__ == "__main__":
    sys.exit(main())
