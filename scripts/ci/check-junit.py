#!/usr/bin/env python3
"""Checks a JUnit XML report written by `dfx test|build --junit-xml PATH`.

Parses the report with a real XML parser (xml.etree, standard library only), checks that the
counts in the <testsuites>/<testsuite> attributes agree with the <testcase> elements, and, when
given, that they equal the expected counts. Exit status 0 when everything agrees, 1 otherwise.

    scripts/ci/check-junit.py target/junit.xml --tests 8 --failures 2 --errors 1 --skipped 0
    scripts/ci/check-junit.py target/junit.xml --require-failure-text "first failing rows"
"""
import argparse
import sys
import xml.etree.ElementTree as ET

KINDS = ("failures", "errors", "skipped")
CHILD = {"failures": "failure", "errors": "error", "skipped": "skipped"}


def counted(cases):
    """Counts of the testcase elements: all, and those holding a failure, error or skipped."""
    counts = {"tests": len(cases)}
    for kind in KINDS:
        counts[kind] = sum(1 for case in cases if case.find(CHILD[kind]) is not None)
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report")
    for name in ("tests",) + KINDS:
        parser.add_argument("--" + name, type=int, help="expected number of " + name)
    parser.add_argument(
        "--require-failure-text", action="append", default=[],
        help="text every <failure> must contain (repeatable)")
    args = parser.parse_args()

    try:
        root = ET.parse(args.report).getroot()
    except (ET.ParseError, OSError) as error:
        print(f"{args.report}: cannot read the report: {error}", file=sys.stderr)
        return 1
    problems = []
    if root.tag != "testsuites":
        problems.append(f"the root element is <{root.tag}>, not <testsuites>")
    suites = root.findall("testsuite")
    if not suites:
        problems.append("no <testsuite> element")
    all_cases = []
    for suite in suites:
        cases = suite.findall("testcase")
        all_cases += cases
        for name, value in counted(cases).items():
            if suite.get(name) != str(value):
                problems.append(f"testsuite {suite.get('name')!r}: {name}={suite.get(name)} but it holds {value}")
        for case in cases:
            if not case.get("name") or not case.get("classname"):
                problems.append("a testcase without name or classname")
            failure = case.find("failure")
            for text in args.require_failure_text:
                if failure is not None and text not in (failure.text or ""):
                    problems.append(f"the failure of {case.get('name')} does not contain {text!r}")
    totals = counted(all_cases)
    for name, value in totals.items():
        if root.get(name) != str(value):
            problems.append(f"testsuites: {name}={root.get(name)} but the report holds {value}")
        expected = getattr(args, name)
        if expected is not None and expected != value:
            problems.append(f"expected {name}={expected}, found {value}")
    for problem in problems:
        print(f"{args.report}: {problem}", file=sys.stderr)
    if not problems:
        print(f"{args.report}: " + ", ".join(f"{name}={value}" for name, value in totals.items()))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
