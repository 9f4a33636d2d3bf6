"""Small HTML pages written by the tests themselves (no third-party text)."""

from __future__ import annotations

MAIN_PARAGRAPHS = (
    "The two ministers agreed on Monday to build a new bridge across the river, officials said after the "
    "meeting in the capital.",
    "According to the plan, construction could begin next year. It is expected to cost about $3 billion, "
    "which critics say is too much for a region of this size.",
    "Local residents said they had waited decades for the crossing and welcomed the decision, although some "
    "doubted that the timetable was realistic.",
    "The opposition said it would ask for an independent review of the costs before any contract is signed.",
)

#: Strings that appear only in page furniture and must never reach the store.
BOILERPLATE_MARKERS = (
    "Share on Facebook",
    "Share on Twitter",
    "waste of money and everyone knows it",
    "Great news for the town",
    "All rights reserved",
    "Cookie settings",
    "Sign up for our newsletter",
    "Most read",
    "Politics",
)


def boilerplate_page(
    title: str = "Ministers agree on new bridge", paragraphs: tuple[str, ...] = MAIN_PARAGRAPHS, lang: str = "en"
) -> str:
    """An article page wrapped in heavy furniture: nav, share buttons, comments, sidebar, footer."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title} | The Daily Example</title>
<meta name="author" content="Jane Writer">
<meta property="og:site_name" content="The Daily Example">
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="2021-02-22T10:00:00Z"></head>
<body>
<header><div class="logo">The Daily Example</div>
<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="cookie-banner">We use cookies. <a href="/cookies">Cookie settings</a></div>
<main><article>
<h1>{title}</h1>
<p class="byline">By Jane Writer</p>
{body}
<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a>
<a href="#">Email</a></div>
</article>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Storm closes schools</a></li>
<li><a href="/b">Prices rise again</a></li></ul></aside>
<section id="comments" class="comments"><h2>Comments</h2>
<div class="comment"><p>First! This bridge is a waste of money and everyone knows it.</p></div>
<div class="comment"><p>Great news for the town, finally.</p></div></section></main>
<footer><p><a href="/newsletter">Sign up for our newsletter</a></p>
<p>Copyright 2021 The Daily Example. All rights reserved.</p>
<p>Privacy policy | Terms of use | Cookie settings</p></footer></body></html>
"""


RUSSIAN_PARAGRAPHS = (
    "Президенты встретились в понедельник в Сочи и обсудили вопросы интеграции двух стран, сообщили "
    "официальные лица после переговоров.",
    "По словам источников, стороны договорились продолжить консультации в ближайшие недели и подготовить "
    "новые документы о сотрудничестве.",
    "Эксперты считают, что встреча не принесла серьёзных результатов, хотя обе стороны назвали её полезной.",
)


def russian_page() -> str:
    return boilerplate_page("Встреча в Сочи", RUSSIAN_PARAGRAPHS, lang="ru")
