"""Closer reading for the refiner: what the words of a sentence do to each other, as a few named features.

The refiner's word and word-pair features cannot see that a constraint is denied ("we do not foresee any
bottlenecks"), which way a stock moves ("we intend to draw down our inventory"), that a question merely asks
("Is the 25 number a supply constraint number?") or that a speaker only opens a subject ("I wanted to talk a
little bit about North America supply chain."). These features name such relations, within a few words, so the
trained weights can give them their rubric direction (fixtures/labels/README.md sections 5 and 6).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache, reduce
from itertools import compress, count, repeat
from operator import contains, or_

from watchdesk.agents.flagging.regex_cache import compile_cached

NEAR = 5  # words between a negation or direction and the word it bears on

_NEGATION = frozenset((
    "not", "no", "n't", "never", "nothing", "without", "none", "neither", "nor", "hardly", "don't", "doesn't",
    "didn't", "isn't", "aren't", "wasn't", "weren't", "haven't", "hasn't", "won't", "can't", "cannot",
))  # fmt: skip
# Stems match the start of a word; those of three letters or fewer, and those ending in "$", the whole word.
_STEMS = {
    "bad": ("shortag", "bottleneck", "constrain", "tight", "disrupt", "delay", "short$", "scarc", "buildup",
            "build-up", "excess", "digest", "oversuppl", "headwind", "restrict", "shortfall", "capped$", "gated$",
            "correction", "pressure", "squeez", "crunch", "pull-in", "pull-forward"),
    "good": ("improv", "ease$", "eased$", "eases$", "easing", "better", "normaliz", "normalis", "healthy",
             "healthier", "lean$", "leaner", "resolv", "recover", "done$", "behind$", "complete$", "completed$"),
    "stock": ("inventor", "stock", "channel", "days$"),
    "supply": ("suppl", "capacity", "lead$", "wafer", "component", "freight", "logistic"),
    "demand": ("demand", "order", "bookings"),
    "down": ("lower", "down", "decreas", "reduc", "declin", "drain", "drew$", "draw$", "fell", "low", "burn",
             "depleted", "lowest$", "contraction"),
    "up": ("higher", "increas", "rise$", "rising", "rose$", "build", "built$", "grew", "grow$", "grows", "elevated",
           "up", "excess"),

    "ahead": ("above", "exceed", "outpac", "outstrip", "ahead", "outrun", "surpass"),
}  # fmt: skip
# Tried for flagging v0.10 (H15) and not kept: bare "because", "as you" and "is/are going up/down" as premises
# (TUNE question misses: "Any color on where that inventory level is going up?", "Is that because you're
# shifting your supply ...?"). Retrained and measured: leave-companies-out polarity unchanged (0.80 / 0.73 /
# 0.73), leave-calls-out unchanged, TEST inventory polarity 0.62 -> 0.65; no rise where rule changes are judged.
_PRESUPPOSE = compile_cached(
    r"\b(?:given|you (?:mentioned|said|talked|noted|called out|flagged|highlighted)|because of|due to|impact\w*|"
    r"headwinds?|how (?:much|long|severe|bad)|quantify|still|continue\w*|persist\w*)\b"
)
_OPENER = compile_cached(
    r"\b(?:(?:wanted|want|like|going|try|trying|hoping) to (?:ask|talk|touch|come back|go back|follow up|dig|"
    r"focus|start|get)|my (?:first |second |follow-up |last )?question|a question (?:on|about)|turning to|"
    r"moving to|switching (?:gears )?to|let me (?:turn|move|talk)|on the (?:topic|subject) of)\b"
)


# Relations a word window cannot see: demand over supply (a constraint, rubric 6.1), supply ahead of what is
# needed, the supply-demand balance as a market state (neutral unless a shortage is claimed), an effect smaller
# than feared, and effort without a result (mitigation: neutral).
# A verb of belief or saying, negated: "I don't think", "I wouldn't say". What follows it, a relief ("the shortage is
# over"), is what the speaker denies, not the problem (K:relief-denied, _NOT_A_DENIAL).
_BELIEF_DENIED = r"(?:n't|\bnot|\bnever) (?:\w+ ){0,2}?(?:say|think|believe|expect|see)\b"
_RELATIONS = tuple((name, compile_cached(pattern)) for name, pattern in (
    ("K:demand-over-supply",
     r"\bdemand (?:\S+ ){0,5}?(?:greater|stronger|more|higher|above|exceed\w*|outpac\w*|outstrip\w*|ahead|"
     r"significantly more|well above|far exceed\w*) (?:\S+ ){0,3}?(?:supply|capacity|our ability)|"
     r"\bundersuppl|\b(?:if we had|had more) supply|\bsupply (?:\S+ ){0,6}?(?:unable to|can't|cannot|not) keep up|"
     r"\bdemand[- ]supply gap|favou?ring the demand|\bsold out|\boversubscribed|"
     r"\b(?:no way|unable|can't|cannot|not able)(?: \S+){0,3} keep(?:ing)? up (?:on|with) (?:the )?demand"),
    ("K:supply-over-need",
     r"\bsupply (?:\S+ ){0,4}?(?:exceeds?|above|ahead of|beyond|significantly beyond) (?:\S+ ){0,3}?"
     r"(?:guidance|demand|forecast|that|needs?)|\bnot supply[- ](?:capped|constrained|gated|limited)"),
    ("K:balance",
     r"\b(?:supply[- /]demand|demand[- /]supply|supply and demand|demand and supply) (?:\S+ ){0,2}?"
     r"(?:balance|environment|setup|equilibrium|dynamics)|\b(?:healthy|constructive|balanced) (?:\S+ ){0,3}?"
     r"(?:supply[- /]demand|demand[- /]supply)"),
    ("K:less-than-feared",
     r"\b(?:less|not as much|lower|smaller|better) than (?:\S+ ){0,2}?(?:anticipated|expected|feared|forecast|thought)|"
     r"\blower end of (?:that|the|our) range|\blow end of (?:that|the|our) range"),
    ("K:effort",
     r"\b(?:working|trying|try|racing|continu\w* to work|doing (?:our|everything)|focused on|do our best|"
     r"work through|manage through|managing through|navigat\w*)\b"),
    # flagging v0.8: a problem that cost something ("Without the delivery challenges, growth would have been high
    # single digits"), not a problem denied; the supply chain praised as an advantage (rubric: positive); costs
    # passed on or shared (pass-through: neutral, rubric 6.11); relief not expected ("we don't expect those
    # challenges to go away"); a question weighing two answers ("a supply-constrained number, or is it a
    # demand-constrained number?"), which presupposes neither.
    ("K:counterfactual",
     r"\b(?:would|could)(?: have|'ve) been\b.*\b(?:if|without|absent|but for|excluding)\b|"
     r"\b(?:without|absent|but for|excluding|if (?:it|we|they) (?:had|did|were|was)(?:n't| not))\b.*"
     r"\b(?:would|could)(?: have|'ve) been\b"),
    ("K:praise",
     r"\b(?:best|incredible|tremendous|great|outstanding|exceptional|excellent|fantastic|phenomenal|amazing|"
     r"terrific|world-class|mature|resilient|efficient|strong|robust|sophisticated|full[- ]scale) "
     r"(?:\S+ ){0,2}?(?:supply chains?|suppliers?|supply base|sourcing|procurement)\b|"
     r"\b(?:supply chains?|suppliers?|supply base|sourcing|procurement)(?: \S+){0,5}? (?:doing|did|done|do) "
     r"(?:an? )?(?:\S+ )?(?:job|work)\b|\bsuppl(?:y|y chain|iers)(?: \S+){0,2}? (?:is |are |has |have )?"
     r"(?:going|gone|went|performing|performed|executing|executed|ramped|ramping|working) (?:\S+ )?well\b|"
     r"\b(?:pleased|happy|proud|comfortable) (?:with|of|about) (?:\S+ ){0,4}?(?:supply|suppliers?|sourcing)|"
     r"\bjob (?:\S+ ){0,4}?(?:managing|running|on|with) (?:the |our |its |their )?(?:supply|suppliers|sourcing)"),
    # our own stock built on purpose ("we anticipate carrying some excess inventory ... to manage supply chain
    # concerns"): a deliberate buffer, described as fact, is neutral; customers that built stock are not ours
    ("K:own-buffer",
     r"\bwe(?:'re|'ve|'ll| are| have| will| plan to| intend to| expect to| anticipate| chose to| decided to)? "
     r"(?:\S+ ){0,2}?(?:carry|carrying|hold|holding|build|building|built|keep|keeping|maintain\w*|add|adding|"
     r"added|invest\w* in|buffer\w*) (?:\S+ ){0,3}?(?:inventor(?:y|ies)|stock|buffers?)\b"),
    ("K:cost-pass",
     r"\b(?:pass(?:ing|ed)? (?:on|through|along)|pass-through|offset|share|recover|cover)\b (?:\S+ ){0,5}?"
     r"(?:costs?|inflation|(?:cost|price) increases)\b"),
    # flagging v0.10, whose stock and which way (rubric 5, inventory): customers, the channel or distributors that
    # built, carry or hold extra stock will buy less (a warning for their supplier); customers still cutting or
    # adjusting their stock buy less now; stock that has come down, or is expected to get back to normal, is good
    # news after a glut; our own stock managed or invested in, without a result, is neutral; stock run out or
    # replenished less (own out-of-stocks, "less replenishment") is a warning, though "replenish" alone reads well.
    ("K:their-stock-up",
     r"\b(?:customers?|channel|distributors?|dealers?|retailers?|oems?|they(?:'re)?|partners|people)(?: \S+){0,4}? "
     r"(?:have |has |had |are |were |'re )?(?:built|pre-?built|building|build(?:ing)? up|carry\w*|hold\w*|"
     r"purchased|bought|stock(?:ed|ing) up|pull\w* in|pulled forward) (?:\S+ ){0,4}?"
     r"(?:inventor(?:y|ies)|stock|buffers?)\b|"
     r"\b(?:extra|excess|elevated|safety|buffer) (?:\S+ ){0,2}?(?:inventor(?:y|ies)|stock)\b (?:\S+ ){0,4}?"
     r"(?:out there|in the channel|at (?:our )?customers?)|\bsell-in (?:\S+ ){0,3}?(?:less|lower|below) "
     r"(?:\S+ ){0,2}?(?:sell-out|sell-through)|\b(?:inventor(?:y|ies)|stock) (?:\S+ ){0,4}?(?:too high|above normal)"),
    ("K:their-stock-cutting",
     r"\b(?:customers?|channel|distributors?|dealers?|retailers?|oems?|they)(?: \S+){0,3}? (?:continu\w* to |"
     r"are (?:still )?|were (?:still )?|still |remain\w* )?(?:reduc\w*|cut\w*|adjust\w*|work\w* down|normaliz\w*|"
     r"digest\w*|destock\w*|lower\w*|tighten\w*) (?:\S+ ){0,3}?(?:inventor(?:y|ies)|stock)|"
     r"\b(?:impact\w*|affected|hurt|weigh\w*|pressured) (?:\S+ ){0,2}?by (?:\S+ ){0,3}?"
     r"(?:inventory (?:adjustment|reduction|correction|digestion)s?|destocking)"),
    ("K:stock-came-down",
     r"\b(?:reduced|lower|leaner|declining|healthier|normali[sz]ed) (?:customer |channel |industry |distributor )?"
     r"inventor(?:y|ies)\b|\b(?:contraction|reduction|decline|drawdown|normali[sz]ation) (?:in|of) (?:\S+ ){0,2}?"
     r"inventor(?:y|ies)\b|\binventor(?:y|ies) (?:\S+ ){0,9}?(?:get|gets|getting|got|return\w*|come|coming) "
     r"(?:back )?(?:to|down to) (?:\S+ )?(?:earlier|normal|healthy|healthier|historical|target|more normal)"),
    ("K:own-stock-managed",
     r"\b(?:invest\w* in|manag\w*|focus\w* on|strategy to|deploy\w*|plan to|want to|aim to|working to) "
     r"(?:\S+ ){0,4}?(?:our |the )?inventor(?:y|ies)\b"),
    ("K:stock-run-out",
     r"\bout[- ]of[- ]stocks?\b|\bstock[- ]?outs?\b|\b(?:less|lower|reduced|no|limited|slower) "
     r"(?:\S+ ){0,2}?replenish\w*|\b(?:our|own) (?:\S+ ){0,2}?inventor(?:y|ies) (?:\S+ ){0,2}?(?:depleted|ran out|"
     r"run out|sold through)|\b(?:depleted|ran out of|run out of) (?:\S+ ){0,2}?(?:our|own) (?:\S+ )?inventor"),
    ("K:relief-denied",
     r"(?:n't|\bnot|\bno) (?:expect|see|anticipate|think|believe|foresee)\w* (?:\S+ ){0,6}?(?:to |will |would )?"
     r"(?:go away|ease|abate|improve|subside|dissipate|get better|be resolved|resolve|normali[sz]e|disappear)\b|"
     # ... and in the present or perfect: "I don't think the shortage is over" (flagging v0.30)
     + _BELIEF_DENIED + r"(?: \S+){0,6}? (?:is|are|has|have|had) "
     r"(?:\w+ ){0,2}?(?:over|behind us|resolved|eased|abated|gone away|ended)\b"),
))  # fmt: skip
# A question is "built on a problem" or "plain" (above); one weighing alternatives presupposes neither answer.
_ALTERNATIVE = compile_cached(
    r"\bor (?:is|are|was|were|do|does|did|will|would|a|an|the|more|somewhat|it's|rather|just)\b"
)
# Text each relation cannot match without (every branch holds one of them; a tuple: all of its parts): tests
# that spare most sentences the regexes, which long filings with "supply" and "demand" in every other sentence
# otherwise pay in full (tests/unit/test_reading.py checks them on real calls).
_NEEDS: dict[str, tuple[str | tuple[str, ...], ...]] = {
    "K:demand-over-supply": (("demand ", "supply"), ("demand ", "capacity"), ("demand ", "our ability"),
                             "undersuppl", ("had", "supply"), "keep up", "supply gap", "ring the demand", "sold out",
                             "oversubscribed"),
    "K:supply-over-need": (("supply ", "exceed"), ("supply ", "above"), ("supply ", "ahead of"), ("supply ", "beyond"),
                           "not supply"),
    "K:balance": (("supply", "demand"),),
    "K:less-than-feared": ("than", "end of"),
    "K:effort": ("work", "try", "racing", "doing", "focused on", "do our best", "manag", "navigat"),
    "K:counterfactual": ("ve been",),
    "K:praise": ("suppl", "sourcing", "procurement"),
    "K:own-buffer": ("inventor", "stock", "buffer"),
    "K:cost-pass": ("pass", "offset", "cover", ("share", "cost"), ("share", "inflation"), ("share", "increases")),
    "K:their-stock-up": ("built", "building", "carry", "hold", "purchased", "bought", "stocked", "stocking",
                         ("pull", " in"), "pulled forward", ("inventor", "out there"), ("stock", "out there"),
                         ("inventor", "in the channel"), ("stock", "in the channel"), ("inventor", "at "),
                         ("stock", "at "), "sell-in", "too high", "above normal"),
    "K:their-stock-cutting": (("inventor", "reduc"), ("inventor", "cut"), ("inventor", "adjust"),
                              ("inventor", "work"), ("inventor", "normaliz"), ("inventor", "digest"),
                              ("inventor", "destock"), ("inventor", "lower"), ("inventor", "tighten"),
                              ("stock", "reduc"), ("stock", "cut"), ("stock", "adjust"), ("stock", "work"),
                              ("stock", "normaliz"), ("stock", "digest"), ("stock", "destock"), ("stock", "lower"),
                              ("stock", "tighten"), "destocking"),
    "K:stock-came-down": ("inventor",),
    "K:own-stock-managed": ("inventor",),
    "K:stock-run-out": ("stock", "replenish", "inventor"),
    "K:relief-denied": ("go away", "ease", "abate", "improve", "subside", "dissipate", "get better", "resolve",
                        "normali", "disappear", "over", "behind us", "gone away", "ended"),
}  # fmt: skip


def holds(lowered: str, needs: tuple[str | tuple[str, ...], ...]) -> bool:
    """Whether `lowered` holds one of `needs` (a string, or a tuple whose every part it holds)."""
    return _holds(lowered, _parts(needs))


Parts = tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]


def _holds(lowered: str, parts: Parts) -> bool:
    words, groups = parts
    if any(map(lowered.__contains__, words)):  # in C: most sentences are settled here
        return True
    return any(all(map(lowered.__contains__, group)) for group in groups)


def _parts(needs: tuple[str | tuple[str, ...], ...]) -> Parts:
    return tuple(n for n in needs if isinstance(n, str)), tuple(n for n in needs if not isinstance(n, str))


_PARTS = {name: _parts(needs) for name, needs in _NEEDS.items()}


def _whole(stem: str) -> bool:
    return stem.endswith("$") or len(stem) <= 3


def _matches(word: str, stem: str) -> bool:
    if _whole(stem):
        return word == stem.rstrip("$")
    return word.startswith(stem)


_WHERE = ("down", "up", "bad", "good", "ahead")
# _matches() per kind as one set of whole words and one tuple of starts (str.startswith takes a tuple, in C)
_WHOLE = {kind: frozenset(s.rstrip("$") for s in stems if _whole(s)) for kind, stems in _STEMS.items()}
_START = {kind: tuple(s for s in stems if not _whole(s)) for kind, stems in _STEMS.items()}
# Text _OPENER cannot match without (every branch holds one): most sentences skip its regex
_OPENER_NEEDS = ("want", "like", "going", "try", "hoping", "question", "turning", "moving", "switching", "let me",
                 "on the topic", "on the subject")  # fmt: skip


def _negating(window: Sequence[str]) -> bool:
    """Whether a word of `window` negates: one of _NEGATION or any ending in "n't" (tested in C, not a loop)."""
    return not _NEGATION.isdisjoint(window) or any(map(str.endswith, window, repeat("n't")))


@cache
def _kinds(word: str) -> tuple[str, ...]:
    """The kinds whose stems match `word` (any(_matches(word, stem) for stem in stems), faster)."""
    return tuple(kind for kind in _STEMS if word in _WHOLE[kind] or word.startswith(_START[kind]))


def reading_features(words: Sequence[str], lowered: str, *, question: bool) -> list[str]:
    """Named relations between the words of one sentence (lower-cased `words`, `lowered` text). Every run of ASCII
    letters and digits in `lowered` lies inside one of `words` (as with refine_score.TOKEN's words)."""
    names: list[str] = []
    kinds = list(map(_kinds, words))
    for i in compress(count(), kinds):  # the few words of some kind
        negated = None
        for kind in kinds[i]:
            if kind in ("bad", "good", "up"):
                if negated is None:
                    negated = _negating(words[max(0, i - NEAR) : i])
                if negated:
                    names.append(f"K:not-{kind}")
            elif kind in ("stock", "supply", "demand"):
                near = kinds[max(0, i - NEAR) : i + NEAR + 1]
                names += [f"K:{kind}-{other}" for ks in near for other in ks if other in _WHERE]
    if question:
        names.append("K:question-built" if _PRESUPPOSE.search(lowered) else "K:question-plain")
        if " or " in lowered and _ALTERNATIVE.search(lowered):
            names.append("K:question-or")
    present = _present(words, lowered)
    if present & _OPENER_BITS and _OPENER.search(lowered):
        names.append("K:opener")
    names += [name for name, pattern in _gated(present) if pattern.search(lowered)]
    return sorted(set(names))


_ALL_NEEDS = tuple(sorted({part for words, groups in _PARTS.values() for part in (*words, *sum(groups, ()))}))
# The needed texts as bits of one int: a sentence's set of them (_present) is a few ORs, and each relation's test
# (_holds) two ANDs, answered once per set of bits (_gated). A text of letters only is in the sentence when it is
# in one of its words, which holds for every run of letters: so it is looked for in each distinct word once
# (_word_bits, remembered per word, as _kinds), not in every sentence. A text with a space or an apostrophe is
# looked for in the sentence only when its longest run of letters (its anchor, a bit too) is in a word.
_NEEDED = sorted({*_ALL_NEEDS, *_OPENER_NEEDS})
_IN_TEXT = tuple(need for need in _NEEDED if not (need.isalnum() and need.isascii()))
_ANCHOR = {need: max(re.findall(r"[a-z0-9]+", need), key=len) for need in _IN_TEXT}
_BIT = {need: 1 << k for k, need in enumerate(sorted({*_NEEDED, *_ANCHOR.values()}))}
_IN_WORDS = tuple(need for need in _BIT if need not in _IN_TEXT)
_IN_TEXT_BITS = tuple((need, _BIT[_ANCHOR[need]], _BIT[need]) for need in _IN_TEXT)
_OPENER_BITS = sum(_BIT[need] for need in _OPENER_NEEDS)
_GATES = tuple((name, pattern, sum({_BIT[w] for w in _PARTS[name][0]}),
                tuple(sum({_BIT[part] for part in group}) for group in _PARTS[name][1]))
               for name, pattern in _RELATIONS)  # fmt: skip


@cache
def _word_bits(word: str) -> int:
    """The bits of the letters-only needed texts (and anchors) in `word`."""
    return sum(_BIT[need] for need in _IN_WORDS if need in word)


def _present(words: Sequence[str], lowered: str) -> int:
    """The bits of the needed texts (_ALL_NEEDS, _OPENER_NEEDS) that `lowered` holds, anchors' bits among them."""
    found: int = reduce(or_, map(_word_bits, words), 0)
    for need, anchor, bit in _IN_TEXT_BITS:
        if found & anchor and need in lowered:
            found |= bit
    return found


@lru_cache(maxsize=4096)
def _gated(present: int) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The relations whose needed texts `present` holds (_holds), in order: their regexes are worth running."""
    return tuple((name, pattern) for name, pattern, any_of, groups in _GATES
                 if present & any_of or any(present & g == g for g in groups))  # fmt: skip


_NAMED = dict(_RELATIONS)


def _relation(lowered: str, name: str) -> bool:
    """Whether relation `name` holds in `lowered`, its needed text tested first as reading_features() does."""
    return _holds(lowered, _PARTS[name]) and _NAMED[name].search(lowered) is not None


_WORDS = compile_cached(r"[a-z0-9]+(?:['’\-][a-z0-9]+)*")  # refine_score.TOKEN's words
_GIVEN = compile_cached(r"\b(?:given|because of|due to|in light of|with all)\b")


def names_a_balance(lowered: str) -> bool:
    """The supply-demand balance named as a market state ("The supply-demand setup is quite good"): neutral by the
    rubric (6.1) unless a shortage is claimed, never good news, though "healthy" and "good" sit beside it."""
    return _relation(lowered, "K:balance")


# A plain question (rubric 5.3: neutral): one that asks, without a presupposing word (_PRESUPPOSE) or a word naming
# a problem. On our labelled calls such questions are 47 of 55 neutral (supply chain 31 of 37); the weights, which
# read "supply chain" as a warning, called many of them negative.
_ASKING = compile_cached(
    r"\?|\b(?:wonder(?:ed|ing)?|curious)\b|\b(?:can|could|would) you (?:please )?(?:\w+ )?(?:talk|speak|comment|"
    r"help|give|share|provide|walk|update|characteri[sz]e|unpack|elaborate|describe)\b|\b(?:any|some) (?:color|colour|"
    r"thoughts|sense)\b|\bthoughts on\b|\binterested to hear\b"
    # an analyst turning to a topic: "I wanted to ask about supply." (rubric 5.5: a fragment naming a topic)
    # (the topic and at most a few words after it: "I want to come back to inventory: channel inventory is healthy" is
    # a manager's answer, and "I wanted to ask about supply, and whether things are getting better" more than a topic)
    r"|\b(?:i|we)(?: just)?(?: want(?:ed)?| would like|'d like) to (?:(?:ask(?: you)?|follow up) (?:about|on)|"
    r"come back to) [^,;:]{0,40}\W*$"
    r"|^(?:(?:just|and|so|okay|ok|then)\W+)*(?:a|my|one|quick) (?:quick |first |second |last |follow-up )?"
    r"(?:question|follow-up) (?:is )?"
    r"(?:on|about|regarding) [^,;:]{0,40}\W*$|^(?:quick )?question on [^,;:]{0,40}\W*$"
)
_PROBLEM = compile_cached(
    r"\b(?:problem|issue|challeng|gap|sold out|inflat|lost|los[es]|can't|cannot|unable|favou?ring|risk|concern|worr|"
    r"tight|short|constrain|bottleneck|delay|disrupt|restrict|ban(?:s|ned)?\b|tariff|excess|digest|pull|whac|"
    # a premise of the analyst's: a write-down taken, an improvement seen (a review of v0.31's first part)
    r"write-?(?:down|off)|improv|recover|you(?:'ve| have)? (?:took|taken|seen|saw|mentioned))"
)


# A literal each branch of _ASKING and _NOT_A_DENIAL needs (both are case-sensitive and read lower-cased text): a
# sentence holding none cannot match, and most of a filing's hold none, where the searches tried every branch at every
# character (~45 us a sentence; 0.15 s of flagging 2 MB of a 10-K's text).
_ASKING_NEEDS = ("?", "wonder", "curious", "you", "colo", "thoughts", "sense", "interested to hear", "want", "like",
                 "question", "follow-up")  # fmt: skip
_DENIAL_NEEDS = ("no ", "not", "n't", "never", "been", "until", "unless", "before")


def _holds_any(lowered: str, needs: Sequence[str]) -> bool:
    return any(need in lowered for need in needs)


def plain_question(words: Sequence[str], lowered: str) -> bool:
    """An analyst's plain question ("I was wondering if you could give us some more color on the supply chain
    situation"): it asks, and names neither a problem nor a premise, so it has no direction (rubric 5.3)."""
    if not _holds_any(lowered, _ASKING_NEEDS) or _ASKING.search(lowered) is None:
        return False
    if _PRESUPPOSE.search(lowered) or _PROBLEM.search(lowered):
        return False
    return not any("bad" in _kinds(w) for w in words)


DENIAL_NEAR = 8
# "not just a supply constraint" and "not talking about the shortages" name the problem; "would have been higher
# without the challenges" counts its cost; "we have not received licenses to ship these restricted products" denies
# the relief, not the restriction (flagging v0.21; a licence only: "not received any notice of supply disruptions" is
# a denial).
_NOT_A_DENIAL = compile_cached(
    r"\bno (?:doubt|question)\b|\bnot (?:only|just|talking about)\b|\bnothing but\b|"
    r"\b(?:would|could)(?: have|'ve) been\b|"
    r"(?:\bnot|\bnever|n't) (?:yet )?(?:received|obtained|been granted|granted|gotten|got) "
    r"(?:an? |any )?(?:\w+ ){0,2}?licen[cs]|"
    # the relief denied, not the problem: "I don't think the shortage is over", "I wouldn't say the constraints have
    # gone away", "we don't believe the constraints have eased" (flagging v0.30, a review: all read as good news)
    + _BELIEF_DENIED + r"(?:(?!doubt)[^.;])*?"
    r"\b(?:is|are|has|have|had|was|were|be|been) (?:\w+ ){0,2}?"
    r"(?:over\b(?! *(?:\$|\d|the\b|a\b|an\b|our\b))|behind us|resolved|eased|abated|improved|gone away|ended|"
    r"normali[sz]ed|done|complete|absorbed|worked (?:off|down|through)|cleared)\b(?![^.;]*\bbut\b)"
    # a relief awaited: "We cannot add more lines before the substrate shortages have been resolved" (a review of
    # v0.30's fifth part: good news, the "cannot" taken for a denied shortage)
    r"|\b(?:until|unless|before)\b[^.;]*?\b(?:resolved|eased|absorbed|over|ended|cleared|lifted|gone away)\b"
)


def denies_a_problem(words: Sequence[str], lowered: str) -> bool:
    """A statement whose every problem word is negated ("we do not foresee any bottlenecks", "we're not seeing
    any inventory buildup"): the rubric reads a problem denied as good news ("no pull-ins", "nothing to do with
    supply availability"). Questions and "no doubt" are not denials."""
    if "?" in lowered:
        return False
    bad = list(compress(count(), map(contains, map(_kinds, words), repeat("bad"))))  # in C: run per flag
    if not bad or (_holds_any(lowered, _DENIAL_NEEDS) and _NOT_A_DENIAL.search(lowered)):  # no problem word: no denial
        return False
    after = " ".join(words[bad[-1] :])
    if "not at all" in after or "not really" in after:  # "in a lot of shortage, not at all"
        return True
    return all(_negating(words[max(0, i - DENIAL_NEAR) : i]) for i in bad)
