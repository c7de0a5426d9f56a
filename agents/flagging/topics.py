"""Topic library: topic specs from topics.toml (plus watchlist extras), compiled for fast matching."""

from __future__ import annotations

import marshal
import re
from bisect import bisect_right
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

from watchdesk.agents.flagging.casefold import twin
from watchdesk.agents.flagging.prefilter import KeyIndex, factor_by_first_char
from watchdesk.agents.flagging.regex_cache import compile_cached, memo
from watchdesk.sources.errors import ConfigError

if TYPE_CHECKING:
    from watchdesk.agents.flagging.topic_spec import TopicSpec

Span = tuple[int, int]
_FLAGS = re.IGNORECASE


@dataclass(frozen=True)
class Topic:
    """One watched topic: literal phrases and regex patterns that mention it, and look-alikes to skip.

    The record the matcher compiles. The shipped topics are built as these directly (pydantic costs a short
    command a third of its start-up); a caller's own topics are checked by topic_spec.TopicSpec, same fields.
    """

    name: str
    label: str
    description: str = ""
    phrases: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    # Follow-ups that mention the topic only right after a sentence that does ("the new limits"
    # after one about export controls, "we didn't see that" after a question on pull-ins).
    context: tuple[str, ...] = ()
    # Mentions only in a document that mentions the topic directly `document_min` times or more:
    # China revenue is geopolitical in a call about export controls, a geography elsewhere.
    document: tuple[str, ...] = ()
    document_min: int = 3


AnyTopic = Union[Topic, "TopicSpec"]


@dataclass(frozen=True)
class CompiledTopic:
    """A topic compiled into one combined regex (speed: one scan per topic) and one exclude regex."""

    spec: AnyTopic
    regex: re.Pattern[str]
    exclude: re.Pattern[str] | None
    index: KeyIndex | None  # per-alternative regexes by word key (prefilter.py); None: scan all
    context: re.Pattern[str] | None = None
    document: re.Pattern[str] | None = None
    document_keys: frozenset[str] | None = None  # word keys of the document patterns; None: scan all
    # The same topic with case-sensitive twins of its regexes, to run on casefold.fold(text); None: it has none
    folded: CompiledTopic | None = None

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def keys(self) -> frozenset[str] | None:
        """Word keys one of which every mention contains; None when the topic cannot be pre-filtered."""
        return None if self.index is None else self.index.keys

    def hits(
        self, text: str, start: int = 0, end: int | None = None, *, keys: set[str] | None = None,
        regexes: Sequence[re.Pattern[str]] | None = None,
    ) -> list[Span]:  # fmt: skip
        """Spans of mentions in `text[start:end]`, minus those overlapping an exclude match.

        `keys`, the word keys of that text (prefilter.word_keys), lets only the phrases and
        patterns that can match there run; `regexes`, when given, are the only ones that can.
        """
        stop = len(text) if end is None else end
        if regexes is not None:
            found = sorted({m.span() for regex in regexes for m in regex.finditer(text, start, stop)})
        elif keys is not None and self.index is not None:
            found = self.index.spans(text, start, stop, keys)
        else:
            found = [m.span() for m in self.regex.finditer(text, start, stop)]
        return self._unmasked(found, text, start, stop)

    def context_hits(self, text: str, start: int = 0, end: int | None = None) -> list[Span]:
        """Spans of follow-up mentions in `text[start:end]`: they count only next to a mention."""
        return self._extra_hits(self.context, text, start, end)

    def document_hits(self, text: str, start: int = 0, end: int | None = None) -> list[Span]:
        """Spans of mentions in `text[start:end]` that count only in a document about the topic."""
        return self._extra_hits(self.document, text, start, end)

    def _extra_hits(self, regex: re.Pattern[str] | None, text: str, start: int, end: int | None) -> list[Span]:
        if regex is None:
            return []
        stop = len(text) if end is None else end
        return self._unmasked([m.span() for m in regex.finditer(text, start, stop)], text, start, stop)

    def _unmasked(self, found: list[Span], text: str, start: int, stop: int) -> list[Span]:
        if not found or self.exclude is None:
            return found
        masked = [m.span() for m in self.exclude.finditer(text, start, stop)]
        if not masked:
            return found
        # one scan gives sorted, disjoint spans: the first ending after a hit starts is the only one to check
        ends = [b for _, b in masked]
        kept = []
        for h in found:
            i = bisect_right(ends, h[0])
            if i == len(masked) or masked[i][0] >= h[1]:
                kept.append(h)
        return kept


