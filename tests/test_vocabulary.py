"""The article's metadata fields are defined once (:data:`analysis.model.METADATA_FIELDS`) and read from there."""

from __future__ import annotations

import dataclasses

from analysis.corpus.batch import IDENTITY_FIELDS, KEYED_FIELDS
from analysis.corpus.distributed import METADATA_KEYS
from analysis.model import EXTRA_METADATA, METADATA_FIELDS, NOT_METADATA, Article
from analysis.sources.loading import SIDECAR_KEYS, article_from_text
from analysis.sources.table import FIELD_COLUMNS, TABLE_FIELDS, TableColumns
from analysis.tables.dictionary import METADATA


def test_the_metadata_fields_are_the_articles() -> None:
    assert METADATA_FIELDS == ("title", "author", "outlet", "date", "url", "kind", "language")
    assert set(METADATA_FIELDS) | set(NOT_METADATA) == {f.name for f in dataclasses.fields(Article)}


def test_a_new_article_field_reaches_every_reader() -> None:
    """Each list is the model's, less what that reader has no use for."""
    every = {*METADATA_FIELDS, *EXTRA_METADATA}
    assert set(SIDECAR_KEYS) == every - {"language"}  # a sidecar describes the article, not its detected language
    assert set(METADATA_KEYS) == every | {"article_id", "source_path"}
    assert set(IDENTITY_FIELDS) | set(KEYED_FIELDS) == set(METADATA_FIELDS) | {"article_id", "source_path"}
    assert set(FIELD_COLUMNS) | (set(TABLE_FIELDS) - {"text", "id"}) == every
    # the tables' metadata columns: every field but the language (only English is analysed), where it was read
    assert set(METADATA) == (every - {"language"}) | {"source_path"}


def test_the_metadata_dict_has_every_field() -> None:
    art = article_from_text("One sentence here.", title="T", outlet="O", url="https://x.test/a", kind="news")
    meta = art.metadata()
    assert list(meta) == ["article_id", *METADATA_FIELDS, "source_path", "sha256"]
    assert (meta["title"], meta["outlet"], meta["url"], meta["kind"]) == ("T", "O", "https://x.test/a", "news")


def test_every_table_field_has_its_column_flag() -> None:
    """``--<field>-column`` is spelled out in two parsers (their help keeps its order): both follow TableColumns."""
    from analysis.cli import build_parser
    from analysis.cli.common import table_columns

    every = [a for f in TABLE_FIELDS for a in (f"--{f}-column", f"my_{f}")]
    args = build_parser().parse_args(["analyze", *every])
    assert table_columns(args) == TableColumns(**{f: f"my_{f}" for f in TABLE_FIELDS})
    manifest = [a for f in TABLE_FIELDS if f != "text" for a in (f"--{f}-column", f"my_{f}")]
    args = build_parser().parse_args(["add", "folder", "--manifest", "m.csv", *manifest])
    assert table_columns(args) == TableColumns(**{f: f"my_{f}" for f in TABLE_FIELDS if f != "text"})


def test_the_role_column_names_every_role() -> None:
    from analysis.model import ROLES
    from analysis.tables.dictionary import DATA_DICTIONARY

    definition = DATA_DICTIONARY["role"][1]
    assert all(f"`{role}`" in definition for role in ROLES), definition
