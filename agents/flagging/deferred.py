"""A mapping read from its source only when first used: a shipped model's weights, which a command whose compiled
tables come from the regex cache never reads (decoding them cost each short command ~10 ms and the garbage
collector's walks over their lists)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from functools import cached_property
from typing import TypeVar, overload

V = TypeVar("V")
D = TypeVar("D")


class Deferred(Mapping[str, V]):
    """The mapping `load()` returns, loaded at the first look inside."""

    def __init__(self, load: Callable[[], Mapping[str, V]]) -> None:
        self._load = load

    @cached_property
    def _data(self) -> Mapping[str, V]:
        return self._load()

    def __getitem__(self, key: str) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    @overload
    def get(self, key: str) -> V | None: ...
    @overload
    def get(self, key: str, default: V | D) -> V | D: ...
    def get(self, key: str, default: object = None) -> object:  # the dict's own get, in C (Mapping's is Python)
        return self._data.get(key, default)
