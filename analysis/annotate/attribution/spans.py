"""Spans by offset: which span holds a range, in O(log n)."""

from __future__ import annotations

import heapq
from bisect import bisect_right
from collections.abc import Sequence

__all__ = ["SpanIndex"]


class SpanIndex:
    """Spans ``[start, end)`` with an item each; which one holds a range, in O(log n).

    Built once per article, so that asking for every cue, mention or source which span holds
    it takes time linear in the text, not quadratic in a long paragraph. The boundaries of all
    spans cut the text into elementary pieces, each covered by a fixed set of spans; a sweep
    with a heap finds the smallest covering span of every piece.
    """

    #: Spans looked at for a range that crosses a piece boundary (rare: a cue cut by a quote mark).
    FALLBACK = 64

    def __init__(self, spans: Sequence[tuple[int, int, object]]) -> None:
        self.spans = sorted((x for x in spans if x[1] > x[0]), key=lambda x: (x[0], x[1]))
        self.starts = [s for s, _, _ in self.spans]
        self.bounds = sorted({p for s, e, _ in self.spans for p in (s, e)})
        self.smallest: list[int] = []
        heap: list[tuple[int, int, int]] = []
        k = 0
        for x in self.bounds:
            while k < len(self.spans) and self.spans[k][0] == x:
                s, e, _ = self.spans[k]
                heapq.heappush(heap, (e - s, k, e))
                k += 1
            while heap and heap[0][2] <= x:
                heapq.heappop(heap)
            self.smallest.append(heap[0][1] if heap else -1)

    def holding(self, start: int, end: int, exclude: object = None) -> object | None:
        """The smallest item whose span holds ``[start, end)`` (other than ``exclude``), or None."""
        k = bisect_right(self.bounds, start) - 1
        if k < 0:
            return None
        i = self.smallest[k]
        if i >= 0:
            s, e, item = self.spans[i]
            if s <= start and end <= e and item is not exclude:
                return item
            if item is not exclude and (end <= e or self.bounds[min(k + 1, len(self.bounds) - 1)] >= end):
                return None
        best = None
        j = bisect_right(self.starts, start)
        for s, e, item in reversed(self.spans[max(0, j - self.FALLBACK) : j]):
            if s <= start and end <= e and item is not exclude and (best is None or e - s < best[1] - best[0]):
                best = (s, e, item)
        return best[2] if best else None
