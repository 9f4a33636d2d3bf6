"""Split article text into paragraphs and sentences, and give each paragraph a role.

Rules (documented in the README's "Segmentation" section):

* Paragraphs are blocks separated by one or more blank lines. A text with no
  blank line at all (common in corpora) has one paragraph per non-empty line.
* A block whose every line starts with a bullet (``•``, ``-``, ``*``, ``–``,
  ``·``, ``▪``) is split into one paragraph per bullet item.
* Sentences come from ``syntok`` (a maintained rule-based segmenter that knows
  abbreviations, initials, decimals and quotation marks), with offsets.
* Roles: ``headline`` (the first line when it matches the title, or a short line
  that reads as one: see :func:`is_headline`; a deck below it in the same block is
  cut off as ``summary``), ``summary`` (bullet items before the first body
  paragraph; the block after an archive's ``ABSTRACT.`` label), ``byline`` (an
  author name line near the end, or a leading "By ..." line, and the short bio
  that follows it; also a closing author bio without a name line, see :func:`is_closing_bio`), ``boilerplate`` (page
  furniture such as "Leave a Reply" or "Share this", and segments that are not
  prose: no letters at all, such as ``* * *`` or a lone ``2021``, or only a date,
  see :func:`is_non_prose`), otherwise ``body``. Markdown files also have
  ``subheading`` (given by :mod:`analysis.sources.loading` from the ``##``
  markers, not here).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from syntok import segmenter
from syntok._segmentation_states import State as _SyntokState

from analysis.model import Paragraph, Sentence

_BLANK_LINE = re.compile(r"\n[ \t\f\v\u00a0]*\n")
_NEWLINE = re.compile(r"\n")
_BULLET = re.compile(r"^[ \t\u00a0]*[•\-*–·▪●◦‣][ \t\u00a0]+")
#: Longest headline, in words.
HEADLINE_MAX_WORDS = 25
#: Paragraphs at the end of an article searched for an author name line.
BYLINE_TAIL = 4
_NAME_TOKEN = r"(?:[A-Z][a-zA-Z'’\-]+|[A-Z]\.)"
_NAME_LINE = re.compile(rf"^(?:By\s+)?{_NAME_TOKEN}(?:\s+(?:de|van|von|der|la|le|di|da|bin|al|{_NAME_TOKEN})){{1,3}}$")
_BY_LINE = re.compile(r"^By\s+[A-Z]", re.UNICODE)
_BOILERPLATE = re.compile(
    r"^(?:leave a (?:reply|comment)|cancel reply|comments?|\d+ comments?|share(?: this(?: article| story)?)?"
    r"|share on \w+|tweet|print|email|related(?: articles| posts| stories)?|read more|advertisement"
    r"|subscribe(?: now)?|sign up.*newsletter.*|follow us.*|click here.*|posted in .*|tags?:.*|filed under.*"
    r"|all rights reserved.*|(?:©|\(c\)|copyright)\s.*|you may also like|recommended(?: for you)?"
    r"|like this:?|loading\.*|previous (?:post|article)|next (?:post|article)|skip to content)[.!:]?$",
    re.IGNORECASE,
)

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?"
_DATE = re.compile(
    rf"^(?:(?:updated|published|posted)[: ]\s*)?(?:{_WEEKDAY}\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{4}})"
    rf"(?:,?\s+\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{{2,4}})?)?\.?$",
    re.IGNORECASE,
)
#: Words that say a closing paragraph is about the writer.
_BIO_WORDS = re.compile(
    r"\b(?:writes?|writer|writing|author|columnist|journalist|correspondent|editor|reporter|contribut\w+|"
    r"blogger|books?|novels?)\b",
    re.IGNORECASE,
)
_BIO_START = re.compile(rf"^{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}},?\s+(?:is|was|has been)\s+(?:a|an|the)\s")
#: Longest closing bio, in words.
BIO_MAX_WORDS = 60
#: Newspaper-archive and wire exports (NYT, LexisNexis, Factiva): section labels on a line of their own
#: ("ABSTRACT.", "FULL TEXT.") and header fields ("BYLINE: ...", "SECTION: ...", "LENGTH: 812 words").
_ARCHIVE_LABEL = re.compile(r"^(?:ABSTRACT|FULL TEXT|LEAD PARAGRAPH|HIGHLIGHT|BODY|TEXT)[.:]?$")
_ARCHIVE_FIELD = re.compile(
    r"^(?P<field>BYLINE|SECTION|LENGTH|DATELINE|LOAD-DATE|LANGUAGE|PUBLICATION-TYPE|DOCUMENT-TYPE|GRAPHIC|"
    r"CORRECTION-DATE|JOURNAL-CODE|URL|SOURCE|CREDIT|NOTES?|COPYRIGHT|SUBJECT|GEOGRAPHIC|ORGANIZATION|PERSON):"
)
#: A dateline standing alone: "WASHINGTON —", "DES MOINES, Iowa (AP) --".
_DATELINE = re.compile(r"^[A-Z][A-Z.'’ -]{1,30}(?:,\s*[A-Z][A-Za-z.]{1,12})?(?:\s*\([A-Za-z. ]{2,12}\))?\s*(?:—|–|--)$")
#: Short function words a title-case headline leaves in lower case.
_TITLE_SMALL = frozenset(
    "a an the and or but nor of in on at to for by from with as vs via is it its up out off over into than".split()
)


def is_non_prose(text: str) -> bool:
    """True for a segment with no letters (``* * *``, ``2021``, ``—``) or only a date ("Feb. 22, 2021")."""
    t = text.strip()
    return not any(c.isalpha() for c in t) or bool(_DATE.match(t))


def is_closing_bio(text: str, author: str | None = None) -> bool:
    """True for a short paragraph about the writer, as op-eds end.

    "Daniel Ferreira is a former secondary school teacher and writes about
    education.": at most :data:`BIO_MAX_WORDS` words, and either starting with
    the known ``author``'s name, or "Name Surname is a/an/the ..." with a word
    about writing (:data:`_BIO_WORDS`: writes, author, columnist, ...), so that a last news
    paragraph such as "John Smith is a candidate in the election." stays body.
    """
    t = text.strip()
    if _word_count(t) > BIO_MAX_WORDS:
        return False
    name, start = _normalise(author or ""), _normalise(t)
    if name and start.startswith(name) and start[len(name) : len(name) + 1] in (" ", ","):
        return True
    return bool(_BIO_START.match(t) and _BIO_WORDS.search(t))


def split_blocks(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each paragraph block in ``text``, whitespace trimmed.

    Blocks are separated by blank lines; with no blank line anywhere, every
    non-empty line is a block. Empty or whitespace-only blocks are skipped.
    """
    sep = _BLANK_LINE if _BLANK_LINE.search(text) else _NEWLINE
    pieces = _spans_between(text, sep)
    for start, end in pieces:
        yield from _split_bullets(text, *_trim(text, start, end))


