"""Peak memory of the briefing's citation check as the store's text grows (issue 13, item 14).

The check used to join every stored document's text before filtering to the cited findings; now it reads
only the cited documents. Each query runs in a fresh process on a DuckDB file holding N documents of 1 MB
(the cited findings sit in one of them); the figure is that process's peak RSS. The old query is kept
here to compare with.

    .venv/bin/python -m tests.bench.bench_citations
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

OLD = """
    SELECT f.finding_id FROM findings f JOIN documents d USING (doc_id)
    WHERE list_contains(?, f.finding_id)
      AND substr(d.text, f.start + 1, f."end" - f.start) IS DISTINCT FROM f.sentence
"""
DOC_CHARS = 1_000_000


def build(path: Path, n_docs: int) -> list[str]:
    from watchdesk.store.records import DocumentRecord, FindingRecord
    from watchdesk.store.store import Store

    rng = random.Random(n_docs)
    words = ["inventory", "supply", "chain", "demand", "export", "rules", "the", "we", "our", "quarter"]
    now = datetime(2025, 9, 1, tzinfo=UTC)
    ids: list[str] = []
    with Store.open(path) as store:
        for i in range(n_docs):
            text = " ".join(rng.choice(words) for _ in range(DOC_CHARS // 6))[:DOC_CHARS]
            doc = DocumentRecord(url=f"https://www.sec.gov/{i}.htm", source="edgar", text=text, fetched_at=now,
                                 ticker="NVDA")  # fmt: skip
            store.upsert_document(doc)
            if i == 0:
                found = [FindingRecord(doc_id=doc.doc_id, topic="inventory", polarity="neutral", score=0.0,
                                       sentence=text[s:s + 80], start=s, end=s + 80, method="rules",
                                       method_version="b", created_at=now) for s in range(0, 8000, 100)]  # fmt: skip
                store.replace_findings(doc.doc_id, found, method="rules", method_version="b")
                ids = [f.finding_id for f in found]
    return ids


def measure(path: Path, which: str) -> float:
    code = (
        "import sys, resource, json; from watchdesk.store.store import Store; from watchdesk.store import queries;"
        "from tests.bench.bench_citations import OLD; ids = json.loads(sys.argv[3]);"
        "s = Store.open(sys.argv[1], read_only=True);"
        "bad = s.query(OLD, [ids]) if sys.argv[2] == 'old' else queries.citation_mismatches(s, ids);"
        "assert not bad; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    import json

    ids = json.loads(path.with_suffix(".ids").read_text())
    out = subprocess.run([sys.executable, "-c", code, str(path), which, json.dumps(ids)], capture_output=True,
                         text=True, check=True)  # fmt: skip
    return int(out.stdout.strip()) / 1024


def main() -> None:

    print(f"{'documents':>10} {'stored text':>12} {'old query MB':>13} {'new query MB':>13}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in (20, 200):
            db = Path(tmp) / f"s{n}.duckdb"
            # Built in a child too: a forked child's peak RSS starts at its parent's, so the parent stays small.
            make = (f"import json; from pathlib import Path; from tests.bench.bench_citations import build; "
                    f"p = Path({str(db)!r}); p.with_suffix('.ids').write_text(json.dumps(build(p, {n})))")  # fmt: skip
            subprocess.run([sys.executable, "-c", make], check=True)
            print(f"{n:>10} {n * DOC_CHARS / 1e6:>10.0f}MB {measure(db, 'old'):>13.0f} {measure(db, 'new'):>13.0f}")


if __name__ == "__main__":
    main()
