"""Attribution relations (direct and reported), their speakers, and the voice of every cue."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import article_from_text, find_cues, load_article, seed_path
from analysis.annotate.attribution import SpanIndex
from analysis.voice import Attribution, attributions, find_attributions, is_named, voice_of

FLOOD = (
    "Millbrook counts the cost\n\n"
    "“We have lost the shop,” said Maria Nand, who runs the bakery on Bridge Street.\n\n"
    "Mayor Jane Roe toured the damage on Monday.\n\n"
    "Prof. Alan Whitby, a hydrologist at the university, said the failure was predictable. "
    '"There is no doubt the river will rise again," he said.\n\n'
    "According to the mayor, the town could apply for national funds.\n\n"
    "Dr Ruth Marsh, who chairs the residents' group, met the council. "
    "She added that it is clear that the warning came too late."
)


def _relations(text: str) -> tuple[str, list[Attribution]]:
    art = article_from_text(text)
    return art.text, attributions(art)


def _holding(text: str, rels: list[Attribution], fragment: str) -> Attribution:
    pos = text.index(fragment)
    inside = [r for r in rels if r.start <= pos and pos + len(fragment) <= r.end]
    assert inside, f"no relation holds {fragment!r}: {[text[r.start : r.end] for r in rels]}"
    return min(inside, key=lambda r: r.end - r.start)


def _cue_voice(text: str, rels: list[Attribution], cue: str, nth: int = 0) -> tuple[str, str]:
    found = [c for c in find_cues(text) if c.text == cue]
    assert len(found) > nth, f"find_cues found no {cue!r} #{nth}"
    return voice_of(found[nth].start, found[nth].end, rels)


# --- the flood report of issue 12 ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fragment", "kind", "speaker"),
    [
        ("We have lost the shop", "direct", "Maria Nand"),
        ("the failure was predictable", "reported", "Alan Whitby"),
        ("There is no doubt the river will rise again", "direct", "Alan Whitby"),
        ("the town could apply for national funds", "reported", "Jane Roe"),
        ("it is clear that the warning came too late", "reported", "Ruth Marsh"),
    ],
)
def test_flood_report(fragment: str, kind: str, speaker: str) -> None:
    text, rels = _relations(FLOOD)
    r = _holding(text, rels, fragment)
    assert (r.kind, r.speaker) == (kind, speaker)


@pytest.mark.parametrize(
    ("cue", "voice", "speaker"),
    [
        ("There is no doubt", "quoted", "Alan Whitby"),
        ("could", "reported", "Jane Roe"),
        ("it is clear that", "reported", "Ruth Marsh"),
    ],
)
def test_flood_cue_voices(cue: str, voice: str, speaker: str) -> None:
    text, rels = _relations(FLOOD)
    assert _cue_voice(text, rels, cue) == (voice, speaker)


def test_according_to_cue_and_source_are_the_authors() -> None:
    text, rels = _relations(FLOOD)
    r = _holding(text, rels, "the town could apply")
    assert (r.cue, r.source) == ("According to", "the mayor")
    assert text[r.cue_start : r.cue_end] == "According to" and text[r.source_start : r.source_end] == "the mayor"
    assert voice_of(r.cue_start, r.cue_end, rels) == ("author", "")


# --- direct quotations ------------------------------------------------------------------------------

SANDERS = (
    "Sanders takes aim at Clinton\n\n"
    "Senator Bernie Sanders of Vermont campaigned in Philadelphia on Wednesday.\n\n"
    "''I don't believe that she is qualified,'' Mr. Sanders said."
)


def test_archive_quotation_marks_are_a_quotation_with_its_speaker_and_hedge() -> None:
    text, rels = _relations(SANDERS)
    r = _holding(text, rels, "I don't believe that she is qualified")
    assert (r.kind, r.speaker) == ("direct", "Bernie Sanders")
    assert _cue_voice(text, rels, "believe") == ("quoted", "Bernie Sanders")


DIRECT = [
    # trailing introductions
    ("“The budget is balanced,” Finance Minister Rosa Klein said on Tuesday.", "budget is balanced", "Rosa Klein"),
    ("“The budget is balanced,” said Rosa Klein, the finance minister.", "budget is balanced", "Rosa Klein"),
    ("Rosa Klein presented the plan. “It adds up,” she said.", "It adds up", "Rosa Klein"),
    # leading introductions and colon introductions
    ("Rosa Klein told reporters: “We will not raise taxes.”", "We will not raise taxes", "Rosa Klein"),
    ("Rosa Klein was blunt: “We will not raise taxes.”", "We will not raise taxes", "Rosa Klein"),
    ("Senator Paul Grey wrote on Twitter: “This budget is a fantasy.”", "This budget is a fantasy", "Paul Grey"),
    ("Paul Grey added, “the numbers do not work.”", "the numbers do not work", "Paul Grey"),
    # appositives and titles
    (
        "Scott Pruitt, the Republican attorney general of Oklahoma, said: “The rule will not stand.”",
        "The rule will not stand",
        "Scott Pruitt",
    ),
    (
        "“The rule will not stand,” Scott Pruitt, the Republican attorney general of Oklahoma, said.",
        "The rule will not stand",
        "Scott Pruitt",
    ),
    # the speaker is named in the sentence before / after
    ("Rosa Klein said the talks went well. “We are close.”", "We are close", "Rosa Klein"),
    ("“We are close.” Rosa Klein explained that the talks went well.", "We are close", "Rosa Klein"),
    # a second quote in the paragraph continues the speaker
    ("“We are close,” said Rosa Klein. “Very close.”", "Very close", "Rosa Klein"),
    # other quotation styles
    ('"We are close," said Rosa Klein.', "We are close", "Rosa Klein"),
    ("«Nous sommes proches», said Rosa Klein.", "Nous sommes proches", "Rosa Klein"),
    ("``We are close,'' said Rosa Klein.", "We are close", "Rosa Klein"),
    # newspaper archives (NYT, LexisNexis, LDC): two apostrophes open and close
    ("''We are close,'' said Rosa Klein.", "We are close", "Rosa Klein"),
    ("Rosa Klein presented the plan. ''It adds up,'' she said.", "It adds up", "Rosa Klein"),
    ("''We are close,'' Ms. Klein said. ''Very close.''", "Very close", "Klein"),
]


@pytest.mark.parametrize(("body", "fragment", "speaker"), DIRECT)
def test_direct_quote_speakers(body: str, fragment: str, speaker: str) -> None:
    text, rels = _relations("Budget day\n\n" + body)
    r = _holding(text, rels, fragment)
    assert (r.kind, r.speaker) == ("direct", speaker)
    assert text[r.start] in "“«\"`'" and text[r.end - 1] in "”»\"'"


def test_vox_pop_run_gives_each_quote_its_own_speaker() -> None:
    text, rels = _relations(
        "Voters have their say\n\n"
        "“I might vote for the first time,” said Ann Lee, 34, a nurse. “Prices are too high,” said Bob Hart, 61. "
        "“Nobody listens to us,” said Priya Das."
    )
    speakers = [r.speaker for r in rels if r.kind == "direct"]
    assert speakers == ["Ann Lee", "Bob Hart", "Priya Das"]
    assert _cue_voice(text, rels, "might") == ("quoted", "Ann Lee")


def test_quote_over_paragraphs_is_one_group_with_one_speaker() -> None:
    text, rels = _relations(
        "Strike talks\n\n“The first offer was an insult,\n\n“and the second one is not much better,” Tom Baker said."
    )
    direct = [r for r in rels if r.kind == "direct"]
    assert len(direct) == 2 and direct[0].group == direct[1].group
    assert [r.paragraph for r in direct] == [1, 2]
    assert {r.speaker for r in direct} == {"Tom Baker"}


def test_quoted_fragment_inside_reported_clause_is_quoted() -> None:
    text, rels = _relations(
        "Court ruling\n\nJudge Helen Park wrote that the law was “almost certainly unconstitutional” and may fall."
    )
    outer = _holding(text, rels, "the law was")
    assert (outer.kind, outer.speaker) == ("reported", "Helen Park")
    assert _cue_voice(text, rels, "almost certainly") == ("quoted", "Helen Park")
    assert _cue_voice(text, rels, "may") == ("reported", "Helen Park")


# --- reported speech and thought ---------------------------------------------------------------------

REPORTED = [
    ("The minister said that the talks could resume.", "the talks could resume", "the minister", "said"),
    ("Rosa Klein told reporters the deal might collapse.", "the deal might collapse", "Rosa Klein", "told reporters"),
    ("Rosa Klein warned that the deal might collapse.", "the deal might collapse", "Rosa Klein", "warned"),
    ("Rosa Klein believes the deal might collapse.", "the deal might collapse", "Rosa Klein", "believes"),
    ("Rosa Klein fears that the deal might collapse.", "the deal might collapse", "Rosa Klein", "fears"),
    ("Analysts think the deal might collapse.", "the deal might collapse", "analysts", "think"),
    ("The deal might collapse, according to Rosa Klein.", "The deal might collapse", "Rosa Klein", "according to"),
    ("The deal might collapse, officials said.", "The deal might collapse", "officials", "said"),
    (
        "Rosa Klein wrote on Twitter that the deal might collapse.",
        "the deal might collapse",
        "Rosa Klein",
        "wrote on Twitter",
    ),
    ("Rosa Klein urged that the deal be signed.", "the deal be signed", "Rosa Klein", "urged"),
    ("Rosa Klein recommends voters to read the deal.", "voters to read the deal", "Rosa Klein", "recommends"),
    (
        "A spokesman for the Treasury said the deal might collapse.",
        "the deal might collapse",
        "a spokesman for the Treasury",
        "said",
    ),
    (
        "Rosa Klein, the finance minister, said on Friday that the deal might collapse.",
        "the deal might collapse",
        "Rosa Klein",
        "said on Friday",
    ),
]


@pytest.mark.parametrize(("body", "content", "speaker", "cue"), REPORTED)
def test_reported_relations(body: str, content: str, speaker: str, cue: str) -> None:
    text, rels = _relations("Budget day\n\n" + body)
    r = _holding(text, rels, content)
    assert (r.kind, r.speaker, r.cue) == ("reported", speaker, cue)
    assert text[r.start : r.end] == content
    if "might" in content:
        assert _cue_voice(text, rels, "might") == ("reported", speaker)


def test_headline_says() -> None:
    text, rels = _relations("Minister says talks could resume\n\nTalks stalled in May.")
    r = _holding(text, rels, "talks could resume")
    assert (r.kind, r.cue, r.source) == ("reported", "says", "Minister")
    assert _cue_voice(text, rels, "could") == ("reported", "minister")


@pytest.mark.parametrize(
    ("body", "content"),
    [
        # the reported clause ends where a new clause in the author's voice starts
        ("Rosa Klein believes that she is popular, when in reality she is not.", "she is popular"),
        ("Rosa Klein said the deal was fair; the unions disagree.", "the deal was fair"),
        ("Rosa Klein said the deal was fair, but the unions might reject it.", "the deal was fair"),
        # coordinated that-clauses stay in the report
        ("Rosa Klein said that taxes will fall, and that wages may rise.", "taxes will fall, and that wages may rise"),
    ],
)
def test_reported_clause_end(body: str, content: str) -> None:
    text, rels = _relations("Budget day\n\n" + body)
    r = _holding(text, rels, content)
    assert text[r.start : r.end] == content


def test_coordinated_reporting_verb_keeps_the_source() -> None:
    text, rels = _relations(
        "Flood warning\n\n"
        "The Environment Agency said levels would fall by Tuesday, but warned that more rain was possible."
    )
    first = _holding(text, rels, "levels would fall")
    second = _holding(text, rels, "more rain was possible")
    assert first.speaker == second.speaker == "the Environment Agency"
    assert second.cue == "warned"


@pytest.mark.parametrize(
    "body",
    [
        "It should be noted that the deal might collapse.",
        "The deal is expected to collapse.",
        "Rosa Klein expects to sign the deal.",
        "Rosa Klein did not say that the deal might collapse.",
        "It is said that the deal might collapse.",
        "In addition, it is clear that Rosa Klein will sign.",
        # the reported-speech tagger obeys the same vetoes, and two of its own:
        "The minister spoke at length about the economy and the war today.",  # a topic, not a report
        "The Union State, also referred to as the union of two states, is a supranational union.",  # naming
        # "add" of a quantity is arithmetic, not speech
        "The proposal would add nearly 1,200 affordable units to the city.",
        "The economy added 200,000 jobs in May.",
    ],
)
def test_no_relation(body: str) -> None:
    text, rels = _relations("Budget day\n\n" + body)
    assert rels == []


# --- speakers ---------------------------------------------------------------------------------------


def test_pronoun_goes_to_the_compatible_person_not_the_last_speaker() -> None:
    text, rels = _relations(
        "Council row\n\n"
        "“The budget is a disgrace,” said Maria Nand.\n\n"
        "Mr Tom Ellis, the council leader, rejected the claim. He said the cuts were probably unavoidable.\n\n"
        "“We will certainly appeal,” she said."
    )
    assert _holding(text, rels, "the cuts were").speaker == "Tom Ellis"
    assert _cue_voice(text, rels, "probably") == ("reported", "Tom Ellis")
    assert _cue_voice(text, rels, "certainly") == ("quoted", "Maria Nand")


def test_mr_and_mrs_with_one_surname() -> None:
    text, rels = _relations(
        "Farm story\n\n"
        "Gareth and Linda Hughes sold the herd in 2019.\n\n"
        "Mrs Hughes said the decision was hard. Mr Hughes said it was probably right.\n\n"
        "“I am sure of it,” he said."
    )
    assert _holding(text, rels, "the decision was hard").speaker == "Linda Hughes"
    assert _holding(text, rels, "it was probably right").speaker == "Gareth Hughes"
    assert _holding(text, rels, "I am sure of it").speaker == "Gareth Hughes"


def test_pronoun_too_far_back_stays_unknown() -> None:
    text, rels = _relations(
        "Court report\n\nRosa Klein gave evidence.\n\nThe court rose.\n\nLunch was late.\n\nThe trial resumed.\n\n"
        "“It is clearly a fraud,” she said."
    )
    assert _holding(text, rels, "It is clearly a fraud").speaker == ""


def test_role_resolves_to_the_person_introduced_with_it() -> None:
    text, rels = _relations(
        "Talks\n\nThe President of Poland, Adam Nowak, and the President of Chile, Ana Rojas, met in Lima. "
        "The Chilean leader thinks trade could double."
    )
    assert _holding(text, rels, "trade could double").speaker == "Ana Rojas"


def test_they_goes_to_a_plural_source() -> None:
    text, rels = _relations("Protest\n\nCampaigners say the plan is flawed. They believe it could fail.")
    assert _holding(text, rels, "it could fail").speaker == "campaigners"


def test_is_named() -> None:
    assert is_named("Jane Roe") and is_named("the Environment Agency") and is_named("a spokesman for the Treasury")
    assert not is_named("officials") and not is_named("a student") and not is_named("")


# --- API --------------------------------------------------------------------------------------------


def test_find_attributions_with_and_without_sentences() -> None:
    text = "Title\n\nRosa Klein said the deal might collapse. “It is over,” she said."
    paragraphs = [(0, 5), (7, len(text))]
    mid = text.index("“")
    with_sents = find_attributions(text, paragraphs, [[(0, 5)], [(7, mid - 1), (mid, len(text))]])
    without = find_attributions(text, paragraphs)
    assert with_sents == without
    assert [(r.kind, r.speaker, r.paragraph) for r in without] == [
        ("reported", "Rosa Klein", 1),
        ("direct", "Rosa Klein", 1),
    ]
    assert len({r.group for r in without}) == 2


def test_voice_of_outside_everything_is_author() -> None:
    assert voice_of(0, 3, []) == ("author", "")


# --- the seed article -------------------------------------------------------------------------------

SEED_RELATIONS = [
    ("it would signal a great danger for Russia", "reported"),
    ("the military doctrine in Minsk is exclusively defensive", "reported"),
    ("I believe that Belarus will remain an absolute priority", "direct"),
    ("I am sure that Russia has an honest understanding", "direct"),
    ("our main economic partner and strategic ally", "direct"),
    ("Apple allows Western intelligence to spy", "reported"),
    ("Belarusians to use only rotary phones", "reported"),
    ("Belarus has attractive industries", "reported"),
]


@pytest.fixture(scope="module")
def seed_rels() -> tuple[str, list[Attribution]]:
    art = load_article(seed_path())
    return art.text, attributions(art)


@pytest.mark.parametrize(("fragment", "kind"), SEED_RELATIONS)
def test_seed_relations_are_lukashenkos(seed_rels: tuple[str, list[Attribution]], fragment: str, kind: str) -> None:
    text, rels = seed_rels
    r = _holding(text, rels, fragment)
    assert (r.kind, r.speaker) == (kind, "Alexander Lukashenko")


def test_seed_embassy_and_author_voice(seed_rels: tuple[str, list[Attribution]]) -> None:
    text, rels = seed_rels
    r = _holding(text, rels, "the parties discussed plans")
    assert (r.kind, r.speaker, r.cue) == ("reported", "the Russian Embassy in Moscow", "According to")
    # paragraph 8: "would" in "if Russia looses Belarus, it would signal ..." is a conditional, not a hedge
    # (analysis.annotate.hedging.rules), and the clause is Lukashenko's reported belief, not the author's words
    would = text.index("it would signal")
    assert voice_of(would, would + 15, rels) == ("reported", "Alexander Lukashenko")
    assert not [c for c in find_cues(text) if c.start == would + 3]
    for cue in ("it is clear that", "It is expected that", "in reality", "Not surprisingly"):
        assert _cue_voice(text, rels, cue)[0] == "author"
    assert _cue_voice(text, rels, "it is clear that", 1)[0] == "author"
    assert not any(r.start <= text.index("It should be noted") < r.end for r in rels)


def test_relative_clause_with_a_subject_gap() -> None:
    text, rels = _relations("Oil\n\nProducers cut output, a move analysts said could push inflation higher.")
    r = _holding(text, rels, "could push inflation higher")
    assert (r.kind, r.source, r.speaker) == ("reported", "analysts", "analysts")
    assert _cue_voice(text, rels, "could") == ("reported", "analysts")


def test_a_name_after_the_is_a_body() -> None:
    text, rels = _relations(
        "Petrol\n\nPetrol could cost more within weeks, the AA warned. The White House said it was sorry."
    )
    assert _holding(text, rels, "Petrol could cost more").speaker == "the AA"
    assert _holding(text, rels, "it was sorry").speaker == "the White House"
    assert is_named("the AA")


@pytest.mark.parametrize(
    ("body", "content"),
    [
        # "that" after a full clause belongs to that clause, not to the reporting verb
        ("The inspector said the figures showed that the dam was weak.", "the figures showed that the dam was weak"),
        ("The inspector said on Friday that the dam was weak.", "the dam was weak"),
        ("The inspector told reporters that the dam was weak.", "the dam was weak"),
    ],
)
def test_content_start(body: str, content: str) -> None:
    text, rels = _relations("Dam\n\n" + body)
    r = _holding(text, rels, content)
    assert text[r.start : r.end] == content


def test_noun_phrase_object_of_a_reporting_verb_is_reported_content() -> None:
    # PolNeAR (the voice scores' annotation) marks "failings over sewage spills" as what the
    # company admits; the tagger finds it, the rules alone (a clause after the verb) do not.
    text = "Title line here\n\nWater company admits possible failings over sewage spills"
    art = article_from_text(text)
    r = _holding(art.text, attributions(art), "possible failings over sewage spills")
    assert r.speaker == "Water company"
    spans = [(p.start, p.end) for p in art.paragraphs]
    assert find_attributions(art.text, spans, tagger=False) == []


@pytest.mark.parametrize(
    "body",
    [
        "The mayor expected compensation for local businesses.",  # a wish, not a report
        "The deal, announced Friday, might last four years.",  # a participle describing "The deal"
        "The mayor expects to sign the deal, which might last four years.",  # a to-infinitive: a plan
    ],
)
def test_no_reported_content(body: str) -> None:
    text, rels = _relations("Title line here\n\n" + body)
    assert rels == []


@pytest.mark.parametrize(
    ("body", "content", "speaker"),
    [
        # a participle after a comma that no ", <finite verb>" closes is the reporting verb of the subject
        ("Mr. Smith, the director, explained how the plan might work.", "how the plan might work", "Smith"),
        # the tagger's source "John Smith, the director," is the name; the appositive is his role
        ("John Smith, the director, explained how the plan might work.", "how the plan might work", "John Smith"),
    ],
)
def test_tagger_relation_speaker(body: str, content: str, speaker: str) -> None:
    text, rels = _relations("Audit\n\n" + body)
    assert _holding(text, rels, content).speaker == speaker


@pytest.mark.parametrize(
    ("body", "content", "speaker"),
    [
        (
            "The figures, she argued, were wrong and would mislead investors.",
            "were wrong and would mislead investors",
            "Rosa Klein",
        ),
        ("Rosa Klein asked whether the figures were wrong.", "whether the figures were wrong", "Rosa Klein"),
        ("Engineers expect the levels to fall overnight.", "the levels to fall overnight", "engineers"),
        ("Union organiser Rosa Klein said the figures were wrong.", "the figures were wrong", "Rosa Klein"),
        (
            "A group of investors sued the firm, arguing that the figures were wrong.",
            "the figures were wrong",
            "a group of investors",
        ),
    ],
)
def test_more_reported_patterns(body: str, content: str, speaker: str) -> None:
    text, rels = _relations("Audit\n\nRosa Klein spoke first.\n\n" + body)
    r = _holding(text, rels, content)
    assert (r.kind, r.speaker) == ("reported", speaker)
    assert text[r.start : r.end] == content


def test_it_and_they_go_to_the_previous_subject() -> None:
    text, rels = _relations(
        "Rates\n\n"
        "“We were too slow,” Michael Tan told Reuters.\n\n"
        "The finance ministry welcomed the decision. It said growth would likely pick up.\n\n"
        "Some economists disagree. They think the economy may already be in recession."
    )
    assert _holding(text, rels, "growth would likely").speaker == "the finance ministry"
    assert _holding(text, rels, "the economy may").speaker == "some economists"


def test_coordinated_verb_takes_the_sentence_subject() -> None:
    text, rels = _relations("Rates\n\nThe central bank kept rates on hold but said it could cut in September.")
    r = _holding(text, rels, "it could cut in September")
    assert (r.speaker, r.cue) == ("the central bank", "said")


def test_a_body_is_no_antecedent_for_he() -> None:
    text, rels = _relations(
        "Schools\n\nThe council announced that two schools would close.\n\n"
        "Karen Doyle and her husband Mark have a child at one of them. She said it was a shock. "
        "He said the council had probably decided months ago."
    )
    assert _holding(text, rels, "it was a shock").speaker == "Karen Doyle"
    assert _holding(text, rels, "the council had probably").speaker == "Mark"


# --- the offset index that keeps long paragraphs linear ------------------------------------------------


@given(
    spans=st.lists(st.tuples(st.integers(0, 60), st.integers(1, 25)).map(lambda x: (x[0], x[0] + x[1])), max_size=10),
    queries=st.lists(st.tuples(st.integers(0, 90), st.integers(1, 5)), min_size=1, max_size=10),
    exclude=st.sampled_from([None, 0, 1]),
)
@settings(max_examples=300, deadline=None)
def test_span_index_finds_the_smallest_holding_span(spans, queries, exclude) -> None:  # type: ignore[no-untyped-def]
    """The index answers what a scan of every span would (the scan was quadratic over a long paragraph)."""
    items = [(s, e, k) for k, (s, e) in enumerate(spans)]
    index = SpanIndex(items)
    for a, n in queries:
        holding = [(e - s) for s, e, k in items if s <= a and a + n <= e and k != exclude]
        got = index.holding(a, a + n, exclude)
        assert (min(holding) if holding else None) == (spans[got][1] - spans[got][0] if got is not None else None)


def _calls_to_analyse(text: str) -> int:
    """Python and C function calls (generator resumptions included) made by ``analyze`` of one article.

    Counted, not timed: the count does not depend on the machine's load, and it grows with the work.
    """
    import sys

    from analysis.document import analyze

    analyze(article_from_text(text))  # the word memos and dictionaries are filled outside the count
    article = article_from_text(text)
    count = 0

    def profile(frame, event, arg):  # type: ignore[no-untyped-def]
        nonlocal count
        count += event in ("call", "c_call")

    sys.setprofile(profile)
    try:
        analyze(article)
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize(
    ("make", "size"),
    [
        # one paragraph of one reported sentence repeated: in_content and voice_of scanned every relation
        # of the paragraph for each candidate (1 MB took 12 minutes; 2.33x the calls for twice the text)
        (lambda n: "The minister said the plan could fail, and critics believe it is clearly wrong. " * n, 100),
        # a long run of titles before a name: 'of' was looked for in every prefix (8.8 s for 6,000; 3.8x)
        (lambda n: "Mr " * n + "Smith said it.", 500),
    ],
    ids=["one-long-paragraph", "many-titles"],
)
def test_the_work_on_one_paragraph_grows_linearly_with_its_length(make, size) -> None:  # type: ignore[no-untyped-def]
    """Issue 20, item 4: twice the paragraph is twice the calls (within 5%), not four times."""
    small, large = _calls_to_analyse(make(size)), _calls_to_analyse(make(2 * size))
    assert large / small < 2.1, (small, large)


# --- an unknown quotation convention is never silent ---------------------------------------------------

REPORTED_ONLY = (
    "Budget day\n\n"
    "The minister said the plan was sound. Critics said it would fail. Officials told reporters it was fair.\n\n"
)


@pytest.mark.parametrize(
    ("body", "noticed"),
    [
        # quotations in a convention the tool does not read: said, told, said, but no quotation found
        ("'The plan is sound,' the minister said. 'It will fail,' critics said. 'Fair,' officials told us.", True),
        # plain reported speech: nothing to notice
        (REPORTED_ONLY, False),
        # dialogue dashes
        ("— The plan is sound, the minister said.\n\n— It will fail, critics said.", True),
        # the same with quotation marks it reads: no notice
        ("“The plan is sound,” the minister said. “It will fail,” critics said. “Fair,” officials told us.", False),
        # too few attribution cues to say anything
        ("'The plan is sound,' the minister said. The vote is on Monday.", False),
    ],
)
def test_notice_when_attributions_but_no_quotation_marks(body: str, noticed: bool) -> None:
    from analysis import analyze

    doc = analyze(article_from_text("Budget day\n\n" + body))
    notices = doc.notices()
    assert bool(notices) is noticed
    if noticed:
        assert "no quotation marks this tool reads" in notices[0] and "\n" not in notices[0]


def test_cli_prints_the_notice_fresh_and_cached(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys
    from pathlib import Path

    exe = str(Path(sys.executable).parent / "media-analysis")
    path = tmp_path / "single.txt"
    path.write_text(
        "Budget day\n\n'The plan is sound,' the minister said. 'It will fail,' critics said. "
        "'Fair,' officials told us.\n",
        encoding="utf-8",
    )
    for _ in range(2):  # analysed, then read from the cache: the notice both times
        run = subprocess.run(
            [exe, "analyze", str(path), "--cache-dir", str(tmp_path / "cache")],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert run.returncode == 0, run.stderr
        lines = [x for x in run.stderr.splitlines() if "no quotation marks this tool reads" in x]
        assert len(lines) == 1 and lines[0].startswith("warning: "), run.stderr


# --- speakers: plausible sources, one key per person ----------------------------------------------------


@pytest.mark.parametrize(
    ("speaker", "key"),
    [
        ("Bernie Sanders", "bernie-sanders"),
        ("Ralf Jäger", "ralf-jager"),
        ("the Environment Agency", "environment-agency"),
        ("officials", ""),
        ("", ""),
    ],
)
def test_speaker_id(speaker: str, key: str) -> None:
    from analysis.annotate.attribution import speaker_id

    assert speaker_id(speaker) == key


def test_unify_speaker_ids_maps_a_lone_surname_to_the_one_full_name() -> None:
    import pandas as pd

    from analysis.tables import unify_speaker_ids

    table = pd.DataFrame({"speaker_id": ["trump", "donald-trump", "clinton", "bill-clinton", "hillary-clinton", ""]})
    assert list(unify_speaker_ids(table)["speaker_id"]) == [
        "donald-trump",
        "donald-trump",
        "clinton",
        "bill-clinton",
        "hillary-clinton",
        "",
    ]


def test_sanders_in_the_sources_table_with_his_key() -> None:
    from analysis.tables import sources

    rows = sources(article_from_text(SANDERS))
    row = rows[rows["speaker"] == "Bernie Sanders"].iloc[0]
    assert (row["speaker_id"], row["direct"]) == ("bernie-sanders", 1)


@pytest.mark.parametrize(
    ("body", "speakers"),
    [
        # a sentence-initial conjunction before the subject is no part of the source
        ("While officials said the plan was sound, the vote was delayed.", {"officials"}),
        # an adverb between auxiliary and verb is no source ("has long maintained"): the subject is
        ("The senator has long maintained that the plan was sound.", {"the senator"}),
        # an adverb opens a predicate, not a noun phrase: no source, no relation
        (
            "Terrorist attacks in Paris and San Bernardino, Calif., suddenly placed security fears at center stage.",
            set(),
        ),
        # a capitalised word the article writes mid-sentence and never in lower case is a name, not a plural
        ("Voters called on Sanders to release his returns. Sanders says he would release them.", {"voters", "Sanders"}),
        # the tagger's source "Mr. McConnell, who has both" is the name before the comma
        (
            "Mr. McConnell, who has both endorsed Mr. Trump and criticized his comments, said the party would unite.",
            {"McConnell"},
        ),
        # a contraction and a phrase cut off after a function word are no speakers
        ("While he's said he'll fight all the way to the convention, the count is against him.", {""}),
    ],
)
def test_words_misread_as_subjects_are_no_speakers(body: str, speakers: set[str]) -> None:
    text, rels = _relations("Budget day\n\n" + body + "\n\nWhile the vote was delayed, the long debate went on.")
    assert {r.speaker for r in rels} == speakers


# --- reported speech on real news (issue examples and the patterns behind PolNeAR misses) ----------------

REAL_NEWS_REPORTED = [
    # an adverb between the subject and the reporting verb
    ("Cuban also said he supports the Affordable Care Act.", "he supports the Affordable Care Act", "Cuban"),
    ("The senator has long maintained that the plan was sound.", "the plan was sound", "the senator"),
    # "that" left out: a pronoun with a contracted or inflected verb starts the clause
    ("Mr. Trump said he’d build a border wall.", "he’d build a border wall", "Trump"),
    (
        "The Ohio governor said the U.S. needs to secure the border.",
        "the U.S. needs to secure the border",
        "the Ohio governor",
    ),
    # a parenthetical reporting clause before a full clause
    (
        "Otherwise, Ms. Brainard said, countries may simply steal growth from one another.",
        "countries may simply steal growth from one another",
        "Brainard",
    ),
    # a name, then a description with commas of its own, then the verb
    (
        "Paul Porter, a truck driver from Ava, Mo., who is a member of the union, said he already received overtime.",
        "he already received overtime",
        "Paul Porter",
    ),
    # the verb before its subject, with a description after the name
    (
        "The race will be tight, said Dan Gerstein, director of a Democratic group.",
        "The race will be tight",
        "Dan Gerstein",
    ),
    # initials inside a name, before and after the verb (written with their full stops)
    (
        "The regime will not last, said Robert S. Ford, a former ambassador to Syria.",
        "The regime will not last",
        "Robert S. Ford",
    ),
    # a name, then two descriptions, then the verb: the name is the source
    (
        "Last week, J.J. Goldberg, editor at large of The Forward, an influential newspaper, wrote that the "
        "group was dangerous.",
        "the group was dangerous",
        "J. J. Goldberg",
    ),
    # a relative pronoun's source is the name it follows
    (
        "Mr. McConnell, who has said he will support the nominee, met the press.",
        "he will support the nominee",
        "McConnell",
    ),
    ("The senator met Bernie Sanders, who said the deal was bad.", "the deal was bad", "Bernie Sanders"),
    # a title with a prepositional phrase before the name: the name is the speaker
    (
        "Secretary of State John Kerry said the prisoners were not a threat.",
        "the prisoners were not a threat",
        "John Kerry",
    ),
]


def test_a_participle_before_a_quotation_takes_the_clause_subject() -> None:
    """`Clinton tweeted congratulations to Sanders, adding "..."`: Clinton's words, not Sanders's."""
    body = "Clinton tweeted congratulations to Sanders, adding “I am proud of this race.”"
    text, rels = _relations("Campaign day\n\n" + body)
    r = _holding(text, rels, "I am proud of this race")
    assert (r.kind, r.speaker, r.cue) == ("direct", "Clinton", "adding")


@pytest.mark.parametrize(("body", "fragment", "speaker"), REAL_NEWS_REPORTED)
def test_reported_speech_patterns_of_real_news(body: str, fragment: str, speaker: str) -> None:
    text, rels = _relations("Campaign day\n\n" + body)
    r = _holding(text, rels, fragment)
    assert (r.kind, r.speaker) == ("reported", speaker)


def _attribution_word_classes() -> set[str]:
    import csv
    from importlib import resources

    rows = resources.files("analysis").joinpath("data/attribution_words.csv").read_text(encoding="utf-8")
    return {row["class"] for row in csv.DictReader(rows.splitlines())}


@pytest.mark.parametrize(
    "module",
    # tagger.py: its tuples name features and rule layers ("dir", "rep"), not words of English
    sorted(
        p.name
        for p in (Path(__file__).parents[1] / "analysis/annotate/attribution").glob("*.py")
        if p.name != "tagger.py"
    ),
)
def test_attribution_word_lists_are_data(module: str) -> None:
    """No collection of words in the attribution code: word lists live in attribution_words.csv.

    A tuple, list or set of lower-case words is allowed only when its members are class names of
    the data file (``("tell", "directive")``). Single structural words in a rule ("that", "to")
    are part of the rule, not a list; suffixes (``endswith(("s", "ed"))``) are morphology.
    """
    import ast

    classes = _attribution_word_classes()
    tree = ast.parse((Path(__file__).parents[1] / "analysis/annotate/attribution" / module).read_text())
    suffixes = {
        id(arg)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("endswith", "startswith")
        for arg in node.args
    }
    for node in ast.walk(tree):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)) and node.elts and id(node) not in suffixes:
            words = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if len(words) == len(node.elts) and all(w.isalpha() and w.islower() for w in words):
                assert set(words) <= classes, f"{module}:{node.lineno}: words in code: {words}"


def test_attribution_word_classes_unique_across_data_files() -> None:
    """The attribution and hedging word-class files never use one class name for two different sets."""
    import csv
    from importlib import resources

    rows = resources.files("analysis").joinpath("data/hedge_word_classes.csv").read_text(encoding="utf-8")
    hedging = {row["word_class"] for row in csv.DictReader(rows.splitlines())}
    assert not (hedging & _attribution_word_classes())


@given(
    st.lists(st.integers(min_value=0, max_value=5), min_size=1, max_size=4), st.integers(min_value=0, max_value=10_000)
)
@settings(max_examples=60, deadline=None)
def test_tagger_viterbi_is_the_best_sequence(lengths: list[int], seed: int) -> None:
    """Batched Viterbi gives each sentence a label sequence scoring as high as any (brute force)."""
    import itertools
    import random

    from analysis.annotate.attribution.tagger import LABELS, TaggerModel, best_paths, emissions

    rnd = random.Random(seed)
    names = [f"f{i}" for i in range(6)]
    model = TaggerModel.from_weights(
        {f: [rnd.uniform(-2, 2) for _ in LABELS] for f in names},
        [[rnd.uniform(-2, 2) for _ in LABELS] for _ in LABELS],
        frozenset(),
        "test",
    )
    sentences = [[rnd.sample(names, 3) + ["unknown"] for _ in range(n)] for n in lengths]
    emits = [emissions(model, feats) for feats in sentences]
    for emit, got in zip(emits, best_paths(model, emits), strict=True):

        def score(path: tuple[int, ...], emit=emit) -> float:  # noqa: ANN001
            return sum(emit[t][y] for t, y in enumerate(path)) + sum(
                model.transitions[a][b] for a, b in itertools.pairwise(path)
            )

        assert len(got) == len(emit)
        best = max(itertools.product(range(len(LABELS)), repeat=len(emit)), key=score)
        assert score(tuple(got)) == pytest.approx(score(best))


TAGGER_TEXTS = [
    "“We will not back down,” said Jane Roe, the mayor. She added that costs, according to aides, would rise.",
    "Officials said on Friday that the plan | could fail, but critics believe it is clearly wrong.",
    "''I don't believe that she is qualified,'' Mr. Sanders said. Sanders says he 'll stay in the race.",
    "A | B || C: the word | stands alone, as do <s> and </s> and 1 2 3 5 9.",
    "No reporting here at all.",
]


@pytest.mark.parametrize("text", TAGGER_TEXTS)
def test_tagger_fast_emissions_equal_the_named_features(text: str) -> None:
    """The inference path (word ids in arrays) scores every token as the feature names do."""
    import numpy as np

    from analysis.annotate.attribution.finder import rule_spans, rules, tagger_inputs
    from analysis.annotate.attribution.state import Parse
    from analysis.annotate.attribution.tagger import (
        article_emissions,
        emissions,
        load_model,
        rule_arrays,
        sentence_features,
    )
    from analysis.annotate.quotes import find_quotes

    model = load_model()
    if model is None:
        pytest.skip("no tagger weights in the package")
    article = article_from_text(text)
    paragraphs = [(p.start, p.end) for p in article.paragraphs]
    sentences = [[(s.start, s.end) for s in p.sentences] for p in article.paragraphs]
    parse = Parse(article.text, paragraphs, sentences, find_quotes(article.text, paragraphs))
    _, sent_toks = rules(parse)
    inputs = [(toks, marks, k == 0) for k, (_, toks, marks) in enumerate(tagger_inputs(parse, sent_toks))]
    layers = rule_arrays([t for toks, _, _ in inputs for t in toks], rule_spans(parse))
    fast = article_emissions(model, [(toks, first) for toks, _, first in inputs], layers)
    for (toks, marks, first), got in zip(inputs, fast, strict=True):
        want = emissions(model, sentence_features(toks, model.cue_words, marks, first))
        assert np.allclose(got, want), [t.text for t in toks]