def _spans_between(text: str, sep: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    pos = 0
    for m in sep.finditer(text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_bullets(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    if start >= end:
        return
    block = text[start:end]
    lines = block.split("\n")
    if len(lines) > 1 and all(_BULLET.match(line) for line in lines if line.strip()):
        pos = start
        for line in lines:
            s, e = _trim(text, pos, pos + len(line))
            if s < e:
                yield s, e
            pos += len(line) + 1
        return
    yield start, end


def is_bullet(text: str) -> bool:
    """True when ``text`` starts with a bullet character followed by a space."""
    return bool(_BULLET.match(text))


def split_sentences(text: str, offset: int = 0, paragraph: int = -1, limit: int | None = None) -> tuple[Sentence, ...]:
    """Split one paragraph into sentences.

    Leading bullets are kept in the first sentence's span but do not start a
    sentence of their own. Returns ``()`` for text with no tokens.

    Args:
        text: the paragraph.
        offset: where ``text`` starts in the article (added to every span; 0: offsets into ``text``).
        paragraph: the paragraph's index, stored on each sentence (-1: loose text).
        limit: stop after ``limit + 1`` sentences (the caller refuses the text; see :func:`segment`).
    """
    return tuple(
        Sentence(i, offset + a, offset + b, text[a:b], paragraph)
        for i, (a, b) in enumerate(_sentence_spans(text, limit))
    )


def _sentence_spans(text: str, limit: int | None = None) -> list[tuple[int, int]]:
    """syntok's sentence spans of ``text``, from a fast path when its answer is known without running it.

    ``limit``: at most ``limit + 1`` spans are made (syntok, the slow path, is stopped there).
    """
    if one_sentence(text):
        return [(0, len(text))]
    plain = plain_spans(text)
    if plain is None:
        return _syntok_spans(text, limit)
    return plain if limit is None else plain[: limit + 1]


#: What a one-sentence body may hold: word characters, spaces, punctuation at which syntok never
#: breaks (no terminal, no bracket), terminals that a lower-case word follows ("the U.S. army",
#: "“Why?” he asked", "it was late; we left"), at which syntok never breaks either, and dots
#: inside a token ("U.S", "3.5", "e.g"; not "a.B", which syntok's tokenizer cuts).
#: (A test checks this against syntok's own answers on random text.)
_SAFE_BODY = re.compile(
    r"(?:[\w ,:'\"\u201c\u201d\u2018\u2019\-\u2013\u2014%$&/\u2022\u00a3\u20ac\u2026]"
    r"|[.!?;]+[\"'\u201d\u2019]? +(?=[a-z])|(?<=[A-Z0-9])\.(?=[A-Za-z0-9])|(?<=[a-z])\.(?=[a-z0-9]))+"
)
_CLOSERS = "\"'\u201d\u2019)\u00bb]"
_END_MARKS = ".!?;"


#: A short bracketed aside with no terminal and no other bracket inside, after a space and before a
#: comma, colon, terminal or a space and no second aside: syntok steps over it ("domains (gTLDs) as
#: they are known"; after an aside, another aside is weighed as a possible break).
_BRACKETED = re.compile(
    r"(?<= )(?:\([\w ,:'\"\u201c\u201d\u2018\u2019\-\u2013\u2014%$&/\u00a3\u20ac]{1,45}\)"
    r"|\[[\w ,:'\"\u201c\u201d\u2018\u2019\-\u2013\u2014%$&/\u00a3\u20ac]{1,45}\])(?=[,:.!?;]|$| (?![(\[]))"
)


#: A sentence start after which syntok reads on token by token (its "inner" state): a word, then a
#: word, not a terminal or bracket. Before that, or after a terminal it did not break at, syntok
#: weighs an opening bracket as a possible break.
_INNER_FROM = re.compile(r"[\"\u201c\u2018]?[A-Za-z0-9]+[,:]? +[\"\u201c\u2018]?[A-Za-z0-9]")


def one_sentence(text: str) -> bool:
    """True when syntok would find exactly one sentence spanning all of ``text``.

    So when ``text`` is one line of word characters, spaces and harmless punctuation (commas,
    colons, dashes, quotes, "%", "$", "£", "€", "&", "/", "…", a bullet; a terminal only before a
    lower-case word), ended by at most a run of ``.!?`` and closing quotes or brackets. (A fifth of
    news paragraphs are one sentence; a test checks this answer against syntok's own.)
    """
    if not text or text[0] == " ":
        return False
    if "(" in text or "[" in text:  # blank the asides syntok steps over to "_" (a word character, no letter)
        inner = _INNER_FROM.match(text)
        reading_on = inner.end() if inner else len(text) + 1
        text = _BRACKETED.sub(lambda m: "_" * len(m.group()) if m.start() >= reading_on else m.group(), text)
    body = text.rstrip(_CLOSERS).rstrip(_END_MARKS)
    return bool(body) and body[-1] != " " and _SAFE_BODY.fullmatch(body) is not None


#: A terminal (".", "!", "?", ";") at which syntok always ends a sentence when the token before it
#: is plain (see :data:`_PLAIN_BEFORE`): perhaps one closing quote, spaces, then a capital or an
#: opening quote and a capital.
_STOP = re.compile(r"[.!?;][\"'\u201d\u2019]?(?P<space> +)(?=[\"\u201c\u2018]?(?P<next>[A-Z][A-Za-z]*))")
#: The end of the text before such a terminal, whole as syntok's tokenizer cuts it: an ordinary
#: word or number (after a space, an opening quote or bracket, a currency sign or a hyphen between
#: letters), perhaps with a token after it that is never special to syntok ("'s", "n't", a closing
#: quote, "%", the closing bracket of an aside that :func:`one_sentence` then checks); or such
#: never-special marks right after a letter or digit ("4.5%", "(5%)"); or one digit ("Camp 2"),
#: which syntok cuts after unless it is the sentence's first token (see :func:`plain_spans`).
_PLAIN_BEFORE = re.compile(
    r"(?:(?:^|(?<=[ \u201c\u2018\"(\u00a3$\u20ac])|(?<=[A-Za-z0-9]-))"
    r"(?P<word>[A-Za-z0-9]{2,}|\d[\d,]*\d)(?P<tail>[\u2019'][a-z]+|[\"'\u201d\u2019]|%|[)\]])?"
    r"|(?<=[A-Za-z0-9])(?P<marks>[%\"'\u201d\u2019)\]]{1,3})"
    r"|(?:^|(?<=[ \u00a3$\u20ac]))(?P<digit>\d))$"
)
#: Characters before a terminal that :data:`_PLAIN_BEFORE` reads (a longer word is left to syntok).
_BEFORE_CHARS = 48
#: Words before a terminal at which syntok may not split (abbreviations, Roman numerals, "No. 5");
#: a number before a month ("5. Jan") and camel case ("SpaceX": its token is "X") neither. (A month
#: before a terminal, "two years ago. The", only keeps a sentence going before a number, never
#: before the capital a cut needs.)
_NO_PLAIN_STOP = _SyntokState.abbreviations | _SyntokState.roman_numerals | {"no", "No", "NO"}
_CAMEL = re.compile(r"[a-z][A-Z]")


def plain_spans(text: str) -> list[tuple[int, int]] | None:
    """syntok's sentences of ``text``, found without running it, or ``None`` when that is not certain.

    Cuts ``text`` at every :data:`_STOP` after a plain token and answers only when each piece is
    one sentence by :func:`one_sentence` (so no other terminal, bracket or line break is left
    anywhere). Most news paragraphs are such plain prose; a test checks the answer against
    syntok's own on the project's texts and on random text.
    """
    pieces: list[tuple[int, int]] = []
    start = 0
    for m in _STOP.finditer(text):
        lo = max(0, m.start() - _BEFORE_CHARS)
        before = _PLAIN_BEFORE.search(text[lo : m.start()])
        if before is None or (lo and not before.start()):
            return None
        word = before.group("word") or before.group("digit")
        if (
            word
            and not before.group("tail")
            and (
                word in _NO_PLAIN_STOP
                or _CAMEL.search(word)
                or (word.isdigit() and m.group("next") in _SyntokState.months)
            )
        ):
            return None
        if before.group("digit"):  # a one-character token: syntok cuts after it only when reading on
            inner = _INNER_FROM.match(text, start)
            if inner is None or lo + before.start() < inner.end() - 1:
                return None
        pieces.append((start, m.start("space")))
        start = m.end()
    if not pieces:
        return None
    pieces.append((start, len(text)))
    return pieces if all(one_sentence(text[a:b]) for a, b in pieces) else None


def syntok_sentences(text: str) -> tuple[Sentence, ...]:
    """The sentences syntok finds in ``text`` (offsets into it); ``()`` with no tokens."""
    return tuple(Sentence(i, a, b, text[a:b]) for i, (a, b) in enumerate(_syntok_spans(text)))


def _syntok_spans(text: str, limit: int | None = None) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for paragraph in segmenter.analyze(text):
        for sent in paragraph:
            if not sent:
                continue
            last = sent[-1]
            out.append((sent[0].offset, last.offset + len(last.value)))
            if limit is not None and len(out) > limit:
                return out
    return out


def is_name_line(text: str) -> bool:
    """True for a line that looks like a person's name ("Christina Kitova", "By J. R. Smith")."""
    return bool(_NAME_LINE.match(text))


def _word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


def is_title_case(text: str) -> bool:
    """True when nearly every word but short function words is capitalised ("Trump Made This Shocking Demand")."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", text) if w.lower() not in _TITLE_SMALL]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def is_headline(first: str, following: str | None, title: str | None = None) -> bool:
    """Whether ``first``, the article's first line, is its headline (``following``: the next block, if any).

    It is when it equals the ``title`` (front matter, sidecar or caller; a final full stop aside), or
    when it is one line of at most :data:`HEADLINE_MAX_WORDS` words followed by more text and either has
    no final full stop, or is in title case, or is a short line (15 words at most) before a paragraph at
    least twice as long (12 words at least): the layout of a corpus file with its title on the first line.
    """
    first = first.strip()
    if title and _normalise(first).rstrip(".") == _normalise(title).rstrip("."):
        return True
    n = _word_count(first)
    if following is None or "\n" in first or is_bullet(first) or n == 0 or n > HEADLINE_MAX_WORDS:
        return False
    if not first.endswith((".", ":", ";", ",")) or is_title_case(first):
        return True
    return first.endswith(".") and n <= 15 and _word_count(following) >= max(2 * n, 12)


def assign_roles(texts: list[str], title: str | None = None, author: str | None = None) -> list[str]:
    """Return a role for each paragraph text (see module docstring for the rules)."""
    n = len(texts)
    roles = ["body"] * n
    for i, t in enumerate(texts):
        if _BOILERPLATE.match(t.strip()) or is_non_prose(t) or _DATELINE.match(t.strip()):
            roles[i] = "boilerplate"
    _mark_archive_blocks(texts, roles)
    if n == 0:
        return roles
    rest = list(zip(texts[1:], roles[1:], strict=True))
    following = next((t for t, r in rest if r == "body"), None) or next((t for t, r in rest if r == "summary"), None)
    if following is None and rest:
        following = rest[0][0]  # only furniture follows: the first line can still be a title
    if roles[0] == "body" and is_headline(texts[0], following, title):
        roles[0] = "headline"
    # Bullet lede: bullet items before the first non-bullet body paragraph.
    for i in range(n):
        if roles[i] != "body":
            continue
        if is_bullet(texts[i]):
            roles[i] = "summary"
        else:
            break
    # Leading "By Jane Doe" lines.
    for i in range(min(n, 4)):
        if roles[i] == "body" and _BY_LINE.match(texts[i]) and _NAME_LINE.match(texts[i].strip()):
            roles[i] = "byline"
    _mark_tail_byline(texts, roles, author)
    body = [i for i in range(n) if roles[i] == "body"]
    if len(body) > 1 and is_closing_bio(texts[body[-1]], author):
        roles[body[-1]] = "byline"
    return roles


def _mark_archive_blocks(texts: list[str], roles: list[str]) -> None:
    """Roles of archive exports: labels and header fields are not body; an ``ABSTRACT.`` block is the summary.

    The abstract of a NYT archive text repeats the lede, so counting it as body would count the lede twice.
    """
    in_abstract = False
    for i, t in enumerate(texts):
        line = t.strip()
        if _ARCHIVE_LABEL.match(line):
            roles[i] = "boilerplate"
            in_abstract = line.startswith("ABSTRACT")
        elif (m := _ARCHIVE_FIELD.match(line)) is not None:
            roles[i] = "byline" if m.group("field") == "BYLINE" else "boilerplate"
        elif in_abstract and roles[i] == "body":
            roles[i] = "summary"


def split_title_line(text: str, spans: list[tuple[int, int]], title: str | None = None) -> list[tuple[int, int]]:
    """``spans`` with a first block of several lines cut after its first line when that line is the headline.

    Archive and wire texts put the headline and a deck in one block ("Jobs report gives Democrats a lift;"
    then "Solid upturn ... could blunt Republican claims."): the deck becomes a paragraph of its own.
    """
    if not spans:
        return spans
    s, e = spans[0]
    cut = text.find("\n", s, e)
    if cut < 0:
        return spans
    first, rest = text[s:cut], text[cut:e]
    if _word_count(rest) > 2 * HEADLINE_MAX_WORDS or is_bullet(first):
        return spans
    titled = bool(title) and _normalise(first).rstrip(".;") == _normalise(title or "").rstrip(".;")
    if not (titled or is_headline(first, rest, None) or first.rstrip().endswith(";")):
        return spans
    if len(spans) < 2 and not titled:
        return spans
    head = _trim(text, s, cut)
    deck = _trim(text, cut, e)
    return [head, deck, *spans[1:]] if deck[1] > deck[0] else spans


def _mark_tail_byline(texts: list[str], roles: list[str], author: str | None) -> None:
    """Mark an author-name line near the end, and the short bio after it, as byline."""
    tail = [i for i in range(len(texts)) if roles[i] == "body"][-BYLINE_TAIL:]
    for i in tail:
        t = texts[i].strip()
        is_author = bool(author) and _normalise(t).removeprefix("by ") == _normalise(author or "")
        if not (is_author or _NAME_LINE.match(t)):
            continue
        following = [j for j in range(i + 1, len(texts)) if roles[j] == "body"]
        # A bio is short; a long paragraph after the name means the name was a subheading.
        if all(_word_count(texts[j]) <= 80 for j in following):
            roles[i] = "byline"
            for j in following:
                roles[j] = "byline"
            return


def _normalise(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().strip("\"'“”‘’").lower()


class TooManySegments(ValueError):
    """A text with more paragraphs or sentences than :func:`segment` was allowed (``count`` of ``what``)."""

    def __init__(self, count: int, what: str, limit: int) -> None:
        counted = f"{count:,}+"  # counted up to one over the limit, no further
        super().__init__(f"{counted} {what}, over the {limit:,} one article may have")
        self.count, self.what, self.limit = count, what, limit


def check_paragraph_count(text: str, max_paragraphs: int) -> None:
    """Raise :class:`TooManySegments` when ``text`` has more than ``max_paragraphs`` paragraph blocks.

    Cheap: a text with no more lines than that is never read further (a paragraph takes
    a line at least); otherwise its blocks are counted up to one over the limit.
    """
    if text.count("\n") < max_paragraphs:
        return
    n = sum(1 for _ in itertools.islice(split_blocks(text), max_paragraphs + 1))
    if n > max_paragraphs:
        raise TooManySegments(n, "paragraphs", max_paragraphs)


def segment(
    text: str, title: str | None = None, author: str | None = None, max_sentences: int | None = None
) -> tuple[Paragraph, ...]:
    """Split article ``text`` into paragraphs with roles and sentences (all offsets into ``text``).

    ``max_sentences``: raise :class:`TooManySegments` as soon as the paragraphs (each
    holds a sentence or none), then the sentences, are more: memory and time grow with
    their number, and a million one-line paragraphs make 5 MB of text cost gigabytes.
    """
    found = split_blocks(text)
    blocks = list(found if max_sentences is None else itertools.islice(found, max_sentences + 1))
    if max_sentences is not None and len(blocks) > max_sentences:
        raise TooManySegments(len(blocks), "paragraphs", max_sentences)
    spans = split_title_line(text, blocks, title)
    texts = [text[s:e] for s, e in spans]
    roles = assign_roles(texts, title=title, author=author)
    if len(spans) > len(blocks) and roles[1] == "body":
        roles[0], roles[1] = "headline", "summary"  # the deck cut from the headline's block
    paragraphs = []
    n_sentences = 0
    for i, ((s, e), t, r) in enumerate(zip(spans, texts, roles, strict=True)):
        sentences = split_sentences(t, s, i, None if max_sentences is None else max_sentences - n_sentences)
        n_sentences += len(sentences)
        if max_sentences is not None and n_sentences > max_sentences:
            raise TooManySegments(n_sentences, "sentences", max_sentences)
        paragraphs.append(Paragraph(index=i, start=s, end=e, text=t, role=r, sentences=sentences))
    return tuple(paragraphs)
