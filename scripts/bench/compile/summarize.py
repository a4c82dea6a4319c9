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

from compare_manifests import match


def read_time_report(path):
    """(wall seconds, peak RSS in MiB, exit status, user+system CPU seconds) from a `/usr/bin/time -v` report."""
    wall = rss = None
    status = 0
    cpu = 0.0
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
            elif line.startswith("User time (seconds)") or line.startswith("System time (seconds)"):
                cpu += float(line.rsplit(": ", 1)[1])
            elif line.startswith("Exit status"):
                status = int(line.rsplit(": ", 1)[1])
            elif line.startswith("Command terminated by signal"):
                status = 128 + int(line.rsplit(" ", 1)[1])
    return wall, rss, status, cpu


def runs(folder, tool):
    pattern = re.compile(rf"^{tool}-(\d+)\.time$")
    reports = sorted(name for name in os.listdir(folder) if pattern.match(name))
    return [read_time_report(os.path.join(folder, name)) for name in reports]


def load_manifest(path):
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def node_counts(manifest):
    """'123 models, 456 tests' from a manifest, or '' when there is none."""
    if manifest is None:
        return ""
    counts = {}
    for node in manifest.get("nodes", {}).values():
        kind = node.get("resource_type", "?")
        counts[kind] = counts.get(kind, 0) + 1
    counts["source"] = len(manifest.get("sources", {}))
    return ", ".join(f"{counts[k]} {k}" for k in sorted(counts))


def compare_ids(dfx, dbt):
    """Whether both manifests hold the same node and source unique_ids, and the same parents."""
    ids = {tool: set(m.get("nodes", {})) | set(m.get("sources", {})) for tool, m in (("dfx", dfx), ("dbt", dbt))}
    only_dfx = sorted(ids["dfx"] - ids["dbt"])
    only_dbt = sorted(ids["dbt"] - ids["dfx"])
    parents = {tool: m.get("parent_map", {}) for tool, m in (("dfx", dfx), ("dbt", dbt))}
    differing = sorted(
        node for node in ids["dfx"] & ids["dbt"]
        if sorted(parents["dfx"].get(node, [])) != sorted(parents["dbt"].get(node, [])))
    if not only_dfx and not only_dbt and not differing:
        return f"dfx and dbt manifests agree on all {len(ids['dfx'])} unique_ids and their parent_map entries"
    parts = []
    if only_dfx:
        parts.append(f"{len(only_dfx)} ids only in dfx (e.g. {only_dfx[0]})")
    if only_dbt:
        parts.append(f"{len(only_dbt)} ids only in dbt (e.g. {only_dbt[0]})")
    if differing:
        parts.append(f"{len(differing)} nodes with different parents (e.g. {differing[0]})")
    return "manifests DIFFER: " + "; ".join(parts)


def cell(values, digits, unit):
    if not values:
        return "n/a"
    if len(values) == 1:
        return f"{values[0]:.{digits}f}{unit}"
    return f"{statistics.median(values):.{digits}f}{unit} (n={len(values)})"


def main(results):
    sizes = sorted((int(name) for name in os.listdir(results) if name.isdigit()))
    print(
        "| models | dfx compile wall | dfx compile CPU | dfx compile peak RSS | dfx re-compile wall | dfx parse wall | dfx parse CPU "
        "| dbt parse wall | dbt parse CPU | dbt parse peak RSS | wall dbt parse / dfx compile | CPU dbt parse / dfx compile "
        "| RSS dbt parse / dfx compile | wall dbt parse / dfx parse |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    notes = []
    for size in sizes:
        folder = os.path.join(results, str(size))
        row = {}
        for tool in ("dfx", "dfxre", "dfxparse", "dbt"):
            measured = runs(folder, tool)
            failed = [m for m in measured if m[2] != 0]
            if failed:
                notes.append(f"N={size}: {len(failed)} {tool} run(s) failed (exit {failed[0][2]})")
            good = [m for m in measured if m[2] == 0 and m[0] is not None]
            row[tool] = ([m[0] for m in good], [m[1] for m in good if m[1] is not None], [m[3] for m in good])
        dfx_wall, dfx_rss, dfx_cpu = row["dfx"]
        dbt_wall, dbt_rss, dbt_cpu = row["dbt"]
        parse_wall, _, parse_cpu = row["dfxparse"]
        re_wall, _, _ = row["dfxre"]
        parse_ratio = f"{statistics.median(dbt_wall) / statistics.median(parse_wall):.1f}x" if parse_wall and dbt_wall else "n/a"
        cpu_ratio = f"{statistics.median(dbt_cpu) / statistics.median(dfx_cpu):.1f}x" if dfx_cpu and dbt_cpu and statistics.median(dfx_cpu) > 0 else "n/a"
        wall_ratio = f"{statistics.median(dbt_wall) / statistics.median(dfx_wall):.1f}x" if dfx_wall and dbt_wall else "n/a"
        rss_ratio = f"{statistics.median(dbt_rss) / statistics.median(dfx_rss):.1f}x" if dfx_rss and dbt_rss else "n/a"
        print(
            f"| {size} | {cell(dfx_wall, 2, ' s')} | {cell(dfx_cpu, 2, ' s')} | {cell(dfx_rss, 0, ' MiB')} | {cell(re_wall, 2, ' s')} "
            f"| {cell(parse_wall, 2, ' s')} | {cell(parse_cpu, 2, ' s')} "
            f"| {cell(dbt_wall, 2, ' s')} | {cell(dbt_cpu, 2, ' s')} | {cell(dbt_rss, 0, ' MiB')} "
            f"| {wall_ratio} | {cpu_ratio} | {rss_ratio} | {parse_ratio} |")
        labels = {"dfx": "dfx compile", "dfxre": "dfx re-compile", "dfxparse": "dfx parse"}
        for tool in ("dfx", "dfxre", "dfxparse"):
            walls = ", ".join(f"{m[0]:.2f}" for m in runs(folder, tool) if m[0] is not None)
            if walls:
                notes.append(f"N={size}: {labels[tool]} wall per run: {walls} s")
        manifests = {tool: load_manifest(os.path.join(folder, f"{tool}-manifest.json")) for tool in ("dfx", "dbt")}
        for tool, manifest in manifests.items():
            counts = node_counts(manifest)
            if counts:
                notes.append(f"N={size}: {tool} manifest: {counts}")
        if manifests["dfx"] is not None and manifests["dbt"] is not None:
            notes.append(f"N={size}: {compare_ids(manifests['dfx'], manifests['dbt'])}")
            dfx_nodes = {**manifests["dfx"].get("nodes", {}), **manifests["dfx"].get("sources", {})}
            dbt_nodes = {**manifests["dbt"].get("nodes", {}), **manifests["dbt"].get("sources", {})}
            pairs, only_dfx, only_dbt = match(dfx_nodes, dbt_nodes)
            renamed = sum(1 for a, b in pairs if a != b)
            notes.append(
                f"N={size}: matched by file/parents/test/column: {len(pairs)} nodes paired ({renamed} with a different "
                f"unique_id), {len(only_dfx)} only in dfx, {len(only_dbt)} only in dbt "
                f"(field-level diff: scripts/bench/compile/compare_manifests.py)")
        manifests.clear()
    if notes:
        print()
        for note in notes:
            print(f"- {note}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
