#!/usr/bin/env python3
"""Record Jinja2 3.1's behaviour for every conformance case.

Reads Tests/DFXTemplateTests/Conformance/cases/<group>.json and writes
Tests/DFXTemplateTests/Conformance/expected/<group>.json (or, with --check,
only verifies that they are up to date), which is what
`swift test --filter ConformanceTests` compares the DFXTemplate engine against.

The environment is configured as dbt-core configures its own (trim_blocks and
lstrip_blocks off, keep_trailing_newline off, the `do` extension on) and gets
the same fixed native functions the Swift harness installs: ref, var,
is_incremental, and dbt's `return`.
"""
import json
import sys
from pathlib import Path

import jinja2
from jinja2 import nodes
from jinja2.runtime import Macro

ROOT = Path(__file__).resolve().parents[2]
CONFORMANCE = ROOT / "Tests" / "DFXTemplateTests" / "Conformance"
MAIN = "models/case.sql"
SCHEMA = "analytics"
VARS = {
    "start_date": "2024-01-01",
    "limit": 10,
    "enabled": True,
    "regions": ["eu", "us"],
}
ALLOWED_KEYS = {"name", "template", "context", "undefined", "macros", "ignoreLine", "note"}


class MacroReturn(Exception):
    """dbt's way out of a macro: `return(x)` raises, the macro call wrapper catches."""

    def __init__(self, value):
        super().__init__()
        self.value = value


def dbt_return(value):
    raise MacroReturn(value)


# dbt wraps every macro in a MacroGenerator whose call_macro catches MacroReturn
# and yields its value. Here every jinja2 Macro invocation gets the same wrapper,
# so a `return()` ends exactly one macro call, never its caller.
_original_invoke = Macro._invoke


def _invoke_catching_return(self, arguments, autoescape):
    try:
        return _original_invoke(self, arguments, autoescape)
    except MacroReturn as early:
        return early.value


Macro._invoke = _invoke_catching_return


def ref(name):
    return f'"{SCHEMA}"."{name}"'


_MISSING = object()


def var(name, default=_MISSING):
    if name in VARS:
        return VARS[name]
    if default is _MISSING:
        raise jinja2.exceptions.TemplateRuntimeError(f"Required var '{name}' not found")
    return default


def is_incremental():
    return False


class NamedLoader(jinja2.BaseLoader):
    """Like DictLoader, but reports each template's name as its filename for tracebacks."""

    def __init__(self, mapping):
        self.mapping = mapping

    def get_source(self, environment, template):
        if template not in self.mapping:
            raise jinja2.TemplateNotFound(template)
        return self.mapping[template], template, lambda: True


class SemiStrictUndefined(jinja2.StrictUndefined):
    """minijinja's SemiStrict, which dfx uses: StrictUndefined, except that it may be tested for truth
    (and is false). Printing, iterating, attribute access, comparison and arithmetic still fail;
    `is defined` and `default` work."""

    __slots__ = ()

    def __bool__(self):
        return False


UNDEFINED = {"lenient": jinja2.Undefined, "strict": jinja2.StrictUndefined, "semiStrict": SemiStrictUndefined}


def make_environment(case):
    undefined = UNDEFINED[case.get("undefined", "lenient")]
    sources = dict(case.get("macros", {}))
    sources[MAIN] = case["template"]
    return jinja2.Environment(
        loader=NamedLoader(sources),
        trim_blocks=False,
        lstrip_blocks=False,
        keep_trailing_newline=False,
        extensions=["jinja2.ext.do"],
        undefined=undefined,
    )


def make_context(env, case):
    """Natives, the case context, and every registered macro (globally and as proj.name)."""
    modules = {}
    ctx = {"ref": ref, "var": var, "is_incremental": is_incremental, "return": dbt_return}
    ctx.update(case.get("context", {}))
    proj = {}
    for path, source in case.get("macros", {}).items():
        for macro in env.parse(source).find_all(nodes.Macro):
            # Only top-level macros are exported, as in dbt and in DFXTemplate.addMacros.
            name = macro.name

            def proxy(*args, _name=name, **kwargs):
                return modules[_name](*args, **kwargs)

            proxy.__name__ = name
            ctx[name] = proxy
            proj[name] = proxy
    ctx["proj"] = proj
    # Macro modules resolve free names at call time against this shared context,
    # so a macro may call another defined later or in another file.
    for path in case.get("macros", {}):
        module = env.get_template(path).make_module(ctx)
        for name in list(proj):
            found = getattr(module, name, None)
            if found is not None:
                modules[name] = found
    return ctx


def template_line(tb):
    """File and line of the innermost template frame in a (jinja-rewritten) traceback."""
    found = None
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename.endswith(".sql"):
            found = (code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def run_case(case):
    env = make_environment(case)
    try:
        ctx = make_context(env, case)
        output = env.get_template(MAIN).render(ctx)
        return {"output": output}
    except Exception as error:  # every failure is a recorded expectation
        result = {"error": f"{type(error).__name__}: {error}"}
        if isinstance(error, jinja2.TemplateSyntaxError):
            where = (error.name or error.filename, error.lineno)
        else:
            where = template_line(error.__traceback__)
        if where is not None and not case.get("ignoreLine", False):
            filename, line = where
            if filename is not None and line is not None:
                result["line"] = line
                result["file"] = filename
        return result


def check(case, group):
    unknown = set(case) - ALLOWED_KEYS
    if unknown or "name" not in case or "template" not in case:
        raise SystemExit(f"{group}: malformed case {case.get('name')!r}: unknown keys {unknown}")


def main(argv):
    check_only = "--check" in argv
    selected = set(argv[1:]) - {"--check"}
    total = 0
    errors = 0
    stale = []
    for cases_file in sorted((CONFORMANCE / "cases").glob("*.json")):
        group = cases_file.stem
        if selected and group not in selected:
            continue
        cases = json.loads(cases_file.read_text())
        expected = {}
        for case in cases:
            check(case, group)
            if case["name"] in expected:
                raise SystemExit(f"{group}: duplicate case name {case['name']!r}")
            expected[case["name"]] = run_case(case)
            errors += "error" in expected[case["name"]]
        out = CONFORMANCE / "expected" / f"{group}.json"
        text = json.dumps(expected, indent=2, ensure_ascii=False) + "\n"
        if check_only:
            if not out.exists() or out.read_text() != text:
                stale.append(group)
        else:
            out.write_text(text)
        total += len(cases)
        print(f"{group}: {len(cases)} cases")
    print(f"total: {total} cases ({errors} expect an error), jinja2 {jinja2.__version__}")
    if stale:
        raise SystemExit(f"expected files out of date for: {', '.join(stale)} (run without --check)")


if __name__ == "__main__":
    main(sys.argv)
