"""What the company parsers find in a goal: each company named (Named), a group's name (Group), and the whole (Found),
which the parsers after them read and add to."""

from __future__ import annotations

from dataclasses import dataclass, field

from watchdesk.sources.models import CompanyRef


@dataclass(frozen=True)
class Named:
    ref: CompanyRef
    phrase: str
    start: int = 0  # where the goal names it: companies are watched in the goal's order
    said: str = ""  # how it was read, for the decisions once it is placed (watched, or context)
    group: bool = False  # one of the companies a group's name stands for ("Mag 7"): the phrase is none's alias

    @property
    def end(self) -> int:
        return self.start + len(self.phrase)


@dataclass(frozen=True)
class Group:
    """The companies a name of several stands for ("Mag 7": the Magnificent Seven)."""

    name: str
    refs: tuple[CompanyRef, ...]


@dataclass
class Found:
    """Companies the goal names, and the phrases that looked like companies but are not one (yet)."""

    named: list[Named] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # where the companies are, for list detection
    excluded: list[Named] = field(default_factory=list)  # named in a negation ("excluding Intel"): never watched
    left_out: list[Named] = field(default_factory=list)  # named elsewhere too: "Intel" in "NVIDIA, Intel and AMD"
    # companies SEC does not list ("Huawei"): (start, end, phrase, message), a problem only where a company stands
    unlisted: list[tuple[int, int, str, str]] = field(default_factory=list)
    as_words: list[tuple[int, int]] = field(default_factory=list)  # unlisted names read as the goal's words
    # companies named as context before others that share their words ("Llama" in "Llama and Robotaxi demand"): by
    # where the name ends, where those words are (topics.find_topics)
    sharing: dict[int, tuple[int, int]] = field(default_factory=dict)
