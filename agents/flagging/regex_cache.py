"""The regex cache lives in sources/regex_cache.py (the transcript parsers use it too); this name stays for the
flagging modules that import it from here."""

from watchdesk.sources.regex_cache import (
    cache_file,
    compile_cached,
    compile_rewritten,
    directory,
    forget,
    memo,
    save,
    shipped_head,
    shipped_json,
    use_dir,
)

__all__ = [
    "cache_file", "compile_cached", "compile_rewritten", "directory", "forget", "memo", "save", "shipped_head",
    "shipped_json", "use_dir",
]
