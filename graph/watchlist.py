"""The watchlist: what to watch, where from, how often, to whom, and under which policy."""

from __future__ import annotations

import hashlib
import re
import tomllib
from datetime import date
from datetime import time as dtime
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from watchdesk.graph.forms import canonical_form, watched_form
from watchdesk.graph.tickers import ticker_symbol
from watchdesk.graph.toml_lines import line_of, toml_lines
from watchdesk.graph.toml_values import toml_said
from watchdesk.sources.addresses import ADDRESS, DOMAIN
from watchdesk.sources.errors import ConfigError, did_you_mean
from watchdesk.sources.ratelimit import entry_refusal
from watchdesk.store.topic_names import topic_given

Source = Literal["edgar", "transcripts", "news"]
_APPROVAL = re.compile(r"^(always|never|first:[1-9]\d*)$")
# C0, DEL, C1 (NEL), line and paragraph separators, and bidi embeddings, overrides and isolates (a U+202E in the
# name would reverse the e-mail subject after it); the marks U+200E/U+200F a right-to-left name needs are letters here
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


# what parse_watchlist validates with: a file's forms are checked; a watchlist a run stored is read as it was taken
WRITTEN = {"written": True}


def _form(value: str, info: ValidationInfo) -> str:
    """A form as SEC writes it; in a file, refused (with its line) when it is a slip of one EDGAR lists or names none
    (graph/forms.py). A stored watchlist taken before that check keeps its forms: its run, brief or plan still reads."""
    return watched_form(value) if (info.context or {}).get("written") else canonical_form(value)


Form = Annotated[str, AfterValidator(_form)]


def _allowed_host(value: str, info: ValidationInfo) -> str:
    """A host name, address or "host:port" (sources/ratelimit.py entry_refusal); in a file, anything else is refused
    with its line. A stored watchlist keeps its entries as taken: one that is no host name matches no host."""
    if not (info.context or {}).get("written"):
        return value
    if why := entry_refusal(value.strip()):
        raise ValueError(f"no host an allow-list can hold: {why}")
    return value.strip()


AllowedHost = Annotated[str, AfterValidator(_allowed_host)]


def canonical_forms(value: tuple[str, ...]) -> tuple[str, ...]:
    if any(not form for form in value):
        raise ValueError("an empty form: name SEC forms such as 10-K, 10-Q, 8-K, 20-F, 6-K")
    if not value:
        raise ValueError("no form named: name at least one (10-K, 10-Q, 8-K, 20-F, 6-K), or leave `forms` out")
    return tuple(dict.fromkeys(value))


# What a url source or feed must be: an http(s) address with a host (nothing else can be fetched)
WEB_ADDRESS = re.compile(r"^https?://[^/\s?#]", re.IGNORECASE)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TranscriptSource(_Strict):
    """One link of a ticker's transcript chain, tried in order until one yields a call."""

    kind: Literal["folder", "url", "feed", "fmp"]
    path: str | None = None  # folder: files dropped there (html, txt, json, pdf)
    url: str | None = None  # url: a transcript page; feed: an RSS/Atom feed listing call pages
    match: str | None = None  # feed: regex an entry title must match (default: ticker or alias + "call")

    @model_validator(mode="after")
    def _needs_target(self) -> TranscriptSource:
        if self.kind == "folder" and not self.path:
            raise ValueError("a folder source needs `path`")
        if self.kind in {"url", "feed"} and not self.url:
            raise ValueError(f"a {self.kind} source needs `url`")
        if self.kind in {"url", "feed"} and self.url and not WEB_ADDRESS.match(self.url):
            raise ValueError(f"a {self.kind} source's url must start with http:// or https:// (got {self.url!r})")
        return self

    def describe(self) -> str:
        return f"{self.kind} {self.path or self.url or ''}".strip()


