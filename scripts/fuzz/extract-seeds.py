#!/usr/bin/env python3
"""Write every conformance case's template (and macro file) to its own seed file for libFuzzer."""
import hashlib
import json
import sys
from pathlib import Path

root = Path(__file__).resolve().parents[2]
out = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "fuzz-out" / "seeds"
out.mkdir(parents=True, exist_ok=True)
count = 0
for cases_file in sorted((root / "Tests" / "DFXTemplateTests" / "Conformance" / "cases").glob("*.json")):
    for case in json.loads(cases_file.read_text()):
        for text in [case["template"], *case.get("macros", {}).values()]:
            data = text.encode("utf-8")
            (out / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)
            count += 1
for template in sorted((root / "scripts" / "bench" / "templates").glob("**/*.sql")):
    data = template.read_bytes()
    (out / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)
    count += 1
print(f"{count} seeds in {out}")
