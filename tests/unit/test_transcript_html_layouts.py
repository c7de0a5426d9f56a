"""The HTML parser on layouts other than fool.com's: markup shapes, not one site's CSS classes.

The pages are synthetic (made up here, no third-party text); each follows a speaker-turn shape that
transcript sites use: bold name with the role after a dash or on its own italic line, "Name:" inline
labels, participants listed up front, Q&A under its own heading or only announced by the operator.
"""

from __future__ import annotations

from datetime import date

from watchdesk.sources.transcripts import parse_transcript


def _para(topic: str, n: int = 3) -> str:
    """Filler speech long enough to be a real turn."""
    return " ".join(f"Sentence {i} about {topic} and how the quarter went for the business." for i in range(n))


PAGE_DASH_ROLES = f"""<!DOCTYPE html>
<html><head><title>Acme Robotics (NYSE: ACME) Q3 2024 Earnings Call Transcript | Example Transcripts</title></head>
<body>
<nav><ul><li><b>Markets</b> - today</li><li><b>Premium Research</b> - subscribe</li></ul></nav>
<article>
<h1>Acme Robotics (NYSE: ACME) Q3 2024 Earnings Call Transcript</h1>
<p>Published October 25, 2024. Call held October 24, 2024, 5:00 PM ET. For the quarter ended September 30, 2024.</p>
<h4>Corporate Participants</h4>
<ul>
<li><strong>Jane Doe</strong> - Chief Executive Officer</li>
<li><strong>Raj Patel</strong> - Chief Financial Officer</li>
<li><strong>Ann Lee</strong> - Head of Investor Relations</li>
</ul>
<h4>Conference Call Participants</h4>
<ul><li><strong>John Roe</strong> - Big Bank Securities - Analyst</li><li><strong>Mia Wong</strong> - Analyst</li></ul>
<h3>Presentation</h3>
<p><b>Operator</b></p>
<p>{_para("the welcome")} Ann Lee, you may begin.</p>
<p><b>Ann Lee</b> - Head of Investor Relations</p>
<p>{_para("safe harbour")}</p>
<p><b>Jane Doe</b> - Chief Executive Officer</p>
<p>{_para("inventory", 4)}</p><p>{_para("supply chains")}</p>
<p><b>Raj Patel</b> &mdash; Chief Financial Officer</p>
<p>{_para("margins")} I will now hand the call to the <b>operator</b> for questions.</p>
<h2>Q&amp;A</h2>
<p><b>Operator</b></p>
<p>Our first question comes from John Roe with Big Bank Securities. Please go ahead.</p>
<p><b>John Roe:</b> {_para("demand")} What changed?</p>
<p><b>Jane Doe:</b> {_para("demand answers")}</p>
<p><b>Operator:</b> Our next question comes from Mia Wong with Small Bank.</p>
<p><b>Mia Wong:</b> {_para("pricing")}</p>
<p><b>Raj Patel:</b> {_para("pricing answers")}</p>
<p><b>Operator:</b> That concludes the question-and-answer session.</p>
</article>
<footer><p><b>Related</b> - more transcripts</p></footer>
</body></html>"""

PAGE_ITALIC_ROLES_NO_HEADINGS = f"""<html><body>
<div id="top"><strong>Sign in</strong></div>
<div class="t"><h2>Globex Corp (GLBX) Q2 FY2025 earnings call</h2>
<div>May 6, 2025</div>
<div><strong>Operator</strong></div>
<div>{_para("the welcome")}</div>
<div><strong>Hank Scorpio</strong><br/><i>Chairman and CEO</i></div>
<div>{_para("the outlook", 5)}</div>
<div><strong>Operator</strong></div>
<div>[Operator Instructions] The first question is from Lisa Park of Fast Capital. Your line is open.</div>
<div><strong>Lisa Park</strong><br/><i>Fast Capital</i></div>
<div>{_para("volumes")}</div>
<div><strong>Hank Scorpio</strong><br/><i>Chairman and CEO</i></div>
<div>{_para("volume answers")}</div>
</div></body></html>"""

