"""Paragraph and sentence segmentation, and paragraph roles."""

from __future__ import annotations

import pytest

from analysis import article_from_text
from analysis.annotate.segmentation import assign_roles, split_blocks, split_sentences


def _sents(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Smith met Dr. Jones in the U.S. on Feb. 3 at noon. They talked for an hour.",
            ["Mr. Smith met Dr. Jones in the U.S. on Feb. 3 at noon.", "They talked for an hour."],
        ),
        (
            "The loan is worth $3 billion. Growth slowed to 1.5 per cent. Shares fell.",
            ["The loan is worth $3 billion.", "Growth slowed to 1.5 per cent.", "Shares fell."],
        ),
        ("J. R. R. Tolkien wrote novels. He died in 1973.", ["J. R. R. Tolkien wrote novels.", "He died in 1973."]),
        ('He said, "I am sure." Then he left.', ['He said, "I am sure."', "Then he left."]),
        ("She asked: “Why now?” Nobody answered.", ["She asked: “Why now?”", "Nobody answered."]),
        ("The U.K. voted. The E.U. did not.", ["The U.K. voted.", "The E.U. did not."]),
    ],
)
def test_sentences_respect_abbreviations_numbers_initials_and_quotes(text: str, expected: list[str]) -> None:
    assert _sents(text) == expected


def test_sentence_offsets_index_the_paragraph() -> None:
    text = "  “I believe that,” he said. “I am sure.”  "
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text


def test_blocks_split_on_blank_lines_and_keep_multiline_blocks() -> None:
    text = "First line\ncontinues here.\n\n\nSecond block.\n \nThird."
    blocks = [text[s:e] for s, e in split_blocks(text)]
    assert blocks == ["First line\ncontinues here.", "Second block.", "Third."]


def test_text_without_blank_lines_is_one_paragraph_per_line() -> None:
    text = "One paragraph here.\nAnother paragraph.\n\nnot reached"[:38]
    assert [text[s:e] for s, e in split_blocks(text)] == ["One paragraph here.", "Another paragraph."]


def test_bullet_block_becomes_one_paragraph_per_item() -> None:
    text = "Title\n\n  • First point.\n  • Second point.\n\nBody text follows here."
    blocks = [text[s:e] for s, e in split_blocks(text)]
    assert blocks == ["Title", "• First point.", "• Second point.", "Body text follows here."]


def test_seed_roles(seed) -> None:  # type: ignore[no-untyped-def]
    roles = [p.role for p in seed.paragraphs]
    assert roles[0] == "headline" and seed.paragraphs[0].text == "Could Russia Lose Belarus?"
    summary = [p.text for p in seed.paragraphs if p.role == "summary"]
    assert summary == [
        "• Lukashenko is expected to ask Putin for financial aid.",
        "• Belarus and Russia could unify their financial system.",
        "• There is a possibility for Belarus to join Russia and be part of the Union State.",
    ]
    by_text = {p.text: p.role for p in seed.paragraphs}
    assert by_text["Christina Kitova"] == "byline"
    assert by_text["I spent most of my professional life in finance, insurance risk management litigation."] == "byline"
    assert by_text["Leave a Reply"] == "boilerplate"
    body = seed.body
    assert body[0].text.startswith("The President of Belarus, Alexander Lukashenko")
    assert body[-1].text.endswith("Eventually, his father will be relocating to Russia too.")
    assert len(body) == 18


def test_paragraph_offsets_reassemble_the_seed(seed) -> None:  # type: ignore[no-untyped-def]
    pos = 0
    for p in seed.paragraphs:
        assert seed.text[p.start : p.end] == p.text
        assert seed.text[pos : p.start].strip() == ""
        pos = p.end
    assert seed.text[pos:].strip() == ""


def test_roles_use_front_matter_title_and_author() -> None:
    roles = assign_roles(
        ["Markets rally as inflation cools.", "Stocks rose on Tuesday after data showed prices eased.", "Jane Doe"],
        title="Markets rally as inflation cools.",
        author="Jane Doe",
    )
    assert roles == ["headline", "body", "byline"]


def test_name_like_subheading_followed_by_long_text_stays_body() -> None:
    long = " ".join(["The committee met again and agreed on a new plan for the coming year."] * 10)
    roles = assign_roles(["A title", "Opening paragraph of the report.", "Next Steps", long])
    assert roles[2] == "body"


def test_leading_by_line_is_byline() -> None:
    art = article_from_text("A headline here\n\nBy Jane Doe\n\nThe council voted on Tuesday to close the library.")
    assert [p.role for p in art.paragraphs] == ["headline", "byline", "body"]


def test_share_furniture_is_boilerplate() -> None:
    text = "Council closes library\n\nThe council voted to close it.\n\nShare this article\n\nComments"
    art = article_from_text(text)
    assert [p.role for p in art.paragraphs] == ["headline", "body", "boilerplate", "boilerplate"]