class TopicLibrary:
    """The topics a run watches, in a stable order."""

    def __init__(self, topics: Sequence[CompiledTopic]) -> None:
        self._topics = {t.name: t for t in topics}

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._topics)

    def __iter__(self) -> Iterator[CompiledTopic]:
        return iter(self._topics.values())

    def __len__(self) -> int:
        return len(self._topics)

    def __contains__(self, name: object) -> bool:
        return name in self._topics

    def __getitem__(self, name: str) -> CompiledTopic:
        return self._topics[name]

    def match(self, sentence: str) -> dict[str, list[Span]]:
        """Topics mentioned in one sentence, with the spans of their mentions."""
        found = {t.name: t.hits(sentence) for t in self}
        return {name: spans for name, spans in found.items() if spans}


def shipped_topics() -> tuple[Topic, ...]:
    """The topic specs shipped in topics.toml."""
    return _shipped()


def load_topics(names: Collection[str] | None = None, *, extra: Sequence[AnyTopic] = ()) -> TopicLibrary:
    """Compile the shipped topics plus `extra` (same name replaces), keeping only `names` if given."""
    specs: dict[str, AnyTopic] = {s.name: s for s in _shipped()}
    specs.update((s.name, s) for s in extra)
    if names is None:
        chosen = list(specs.values())
    else:
        unknown = [n for n in names if n not in specs]
        if unknown:
            raise ConfigError(
                f"unknown topic(s) {', '.join(map(repr, unknown))}; known topics: {', '.join(specs)}. "
                "Pick from these or define the topic in the watchlist."
            )
        chosen = [specs[n] for n in dict.fromkeys(names)]
    return TopicLibrary([compile_topic(s) for s in chosen])


@lru_cache(maxsize=256)
def compile_topic(spec: AnyTopic) -> CompiledTopic:
    """Compile a spec into one word-bounded, case-insensitive regex of all its phrases and patterns."""
    parts = [_phrase_regex(p) for p in spec.phrases if p.strip()]
    parts += flex_all([p for p in spec.patterns if p.strip()])
    # Longest first, so "supply chain" wins over "supply" when both start at the same place.
    parts.sort(key=len, reverse=True)
    regex = compile_cached(rf"(?<!\w){factor_by_first_char(parts)}(?!\w)", _FLAGS)
    exclude = None
    if spec.exclude:
        excludes = flex_all(spec.exclude)
        exclude = compile_cached(rf"(?<!\w){factor_by_first_char(excludes)}", _FLAGS)
    topic = CompiledTopic(
        spec=spec,
        regex=regex,
        exclude=exclude,
        index=KeyIndex.build(parts, _FLAGS),
        context=_bounded(spec.context),
        document=_bounded(spec.document),
        document_keys=_keys_of(spec.document),
    )
    return replace(topic, folded=_folded(topic))


def _folded(topic: CompiledTopic) -> CompiledTopic | None:
    """`topic` with every regex replaced by its case-sensitive twin, or None when one of them has none."""
    regex = twin(topic.regex)
    extras = (topic.exclude, topic.context, topic.document)
    exclude, context, document = (twin(r) if r is not None else None for r in extras)
    index = topic.index.folded() if topic.index is not None else None
    if regex is None or (topic.index is not None and index is None):
        return None
    if any(twinned is None and r is not None for twinned, r in zip((exclude, context, document), extras, strict=True)):
        return None
    return replace(topic, regex=regex, exclude=exclude, index=index, context=context, document=document)


def _keys_of(patterns: Sequence[str]) -> frozenset[str] | None:
    index = KeyIndex.build(flex_all(patterns), _FLAGS) if patterns else None
    return None if index is None else index.keys


def _bounded(patterns: Sequence[str]) -> re.Pattern[str] | None:
    """One word-bounded regex of `patterns`, longest first; None when there are none."""
    if not patterns:
        return None
    ordered = sorted(flex_all(patterns), key=len, reverse=True)
    return compile_cached(rf"(?<!\w){factor_by_first_char(ordered)}(?!\w)", _FLAGS)


def _phrase_regex(phrase: str) -> str:
    """A literal phrase: a space matches any whitespace or a hyphen; a hyphen is optional."""
    out = []
    for i, piece in enumerate(re.split(r"(\s+|-)", phrase.strip())):
        if i % 2 == 0:
            out.append(re.escape(piece))
        else:
            out.append(r"[\s\-]?" if piece == "-" else r"[\s\-]+")
    return "".join(out)