PAGE_LISTS_UP_FRONT = f"""<html><body><div class="article">
<h1>Initrode Systems (INTK) Q4 2023 Earnings Call Transcript</h1>
<p>Feb. 1, 2024 4:30 PM ET</p>
<p><strong>Executives</strong></p>
<p>Bill Lumbergh - Chief Executive Officer</p>
<p>Tom Smykowski - Vice President, Investor Relations</p>
<p><strong>Analysts</strong></p>
<p>Peter Gibbons - Penetrode Capital</p>
<p>Samir Nagheenanajar - Chotchkie Partners</p>
<p><strong>Operator</strong></p>
<p>{_para("the welcome")}</p>
<p><strong>Tom Smykowski</strong></p>
<p>{_para("safe harbour")}</p>
<p><strong>Bill Lumbergh</strong> <em>Chief Executive Officer</em></p>
<p>{_para("backlog", 6)}</p>
<p><strong>Question-and-Answer Session</strong></p>
<p><strong>Operator</strong></p>
<p>[Operator Instructions] Our first question comes from Peter Gibbons with Penetrode Capital.</p>
<p><strong>Peter Gibbons</strong></p>
<p>{_para("backlog questions")}</p>
<p><strong>Bill Lumbergh</strong></p>
<p>{_para("backlog answers")}</p>
<p><strong>Samir Nagheenanajar</strong></p>
<p>{_para("tariffs")}</p>
</div></body></html>"""


def test_dash_roles_inline_labels_and_participants_up_front() -> None:
    parsed = parse_transcript(PAGE_DASH_ROLES.encode(), origin="https://example.com/acme-q3-2024")
    assert [(s.speaker, s.section) for s in parsed.statements] == [
        ("Operator", "prepared"), ("Ann Lee", "prepared"), ("Jane Doe", "prepared"), ("Raj Patel", "prepared"),
        ("Operator", "qa"), ("John Roe", "qa"), ("Jane Doe", "qa"), ("Operator", "qa"), ("Mia Wong", "qa"),
        ("Raj Patel", "qa"), ("Operator", "qa"),
    ]  # fmt: skip
    people = {s.speaker: (s.role, s.affiliation, s.kind) for s in parsed.statements}
    assert people["John Roe"] == ("Analyst", "Big Bank Securities", "analyst")
    assert people["Mia Wong"] == ("Analyst", "Small Bank", "analyst")  # firm from the operator's introduction
    assert people["Jane Doe"] == ("Chief Executive Officer", None, "management")
    assert people["Raj Patel"][0] == "Chief Financial Officer"
    assert (parsed.company, parsed.ticker, parsed.fiscal_period) == ("Acme Robotics", "ACME", "2024-Q3")
    assert parsed.call_date == date(2024, 10, 24)  # neither the publication date nor the period end
    assert parsed.source_url == "https://example.com/acme-q3-2024"
    jane = parsed.statements[2]
    assert jane.text.count("\n") == 1  # two paragraphs, kept apart


def test_italic_role_lines_and_qa_found_from_the_operator_cue() -> None:
    parsed = parse_transcript(PAGE_ITALIC_ROLES_NO_HEADINGS.encode(), origin="globex.html")
    assert [(s.speaker, s.role, s.section) for s in parsed.statements] == [
        ("Operator", "Operator", "prepared"),
        ("Hank Scorpio", "Chairman and CEO", "prepared"),
        ("Operator", "Operator", "qa"),
        ("Lisa Park", "Analyst", "qa"),
        ("Hank Scorpio", "Chairman and CEO", "qa"),
    ]
    lisa = parsed.statements[3]
    assert (lisa.affiliation, lisa.kind) == ("Fast Capital", "analyst")
    assert (parsed.ticker, parsed.fiscal_period, parsed.call_date) == ("GLBX", "2025-Q2", date(2025, 5, 6))
    assert parsed.company == "Globex Corp"


def test_participant_lists_up_front_and_bare_name_labels() -> None:
    parsed = parse_transcript(PAGE_LISTS_UP_FRONT.encode(), origin="initrode.html")
    assert [(s.speaker, s.section, s.kind) for s in parsed.statements] == [
        ("Operator", "prepared", "operator"), ("Tom Smykowski", "prepared", "management"),
        ("Bill Lumbergh", "prepared", "management"), ("Operator", "qa", "operator"),
        ("Peter Gibbons", "qa", "analyst"), ("Bill Lumbergh", "qa", "management"),
        ("Samir Nagheenanajar", "qa", "analyst"),
    ]  # fmt: skip
    people = {s.speaker: (s.role, s.affiliation) for s in parsed.statements}
    assert people["Tom Smykowski"] == ("Vice President, Investor Relations", None)
    assert people["Samir Nagheenanajar"] == ("Analyst", "Chotchkie Partners")  # listed under "Analysts"
    assert (parsed.ticker, parsed.fiscal_period, parsed.call_date) == ("INTK", "2023-Q4", date(2024, 2, 1))
