"""Tiny helpers for writing YAML by hand (the generator is stdlib-only, so no PyYAML)."""


def quoted(text):
    """`text` as a double-quoted YAML scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
