"""Checks across a watchlist's fields that its schema cannot make: every problem found, not the first.

Run before anything is fetched or written (a misspelt topic used to fail mid-run, after fetching);
`watchdesk run --dry-run` adds the ticker check and prints the plan.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.parse import urlsplit

from watchdesk.agents.briefing.deliver import target_folder
from watchdesk.graph.paths import (
    another_db,
    checkpoint_file,
    unusable_database,
    unwritable,
    unwritable_beside,
    unwritable_file,
)
from watchdesk.graph.policy import domain_allowed
from watchdesk.graph.watchlist import Delivery, Policy, Ticker, Watchlist
from watchdesk.sources.addresses import recipient_allowed
from watchdesk.sources.errors import ConfigError, did_you_mean
from watchdesk.sources.redact import redact_url
from watchdesk.store.topic_names import unknown_topic

FMP_HOST = "financialmodelingprep.com"
_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def watchlist_problems(watchlist: Watchlist, *, topic_names: Iterable[str]) -> list[str]:
    """Every cross-field problem of `watchlist`, as sentences naming the field and what to do."""
    known = [*topic_names, *(t.name for t in watchlist.topics.custom)]
    problems = [f"topics.watch: {unknown_topic(name, known)}" for name in watchlist.topics.watch if name not in known]
    since, until = watchlist.filings.since, watchlist.filings.until
    if since and until and since > until:
        problems.append(f"filings.since ({since}) is after filings.until ({until}): the window is empty")
    symbols = [t.symbol.upper() for t in watchlist.tickers]
    twice = sorted({s for s in symbols if symbols.count(s) > 1})
    if twice:
        problems.append(f"tickers: {', '.join(twice)} listed more than once: keep one [[tickers]] entry each "
                        "(merge their sources, aliases and transcript chains)")  # fmt: skip
    for ticker in watchlist.tickers:
        problems += _transcript_problems(ticker, watchlist.policy)
    problems += _news_problems(watchlist)
    problems += _port_problems(watchlist)
    problems += _custom_topic_problems(watchlist)
    for n, delivery in enumerate(watchlist.delivery):
        problems += _delivery_problems(n, delivery, watchlist.policy)
    return problems


def ensure_valid(watchlist: Watchlist, *, origin: str = "watchlist") -> None:
    """Raise one ConfigError listing every problem, before anything is fetched or written."""
    from watchdesk.agents.flagging.topics import shipped_topics

    problems = watchlist_problems(watchlist, topic_names=[s.name for s in shipped_topics()])
    if problems:
        raise ConfigError(describe_problems(origin, problems))


def writable_paths(
    watchlist: Watchlist, *, out_dir: Path, db_path: Path | str, record_dir: Path | None = None, command: str = "run",
    smtp_url: str | None = None, env: Mapping[str, str] = {}, db_named_by: str = "--db",
) -> None:
    """ConfigError when the database, the briefing folder, the --record pack or a file delivery's folder cannot be
    created or written, or a delivery's setting (`smtp_url`, a webhook variable of `env`) cannot be read, said before
    anything is fetched (as the dry run says it): a run found it only after fetching and flagging everything, and then
    failed."""
    problems = folder_problems(watchlist, out_dir=out_dir, db_path=db_path, record_dir=record_dir, command=command,
                               db_named_by=db_named_by)
    # a webhook the policy refuses to post to, as the dry run says it: the run found it after fetching everything
    problems += webhook_policy_problems(watchlist, env=env)
    if problems := problems + setting_problems(watchlist, smtp_url=smtp_url, env=env):
        raise ConfigError(describe_problems("nothing was fetched", problems))


def setting_problems(watchlist: Watchlist, *, smtp_url: str | None, env: Mapping[str, str]) -> list[str]:
    """Each delivery setting of the environment that cannot be read: WATCHDESK_SMTP_URL for an e-mail target, the
    webhook variable of a Slack one; never their values (they hold the password, the webhook's secret)."""
    return smtp_problems(watchlist, smtp_url=smtp_url) + webhook_problems(watchlist, env=env)


def webhook_problems(watchlist: Watchlist, *, env: Mapping[str, str]) -> list[str]:
    """A Slack target's webhook variable set to something that is no webhook URL, named with what one looks like. One
    not set is no problem here, as WATCHDESK_SMTP_URL not set is none: the delivery records it as failed."""
    from watchdesk.agents.briefing.webhook import LOOKS_LIKE, url_problem

    problems = []
    for n, d in enumerate(watchlist.delivery):
        url = (env.get(d.webhook_env) or "").strip() if d.kind == "slack" and d.webhook_env else ""
        if url and (why := url_problem(url)):
            problems.append(f'delivery[{n}] (kind = "slack"): the variable {d.webhook_env} is not a webhook URL '
                            f"({why}): set it to {LOOKS_LIKE}; its value is not shown, as it holds the webhook's "
                            "secret")  # fmt: skip
    return problems


def webhook_policy_problems(watchlist: Watchlist, *, env: Mapping[str, str]) -> list[str]:
    """A webhook variable set here to a host outside policy.allowed_domains, or on a port it does not name: the
    delivery refuses it (never echoed: the URL is the secret). One not set is the delivery's "failed", as an unset
    WATCHDESK_SMTP_URL is; one that is no URL is webhook_problems'."""
    from watchdesk.agents.briefing.webhook import host_of, url_problem, webhook_port_refusal

    problems = []
    for n, d in enumerate(watchlist.delivery):
        url = (env.get(d.webhook_env) or "").strip() if d.kind == "slack" and d.webhook_env else ""
        if not url or url_problem(url):
            continue
        if not domain_allowed(host := host_of(url), watchlist.policy.allowed_domains):
            problems.append(f"delivery[{n}]: ${d.webhook_env} points at host {host!r}, which is not in "
                            f"policy.allowed_domains: a delivery would refuse to post there (add the host, or fix the "
                            "variable)")  # fmt: skip
        elif (why := webhook_port_refusal(url, allowed_domains=watchlist.policy.allowed_domains)):
            problems.append(f"delivery[{n}]: ${d.webhook_env}: {why}: a delivery would refuse to post there")
    return problems


def smtp_problems(watchlist: Watchlist, *, smtp_url: str | None) -> list[str]:
    """An e-mail target's WATCHDESK_SMTP_URL that does not read as an SMTP address (never echoed). One not set is no
    problem here: it may be set only for cron (~/.config/watchdesk/env), and a run records the e-mail as failed."""
    if not smtp_url or not any(d.kind == "email" for d in watchlist.delivery):
        return []
    from watchdesk.agents.briefing.channels import smtp_server

    try:
        smtp_server(smtp_url)
    except ConfigError as exc:
        return [f"delivery: {exc}"]
    return []


def folder_problems(
    watchlist: Watchlist, *, out_dir: Path, db_path: Path | str | None = None, record_dir: Path | None = None,
    command: str = "run", db_named_by: str = "--db",
) -> list[str]:
    """The paths a run writes that cannot be created or written: those of its options (option_problems) and each file
    delivery's folder, checked before anything is fetched (and by a dry run), naming the option or the delivery
    entry."""
    return option_problems(out_dir=out_dir, db_path=db_path, record_dir=record_dir, command=command,
                           db_named_by=db_named_by) + _file_target_problems(watchlist)


def delivery_problems(watchlist: Watchlist, *, smtp_url: str | None, env: Mapping[str, str]) -> list[str]:
    """What `watchdesk brief --deliver` refuses before it writes or sends anything, as a run refuses it before it
    fetches: a delivery entry the policy or its own fields refuse (a recipient not allowed, with the allowed one it
    may be a typo of; a webhook_env that names no variable), a file target's folder that cannot be written, and the
    delivery settings of the environment, with a webhook variable pointing where the policy refuses to post."""
    problems = [p for n, d in enumerate(watchlist.delivery) for p in _delivery_problems(n, d, watchlist.policy)]
    return problems + _file_target_problems(watchlist) + setting_problems(watchlist, smtp_url=smtp_url, env=env) + \
        webhook_policy_problems(watchlist, env=env)


# A file target's path ending so names a document, not the folder the target would make of it: a .md or .html file is
# the one kind of file it names ("briefing.txt" became a folder holding the briefing's two files)
_DOCUMENT_SUFFIXES = frozenset({".txt", ".text", ".htm", ".markdown", ".mdown", ".mkd", ".pdf", ".doc", ".docx",
                                ".rtf", ".eml", ".json", ".csv", ".xml"})  # fmt: skip


def _file_target_problems(watchlist: Watchlist) -> list[str]:
    problems = []
    for n, delivery in enumerate(watchlist.delivery):
        if delivery.kind == "file" and delivery.path and (named := Path(delivery.path).expanduser()).suffix.lower() \
                in _DOCUMENT_SUFFIXES and not named.is_dir():  # fmt: skip
            problems.append(f'delivery[{n}] (kind = "file", path = "{delivery.path}"): a file target names a folder, '
                            f"or a .md or .html file to copy the briefing to, so {named.name} would be made a folder "
                            f"holding the briefing's files: name a .md or .html file ({named.with_suffix('.md').name} "
                            "or .html), or a folder")  # fmt: skip
        elif delivery.kind == "file" and delivery.path and (why := unwritable(folder := target_folder(delivery.path))):
            problems.append(f'delivery[{n}] (kind = "file", path = "{delivery.path}"): the folder {folder} cannot be '
                            f"written ({why}): make it writable, or give the entry another path")  # fmt: skip
    return problems


def option_problems(
    *, out_dir: Path, db_path: Path | str | None = None, record_dir: Path | None = None, command: str = "run",
    db_named_by: str = "--db",
) -> list[str]:
    """The database (--db), briefing folder (--out) and --record pack a run would write that cannot be written;
    `command` is the one whose options they are ("demo", "schedule install"), `db_named_by` where the database's path
    came from ("--db", or "WATCHDESK_DB" when the user typed no --db)."""
    problems = []
    by, other = db_named_by, another_db(db_named_by)
    if db_path is not None and str(db_path) != ":memory:" and (why := unusable_database(Path(db_path))):
        problems.append(f"{by}: the database {db_path} cannot be written ({why}): {other}")
    elif db_path is not None and str(db_path) != ":memory:" and (why := unwritable_beside(Path(db_path))):
        problems.append(f"{by}: the database {db_path} cannot be written: its folder refuses new files ({why}), and "
                        f"DuckDB writes its log ({Path(db_path).name}.wal) and temporary files beside the database; "
                        "make the folder writable, or copy the database to a folder that can be written and "
                        f"{'set WATCHDESK_DB to' if by == 'WATCHDESK_DB' else 'pass --db with'} the copy")  # fmt: skip
    elif db_path is not None and (kept := checkpoint_file(db_path)).exists() and (why := unwritable_file(kept)):
        problems.append(f"{by}: the checkpoint file {kept} beside the database cannot be written ({why}): make it "
                        "writable (it holds the saved state that runs awaiting approval and interrupted runs resume "
                        f"from), or {other}")  # fmt: skip
    if record_dir is not None and (why := unwritable(record_dir)):
        problems.append(f"--record: the pack folder {record_dir} cannot be written ({why}): give another --record")
    if why := unwritable(out_dir):
        problems.append(f"--out: the briefing folder {out_dir} cannot be written ({why}): make it writable, or give "
                        f"`watchdesk {command}` another --out")  # fmt: skip
    return problems


def describe_problems(origin: str, problems: list[str]) -> str:
    listed = "\n".join(f"  - {p}" for p in problems)
    return f"{origin}: {len(problems)} problem{'s' if len(problems) > 1 else ''}:\n{listed}"


def _transcript_problems(ticker: Ticker, policy: Policy) -> list[str]:
    where = f"tickers.{ticker.symbol}"
    if "transcripts" in ticker.sources and not ticker.transcripts:
        return [
            f"{where}: sources has \"transcripts\" but no [[tickers.transcripts]] chain says where from "
            "(add kind = \"folder\" with path, or kind = \"url\" / \"feed\" with url)"
        ]
    problems = []
    for n, src in enumerate(ticker.transcripts):
        host = FMP_HOST if src.kind == "fmp" else (urlsplit(src.url or "").hostname or "")
        if src.kind in {"url", "feed", "fmp"} and not domain_allowed(host, policy.allowed_domains):
            problems.append(
                f"{where}.transcripts[{n}]: host {host or '(none)'!r} is not in policy.allowed_domains "
                f"{list(policy.allowed_domains)}: add it there, or the run will refuse the source"
            )
        if src.match and (why := _no_regex(src.match)):
            problems.append(f"{where}.transcripts[{n}]: match {src.match!r} is no regular expression ({why}): fix it, "
                            "or leave match out to find the calls by the ticker or an alias and \"call\"")  # fmt: skip
    return problems


def _no_regex(pattern: str) -> str | None:
    """Why `pattern` is no regular expression (as the transcripts agent compiles it), None when it is one."""
    try:
        re.compile(pattern, re.I)
    except re.error as exc:
        return str(exc)
    return None


def _custom_topic_problems(watchlist: Watchlist) -> list[str]:
    """A custom topic flagging cannot compile (a pattern that is no regex, nothing to match), said as flagging would
    refuse it, before a run fetches anything."""
    from pydantic import ValidationError

    from watchdesk.agents.flagging.topic_spec import TopicSpec

    problems = []
    for n, topic in enumerate(watchlist.topics.custom):
        try:
            TopicSpec.model_validate(topic.model_dump())
        except ValidationError as exc:
            problems += [f"topics.custom[{n}] ({topic.name}): {e['msg'].removeprefix('Value error, ')}"
                         for e in exc.errors()]
    return problems


def _news_problems(watchlist: Watchlist) -> list[str]:
    readers = [t.symbol for t in watchlist.tickers if "news" in t.sources]
    if readers and not watchlist.news.feeds:
        return [f"tickers {', '.join(readers)}: sources has \"news\" but [news] lists no feeds, so nothing would be "
                "read: add [[news.feeds]] with a url (and its host to policy.allowed_domains)"]
    return [
        f"news.feeds[{n}]: host {host!r} is not in policy.allowed_domains {list(watchlist.policy.allowed_domains)}: "
        "add it there, or the run will refuse the feed"
        for n, feed in enumerate(watchlist.news.feeds) if readers
        and not domain_allowed(host := urlsplit(feed.url).hostname or "", watchlist.policy.allowed_domains)
    ]


def _port_problems(watchlist: Watchlist) -> list[str]:
    """A feed or transcript URL the gateway would refuse for its port (one not named in allowed_domains) or that
    names no port a URL can have (99999): said before a run, which would record each as a gap."""
    from watchdesk.sources.gateway import port_refusal

    urls = [(f"news.feeds[{n}]", feed.url) for n, feed in enumerate(watchlist.news.feeds)]
    urls += [(f"tickers.{t.symbol}.transcripts[{n}]", src.url) for t in watchlist.tickers
             for n, src in enumerate(t.transcripts) if src.kind in {"url", "feed"} and src.url]  # fmt: skip
    problems = []
    for where, url in urls:
        parts = urlsplit(url)
        try:
            port = parts.port
        except ValueError:  # "Port out of range 0-65535", or no number at all
            problems.append(f"{where}: {redact_url(url)} is not a valid URL (its port is not a number from 0 to "
                            "65535)")  # fmt: skip
            continue
        host = (parts.hostname or "").lower()
        if host and (why := port_refusal(parts.scheme, host, port, allowed_domains=watchlist.policy.allowed_domains)):
            problems.append(f"{where}: {why}: the run would refuse it")
    return problems


def _delivery_problems(n: int, delivery: Delivery, policy: Policy) -> list[str]:
    where = f"delivery[{n}]"
    problems = []
    if delivery.webhook_env is not None and not _ENV_NAME.fullmatch(delivery.webhook_env):
        # Never echo the value: it is most likely the webhook secret itself.
        problems.append(
            f"{where}.webhook_env must name an environment variable (e.g. SLACK_WEBHOOK_URL) that holds "
            "the webhook, not the webhook itself: move the URL into that variable"
        )
    for address in delivery.to:
        if not recipient_allowed(address, policy.allowed_recipients):
            close = _close_recipient(address, policy.allowed_recipients)
            hint = f"{did_you_mean([close])} If not, add it (or its @domain) there" if close else \
                ": add it (or its @domain) there"
            problems.append(
                f"{where}.to: {address!r} is not in policy.allowed_recipients {list(policy.allowed_recipients)}{hint}"
            )
    return problems


def _close_recipient(address: str, allowed: Iterable[str]) -> str | None:
    """The allowed address `address` is a typo of, if any ("pm@fund.exmaple" for "pm@fund.example"); an allowed
    domain ("@fund.example") stands for the same name at that domain."""
    local = address.strip().lower().rpartition("@")[0]
    entries = [a.strip().lower() for a in allowed]
    candidates = [e if "@" in e.lstrip("@") else f"{local}@{e.lstrip('@')}" for e in entries]
    close = difflib.get_close_matches(address.strip().lower(), candidates, n=1, cutoff=0.85)
    return close[0] if close else None
