"""Quotation detection: marks, paragraphs, speakers, and the voice of every cue."""

from __future__ import annotations

import pytest

from analysis import article_from_text
from analysis.annotate.hedging import article_cues
from analysis.annotate.quotes import article_quotes, find_quotes, quoted_shares


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_curly_and_straight_double_quotes() -> None:
    assert quoted("He said “we could win” and left.") == ["“we could win”"]
    assert quoted('He said "we could win" and left.') == ['"we could win"']
    assert quoted('"One," she said. "Two."') == ['"One,"', '"Two."']


def test_apostrophes_and_single_quotes_are_not_quotations() -> None:
    assert quoted("The People’s Assembly and Russia's role.") == []
    assert quoted("He called it 'sure' and left.") == []


def test_treebank_quotes() -> None:
    assert quoted("He called it `` a danger '' today.") == ["`` a danger ''"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # newspaper archives: two apostrophes open and close
        ("''I don't believe she is qualified,'' Mr. Sanders said.", ["''I don't believe she is qualified,''"]),
        ("''One,'' she said. ''Two.''", ["''One,''", "''Two.''"]),
        ("Penn Treebank: ``one'' and ``two''.", ["``one''", "``two''"]),
        # single curly quotes: a quotation, unless a double quotation holds it (nested)
        ("Sarandon ‘not sure’ about Clinton.", ["‘not sure’"]),
        ("‘Don’t hit me, please,’ he said.", ["‘Don’t hit me, please,’"]),
        ("“He said ‘no’ to me,” she said.", ["“He said ‘no’ to me,”"]),
        ("In the ‘90s, Sanders’ plan was ‘radical’.", ["‘radical’"]),
    ],
)
def test_quotation_conventions(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_archive_quote_spanning_paragraphs() -> None:
    text = "''First part of the quote,\n\n''second part,'' he said.\n\nNot quoted."
    qs = find_quotes(text)
    assert [text[q.start : q.end] for q in qs] == ["''First part of the quote,", "''second part,''"]
    assert qs[0].group == qs[1].group


def test_quote_spanning_paragraphs_continues_after_reopening_mark() -> None:
    text = "“First part of the quote,\n\n“second part,” he said.\n\nNot quoted."
    qs = find_quotes(text)
    assert [text[q.start : q.end] for q in qs] == ["“First part of the quote,", "“second part,”"]
    assert qs[0].group == qs[1].group and qs[0].speaker == qs[1].speaker == "he"


def test_unterminated_quote_does_not_leak_into_next_paragraph() -> None:
    text = "He said “this never closes.\n\nThe next paragraph is the author's."
    assert quoted(text) == ["“this never closes."]


def test_stray_closing_straight_quote_opens_nothing() -> None:
    text = 'The 12" record sold well. He was happy.'
    assert quoted(text) == []


def test_speakers_from_said_introductions() -> None:
    text = (
        "“We will win,” President Vladimir Putin said on Monday. “Nobody doubts it.”\n\n"
        "He added, “the West is weak.”\n\n"
        "“It may fail,” said Maria Zakharova.\n\n"
        "Shoigu told reporters: “The army is ready.”"
    )
    speakers = [q.speaker for q in find_quotes(text)]
    assert speakers == [
        "President Vladimir Putin",
        "President Vladimir Putin",  # continues the previous quote's speaker in the paragraph
        "President Vladimir Putin",  # "He" resolves to the last named speaker
        "Maria Zakharova",
        "Shoigu",
    ]


def test_seed_quotes_and_voice(seed) -> None:  # type: ignore[no-untyped-def]
    qs = article_quotes(seed)
    assert [q.paragraph for q in qs] == [10, 10, 11]
    assert {q.speaker for q in qs} == {"President Lukashenko"}
    texts = [seed.text[q.start : q.end] for q in qs]
    assert texts[0].startswith("“I believe that Belarus will remain an absolute priority")
    assert texts[1].startswith("“I am sure that Russia")
    voices = {(c.text, c.voice) for c in article_cues(seed)[10]}
    assert voices == {("I believe", "quoted"), ("said", "author"), ("sure", "quoted")}
    shares = quoted_shares(seed)
    assert shares[9] == 0.0 and 0.7 < shares[10] < 0.8 and shares[11] > 0.9


def test_every_cue_has_a_voice_and_quoted_ones_lie_inside_quotes() -> None:
    art = article_from_text(
        'Title line\n\n"It is clear that we could lose," the minister said. Analysts think it may pass.'
    )
    body = art.paragraphs[1]
    got = [(c.text, c.category, c.voice) for c in article_cues(art)[1]]
    assert got == [
        ("It is clear that", "booster", "quoted"),
        ("could", "hedge", "quoted"),
        ("said", "attribution", "author"),
        ("think", "hedge", "author"),  # "Analysts think": a vague source, the author's weasel
        ("may", "hedge", "reported"),  # ... and what they think is theirs
    ]
    qs = [q for q in article_quotes(art) if q.paragraph == body.index]
    for c in article_cues(art)[1]:
        inside = any(q.start <= c.start < q.end for q in qs)
        assert inside == (c.voice == "quoted")
