"""Attribution: who is responsible for each stretch of an article, the author or a source.

Two kinds of relation (after the PARC scheme, Pareti 2015):

``direct``
    words inside quotation marks (every style :mod:`analysis.voice` reads; a
    quotation running over paragraphs gives one relation per paragraph, sharing
    ``group``). The content span runs from the opening mark to just after the
    closing mark.
``reported``
    indirect speech or thought: "X said/told reporters/added/warned (that) CLAUSE",
    "X believes/thinks/fears (that) CLAUSE", "X recommends/urges Y to ...",
    "According to X, CLAUSE", "CLAUSE, according to X", "CLAUSE, X said",
    headlines "X says Y". The content is the reported clause only.

The reporting expression (``cue``: "said", "told reporters", "wrote on Twitter",
"according to") and the source mention are *not* inside the content: they are
the author's. :func:`voice_of` gives the innermost relation holding a span.

Rules (all linguistic; none names a sentence):

* **Where a reported clause ends.** At the sentence end, or where a new clause
  in the author's voice starts: ``;`` or a comma followed by a contrastive or
  concessive conjunction ("but", "yet", "whereas", "although", "though",
  "while", "when in reality", "in fact", "however"; the ``clause_break``
  words), or ", according to". "..., and that ..." continues the reported
  clause (coordinated that-clauses) and so does ", but that ..."; ", but warned
  that ..." starts a second relation of the same source (a coordinated verb
  phrase inherits the source).
* **Where it starts.** After "that" (adjuncts may stand between the verb and
  "that": "said on Friday that", "told reporters that", "argued in court last
  week that"; a full clause may not: in "said the evidence showed that ..." the
  content starts at "the evidence"); with "that" left out, at a word that can
  start a clause (determiner, pronoun, name, number, quantity such as "about
  half") followed by a finite verb within eight words ("-s"/"-ed" words inside a
  prepositional phrase do not count: "admits failings over maternity deaths" is
  no relation); at "whether/if" (reported questions: "asked whether ...");
  at the object of "recommend/urge X to ..." and "expect X to ...". A
  reporting verb right before "to" ("expects to get"), after a form of "be"
  ("is said", "It should be noted"), negated ("did not say"), or right after a
  closing quotation mark (a quote introduction) gives no reported relation.
  "The measures, he argued, were modest": the content is what follows the
  parenthetical reporting clause. "CLAUSE, officials said." / "..., polls
  suggest": the content is the clause before the comma. A relative clause with a
  subject gap ("a move analysts said could push prices up") reports the
  predicate after the verb.
* **Sources.** The subject noun phrase of the reporting verb ("a spokesman for
  the Home Office", "traders in Valka", "Lawyers for Mark Ruiz and Helen Park");
  with an appositive ("Scott Pruitt, the Republican attorney general of
  Oklahoma, said"; "The town's mayor, Janis Liepa, told") the name wins over the
  description; an -ing participle after a comma ("..., ruling that") and a verb
  after "and"/"but" take the clause subject.
* **Quotes.** Speaker from, in order: a reported clause holding the quote (a
  quoted fragment); a trailing introduction ("...," X said / said X / he said /
  X, the ..., said); a leading one ("X told reporters: ", "He added, "); a colon
  introduction without a reporting verb ("The mayor was blunt: "), whose subject
  is the source (cue ``""``); the previous quote in the same paragraph (runs of
  quotes from one speaker; a vox-pop run gives each quote its own trailing
  "said Ann, 34"); the other paragraphs of the same quotation; a relation in
  the sentence just before (same or previous paragraph); "X said/explained ..."
  opening the next sentence of the paragraph.
* **Speakers** (a small mention tracker in reading order). Names: titles,
  modifiers before titles and the possessive are stripped, and every mention of
  one person maps to the fullest name ("President Lukashenko", "Mr Lukashenko",
  "Lukashenko" -> "Alexander Lukashenko"); "Gareth and Linda Morgan" are two
  people, told apart later by "Mr"/"Mrs". **Pronoun window:** he/she go to the
  most recent *compatible* person mentioned in the current or the two previous
  paragraphs (gender from titles, gendered role nouns, a list of common first
  names, and he/she already used for that person); mentions that are sources or
  stand outside quoted/reported content and outside reporting cues ("told
  Reuters") are preferred over mentions inside someone's words. "it"/"they"
  first take the subject of the previous sentence when it agrees ("The ministry
  welcomed it. It said ...", "Some economists disagree. They think ..."),
  else a body / plural source in the same window. Nothing found: ``""`` (never a
  guess from further back). A definite role ("the mayor", "the Belarusian
  leader") goes to the person introduced with that role (title "Mayor Jane Roe"
  or appositive "Jane Roe, the mayor of ..."); "leader" also matches presidents,
  prime ministers, chancellors ...; a nationality adjective must agree with the
  person's affiliation ("President of Belarus", "Belarusian Prime Minister").
  An indefinite description ("a student") is a new, unnamed source.
* **Unnamed and generic sources keep the source as written** ("officials",
  "analysts", "the minister" when no minister was named, "a student", "her
  Republican counterpart"), with a sentence-initial capital lowered; they are
  never replaced by a guess. :func:`is_named` tells them from resolved names and
  named bodies ("Network Rail", "the Environment Agency").
  **Spokespeople**: "a spokesman for the Treasury said" has source and speaker
  "a spokesman for the Treasury" (the person is unnamed; the body stays in the
  phrase, and :func:`is_named` counts it as named because it names the body).
* Reported speech *inside* a direct quote is not split out: the quote's speaker
  owns all of it.

The passes, one module each (:mod:`.finder` runs them in this order):

========================  =====================================================================
module                    what it does
========================  =====================================================================
``tokens``, ``words``     tokens with offsets; the word lists (``analysis/data/attribution_words.csv``:
                          word, class, source, notes), read once
``phrases``               reporting verbs, noun phrases, a verb's subject, clause starts and ends
``reported``              reported speech and "according to" (pass 2, per sentence)
``quotations``            quotation introductions; quotes without one (pass 3)
``names``, ``mentions``   names, titles and appositives into the mention tracker (pass 1, in
                          reading order with the sources)
``speakers``              source mentions to speakers; the final records (pass 4)
``state``, ``spans``      the shared parse state; spans by offset in O(log n)
``relations``             :class:`Attribution` and its readers (:func:`voice_of`, :func:`speaker_id`)
========================  =====================================================================
"""

from analysis.annotate.attribution.finder import attributions, find_attributions
from analysis.annotate.attribution.relations import Attribution, is_named, relation_index, speaker_id, voice_of
from analysis.annotate.attribution.spans import SpanIndex

__all__ = [
    "Attribution",
    "SpanIndex",
    "attributions",
    "find_attributions",
    "is_named",
    "relation_index",
    "speaker_id",
    "voice_of",
]
