"""Word lists behind the hand-written features: directions, metrics, negators, polar words and events.

Written for this project (not taken from any lexicon). News sentences mostly report a metric moving, so
the core is direction x metric: "profit rose" is good news, "loss rose" is not. Words are matched after
lower-casing, one token at a time, so every inflection that matters is listed.
"""

from __future__ import annotations

import re

from watchdesk.agents.flagging.regex_cache import compile_cached


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


UP = _words(
    """rise rises rose risen rising increase increased increases increasing grow grows grew grown growing
    gain gains gained jump jumps jumped climb climbs climbed surge surges surged soar soars soared rocketed
    improve improves improved improving up higher expand expands expanded expanding strengthen strengthened
    stronger boost boosts boosted double doubled doubling tripled rebound rebounded recover recovers recovered
    advance advanced rally rallied raise raises raised raising hike hiked lift lifts lifted upped accelerate
    accelerated accelerating widen widens widened widening exceed exceeded exceeds surpassed outpaced topped
    record peak highest better best strong robust solid healthy better-than-expected stronger-than-expected
    higher-than-expected"""
)
DOWN = _words(
    """fall falls fell fallen falling decrease decreased decreases decreasing decline declines declined
    declining drop drops dropped dip dips dipped slip slips slipped slide slides slid plunge plunged plunging
    plummet plummeted tumble tumbled sink sank slump slumped shrink shrinks shrank shrunk down lower lowered
    lowers lowering reduce reduces reduced reducing reduction cut cuts cutting slash slashed narrow narrows
    narrowed narrowing ease eased easing erode eroded deteriorate deteriorated halve halved slow slows slowed
    slowing weaken weakened weaker weak worse worst lowest softer soft subdued lose loses lost losing trim
    trimmed contracted shed sheds withdraw withdraws withdrew withdrawn scrap scraps scrapped
    lower-than-expected weaker-than-expected worse-than-expected"""
)

# +1: more is good for the company; -1: more is bad. "cut jobs" is bad news, "cut costs" good.
_GOOD_METRICS = _words(
    """sales revenue revenues turnover profit profits profitability earnings income ebit ebitda ebita
    margin margins orders intake backlog bookings demand volume volumes deliveries shipments shares
    share stock stocks dividend dividends eps result results performance traffic passengers customers
    subscribers users outlook guidance forecast forecasts target targets rating valuation cash cashflow
    productivity efficiency jobs workforce staff personnel employees workers positions headcount employment
    output production market value
    occupancy growth momentum prospects return roe roi roce"""
)
_BAD_METRICS = _words(
    """loss losses cost costs expense expenses expenditure debt debts liabilities unemployment layoffs
    impairment impairments writedown writedowns charges provisions deficit inventory inventories
    churn delays defaults arrears headwinds pressure risk risks non-performing npl npls"""
)
METRIC = {**dict.fromkeys(_GOOD_METRICS, 1), **dict.fromkeys(_BAD_METRICS, -1)}
# Direction words that judge rather than count: "inventory levels are healthy", "costs improved", "losses were
# better than expected" are good news whatever the metric, where "inventory rose" or "costs higher" are not. Signed
# by themselves next to any metric (features._word_cues); "strong" and "soft" count ("strong headwinds", "softer
# costs"), and so do "best" and "worst", mostly idioms ("flat at best", "the worst of the inflation is behind us").
# Kept to the metric features._nearest_metric finds: a stricter reach (a metric of the word's own clause, 4 or 6
# tokens) cost 2-3 held-out news and SemEval sentences.
EVALUATIVE = _words(
    """improve improves improved improving better healthy solid robust better-than-expected
    worse deteriorate deteriorated deteriorating worse-than-expected"""
)

NEGATORS = _words("not no never without nor neither cannot hardly barely unable fail fails failed lack nothing")
CLAUSE_BREAKS = _words(". , ; : ! ? ( ) but while whereas although though however")
# "up" that is no direction: "worth up to EUR 5 mn", "set up a unit", "signed up"
NOT_UP_BEFORE = _words("set sets setting made make makes take takes took taken end ended sign signed back")
NOT_UP_AFTER = _words("to for with")
# "share capital increase", "share issue": shares as an instrument, not the share price
NOT_METRIC_AFTER = {"share": _words("capital issue issues offering options subscription split"),
                    "shares": _words("capital issue issues offering options subscription split")}
