"""What operators and hosts say at the seams of a call: where Q&A starts, who asks next, who speaks next.

Shared by the labelled parsers (to place Q&A when a page has no heading for it) and the unlabelled
plain-text parser (where these phrases are the only structure there is).
"""

from __future__ import annotations

import re

from watchdesk.sources.regex_cache import compile_cached

# One to four name tokens; a token ends before a full stop unless it is an initial ("C.J. Muse").
_NAME = r"(?:(?:[A-Z]\.){1,3}|[A-Z][\w'’\-]*)(?:\s+(?:(?:[A-Z]\.){1,3}|[A-Z][\w'’\-]*|de|van|von|la|del|da|di)){0,3}"
# "Your next question comes from the line of Joe Moore with Morgan Stanley.", "next question. Vivek Arya with B of A"
INTRO = compile_cached(
    r"\b(?:first|next|following|last|final|our|your|the|that|one more|another)\s+question"
    r"(?:\s+(?:today|for today|this (?:morning|afternoon|evening)))?"
    r"(?:\s*,?\s*(?:comes|is coming|will come|is|we have)?\s*(?:from|to)\s+(?:the\s+line(?:\s+of|[.,])?\s+)?|\.\s+)"
    rf"(?P<name>{_NAME})\.?\s*,?\s+(?:with|from|of|at)\s+(?P<firm>[A-Z][^.?!]{{1,60}}?)"
    r"(?=\s*[.?!,]|\s+(?:Please|Your|You|Go)\b)"
)
FIRST_QUESTION = compile_cached(
    r"\b(?:our|your|the|take (?:our|the))\s+first\s+question\b", re.IGNORECASE
)
# The operator's own opening of the Q&A, said just before the first question.
OPERATOR_QA_OPEN = compile_cached(
    r"\b(?:we(?:'ll| will) now (?:be )?(?:conducting|conduct|begin|begin the|open(?: the line)? for) (?:a |the )?"
    r"question[- ](?:and|&)[- ]answer|"
    r"(?:at this time,? )?I(?:'d| would) like to remind everyone(?:,)? in order to ask a question|"
    r"as a reminder,? (?:to ask a question|if you (?:do )?have a question)|"
    r"(?:ladies and gentlemen,? )?(?:as a reminder,? )?if you (?:do )?have a question at this time|"
    r"one moment,? (?:please,? )?(?:for|while we (?:poll|compile))|"
    r"\[Operator Instructions\])",
    re.IGNORECASE,
)
# The host handing the call to the operator for questions; the Q&A starts right after this sentence.
HANDOVER_TO_QA = compile_cached(
    r"\b(?:open (?:up )?(?:the call |the line |the lines |the floor )?(?:up )?(?:for|to) (?:questions|q\s*&\s*a)|"
    r"(?<!we )p[ou]ll (?:the audience |the callers )?for (?:questions|the q&a)|"
    r"start the q\s*&\s*a|(?:for|to) the q\s*&\s*a session|"
    r"open (?:it )?up for q&a|begin the question[- ]and[- ]answer)",
    re.IGNORECASE,
)
# Prepared-remarks handovers: "let me turn the call over to Colette", "Simona Jankowski, you may begin".
HANDOVER_TO = compile_cached(
    r"\b(?:turn|hand|pass)(?:ing)?\s+(?:(?:the\s+(?:call|conference|floor|line|presentation|program)|it|things)\s+"
    r"(?:back\s+)?(?:over\s+)?|(?:back\s+)?over\s+|back\s+)to\s+"
    r"(?:our\s+|your\s+(?:first\s+)?(?:host|speaker)s?(?:\s+(?:today|for today))?,?\s+)?"
    r"(?:(?:CEO|CFO|President|Chairman),?\s+)?(?:(?:Ms|Mr|Mrs|Dr)\.?\s+)?"
    rf"(?P<name>{_NAME}|the operator)"
)
INTRODUCE_HOST = compile_cached(
    rf"\bintroduce\s+(?:you\s+to\s+)?(?:your|our)\s+(?:host|speaker)[^,.]{{0,30}},\s+(?P<name>{_NAME})"
)
# Anchored on the phrase (a pattern that starts with a name would be tried at every capital letter);
# the name is then read backwards from it with NAME_BEFORE.
YOU_MAY_BEGIN = compile_cached(r",\s+(?:you may (?:now )?(?:begin|proceed)|please (?:go ahead|proceed|begin))")
NAME_BEFORE = compile_cached(rf"(?P<name>{_NAME})$")
QA_CLOSE = compile_cached(
    r"\b(?:this|that|which) (?:does |will )?conclude[sd]? (?:our|the|today's|today’s) question[- ](?:and|&)[- ]answer|"
    r"that is all the time we have for (?:our |the )?(?:q&a|questions)",
    re.IGNORECASE,
)
# A courtesy line the operator adds after an introduction; it belongs to the operator's turn.
COURTESY = compile_cached(
    r"^(?:and\s+)?(?:please (?:proceed|go ahead)|your line(?:'s|’s| is)(?: now)? open|your question,? please|go ahead|"
    r"you may (?:proceed|begin|ask)|the line is open)\b",
    re.IGNORECASE,
)
