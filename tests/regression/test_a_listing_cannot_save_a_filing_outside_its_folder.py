"""Bug: `watchdesk edgar download` saves each filing to DIR/sec-edgar-filings/TICKER/FORM/ACCESSION/ (the layout of
sec-edgar-downloader, which builds the path), taking ACCESSION as the submissions listing writes it. A listing
whose accession number read "../../../../escaped" (a replay pack is anyone's) saved full-submission.txt and
primary-document.html outside DIR, wherever the user may write. Now such a listing is refused and nothing is saved
(session 44's attack on the sandbox)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack
from watchdesk.sources.edgar_parse import submissions_url
from watchdesk.sources.replay import PackWriter, ReplayPack

CLIMB = "../../../../escaped"


def test_an_accession_number_that_climbs_out_is_refused(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(demo_pack(), pack)
    listing = json.loads(ReplayPack.load(pack).lookup(submissions_url(1045810)).body)  # NVIDIA's, as SEC served it
    recent = listing["filings"]["recent"]
    at = recent["form"].index("10-K")
    recent["accessionNumber"][at] = CLIMB
    writer = PackWriter(pack, merge=True)
    writer.add(submissions_url(1045810), 200, {"content-type": "application/json"}, json.dumps(listing).encode(),
               "tampered")  # fmt: skip
    # what the library asks for that filing, answered: the files it would save
    folder = f"https://www.sec.gov/Archives/edgar/data/1045810/{CLIMB}"
    for url in (f"{folder}/{CLIMB}.txt", f"{folder}/{recent['primaryDocument'][at]}"):
        writer.add(url, 200, {"content-type": "text/plain"}, b"a file the listing placed", "tampered")
    writer.save()
    inside = tmp_path / "a" / "b" / "c"
    inside.mkdir(parents=True)
    result = CliRunner(env={"WATCHDESK_SEC_IDENTITY": None}).invoke(
        cli, ["edgar", "download", "NVDA", "--form", "10-K", "--limit", "1", "--dir", str(inside / "dl"),
              "--replay", str(pack)])  # fmt: skip
    saved = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file()
                   and not p.is_relative_to(pack))  # fmt: skip
    assert saved == [], f"saved {saved}"
    assert result.exit_code != 0
    assert "lists '../../../../escaped' as an accession number" in result.output
