"""Every flag of every fixture call and filing as JSON, to show a speed change leaves flagging's output alone.

Run: .venv/bin/python -m tests.bench.flag_snapshot OUT.json [--against REV]

Flags each transcript in ../shared/fixtures/transcripts, each filing in ../shared/fixtures/edgar/filings and
each SEC body of the repo's replay packs (as `watchdesk flag` reads them), with all shipped topics and with
the three default ones; each of those and a few odd texts (no sentence breaks, upper case, characters that grow
when lower-cased) with two topics, only one of them core (the refiner has the other core topics judged too);
also the rules' verdicts before the learned pass, the unsure candidates and the labelled dev set's sentences
one by one. With --against REV the same is run on REV's code (unpacked by `git archive`), the two outputs are
compared and the differences counted; exit 1 when they differ.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO.parent / "shared" / "fixtures"
PACKS = REPO / "sources" / "packs"


def inputs() -> dict[str, bytes]:
    """Name -> raw bytes of every call and filing to flag."""
    found: dict[str, bytes] = {}
    for path in sorted((FIXTURES / "transcripts").rglob("*")):
        if path.is_file() and path.suffix in {".html", ".htm", ".txt", ".json", ".pdf"}:
            found[str(path.relative_to(FIXTURES))] = path.read_bytes()
    for path in sorted((FIXTURES / "edgar" / "filings").iterdir()):
        if path.suffix in {".html", ".htm", ".txt"}:
            found[str(path.relative_to(FIXTURES))] = path.read_bytes()
    for path in sorted(PACKS.rglob("*.gz")):
        if re.search(r"\.(htm|html|txt)\.gz$", path.name) and "-index" not in path.name:
            found[str(path.relative_to(REPO))] = gzip.decompress(path.read_bytes())
    return found


def dump(flags: list[Any]) -> list[list[Any]]:
    return [[f.topic, f.polarity, f.score, f.start, f.end, f.section, f.speaker, f.sentence] for f in flags]


def odd_texts(filing: str) -> dict[str, str]:
    """Texts that take the splitter's and the matchers' rarer paths."""
    nobreaks = re.sub(r"[.!?\n]", " ", filing).lower()[:300_000]
    return {
        "nobreaks": nobreaks,
        "nobreaks-upper": nobreaks.upper(),
        "upper": filing[:200_000].upper(),
        "growing": filing[:100_000].replace("supply", "İsupply").replace("inventory", "inventoryİ"),
        "mixed": filing[:100_000].swapcase(),
    }


def snapshot() -> dict[str, Any]:
    from watchdesk.agents.flagging.document import flag_document, load_document
    from watchdesk.agents.flagging.flag import flag_text, rule_verdicts, unsure_flags
    from watchdesk.agents.flagging.sentences import split_sentences
    from watchdesk.agents.flagging.topics import load_topics
    from watchdesk.sources.errors import ParsingError
    from watchdesk.sources.html_text import html_to_text

    every, core = load_topics(), load_topics(["inventory", "supply_chain", "geopolitical"])
    some = load_topics(["geopolitical", "demand"])  # one core topic: the refiner has the rules judge the others too
    out: dict[str, Any] = {}
    texts: dict[str, str] = {}
    for name, data in inputs().items():
        try:
            document = load_document(data, origin=name)
        except ParsingError as exc:
            out[name] = {"error": str(exc)}
            continue
        texts[name] = document.text
        out[name] = {"all": dump(flag_document(document, topics=every)),
                     "core": dump(flag_document(document, topics=core))}  # fmt: skip
    ten_k = html_to_text((FIXTURES / "edgar" / "filings" / "NVDA_10-K_FY2025_filed-2025-02-26.html").read_bytes())
    texts |= odd_texts(ten_k)
    for name, text in texts.items():
        entry = out.setdefault(name, {})
        if name in odd_texts(""):
            entry["all"] = dump(flag_text(text, topics=every))
        entry["some"] = dump(flag_text(text, topics=some))
        rules = rule_verdicts(text, split_sentences(text), every)
        entry["rules"] = {topic: sorted(v.items()) for topic, v in rules.items()}
        entry["unsure"] = dump(unsure_flags(text, topics=core))
    labels = FIXTURES / "labels" / "topic_mentions_dev.jsonl"
    sentences = [json.loads(line)["sentence"] for line in labels.read_text(encoding="utf-8").splitlines() if line]
    out["labels"] = [dump(flag_text(s, topics=every, refine=False)) for s in sentences]
    return out


def run_on(rev: str | None, into: Path) -> Path:
    """Write the snapshot of `rev`'s code (None: this tree) to a file under `into`."""
    target = into / f"snapshot-{rev or 'here'}.json"
    env_path = ""
    if rev is not None:
        tree = into / f"tree-{rev}" / "watchdesk"
        tree.mkdir(parents=True)
        archive = subprocess.run(["git", "-C", str(REPO), "archive", rev, "agents", "graph", "sources", "store"],
                                 check=True, capture_output=True)  # fmt: skip
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
        env_path = str(tree.parent)
    code = f"import sys; sys.path.insert(0, {env_path!r}) if {env_path!r} else None; " \
           f"from tests.bench.flag_snapshot import write; write({str(target)!r})"  # fmt: skip
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)
    return target


def write(path: str) -> None:
    Path(path).write_text(json.dumps(snapshot(), ensure_ascii=False, sort_keys=True), encoding="utf-8")


def count(snap: dict[str, Any]) -> tuple[int, int]:
    """(documents, flags) in a snapshot."""
    docs = [v for k, v in snap.items() if k != "labels" and "all" in v]
    return len(docs), sum(len(v["all"]) + len(v.get("core", [])) for v in docs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--against", help="git revision to compare with")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        here = json.loads(run_on(None, Path(tmp)).read_text(encoding="utf-8"))
        args.out.write_text(json.dumps(here, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        docs, flags = count(here)
        digest = hashlib.sha256(args.out.read_bytes()).hexdigest()[:16]
        print(f"{docs} texts, {flags} flags, {len(here['labels'])} labelled sentences; sha256 {digest}")
        if args.against is None:
            return 0
        before = json.loads(run_on(args.against, Path(tmp)).read_text(encoding="utf-8"))
    differ = sorted(k for k in here.keys() | before.keys() if here.get(k) != before.get(k))
    listed = f": {differ[:10]}" if differ else ""
    print(f"against {args.against}: {len(differ)} of {len(here)} entries differ{listed}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
