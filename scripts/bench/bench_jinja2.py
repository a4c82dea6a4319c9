#!/usr/bin/env python3
"""Render the dbt-style benchmark templates with Python's jinja2, as dbt configures it.

    bench_jinja2.py [--iterations N] [--repeat R] [--dump DIR] [--templates DIR]

Compiles every macro file and model once (reported as compile ms), then renders each model N
times, R times over, keeps each model's fastest batch of N (as timeit.repeat: slower batches
measure other processes on a shared machine), and reports output throughput in MB/s (1 MB = 10^6
bytes of UTF-8 output). The last line,
`RESULT engine=jinja2 compile_ms=... render_mbps=...`, is what template-bench.sh reads.
TemplateBench.swift does exactly the same with DFXTemplate, with the same natives and context.
"""
import argparse
import time
from pathlib import Path

import jinja2
from jinja2 import nodes
from jinja2.runtime import Macro

HERE = Path(__file__).resolve().parent


class MacroReturn(Exception):
    def __init__(self, value):
        super().__init__()
        self.value = value


def dbt_return(value):
    raise MacroReturn(value)


_invoke = Macro._invoke


def _invoke_catching_return(self, arguments, autoescape):
    # dbt's MacroGenerator.call_macro: return() ends exactly one macro call.
    try:
        return _invoke(self, arguments, autoescape)
    except MacroReturn as early:
        return early.value


Macro._invoke = _invoke_catching_return

VARS = {"start_date": "2021-06-01", "lookback_hours": 6}
_MISSING = object()


def var(name, default=_MISSING):
    if name in VARS:
        return VARS[name]
    if default is _MISSING:
        raise jinja2.exceptions.TemplateRuntimeError(f"Required var '{name}' not found")
    return default


def base_context():
    return {
        "ref": lambda name: f'"analytics"."{name}"',
        "source": lambda source_name, table: f'"raw_{source_name}"."{table}"',
        "config": lambda *args, **kwargs: "",
        "var": var,
        "is_incremental": lambda: False,
        "return": dbt_return,
        "target": {"name": "dev", "schema": "analytics", "type": "postgres", "threads": 4},
        "invocation_id": "00000000-0000-0000-0000-000000000000",
    }


def load(templates_dir):
    macros = {p.relative_to(templates_dir).as_posix(): p.read_text() for p in sorted(templates_dir.glob("macros/*.sql"))}
    models = {p.stem: p.read_text() for p in sorted(templates_dir.glob("models/*.sql"))}
    return macros, models


def make_environment():
    return jinja2.Environment(
        trim_blocks=False,
        lstrip_blocks=False,
        keep_trailing_newline=False,
        extensions=["jinja2.ext.do"],
        undefined=jinja2.Undefined,  # TemplateBench.swift uses .lenient to match
        cache_size=0,
    )


def compile_all(env, macros, models):
    """Parse and compile everything once; bind macros into a shared context (globally callable)."""
    ctx = base_context()
    modules = {}
    for path, source in macros.items():
        for macro in env.parse(source).find_all(nodes.Macro):

            def proxy(*args, _name=macro.name, **kwargs):
                return modules[_name](*args, **kwargs)

            ctx[macro.name] = proxy
    for path, source in macros.items():
        module = env.from_string(source).make_module(ctx)
        for name in dir(module):
            value = getattr(module, name)
            if isinstance(value, Macro):
                modules[name] = value
    compiled = {name: env.from_string(source) for name, source in models.items()}
    return ctx, compiled


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--dump", type=Path)
    parser.add_argument("--templates", type=Path, default=HERE / "templates")
    args = parser.parse_args()

    macros, models = load(args.templates)
    env = make_environment()
    start = time.perf_counter()
    ctx, compiled = compile_all(env, macros, models)
    compile_ms = (time.perf_counter() - start) * 1000

    total_bytes = 0
    total_seconds = 0.0
    print(f"jinja2 {jinja2.__version__}: {len(models)} models, {len(macros)} macro files, {args.iterations} renders each, best of {max(1, args.repeat)}")
    for name, template in compiled.items():
        model_ctx = dict(ctx, this=f'"analytics"."{name}"')
        output = template.render(model_ctx)  # warm-up, and the output to check
        if args.dump:
            args.dump.mkdir(parents=True, exist_ok=True)
            (args.dump / f"{name}.sql").write_text(output)
        size = len(output.encode("utf-8"))
        seconds = float("inf")
        for _ in range(max(1, args.repeat)):
            start = time.perf_counter()
            for _ in range(args.iterations):
                template.render(model_ctx)
            seconds = min(seconds, time.perf_counter() - start)
        total_bytes += size * args.iterations
        total_seconds += seconds
        print(f"  {name:28} {size:7d} B  {seconds / args.iterations * 1e6:9.1f} us/render  {size * args.iterations / seconds / 1e6:7.2f} MB/s")
    mbps = total_bytes / total_seconds / 1e6
    print(f"compile: {compile_ms:.1f} ms  render: {mbps:.2f} MB/s")
    print(f"RESULT engine=jinja2 compile_ms={compile_ms:.3f} render_mbps={mbps:.3f}")


if __name__ == "__main__":
    main()