# "declined to comment", "failed to disclose": a refusal, not a fall
REFUSE_VERBS = _words("comment say disclose give elaborate specify provide name confirm reveal discuss identify")
# "does not expect sales to grow": the negation reaches the whole expected clause
EXPECT_VERBS = _words("expect expects anticipate anticipates foresee foresees see sees believe believes forecast")
CONTRAST = _words("but while whereas although though however")
MONTHS = _words("january february march april may june july august september october november december "
                "jan feb mar apr jun jul aug sep sept oct nov dec")

POSITIVE = _words(
    """strong stronger strongest robust solid record upbeat optimistic confident favourable favorable
    positive profitable success successful successfully win wins won awarded secure secured boost boosted
    improvement improvements upgrade upgraded upgrades outperform outperformed outperforms beat beats
    exceeded rebound recovery gains gain growth expansion opportunity opportunities attractive benefit
    benefits benefited benefiting innovative momentum bullish upside rally surge soar
    strengthen strengthened enhance enhanced efficient breakthrough approve approved approval milestone
    savings accretive"""
)
NEGATIVE = _words(
    """weak weaker weakest poor disappointing disappointed decline declines slump slowdown
    downturn recession bankruptcy bankrupt insolvency insolvent default defaults lawsuit lawsuits sued
    litigation fraud probe investigation penalty penalties fine fined warning warns warned warn downgrade
    downgraded downgrades layoffs layoff redundancies redundancy restructuring impairment writedown
    closure closures shutdown strike strikes recall recalls scandal crisis concern concerns risk risks
    uncertainty uncertain volatile volatility pressure pressures headwind headwinds bearish downside
    plunge plummet tumble slash deficit shortfall delay delays delayed miss missed misses worse worst
    negative adverse adversely difficult challenging struggle struggles struggling fail failed failure
    halt halted suspend suspended terminate terminated cancel cancelled canceled dispute weakness dilutive
    burdened burdening hampered hamper hampers hurt hurting weighed"""
)

