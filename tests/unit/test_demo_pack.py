"""The committed demo pack is exactly what the real fixtures give (nothing edited by hand)."""

from __future__ import annotations

from pathlib import Path

from tests.packs.build_demo_pack import build
from watchdesk.graph.demo import demo_pack
from watchdesk.sources.replay import ReplayPack


def test_committed_pack_matches_a_rebuild(shared_fixtures: Path, tmp_path: Path) -> None:
    build(shared_fixtures, tmp_path / "pack")
    committed = demo_pack()
    rebuilt = sorted(p.relative_to(tmp_path / "pack") for p in (tmp_path / "pack").rglob("*") if p.is_file())
    assert rebuilt == sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file())
    for rel in rebuilt:
        assert (committed / rel).read_bytes() == (tmp_path / "pack" / rel).read_bytes(), rel


def test_pack_bodies_are_the_fixture_bytes(shared_fixtures: Path) -> None:
    pack = ReplayPack.load(demo_pack())
    hit = pack.lookup("https://data.sec.gov/submissions/CIK0001045810.json")
    assert hit.body == (shared_fixtures / "edgar/submissions/CIK0001045810_NVIDIA.json").read_bytes()
