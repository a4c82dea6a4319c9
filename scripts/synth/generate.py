#!/usr/bin/env python3
"""Writes a deterministic, dbt-format synthetic project that both dfx and dbt-core can parse.

    generate.py OUT_DIR --models N [--seed S] [--rows R] [--stack-limit K]

Layout: dbt_project.yml, profiles.yml (postgres, from environment variables with defaults, nothing
secret), models/staging/_sources.yml (source `raw`, ~N/20 tables), models/{staging,intermediate,marts}/
<domain>/ with one properties YAML per folder, macros/ (project macros, a custom generic test and a
generate_schema_name override), tests/ (singular tests) and setup/raw_tables.sql (the raw tables'
DDL). With --rows R, also setup/raw_data.sql: R rows per raw table, so the project runs on PostgreSQL.
With --stack-limit K, an intermediate
view that would inline more than K staging models becomes a table (deep view stacks make PostgreSQL
spend seconds planning a mart). The same arguments always give the same bytes. Stdlib only.
"""

import argparse
import os
import random
import shutil
import sys

from synthlib.layout import Layout
from synthlib.models import ModelWriter
from synthlib.project import ProjectWriter
from synthlib.raw_data import raw_data_sql


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", help="folder to write the project into (replaced if it holds a synth project)")
    parser.add_argument("--models", type=int, required=True, help="number of models (>= 10)")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    parser.add_argument("--tables", type=int, default=None, help="source tables (default ~N/20, at least 3)")
    parser.add_argument(
        "--rows", type=int, default=None,
        help="also write setup/raw_data.sql filling every raw table with this many rows (for dfx run / dbt run)")
    parser.add_argument(
        "--stack-limit", type=int, default=None,
        help="make an intermediate view a table when it would inline more than this many staging models")
    parser.add_argument("--force", action="store_true", help="replace OUT_DIR even if it is not a synth project")
    arguments = parser.parse_args(argv)
    if arguments.models < 10:
        parser.error("--models must be at least 10")
    if arguments.tables is not None and arguments.tables < 1:
        parser.error("--tables must be at least 1")
    if arguments.rows is not None and arguments.rows < 1:
        parser.error("--rows must be at least 1")
    return arguments


def prepare_output(out_dir, force):
    """Empties OUT_DIR, refusing to delete a folder that does not look like an earlier synth project."""
    if os.path.exists(out_dir):
        marker = os.path.join(out_dir, ".synth-project")
        if not os.path.isdir(out_dir):
            sys.exit(f"generate.py: {out_dir} exists and is not a folder")
        if os.listdir(out_dir) and not os.path.exists(marker) and not force:
            sys.exit(f"generate.py: {out_dir} is not empty and was not written by generate.py (use --force)")
        shutil.rmtree(out_dir)
    os.makedirs(out_dir)


def main(argv):
    arguments = parse_arguments(argv)
    prepare_output(arguments.out_dir, arguments.force)
    rng = random.Random(arguments.seed)
    layout = Layout.plan(arguments.models, rng, tables=arguments.tables)
    if arguments.stack_limit is not None:
        layout.limit_view_stacks(arguments.stack_limit)
    files = {}
    files.update(ProjectWriter(layout, arguments.seed).files())
    files.update(ModelWriter(layout, random.Random(arguments.seed * 7919 + 1)).files())
    if arguments.rows is not None:
        files["setup/raw_data.sql"] = raw_data_sql(layout.tables, arguments.rows)
    files[".synth-project"] = f"models={arguments.models} seed={arguments.seed}\n"
    for relative in sorted(files):
        path = os.path.join(arguments.out_dir, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(files[relative])
    counts = layout.counts()
    print(
        f"generate.py: wrote {arguments.out_dir}: {counts['models']} models "
        f"({counts['staging']} staging, {counts['intermediate']} intermediate, {counts['marts']} marts; "
        f"{counts['ephemeral']} ephemeral, {counts['incremental']} incremental), "
        f"{counts['tables']} source tables, {counts['singular_tests']} singular tests, {len(files)} files"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