# Multi-word events that carry sentiment by themselves. Each pattern runs only when one of its trigger
# tokens is in the sentence, which keeps the regexes off the hot path of ordinary sentences.
_ANY = r"(?:[^.;]|\.(?=\d)){0,%d}?"  # same sentence part; a decimal point does not end it
EVENTS: tuple[tuple[str, frozenset[str], re.Pattern[str]], ...] = (
    ("EV_WIN", _words("win wins won awarded secure secures secured land lands landed clinched"),
     compile_cached(r"\b(?:wins?|won|awarded|secure[sd]?|land(?:s|ed)?|clinched)\b" + _ANY % 50
                    + r"\b(?:contracts?|orders?|deals?|tenders?)\b")),
    # Orders and contracts received or signed are good news too, though less clearly than a won tender
    ("EV_ORDER", _words("receive receives received receiving sign signs signed signing book books booked "
                        "get gets got obtain obtains obtained bag bags bagged"),
     compile_cached(r"\b(?:receiv(?:e[sd]?|ing)|sign(?:s|ed|ing)?|book(?:s|ed)?|gets?|got|obtain(?:s|ed)?|"
                    r"bag(?:s|ged)?)\b" + _ANY % 50 + r"\b(?:contracts?|orders?|deals?|agreements?)\b")),
    ("EV_RECORD", _words("largest biggest highest best"),
     compile_cached(r"\b(?:largest|biggest|highest|best)\b" + _ANY % 40
                    + r"\b(?:its|the company's|our|the group's) history\b")),
    ("EV_BEAT", _words("beat beats beating exceed exceeds exceeded top tops topped above surpassed surpasses"),
     compile_cached(r"\b(?:beat|beats|beating|exceed(?:s|ed)?|top(?:s|ped)?|above|surpass(?:es|ed)?)\b" + _ANY % 30
                    + r"\b(?:estimates?|expectations?|forecasts?|consensus)\b")),
    ("EV_MISS", _words("miss misses missed below short"),
     compile_cached(r"\b(?:miss(?:es|ed)?|below|short of)\b" + _ANY % 30
                    + r"\b(?:estimates?|expectations?|forecasts?|consensus)\b")),
    ("EV_JOBCUT", _words("lay lays laying laid layoff layoffs lay-off lay-offs redundancy redundancies job cut cuts "
                         "cutting shed sheds eliminate eliminates eliminated axe axes axed slash slashes slashed "
                         "furlough furloughs furloughed"),
     compile_cached(r"\b(?:lay(?:s|ing)? off|laid off|lay-?offs?|redundanc(?:y|ies)|job (?:cuts?|losses)|furlough\w*|"
                    r"(?:cut|cuts|cutting|shed|sheds|eliminate[sd]?|axe[sd]?|slash(?:es|ed)?)\b" + _ANY % 25
                    + r"\b(?:jobs|positions|employees|staff|workers|people))")),
    ("EV_CLOSE", _words("close closes closed closing shut shuts shutting discontinue discontinues discontinued"),
     compile_cached(r"\b(?:close[sd]?|closing|shut(?:s|ting)?(?: down)?|discontinue[sd]?)\b" + _ANY % 25
                    + r"\b(?:plants?|factory|factories|mills?|sites?|stores?|units?|operations|production|lines?)\b")),
    ("EV_TO_PROFIT", _words("swung swing swings turned turn turns returned return returns back"),
     compile_cached(r"\b(?:swung|swings?|turned|turns?|returned|returns?|back)\b (?:in)?to (?:an? )?"
                    r"(?:net |operating |pre-?tax |quarterly )?(?:profit|profitability|black|growth)")),
    ("EV_TO_LOSS", _words("swung swing swings turned turn turns slipped fell plunged sank"),
     compile_cached(r"\b(?:swung|swings?|turned|turns?|slipped|fell|plunged|sank)\b (?:in)?to (?:an? )?"
                    r"(?:net |operating |pre-?tax |quarterly )?(?:loss|red|deficit)")),
)
# Text every match of an event's pattern contains (one of), so a sentence without any skips the regex:
# "get", "back" and "turn" trigger a search in many sentences, a contract or a profit is in few of them
EVENT_NEEDS: dict[str, tuple[str, ...]] = {
    "EV_WIN": ("contract", "order", "deal", "tender"),
    "EV_ORDER": ("contract", "order", "deal", "agreement"),
    "EV_RECORD": ("history",),
    "EV_BEAT": ("estimate", "expectation", "forecast", "consensus"),
    "EV_MISS": ("estimate", "expectation", "forecast", "consensus"),
    "EV_JOBCUT": ("lay", "laid", "redundanc", "job", "furlough", "position", "employee", "staff", "worker", "people"),
    "EV_CLOSE": ("plant", "factor", "mill", "site", "store", "unit", "operations", "production", "line"),
    "EV_TO_PROFIT": ("profit", "black", "growth"),
    "EV_TO_LOSS": ("loss", "red", "deficit"),
}
# Finnish press releases announce job cuts as "co-operation negotiations" (a legal step before lay-offs)
JOB_TALKS = compile_cached(r"\b(?:co-?operation|change|employee) negotiations\b")
# "a loss of 0.3 compared to a profit of 2.3": the amounts alone would read as an improvement
LOSS_VS_PROFIT = compile_cached(r"\bloss\b" + _ANY % 60 + r"\b(?:compared|versus|vs|from|against)\b"
                                + _ANY % 15 + r"\bprofit\b")
PROFIT_VS_LOSS = compile_cached(r"\bprofit\b" + _ANY % 60 + r"\b(?:compared|versus|vs|from|against)\b"
                                + _ANY % 15 + r"\bloss\b")
COMPARATORS = _words("from compared versus vs against (")
UNITS = _words("% percent pct mn million m bn billion b k thousand")