class Ticker(_Strict):
    symbol: str  # of a ticker's shape (graph/tickers.py), at most ten characters
    aliases: tuple[str, ...] = ()
    cik: int | None = Field(default=None, gt=0, le=9_999_999_999, strict=True)  # SEC's CIKs have at most ten digits
    sources: tuple[Source, ...] = ("edgar",)
    forms: tuple[Form, ...] | None = None
    accessions: tuple[str, ...] = ()  # filings to fetch whatever the window says
    transcripts: tuple[TranscriptSource, ...] = ()

    @field_validator("symbol")
    @classmethod
    def _ticker(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must be a ticker such as NVDA, not blank")
        return ticker_symbol(value)

    @field_validator("sources")
    @classmethod
    def _some_source(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not value:
            raise ValueError('no source: a ticker reads at least one of "edgar", "transcripts", "news"')
        return value

    @field_validator("forms")
    @classmethod
    def _forms(cls, value: tuple[str, ...] | None) -> tuple[str, ...] | None:
        return None if value is None else canonical_forms(value)

    @field_validator("accessions")
    @classmethod
    def _accession_shape(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for acc in value:
            if not re.fullmatch(r"\d{10}-\d{2}-\d{6}", acc):
                raise ValueError(f"{acc!r} is not an accession number like 0001045810-25-000023")
        return value


NewsTier = Literal["primary", "established", "other"]


class NewsFeed(_Strict):
    """A feed the news agent reads; `kind = "page"` for an HTML page that announces its feeds."""

    url: str = Field(pattern=r"^https?://")
    name: str | None = None
    tier: NewsTier | None = None  # overrides the shipped tier of the feed's domain
    kind: Literal["feed", "page"] = "feed"


class News(_Strict):
    """Feeds read for every ticker with "news" in its sources; items below `min_tier` are not used."""

    feeds: tuple[NewsFeed, ...] = ()
    min_tier: NewsTier = "established"
    tiers: dict[str, NewsTier] = Field(default_factory=dict)  # domain -> tier, over the shipped defaults


class CustomTopic(_Strict):
    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str
    description: str = ""
    phrases: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


class Topics(_Strict):
    watch: tuple[str, ...] = ("inventory", "supply_chain", "geopolitical")
    custom: tuple[CustomTopic, ...] = ()

    @field_validator("watch")
    @classmethod
    def _as_stored(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(topic_given(name) for name in value)  # "Supply chain" is supply_chain, as `findings` reads it

    @model_validator(mode="after")
    def _some_topic(self) -> Topics:
        if not self.watch and not self.custom:
            raise ValueError("no topic to watch: `watch = []` and no [[topics.custom]] would flag nothing; name "
                             "topics (inventory, supply_chain, geopolitical, ...) or leave `watch` out for those three")
        return self


class Filings(_Strict):
    forms: tuple[Form, ...] = ("10-K", "10-Q", "8-K", "20-F", "6-K")
    since: date | None = None
    until: date | None = None
    lookback_days: int = Field(default=120, ge=1, le=3650, strict=True)
    limit_per_form: int | None = Field(default=2, ge=1, strict=True)
    # A new 10-K, 10-Q or 20-F is compared with the company's previous one of its form (one more fetch at most).
    compare_previous: bool = True

    @field_validator("forms")
    @classmethod
    def _forms(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return canonical_forms(value)


class Schedule(_Strict):
    cadence: Literal["daily", "weekly"] = "weekly"
    day: Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] = "monday"
    time: str = Field(default="07:00", pattern=r"^([01]\d|2[0-3]):[0-5]\d$")

    # As people write them: "Monday", "Mon", "Thurs", "Weekly", "7:00" (the validators below still refuse the rest)
    @field_validator("cadence", mode="before")
    @classmethod
    def _any_case(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("day", mode="before")
    @classmethod
    def _day_as_written(cls, value: object) -> object:
        if not isinstance(value, str) or len(said := value.strip().lower().removesuffix(".")) < 3:
            return value
        days = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
        return next((day for day in days if day.startswith(said)), value)

    @field_validator("time", mode="before")
    @classmethod
    def _one_digit_hour(cls, value: object) -> object:
        if isinstance(value, dtime) and not (value.second or value.microsecond or value.tzinfo):
            return f"{value:%H:%M}"  # TOML's own time of day, `time = 07:00:00`
        return f"0{value.strip()}" if isinstance(value, str) and re.fullmatch(r"\s*\d:\d\d\s*", value) else value


class Delivery(_Strict):
    kind: Literal["file", "email", "slack"]
    path: str | None = None
    to: tuple[str, ...] = ()
    webhook_env: str | None = None  # name of the variable holding the webhook, never the URL itself

    @field_validator("to")
    @classmethod
    def _one_address_each(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        bad = [a for a in value if not ADDRESS.match(a.strip())]
        if bad:
            raise ValueError(f"each entry must be one e-mail address (name@domain.tld), not {bad[0]!r}: "
                             "write several addresses as several entries")
        return tuple(a.strip() for a in value)


class Policy(_Strict):
    allowed_domains: tuple[AllowedHost, ...] = ("sec.gov",)
    approval: str = "never"
    max_requests_per_run: int = Field(default=1000, ge=1, strict=True)
    max_documents_per_run: int = Field(default=100, ge=1, strict=True)
    allowed_recipients: tuple[str, ...] = ()

    @field_validator("allowed_recipients")
    @classmethod
    def _addresses_or_domains(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        bad = [a for a in value if not (ADDRESS.match(a.strip()) or DOMAIN.match(a.strip()))]
        if bad:
            raise ValueError(f"each entry must be one e-mail address or a domain (@example.com), not {bad[0]!r}")
        return tuple(a.strip() for a in value)

    @field_validator("approval")
    @classmethod
    def _approval_mode(cls, value: str) -> str:
        if not _APPROVAL.match(value):
            raise ValueError('must be "always", "never" or "first:N" (N >= 1)')
        return value


class Watchlist(_Strict):
    name: str = "watchlist"
    tickers: tuple[Ticker, ...] = Field(min_length=1)
    topics: Topics = Topics()
    filings: Filings = Filings()
    news: News = News()
    schedule: Schedule = Schedule()
    delivery: tuple[Delivery, ...] = (Delivery(kind="file"),)
    policy: Policy = Policy()
    until: date | None = None  # last day to watch (a goal's horizon, see `watchdesk plan`); None: until stopped
    # Fingerprints of this watchlist as earlier runs stored it, whose approvals still count: with its relative paths
    # as written (watchlist_paths.anchored), a goal as planned on other days (goal/earlier.py)
    _earlier: tuple[str, ...] = PrivateAttr(default=())
    # the folder a file target "briefings" named before it was read as the briefing folder (watchlist_paths.anchored)
    _briefing_folder: str | None = PrivateAttr(default=None)

    @field_validator("name")
    @classmethod
    def _printable_name(cls, value: str) -> str:
        if _CONTROL.search(value):  # it goes into e-mail subjects and file names
            raise ValueError("must be one line of printable text (no line breaks or control characters)")
        if not value.strip():  # it names the runs, briefing files and `brief --name`: an empty one names nothing
            raise ValueError("must not be empty: name the watchlist (or leave `name` out for 'watchlist')")
        return value

    def fingerprint(self) -> str:
        """A short hash of the watchlist as stored, its secrets redacted: a hash of them as written, kept beside the
        redacted watchlist, would give a short one back to whoever tries candidates in place of "REDACTED"."""
        return hashlib.sha256(self.redacted().model_dump_json().encode()).hexdigest()[:12]

    def fingerprints(self) -> tuple[str, ...]:
        """This watchlist's fingerprint, and those earlier runs stored of it (`_earlier`)."""
        return tuple(dict.fromkeys((self.fingerprint(), *self._earlier)))

    def known_as(self, fingerprints: tuple[str, ...]) -> Watchlist:
        """This watchlist, with `fingerprints` among those of its earlier runs."""
        known = self.model_copy()
        known._earlier = (*self._earlier, *fingerprints)
        return known

    def redacted(self) -> Watchlist:
        """This watchlist with the secrets in its URLs redacted (transcript sources, news feeds, any other URL): what
        is stored with a run, where notebooks and anyone with the database file can read it."""
        from watchdesk.sources.redact import redact_json

        return Watchlist.model_validate(redact_json(self.model_dump(mode="json")))


def horizon_ended(watchlist: Watchlist, as_of: date) -> str | None:
    """Why a run on `as_of` has nothing to do, when the watchlist's `until` (its horizon) is past; else None."""
    if watchlist.until is None or as_of <= watchlist.until:
        return None
    return (
        f"its horizon ended on {watchlist.until.isoformat()} (the watchlist's `until`; today is {as_of.isoformat()}): "
        "nothing to watch. Move or remove `until` to watch again"
    )


def load_watchlist(path: Path) -> Watchlist:
    """Read and validate a watchlist file; every problem is a ConfigError naming file, line or field. Its relative
    paths are read from the file's folder, wherever the command runs."""
    from watchdesk.graph.paths import device

    if why := device(path):
        raise ConfigError(f"{why}: give a watchlist file")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such watchlist file (create one with `watchdesk init`)") from None
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")  # a byte order mark ("UTF-8 with BOM") is no TOML
    except UnicodeDecodeError as exc:  # a Latin-1 "café" was read as "caf\ufffd", said nowhere
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start}); save the watchlist as UTF-8") from None
    from watchdesk.graph.watchlist_paths import anchored

    return anchored(parse_watchlist(text, origin=str(path)), base=path.parent)


def parse_watchlist(text: str, *, origin: str = "<watchlist>") -> Watchlist:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin}: TOML syntax error: {toml_said(str(exc), text)}") from None
    if not data:  # an empty file, or comments alone: said so, not as a missing field
        raise ConfigError(f"{origin}: the watchlist is empty (no tickers, no settings); `watchdesk init` writes one to "
                          "start from, each setting explained")
    try:
        return Watchlist.model_validate(data, context=WRITTEN)
    except ValidationError as exc:
        raise ConfigError(f"{origin}: invalid watchlist:\n{_describe(exc, text, origin=origin)}") from None


# what [schedule] day takes, as a refusal says it ("funday", "mo")
_DAYS_SAID = "monday to sunday, or its first three letters or more (mon, Tues, THURS, sun.)"


def _describe(exc: ValidationError, text: str, *, origin: str) -> str:
    """One line per problem, where an editor finds it: "w.toml:14: tickers.2.forms: 10-KK: no such SEC form; ..."."""
    lines = []
    errors = exc.errors()
    written = toml_lines(text)
    # A failed list item also fails the list's length check; report only the innermost cause.
    locs = [tuple(err["loc"]) for err in errors]
    for err in errors:
        loc = tuple(err["loc"])
        if any(other != loc and other[: len(loc)] == loc for other in locs):
            continue
        # an item of a list of text is named by its value in the message, and found by its line
        named = loc[:-1] if loc and isinstance(loc[-1], int) and isinstance(err.get("input"), str) else loc
        where = ".".join(str(part) for part in named) or "(top level)"
        # an unknown key is named, never its value: a secret put under a misspelt key ("webhook = <the URL>") is
        # no URL the redaction can always recognise
        shown = str(got) if isinstance(got := err.get("input"), date | dtime) else repr(got)  # 07:30:15, as written
        given = "" if err["type"] in {"missing", "extra_forbidden"} else f" (got {shown})"
        msg = err["msg"].removeprefix("Value error, ")  # pydantic's words for a ValueError the validators raise
        if isinstance(got, str) and msg.startswith(f"{canonical_form(got)}: "):  # "10-KK: no such SEC form" names it
            given = ""
        if err["type"] == "extra_forbidden" and (close := _close_field(loc)):
            msg += did_you_mean([close])  # "cadense" is "cadence"
        elif err["type"] == "string_pattern_mismatch" and loc[-1:] == ("time",):
            msg = "must be a 24-hour time HH:MM, e.g. 07:00 or 18:30"
        elif err["type"] == "string_type" and loc == ("schedule", "time"):  # `time = 7`, `time = 07:30:15`
            msg = 'must be a 24-hour time HH:MM in quotes, e.g. time = "07:00"'
        elif err["type"] == "literal_error" and loc == ("schedule", "day"):
            msg = f"must be a day of the week, in any case: {_DAYS_SAID}"
        elif err["type"] == "tuple_type" and isinstance(err.get("input"), dict):  # [tickers] where [[tickers]] goes
            table = ".".join(str(part) for part in loc if not isinstance(part, int))
            msg, given = f"a list of tables: write each entry under [[{table}]] (two brackets), not [{table}]", ""
        elif err["type"] == "tuple_type" and isinstance(said := err.get("input"), str) and isinstance(loc[-1], str):
            msg, given = f'a list, in brackets even for one: {loc[-1]} = ["{said}"]', ""  # `watch = "inventory"`
        line = line_of(written, loc)
        lines.append(f"{origin}{'' if line is None else f':{line}'}: {where}: {msg}{given}")
    return "\n".join(lines)


def _close_field(loc: tuple[Any, ...]) -> str | None:
    """The field of the model at `loc`'s parent whose name is closest to the unknown key at its end."""
    import difflib
    import typing

    model: Any = Watchlist
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part) if hasattr(model, "model_fields") else None
        if field is None:
            return None
        inner = [a for a in typing.get_args(field.annotation) if hasattr(a, "model_fields")]
        model = inner[0] if inner else field.annotation
    names = list(getattr(model, "model_fields", {}))
    found = difflib.get_close_matches(str(loc[-1]), names, n=1, cutoff=0.6)
    return found[0] if found else None
