#!/usr/bin/env python3
"""The floor for `dfx run`: replays the SQL that dfx executed, with psql, at the same parallelism.

    replay.py TARGET_DIR DATABASE_URL [--threads 4] [--manifest PATH] [--results PATH]

TARGET_DIR is the target folder of a `dfx run` (or a copy of it). Reads which nodes dfx built from
TARGET_DIR/run_results.json (status success), each node's statements from
TARGET_DIR/run/<package>/<original_file_path> (written by dfx: the statements it ran,
transaction boundaries included), and the dependencies between them from a manifest (default
TARGET_DIR/manifest.json, e.g. from `dfx parse`; parents reached through ephemeral or unselected nodes
count). Then `--threads` psql processes, each one connection for the whole replay, run the files: a
node's file starts when all of its parents' files have finished; among ready nodes the shallowest
first, then by unique ID (dfx's scheduler order). dfx creates each schema once, before any node
in it is built (other workers wait for it); the replay does the same: the files' `create schema`
statements run first, on one connection. Stops at the first failing statement (psql's ON_ERROR_STOP). Prints one line: `replay: N files, T threads, W s wall`; --json writes the numbers too.

No dfx code runs here: this is what the database needs for the same statements, plus psql's parsing
and one round trip per statement, which dfx also pays. Stdlib only.
"""

import argparse
import heapq
import json
import os
import subprocess
import sys
import threading
import time

MARKER = "__dfx_replay_done__"


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target_dir", help="the target folder of the dfx run to replay")
    parser.add_argument("database_url")
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--manifest", default=None, help="default: TARGET_DIR/manifest.json")
    parser.add_argument("--results", default=None, help="default: TARGET_DIR/run_results.json")
    parser.add_argument("--psql", default="psql")
    parser.add_argument("--json", default=None, help="also write {files, threads, wall_seconds} here")
    return parser.parse_args(argv)


def load_plan(target, manifest_path, results_path):
    """Node -> file path, node -> parents among replayed nodes, node -> depth."""
    with open(results_path, encoding="utf-8") as handle:
        results = json.load(handle)["results"]
    with open(manifest_path, encoding="utf-8") as handle:
        manifest = json.load(handle)
    nodes = manifest["nodes"]
    files = {}
    for result in results:
        node = nodes.get(result["unique_id"])
        if result["status"] != "success" or node is None:
            continue
        relative = os.path.normpath(node["original_file_path"]).lstrip("./")
        if not relative.endswith(".sql"):
            relative += ".sql"
        path = os.path.join(target, "run", node["package_name"], relative)
        if os.path.exists(path):
            files[result["unique_id"]] = path
    # Nearest replayed ancestors, through nodes that are not replayed (ephemeral models, sources).
    memo = {}

    def nearest(unique_id, stack=()):
        if unique_id in memo:
            return memo[unique_id]
        found = set()
        node = nodes.get(unique_id)
        for parent in (node or {}).get("depends_on", {}).get("nodes", []):
            if parent in files:
                found.add(parent)
            elif parent not in stack:
                found |= nearest(parent, stack + (unique_id,))
        memo[unique_id] = found
        return found

    parents = {unique_id: nearest(unique_id) for unique_id in files}
    depth = {}

    def depth_of(unique_id):
        if unique_id not in depth:
            depth[unique_id] = max((depth_of(p) + 1 for p in parents[unique_id]), default=0)
        return depth[unique_id]

    for unique_id in files:
        depth_of(unique_id)
    return files, parents, depth


class Replay:
    def __init__(self, files, parents, depth, threads, url, psql):
        self.files = files
        self.depth = depth
        self.url = url
        self.psql = psql
        self.threads = threads
        self.waiting = {node: len(ps) for node, ps in parents.items()}
        self.children = {node: [] for node in files}
        for node, ps in parents.items():
            for parent in ps:
                self.children[parent].append(node)
        self.ready = [(depth[node], node) for node, count in self.waiting.items() if count == 0]
        heapq.heapify(self.ready)
        self.running = 0
        self.done = 0
        self.failure = None
        self.condition = threading.Condition()

    def next_node(self):
        with self.condition:
            while True:
                if self.failure or self.done == len(self.files):
                    return None
                if self.ready:
                    self.running += 1
                    return heapq.heappop(self.ready)[1]
                self.condition.wait()

    def finish(self, node, error):
        with self.condition:
            self.running -= 1
            self.done += 1
            if error:
                self.failure = f"{node} ({self.files[node]}): {error}"
            for child in self.children[node]:
                self.waiting[child] -= 1
                if self.waiting[child] == 0:
                    heapq.heappush(self.ready, (self.depth[child], child))
            self.condition.notify_all()

    def worker(self):
        process = subprocess.Popen(
            ["stdbuf", "-oL", self.psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", self.url],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)
        try:
            while (node := self.next_node()) is not None:
                with open(self.files[node], encoding="utf-8") as handle:
                    sql = handle.read()
                process.stdin.write(sql + "\n\\echo " + MARKER + "\n")
                process.stdin.flush()
                error = None
                while True:
                    line = process.stdout.readline()
                    if not line:
                        error = process.stderr.read().strip() or "psql exited"
                        break
                    if line.strip() == MARKER:
                        break
                self.finish(node, error)
                if error:
                    return
        finally:
            if process.stdin:
                try:
                    process.stdin.close()
                except BrokenPipeError:
                    pass
            process.wait()

    def create_schemas(self):
        statements = []
        for path in self.files.values():
            with open(path, encoding="utf-8") as handle:
                statements += [line for line in handle if line.startswith("create schema ")]
        if statements:
            subprocess.run(
                [self.psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", self.url], input="".join(sorted(set(statements))),
                text=True, check=True)

    def run(self):
        self.create_schemas()
        workers = [threading.Thread(target=self.worker) for _ in range(self.threads)]
        for thread in workers:
            thread.start()
        for thread in workers:
            thread.join()


def main(argv):
    arguments = parse_arguments(argv)
    target = arguments.target_dir
    files, parents, depth = load_plan(
        target,
        arguments.manifest or os.path.join(target, "manifest.json"),
        arguments.results or os.path.join(target, "run_results.json"))
    if not files:
        sys.exit("replay.py: no executed SQL found under " + os.path.join(target, "run"))
    replay = Replay(files, parents, depth, arguments.threads, arguments.database_url, arguments.psql)
    start = time.monotonic()
    replay.run()
    wall = time.monotonic() - start
    if replay.failure:
        sys.exit("replay.py: failed at " + replay.failure)
    print(f"replay: {len(files)} files, {arguments.threads} threads, {wall:.2f} s wall")
    if arguments.json:
        with open(arguments.json, "w", encoding="utf-8") as handle:
            json.dump({"files": len(files), "threads": arguments.threads, "wall_seconds": wall}, handle)


if __name__ == "__main__":
    main(sys.argv[1:])
