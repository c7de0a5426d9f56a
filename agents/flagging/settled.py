"""The rubric's verdict where a named relation settles a flag's polarity, whatever the refiner's weights say.

The weights learn polarity from a few thousand labelled sentences, and some relations the rubric settles
(fixtures/labels/README.md sections 3 and 6) are too rare there to be learnt: an either-or question, demand over
supply, a cost counted against what would have been, a question asked of a supply problem, costs passed on.
refine._read_closer applies rubric_verdict after the weights.
"""

from __future__ import annotations

from typing import Literal

from watchdesk.agents.flagging.reading import _ALTERNATIVE, _GIVEN, _WORDS, _relation, plain_question
from watchdesk.agents.flagging.regex_cache import compile_cached

# flagging v0.35, from the largest class of supply-chain polarity misses leaving companies out (neutral read as a
# warning, and the reverse). A question that asks how long, why, where or how fast of a supply problem presupposes it
# (rubric 3: a question built on a phenomenon takes its direction): "And how long do you expect that to be
# constrained?", "Why does that get constrained as Hopper is easing up?" (6 of 6 such questions labelled negative in
# the training calls; a yes-no question, "Is the 25 number a supply constraint number?", only asks: 8 neutral, 8
# negative, left to the weights).
_ASKS_OF_A_PROBLEM = compile_cached(
    r"\b(?:how long|why|where|how (?:severe|bad|much longer|fast|quickly)|when (?:\S+ ){0,4}?(?:ease|eases|improve|"
    r"normali[sz]e|resolve|end|see (?:\S+ ){0,3}?equilibrium|catch up|balance))\b"
)
_SUPPLY_PROBLEM = compile_cached(
    r"\b(?:constrain\w*|shortages?|tight\w*|bottlenecks?|disrupt\w*|gating|limit\w*|delay\w*|inflation|pressures?|"
    r"challeng\w*|headwinds?|problems?|issues?|allocation|equilibrium)\b"
)
# ... but a "why" asked of a relief presupposes the relief, not the problem ("why do you feel so confident
# that these inflationary pressures should abate?", "why do you expect the shortages to ease?"): rubric 3 reads a
# question mixing a problem with a hoped-for fix as neutral, so the weights keep their verdict. Only within the why's
# own clause: "Why does that get constrained as Hopper is easing up?" asks why of the constraint. A relief denied is
# none ("why haven't the constraints eased?").
_WHY_OF_A_RELIEF = compile_cached(
    r"why\b(?:(?! (?:as|while|whereas|but|because|since|if|though|even though|when|and) )[^?,;:])*?"
    r"\b(?:abat\w*|eas(?:e|es|ed|ing)|improv\w*|subsid\w*|resolv\w*|normali[sz]\w*|moderat\w*|dissipat\w*|"
    r"fad(?:e|es|ed|ing)|reced\w*|lessen\w*|loosen\w*|go(?:es|ne|ing)? away|c[oa]m(?:e|es|ing) down|"
    r"get(?:ting)? better|(?:be|is|are) over|behind (?:us|you|them))\b"
)
_DENIED = compile_cached(r"n't\b|\b(?:not|no|never|no longer)\b")


def _asks_of_a_problem(lowered: str) -> bool:
    """A how long, why, where or how fast asked of something (_ASKS_OF_A_PROBLEM), not a why asked of a relief."""
    for asked in _ASKS_OF_A_PROBLEM.finditer(lowered):
        relief = _WHY_OF_A_RELIEF.match(lowered, asked.start()) if asked.group(0) == "why" else None
        if relief is None or _DENIED.search(relief.group(0)):
            return True
    return False


# ... and costs passed on, shared or offset in pricing are neither a warning nor relief (rubric 2 and 6.11: mitigation
# without a result, pass-through): "we are actively working with our customers to pass on some of those cost
# increases", "price increases to cover the costs that we're seeing on the supply chain" (5 of 5 labelled neutral in
# the training calls and filing sentences). Not costs that offset something ("partially offset by higher freight
# costs": a headwind; "savings offset higher freight costs"), one that cannot be passed on (a harm), nor a result
# claimed ("we were able to offset").
_PASSES_COSTS_ON = compile_cached(
    r"(?:\bpass(?:ing|ed)? (?:on|through|along)|\bpass-through|\bshare|\b(?:to|will|would|help\w*) (?:\w+ ){0,2}?"
    r"(?:offset|recover|cover))\b(?! by)"
    r"(?: (?:or|and) \w+)?(?: \S+){0,5}? (?:costs?|inflation|(?:cost|price) increases|pressures?)\b"
)
_NOT_PASSED_ON = compile_cached(
    r"\b(?:unable|cannot|can't|may not|might not|difficult|fail\w*|able to|successfully|more than)\b|"
    r"\bnot (?:\w+ )?(?:be )?able\b|n't (?:\w+ )?(?:be )?able\b"
)


def rubric_verdict(lowered: str, polarity: str, *, topic: str) -> Literal["neutral", "negative"] | None:
    """The rubric's verdict where a named relation settles it and the weights, with few such sentences to learn
    from, disagree; None to keep the weights' verdict. An either-or question about stock or supply not built on a
    problem is neutral ("a supply-constrained number, or is it a demand-constrained number?"; on our calls 8
    neutral, the two negative ones say "given"; geopolitical ones, often weighing a restriction against its relief,
    are left to the weights); for the supply chain, demand over supply is a constraint (6.1) and a cost counted
    against what would have been is a warning, a question asking how long, why or where of a supply problem
    presupposes it (a warning), and costs passed on in pricing are neutral (6.11)."""
    question = "?" in lowered
    either_or = question and polarity != "neutral" and " or " in lowered and _ALTERNATIVE.search(lowered)
    if either_or and topic != "geopolitical":
        return None if _GIVEN.search(lowered) else "neutral"
    if question and topic == "supply_chain" and _SUPPLY_PROBLEM.search(lowered) and _asks_of_a_problem(lowered):
        return None if polarity == "negative" else "negative"
    if polarity != "neutral" and plain_question(_WORDS.findall(lowered), lowered):
        return "neutral"
    if topic != "supply_chain":
        return None
    if polarity != "neutral" and not question and _passes_costs_on(lowered):
        return "neutral"
    if polarity == "negative":
        return None
    if not question and _relation(lowered, "K:demand-over-supply"):
        return "negative"
    if polarity == "positive" and _relation(lowered, "K:counterfactual"):
        return "negative"
    return None


def _passes_costs_on(lowered: str) -> bool:
    """Costs passed on, shared or offset in pricing, as an effort ("to pass on some of those cost increases"), not a
    result claimed nor one out of reach (_NOT_PASSED_ON)."""
    return (
        any(map(lowered.__contains__, ("pass", "offset", "share", "recover", "cover")))
        and _PASSES_COSTS_ON.search(lowered) is not None
        and _NOT_PASSED_ON.search(lowered) is None
    )