def test_author_taken_from_the_byline_when_not_given(seed) -> None:  # type: ignore[no-untyped-def]
    assert seed.author == "Christina Kitova"
    art = article_from_text("A headline here\n\nBy Jane Doe\n\nThe council voted on Tuesday to close the library.")
    assert art.author == "Jane Doe"


BODY = "The council voted on Tuesday to close the central library, citing a budget gap."


@pytest.mark.parametrize(
    "segment",
    [
        "* * *",
        "***",
        "---",
        "—",
        "2021",
        "12:30",
        "1/2/2021",
        "Feb. 22, 2021",
        "22 February 2021",
        "Updated: March 3, 2021, 10:15 a.m. EST",
        "Monday, February 22, 2021",
    ],
)
def test_segments_that_are_not_prose_are_not_body(segment: str) -> None:
    roles = assign_roles(["Library to close", BODY, segment, BODY])
    assert roles == ["headline", "body", "boilerplate", "body"]


@pytest.mark.parametrize(
    "text", ["May 2021 was the wettest month on record.", "2021 was a hard year for the council.", "March on."]
)
def test_prose_that_starts_like_a_date_stays_body(text: str) -> None:
    assert assign_roles([BODY, text])[1] == "body"


@pytest.mark.parametrize(
    ("last", "author", "role"),
    [
        ("Daniel Ferreira is a former secondary school teacher and writes about education.", None, "byline"),
        ("Maria Lopez is a columnist for The Gazette.", None, "byline"),
        ("Jane Doe teaches history in Leeds.", "Jane Doe", "byline"),
        ("Jane Doe, a historian, lives in Leeds.", "Jane Doe", "byline"),
        ("John Smith is a candidate in the election.", None, "body"),  # a news sentence, not about the writer
        ("Jane Doe said the vote would be close.", None, "body"),
        ("Daniel Ferreira is a former teacher and writes about education. " * 8, None, "body"),  # too long
    ],
)
def test_closing_bio_is_byline(last: str, author: str | None, role: str) -> None:
    roles = assign_roles(["Why schools fail", BODY, BODY, last], author=author)
    assert roles[:3] == ["headline", "body", "body"] and roles[3] == role


def test_non_prose_segments_are_not_counted_as_body_sentences() -> None:
    art = article_from_text(f"Library to close\n\n{BODY}\n\n* * *\n\n2021\n\n{BODY}")
    assert [p.role for p in art.paragraphs] == ["headline", "body", "boilerplate", "boilerplate", "body"]
    assert art.body_text == f"{BODY}\n\n{BODY}"


# --- headlines and archive layouts (real corpus files: the title on the first line) -------------------

LEDE = "The council voted on Tuesday to close the old library on Bridge Street, citing the cost of repairs to its roof."


@pytest.mark.parametrize(
    ("text", "title", "roles"),
    [
        # a title ending with a full stop, as corpus exports write it
        ("Secret Service stops protester at Clinton rally.\n\n" + LEDE, None, ["headline", "body"]),
        # title case, with a full stop and a second sentence
        (
            "One Sentence From Trump Set Off A Firestorm. His Response Took Everyone By Surprise.\n\n" + LEDE,
            None,
            ["headline", "body"],
        ),
        # the caller, a sidecar or front matter gives the title
        (
            "The council voted to close the library.\n\n" + LEDE,
            "The council voted to close the library",
            ["headline", "body"],
        ),
        # a first paragraph as long as a lede stays body
        (LEDE + "\n\n" + LEDE, None, ["body", "body"]),
        # headline and deck in one block (archive exports): the deck is the summary
        (
            "Jobs report gives Democrats a lift; \nSolid upturn could blunt Republican claims.\n\n" + LEDE,
            None,
            ["headline", "summary", "body"],
        ),
        # NYT archive: labels are not prose, the abstract repeats the lede
        (
            "Library to close.\n\nABSTRACT.\n\nThe council will close the library.\n\nFULL TEXT.\n\n" + LEDE,
            None,
            ["headline", "boilerplate", "summary", "boilerplate", "body"],
        ),
        # LexisNexis header fields and a dateline on its own line
        (
            "Library to close\n\nBYLINE: Jane Doe\n\nSECTION: Metro; Pg. 3\n\nMILLBROOK —\n\n" + LEDE,
            None,
            ["headline", "byline", "boilerplate", "boilerplate", "body"],
        ),
    ],
)
def test_headlines_and_archive_blocks(text: str, title: str | None, roles: list[str]) -> None:
    art = article_from_text(text, title=title)
    assert [p.role for p in art.paragraphs] == roles
    assert all(art.text[p.start : p.end] == p.text for p in art.paragraphs)
