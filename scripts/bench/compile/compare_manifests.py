#!/usr/bin/env python3
"""Compares a dfx manifest.json with a dbt one, field by field, and prints what differs.

    compare_manifests.py DFX_MANIFEST DBT_MANIFEST [--examples 1]

Nodes are matched by unique_id; generic tests whose ids differ only in dbt's naming (full name in the
id, short hashed name as alias) or in the trailing hash are matched by file, attached node, test name
and column. Exits 0 whether or not they differ: this is a report, not a gate.
"""

import argparse
import json

NODE_FIELDS = [
    "name", "resource_type", "package_name", "path", "original_file_path", "fqn", "database", "schema",
    "alias", "relation_name", "tags", "description", "checksum", "patch_path", "language",
]
CONFIG_FIELDS = [
    "materialized", "schema", "alias", "database", "tags", "enabled", "unique_key", "on_schema_change",
    "incremental_strategy", "persist_docs", "severity", "full_refresh",
]


def load(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def test_key(node):
    metadata = node.get("test_metadata") or {}
    parents = tuple(sorted((node.get("depends_on") or {}).get("nodes", [])))
    return (node.get("original_file_path"), parents, metadata.get("name"), node.get("column_name"))


def match(dfx, dbt):
    """Pairs (dfx id, dbt id), and the ids left unmatched on each side."""
    pairs = [(key, key) for key in dfx if key in dbt]
    only_dfx = [key for key in dfx if key not in dbt]
    only_dbt = {key for key in dbt if key not in dfx}
    by_test = {}
    for key in only_dbt:
        if key.startswith("test."):
            by_test.setdefault(test_key(dbt[key]), []).append(key)
    unmatched = []
    for key in only_dfx:
        candidates = by_test.get(test_key(dfx[key])) if key.startswith("test.") else None
        if candidates and len(candidates) == 1:
            pairs.append((key, candidates[0]))
            only_dbt.discard(candidates[0])
        else:
            unmatched.append(key)
    return pairs, unmatched, sorted(only_dbt)


def compare(dfx_manifest, dbt_manifest, examples):
    dfx = {**dfx_manifest.get("nodes", {}), **dfx_manifest.get("sources", {})}
    dbt = {**dbt_manifest.get("nodes", {}), **dbt_manifest.get("sources", {})}
    pairs, only_dfx, only_dbt = match(dfx, dbt)
    differences = {}

    def note(field, kind, left, right, ident):
        entry = differences.setdefault((kind, field), [0, []])
        entry[0] += 1
        if len(entry[1]) < examples:
            entry[1].append((ident, left, right))

    for dfx_id, dbt_id in pairs:
        left, right = dfx[dfx_id], dbt[dbt_id]
        kind = right.get("resource_type", "?")
        if dfx_id != dbt_id:
            note("unique_id", kind, dfx_id, dbt_id, dbt_id)
        for field in NODE_FIELDS:
            if field in right and left.get(field) != right.get(field):
                note(field, kind, left.get(field), right.get(field), dbt_id)
        for field in CONFIG_FIELDS:
            a, b = (left.get("config") or {}).get(field), (right.get("config") or {}).get(field)
            if field in (right.get("config") or {}) and a != b:
                note("config." + field, kind, a, b, dbt_id)
        for field in ("nodes", "macros"):
            a = sorted((left.get("depends_on") or {}).get(field, []))
            b = sorted((right.get("depends_on") or {}).get(field, []))
            if "depends_on" in right and a != b:
                note("depends_on." + field, kind, a, b, dbt_id)
        if "columns" in right and sorted(left.get("columns") or {}) != sorted(right.get("columns") or {}):
            note("columns", kind, sorted(left.get("columns") or {}), sorted(right.get("columns") or {}), dbt_id)

    print(f"matched {len(pairs)} nodes/sources; only in dfx: {len(only_dfx)}; only in dbt: {len(only_dbt)}")
    for ident in only_dfx[:examples]:
        print(f"  only in dfx: {ident}")
    for ident in only_dbt[:examples]:
        print(f"  only in dbt: {ident}")
    if not differences:
        print("no field differences")
    for (kind, field), (count, cases) in sorted(differences.items()):
        print(f"- {kind}.{field}: differs on {count} nodes")
        for ident, left, right in cases:
            print(f"    {ident}\n      dfx: {json.dumps(left)[:300]}\n      dbt: {json.dumps(right)[:300]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dfx_manifest")
    parser.add_argument("dbt_manifest")
    parser.add_argument("--examples", type=int, default=1, help="examples shown per difference")
    arguments = parser.parse_args()
    compare(load(arguments.dfx_manifest), load(arguments.dbt_manifest), arguments.examples)


if __name__ == "__main__":
    main()
