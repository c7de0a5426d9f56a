"""The flagging method's version, in a module of its own: the briefing cites it without loading the flagger."""

# 0.4: the learned second pass; 0.5: filing look-alikes, the judge in context; 0.6: closer-reading features and
# denials (reading.py), "Greater China" as a segment, the LLM judge also reads the candidates left out;
# 0.7 (refine-3): tight markets, oversupply, US manufacturing and the shortage's own follow-up words as supply
# chain, look-alikes excluded (supply chain as a consulting line, labour inflation, supply discipline), reading
# features for demand over supply and the supply-demand balance, polarity learnt across the three topics;
# 0.8 (refine-4): polarity reading of counterfactual costs, praise of the supply chain, cost pass-through,
# relief not expected, either-or questions, our own buffer stock, a digestion ending, shipments paused by rules,
# customers still improving their stock; the supply-demand balance never good news, either-or questions neutral,
# demand over supply and counterfactual costs supply warnings whatever the weights; inventory's polarity weights
# of its own beside the shared ones; 0.9 (refine-4 retrained): inventory read closer: stock expected to improve or
# coming down to target as good news, a build-up looked for and not found, a fading benefit of written-down stock
# neutral, customers' extra stock a warning, "tight supply" not lean stock; supply squeezes, suppliers' price
# increases and supply that cannot keep up as warnings, growth praised beside a topic not about it; plain questions
# (no problem word, no premise) neutral whatever the weights; 0.10 (refine-4 retrained): whose stock and which way:
# customers' or the channel's stock built or in excess and customers still cutting stock as warnings, stock come
# down or back to normal as good news, our own stock managed with no result claimed neutral, out-of-stocks and less
# replenishment as warnings, a written-down benefit that has cleared neutral; 0.11 (offline flags unchanged): the
# LLM judge's prompt states the rubric's exclusions and that a follow-up adding nothing is off topic, and the judge
# also reads up to six sentences after each geopolitical flag in the same speech; 0.12 (offline flags unchanged):
# each finding says whether the learned second pass was sure of it (refine.is_sure), and the briefing marks the
# others "unsure"; 0.13 (refine-4 retrained): the labelled SEC filing sentences also teach the polarity of supply-chain
# and geopolitical mentions (tests/packs/train_refiner.py FILING_POLARITY); 0.14 (calls' flags unchanged): a neutral
# inventory or supply-chain mention in a filing's risk factors is a warning (risk_reading.py); 0.15 (calls' flags
# unchanged): a filing table's row of figures is never a flag (table_rows.py), and write-offs of prepayments,
# acquired assets, securities and bad debts are not inventory; 0.16 (calls' flags unchanged): inventory mentions in
# a filing's other items read by its accounts: provisions recorded and harms that may come as warnings, releases of
# reserved stock as good news, accounting policy as neutral (filing_reading.py); 0.17 (calls' flags unchanged):
# inventory named only as one account in a list is not a flag (listed.py); 0.18 (calls' flags unchanged): in risk
# factors a stock or supply mention read as good news is a warning when the sentence supposes a harm
# (risk_reading.HYPOTHETICAL); 0.19 (calls' flags unchanged): a review's tightening of 0.15-0.18 (lists need the
# stock to be an item and nothing said of it nearby, amounts recorded only for stock, denials decide nothing, more
# figures cells, 8-K items as filing items); 0.20 (calls' flags unchanged): a filing's supply-chain flag on a sentence
# about stock's charges or liquidity only is dropped (filing_reading.not_supply); 0.21 (calls' flags unchanged): export
# controls in a filing's own words ("restrictions on the export of", "controls restricting GPUs", unilateral or
# multilateral controls, trade disputes, employees called up for military duty, OFAC) as geopolitics, a licence not
# received a warning, tariffs' impact eliminated good news, legal sanctions and dealer licences not geopolitics; in a
# filing's other items a cost line's bare definition is no supply or geopolitical flag and a heading is neutral;
# 0.22 (calls' flags unchanged): wars named by their place as news names them ("Iran war", "Mideast conflict", "war
# on Iran", Hormuz), trade probes and attacks on shipping are mentions; a war as a cause or doing harm, and attacks
# on shipping, are warnings, a war that ends or eases good news; 0.23 (calls' flags unchanged): a flag whose polarity
# a filing's reading rule turns is no longer marked sure (risk_reading.SURE_AFTER_FLIP), and "largest" is no
# supply-chain good news as the size of a problem ("the largest-ever oil supply disruption"); 0.24 (one sure mark on
# calls changes): sentence sentiment signs a word that judges by itself ("inventory is healthy", "costs improved"), not
# by the metric beside it (sentiment.cues.EVALUATIVE), retrained; 0.25: production problems that limit supply (a
# production stop, a hazard at the plants: "an earthquake ... disrupted production at our fabs") and a plant that starts
# producing are supply-chain mentions; planned shutdowns and fire departments are not; 0.26 (no labelled verdict
# changes): a licence received, granted or obtained is geopolitical good news (not when a denial follows in the
# sentence), one denied, refused or revoked a warning, licence requirements expanded or tightened a warning; customers
# rebuilding inventory and an inventory correction that has ended are good news; 0.27: a helper's review of 0.23-0.26:
# production stopped "of" a product, curtailed or idled, planned and holiday stops, hazards insured against, floods of
# orders, production guidance and content production are no supply mention, a hazard's name is no warning by itself,
# production restored or back online is good news; licence requirements issued or rescinded are not licences granted or
# denied, a licence not granted in the passive is a warning, other kinds of licence (broadcast, mining, patents) no
# geopolitics; "far from over" and a correction that lasts "over" the next quarters are no ending; sentiment: "best"
# and "worst" (idioms: "at best", "the worst ... is behind us") are no longer signed by themselves; 0.28, a second
# review: production "of" a product halted or disrupted is a supply problem again (only "stopped production of" a
# product is a decision), production halted, shut or resumed in the passive and plants shut down or closed are found,
# a hazard that forces a plant to close is a warning, "not resumed" is no restart, planned-stop and requirement guards
# narrowed, licences revoked in the present tense or with a possessive, operating/banking/nuclear licences no
# geopolitics, "the quarter ended June 30" and "to complete" are no end of a correction; 0.29 (no labelled verdict
# changes): a problem "behind us" (the worst of the disruptions, supply challenges, tariff headwinds) is good news;
# 0.30 (calls' flags unchanged): a correction "unlikely to" or "yet to" end is a warning, not an end; a licence denied
# with words between ("licenses for China were denied", "granted for some and denied for others") is a warning; in risk
# factors a plan "subject to ... uncertainties" supposes a harm (risk_reading.HYPOTHETICAL); a review's inventory
# probes: a correction that "has run its course" after a relative clause (no reported speech or negation in it), a
# harm "shallower/smaller than feared" and excess stock "absorbed" (not its charges) are good news, overstock and "too
# much inventory" warnings, "write down" in the present a charge when an amount or stock follows, customers
# "optimizing" their stock a warning, "reluctant/hesitant/unwilling to" negate the verb right after, DOI as a figure
# is days of inventory, "took inventory of" a roadmap is no stock; supply probes: problems resolved or "a thing of the
# past" after a relative clause, inflation moderating, supply catching up with demand, allocation exited and "not a
# limiting factor" are good news, lead times pushed out, "fully booked", "not enough capacity" and "the limiter"
# warnings, capacity doubled good news, input costs flat neutral, budgets and consumers "constrained" no supply
# mention; a second review's fixes narrowed all of these (the licence denial window skips relative clauses, a grant
# counts unless a denial follows); geopolitics probes: "no (material) impact/exposure", "none of ... subject to",
# "tariff-free", bans and curbs lifted, no signs of pull-ins are good news, what tariffs "cost" a company, access "cut
# off" and export curbs warnings, licence requests, exposure to Russia and its invasion mentions; a third review:
# the gaps stop at reported speech and belief, "ended up" is no ending, a denied relief ("I don't think the shortage
# is over") is no denied problem (reading._NOT_A_DENIAL) but a warning, limiters and "fully booked" only of supply;
# a fourth review: "no impact" only on the results and not beside a contrast, "duty-free" not lost, ending or a shop,
# bans lifted not when delayed or for competitors, "over" as a preposition no relief, "no doubt" negates nothing;
# a fifth review: reliefs not before "until", reversed or beside a contrast, stock absorbed only in the perfect, past
# or future, Beijing only as a rule-maker, DOI only before a figure, the lower-of-cost policy neutral; a passage
# review: stock "above normal levels" and supply growth lagging demand are warnings, rules tightened on Chinese
# customers a mention and a warning, costs rising as tariffs take effect a warning; 0.31 (calls' flags unchanged): a
# review of 0.30's fifth part: a relief is taken back only by the problem coming back (polarity.toml RETURNS) or a
# contrast that says so (CONTRAST), not by any later "but", "still", "again" or "remain" (good news beside an
# unrelated clause had read as a warning); stock "above normal levels" only of the stock itself, now; a charge to write
# stock down to the lower of cost a write-down again; excess stock "is now absorbed", customers optimizing stock, DOI
# with no figure, Beijing's restrictions on exports and rules it tightened, licence requests denied read again;
# competitors' costs under tariffs not ours; a second pass over the written call passages: an analyst turning to a
# topic ("I wanted to ask about export controls") neutral (rubric 5.5), the limiter after a longer subject, supply
# limited, suppliers stretched, rules that "make it hard", tariff exposure in money warnings; a review of that first
# part: RETURNS not on "come back to normal" or "recurring", CONTRAST only where the later clause says the problem
# holds, the lower-of-cost policy in any wording with no charge or need, "above normal levels" with no verb, DOI only
# with a figure or a direction, Beijing only on trade, licence requests only ours, a question's premise kept; a relief
# awaited under "until"/"unless" (or "before" after "cannot") no relief, "won't be long" no negation; a third review:
# RETURNS only explicit reversals (not "came back to", "continue through", "still an issue"), CONTRAST only a later
# clause that says supply holds, openers only as short fragments, the policy cue by its subject, "above normal
# levels" with no verb only right after the stock; 0.32 (calls' flags and every labelled filing set unchanged): a
# filing table's row whose first cell is an exhibit number ("10.17† | Supply Agreement between Panasonic ...") is no
# flag, as a row of figures is not (Tesla's 10-Ks had eight, read as good news or warnings); 0.33 (every labelled
# set unchanged): a company "hit by sanctions" (or tariffs, export controls) and stock that "piles up" are warnings;
# 0.34 (calls' flags unchanged): the government as a debtor or issuer ("a downgrade of the USG credit rating", "USG
# securities") and its fiscal, monetary, tax or crypto policy are macro, not geopolitics (topics.toml exclude); 0.35
# (supply-chain polarity only): a question asking how long, why, where or how fast of a supply problem is a warning,
# and costs passed on, shared or offset in pricing (an effort, not a result) are neutral, whatever the weights say
# (settled.rubric_verdict); a "why" asked of a relief ("why ... should abate?") is left to the weights; 0.36 (calls'
# flags unchanged): a filing's look-alikes of geopolitics are none: "political risk" or "political uncertainty"
# alone, antitrust, AI, privacy and tax rules (filing_reading.domestic_rules), insurance and compliance "policies" (not
# the company's China or trade policy), "beyond our control", "as a result of", penalties and "sanctions" by
# regulators, and dealer licences; 0.37 (calls' and news flags unchanged): restrictions imposed count only on what is
# traded ("additional jurisdictions are considering imposing additional restrictions" is no geopolitics), China's
# cyberspace regulator only as it acts (not as the office approving data leaving China), "China or impact" no China
# impact; in a filing a country's own rules on personal data, data transfer or games, and the EU AI Act, are no
# geopolitics though they name China (filing_reading.OWN_RULES); 0.38 (calls' and news flags unchanged): "regulatory
# compliance" counts only of products made to the export rules, a licence from a third party or on commercial terms
# and a state's licensing agencies are no export licence, and in a filing compliance with the law in general ("Failure
# to comply with regulations", a document pattern that every filing's hits let through) is no geopolitics unless it
# names a trade measure, a war, a licence or China (filing_reading.COMPLIANCE); 0.39 (calls' and news flags
# unchanged): an electricity tariff, a director's background ("an expert on national security"), the government as a
# customer or employer, licences for an acquisition or a domestic permit ("license or regulatory approval", "required
# licenses") and the place suppliers are located are no geopolitics (topics.toml exclude, with look-behinds: a space
# in a look-behind is one whitespace character), "China ... remains competitive" a competitive arena; 0.40 (calls' and
# news flags unchanged): a filing's sentence also ends at a new clause after "U.S." and the like
# (sentences.split_filing_sentences: "... located in the U.S. Restrictions on international trade ..." is two), the
# review of a takeover by foreign-investment rules (the Investment Canada Act's) is no geopolitics, and "required
# licenses" are no export licence only when the sentence names no export sense anywhere (a licence "to export" was
# excluded: "licenses" gave back its "s"); 0.41 (calls' and news flags unchanged): in a filing, stock filled and
# drained in turn, said in general terms (Apple's channel fill after a launch), and a plan to mend the supply chain
# with no result claimed (Philips's "to better manage and improve supply chain reliability") are neutral
# (filing_reading), a risk factor's "could also affect our suppliers' ability to deliver" a supposed harm
# (risk_reading.HYPOTHETICAL), and a customer's procurement, information supplied and funding's availability no supply
# mention (topics.toml exclude); 0.42 (calls', news and the fixture filings' flags unchanged; filings' sentences
# change): a filing's sentence also ends before a word that starts sentences after "U.S." or "Inc." ("... into the U.S.
# Because the U.S. is ..."), never a name however often written, and at a line ending a clause before a line in lower
# case (a list's items: sentences.split_filing_sentences); an item of a list of what forward-looking statements are
# about is no flag (filing_lookalikes.outside_statements_lists); 0.43 (calls' and news flags unchanged): an 8-K's or
# 6-K's subheadings, read from the filing's emphasis as the MD&A's are (filing_spans.item_headings), are no flags
# (Philips's "End-to-end supply chain reliability and agility", read as sure good news); 0.44 (calls' and news flags
# unchanged): in risk factors, a neutral supply-chain statement of where the work is done and by whom that names no
# harm or risk stays neutral (risk_reading.states_structure: the filings' reading choice for the chain's structure);
# 0.45 (calls' and news flags unchanged): ODMs named in a list of customers ("customers, such as ... ODMs, OEMs") are
# no supply mention (topics.toml exclude); 0.46 (calls' and news flags unchanged): outside risk factors a supply-chain
# arrangement, a purchase commitments' policy or a table's lead-in is neutral (filing_reading.states_arrangement), a
# segment or cost line's definition naming stock's charges is no inventory flag (filing_lookalikes.defines_a_cost), and
# in risk factors a structure statement read as a warning is neutral (risk_reading.read_as_risk); 0.47 (filings' flags
# unchanged): a lever pulled or talks pulled in are no inventory pull-in (topics.toml exclude), and in an unlabelled
# call an analyst's follow-on question, request for colour and thanks stay in his turn (sources/transcripts/
# unlabelled.py), so the flags' speakers and the question an answer answers change; 0.48 (calls' and news flags
# unchanged): outside risk factors a supply-chain warning on who makes what ("We utilize foundries ... to produce our
# semiconductor wafers") is neutral, as such a statement already was in risk factors (risk_reading.states_structure), a
# supply-chain flag in a 10-K's cybersecurity item is neutral (filing_reading.in_cybersecurity), revenue or a cost
# allocated in the accounts is no supply-chain flag (filing_lookalikes.allocates_an_amount), and an 8-K's or 6-K's EX-99
# exhibit stored on its own is read as a filing item, its subheadings no flags (filing_spans.EXHIBIT); 0.49 (filings'
# flags unchanged): inventory good news in other words (days of supply at their lowest, customers' stock getting back to
# earlier levels, our own stock shipped from inventory, growth owed to customers' reduced stock, the company's own
# verdict that its stock is right) is good news, a fading benefit after "that" neutral, and pull-ins kept down or a
# build-up watched for are no pull-in or build-up (polarity.toml, inventory)
METHOD_VERSION = "0.49"
