#!/usr/bin/env python3
"""Reads the measurements compile-bench.sh left under a results folder and prints a markdown table.

    summarize.py RESULTS_DIR

RESULTS_DIR/<N>/dfx-<run>.time and dbt-<run>.time hold `/usr/bin/time -v` reports;
RESULTS_DIR/<N>/dfx-manifest.json and dbt-manifest.json (optional) the manifests of one run each.
"""

import json
import os
import re
import statistics
import sys


def read_time_report(path):
    """(wall seconds, peak RSS in MiB, exit status) from a `/usr/bin/time -v` report."""
    wall = rss = None
    status = 0
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            line = line.strip()
            if line.startswith("Elapsed (wall clock) time"):
                clock = line.rsplit(": ", 1)[1]
                seconds = 0.0
                for part in clock.split(":"):
                    seconds = seconds * 60 + float(part)
                wall = seconds
            elif line.startswith("Maximum resident set size"):
                rss = int(line.rsplit(": ", 1)[1]) / 1024
            elif line.startswith("Exit status"):
                status = int(line.rsplit(": ", 1)[1])
            elif line.startswith("Command terminated by signal"):
                status = 128 + int(line.rsplit(" ", 1)[1])
    return wall, rss, status


def runs(folder, tool):
    pattern = re.compile(rf"^{tool}-(\d+)\.time$")
    reports = sorted(name for name in os.listdir(folder) if pattern.match(name))
    return [read_time_report(os.path.join(folder, name)) for name in reports]


def node_counts(path):
    """'123 models, 456 tests' from a manifest, or '' when there is none."""
    if not os.path.exists(path):
        return ""
    with open(path, encoding="utf-8") as handle:
        manifest = json.load(handle)
    counts = {}
    for node in manifest.get("nodes", {}).values():
        kind = node.get("resource_type", "?")
        counts[kind] = counts.get(kind, 0) + 1
    counts["source"] = len(manifest.get("sources", {}))
    return ", ".join(f"{counts[k]} {k}" for k in sorted(counts))


def cell(values, digits, unit):
    if not values:
        return "n/a"
    if len(values) == 1:
        return f"{values[0]:.{digits}f}{unit}"
    return f"{statistics.median(values):.{digits}f}{unit} (n={len(values)})"


def main(results):
    sizes = sorted((int(name) for name in os.listdir(results) if name.isdigit()))
    print("| models | dfx compile wall (median) | dfx peak RSS | dbt parse wall | dbt parse peak RSS | wall ratio dbt/dfx | RSS ratio dbt/dfx |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    notes = []
    for size in sizes:
        folder = os.path.join(results, str(size))
        row = {}
        for tool in ("dfx", "dbt"):
            measured = runs(folder, tool)
            failed = [m for m in measured if m[2] != 0]
            if failed:
                notes.append(f"N={size}: {len(failed)} {tool} run(s) failed (exit {failed[0][2]})")
            good = [m for m in measured if m[2] == 0 and m[0] is not None]
            row[tool] = ([m[0] for m in good], [m[1] for m in good if m[1] is not None])
        dfx_wall, dfx_rss = row["dfx"]
        dbt_wall, dbt_rss = row["dbt"]
        wall_ratio = f"{statistics.median(dbt_wall) / statistics.median(dfx_wall):.1f}x" if dfx_wall and dbt_wall else "n/a"
        rss_ratio = f"{statistics.median(dbt_rss) / statistics.median(dfx_rss):.1f}x" if dfx_rss and dbt_rss else "n/a"
        print(
            f"| {size} | {cell(dfx_wall, 2, ' s')} | {cell(dfx_rss, 0, ' MiB')} | {cell(dbt_wall, 2, ' s')} "
            f"| {cell(dbt_rss, 0, ' MiB')} | {wall_ratio} | {rss_ratio} |")
        for tool in ("dfx", "dbt"):
            counts = node_counts(os.path.join(folder, f"{tool}-manifest.json"))
            if counts:
                notes.append(f"N={size}: {tool} manifest: {counts}")
    if notes:
        print()
        for note in notes:
            print(f"- {note}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