def flex_all(patterns: Sequence[str]) -> list[str]:
    """`flex_spaces` of each pattern, remembered beside the compiled regexes: the shipped topics and cues are
    ~900 patterns, walked character by character in Python at every command otherwise."""
    return memo("flex", "\0".join(patterns), lambda: [flex_spaces(p) for p in patterns], encode=list, decode=list)


def flex_spaces(pattern: str) -> str:
    """Let a literal space in a pattern match any run of whitespace (wrapped lines, double spaces).

    Inside a look-behind, which must match a fixed width, a space matches one whitespace character: an exclude
    may start `(?<!export )licen[cs]e` (an export licence is no look-alike) and match after "export\\nlicense" too.
    """
    out: list[str] = []
    class_start = -1  # index of the open "[" while inside a character class
    escaped = False
    groups: list[bool] = []  # the open groups, each True when it is a look-behind
    for i, ch in enumerate(pattern):
        if escaped or ch == "\\":
            escaped = not escaped and ch == "\\"
        elif class_start < 0 and ch == "[":
            class_start = i
        elif class_start >= 0 and ch == "]" and i > class_start + 1 + (pattern[class_start + 1] == "^"):
            class_start = -1
        elif class_start < 0 and ch == "(":
            groups.append(pattern.startswith(("(?<=", "(?<!"), i))
        elif class_start < 0 and ch == ")" and groups:
            groups.pop()
        elif class_start < 0 and ch == " " and any(groups):
            ch = r"\s"
        elif class_start < 0 and ch == " ":
            quantified = i + 1 < len(pattern) and pattern[i + 1] in "?*+{"
            ch = r"(?:\s+)" if quantified else r"\s+"
        out.append(ch)
    return "".join(out)


@cache
def _shipped() -> tuple[Topic, ...]:
    raw = Path(__file__).with_name("topics.toml").read_text(encoding="utf-8")
    try:
        table = parse_toml(raw)["topics"]
        return tuple(_shipped_topic(name, body) for name, body in table.items())
    except (KeyError, TypeError, ValueError) as exc:  # ValueError: tomllib's and pydantic's errors
        raise ConfigError(f"topics.toml is invalid: {exc}. Fix the shipped topic file.") from exc


def parse_toml(raw: str) -> dict[str, Any]:
    """`tomllib.loads(raw)` (TOMLDecodeError, a ValueError, if invalid), remembered beside the compiled regexes:
    tomllib parses in Python, ~10 ms for the shipped files at every command."""

    def parse() -> dict[str, Any]:
        import tomllib

        return tomllib.loads(raw)

    return memo("toml", raw, parse, encode=_marshalled, decode=marshal.loads)  # a fresh copy each time


def _marshalled(value: dict[str, Any]) -> bytes | None:
    try:
        return marshal.dumps(value)
    except ValueError:  # a TOML date: not kept, parsed again next time
        return None


def _shipped_topic(name: str, body: dict[str, Any]) -> Topic:
    """A topic of topics.toml as written; anything unexpected goes through TopicSpec, for its exact verdict."""
    values: dict[str, Any] = {"name": name, **{k: tuple(v) if isinstance(v, list) else v for k, v in body.items()}}
    if set(values) <= _FIELDS and _plain(values):
        return Topic(**values)
    from watchdesk.agents.flagging.topic_spec import TopicSpec

    spec = TopicSpec.model_validate({"name": name, **body}, context={"shipped": True})
    return Topic(**spec.model_dump())


_FIELDS = frozenset(Topic.__dataclass_fields__)
_NAME = re.compile(r"[a-z][a-z0-9_]*")


def _plain(values: dict[str, Any]) -> bool:
    """True when TopicSpec would take `values` as they are (strings, tuples of strings, document_min >= 1)."""
    texts = [values["name"], values.get("label"), values.get("description", "")]
    lists = [values.get(k, ()) for k in ("phrases", "patterns", "exclude", "context", "document")]
    minimum = values.get("document_min", 3)
    return (
        all(isinstance(t, str) for t in texts)
        and _NAME.fullmatch(values["name"]) is not None
        and all(isinstance(v, tuple) and all(isinstance(x, str) for x in v) for v in lists)
        and type(minimum) is int and minimum >= 1
        and any(p.strip() for p in values.get("phrases", ()) + values.get("patterns", ()))
    )  # fmt: skip
