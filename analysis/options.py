"""One options object for a corpus run: :class:`RunOptions`.

:class:`~analysis.AnalysisConfig` holds what changes a result; :class:`RunOptions` holds
everything else a run needs (what to read, where to write, how many processes, the cache)
plus that config. The command line builds one from its flags (:meth:`RunOptions.from_args`)
and hands it to :func:`analysis.corpus.run.run_corpus`; library code builds one directly::

    from analysis import RunOptions
    options = RunOptions(inputs=("articles.csv",), level="article", workers=4, cache=True)
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from analysis.config import DEFAULT_CONFIG, SETTINGS, AnalysisConfig
from analysis.sources.loading import MAX_BYTES
from analysis.sources.table import TABLE_FIELDS, TableColumns

if TYPE_CHECKING:
    import argparse

#: Where the cache lives: ``None``/``False`` (no cache), ``True`` (the default folder) or a folder or
#: ``.sqlite`` path (see :func:`analysis.corpus.cache.cache_location`).
CacheSetting = bool | str | None


@dataclass(frozen=True)
class RunOptions:
    """The settings of one corpus run, from the inputs to the output file.

    Attributes:
        inputs: article files (``.txt``/``.md``), folders of them, and tables of articles (``.csv``,
            ``.tsv``, ``.jsonl``, ``.json``, ``.parquet``: one article per row). Default: none (the
            command line then analyses the bundled seed).
        store: a store folder whose English articles are analysed after ``inputs`` (non-English ones
            are skipped with a note), or ``None``.
        output: the file to write; ``None`` or ``"-"``: standard output.
        force: allow ``output`` to replace an existing file (default ``False``).
        format: ``"table"`` (aligned text for reading), ``"csv"``, ``"json"``, ``"jsonl"``,
            ``"parquet"`` or ``"xlsx"``; ``None`` (the default): from ``output``'s suffix, else
            ``default_format``.
        default_format: the format when neither ``format`` nor a known suffix says (default ``"table"``).
        level: one row per ``"paragraph"`` (default), ``"article"`` (body-level values),
            ``"sentence"``, ``"cue"`` or ``"source"``.
        body_only: keep body-paragraph rows only (default ``False``: every role; the command line's
            default is body only, ``--all-roles`` for every role).
        workers: processes (default 1: in this process; 0: one per CPU; never more than the CPUs
            or the inputs).
        cache: the result cache: ``None`` (default, no cache), ``True`` (the default folder) or a
            folder or ``.sqlite`` path.
        max_bytes: the largest input file, in bytes (default 5 MiB); a table row's text has the same limit.
        progress: ``None`` = a bar on a terminal for long runs, ``"auto"`` = a bar on a terminal and
            a line every few seconds otherwise, ``True``/``False`` to force it on or off.
        excel_safe: CSV only: text cells a spreadsheet would run as formulas start with ``'`` (default ``False``).
        columns: which column of a table holds which article field (default: each field's own name).
        delimiter: the CSV delimiter of a table (default ``,``, and a tab for ``.tsv``).
        freeze_gc: freeze the collector after loading the dictionaries (for a short-lived process,
            see :func:`analysis.corpus.batch.warm`; default ``False``).
        config: the :class:`~analysis.AnalysisConfig` of every article (default settings).
    """

    inputs: tuple[str, ...] = ()
    store: str | None = None
    output: str | None = None
    force: bool = False
    format: str | None = None
    default_format: str = "table"
    level: str = "paragraph"
    body_only: bool = False
    workers: int = 1
    cache: CacheSetting = None
    max_bytes: int = MAX_BYTES
    progress: bool | str | None = None
    excel_safe: bool = False
    columns: TableColumns = field(default_factory=TableColumns)
    delimiter: str | None = None
    freeze_gc: bool = False
    config: AnalysisConfig = DEFAULT_CONFIG

    def __post_init__(self) -> None:
        if self.max_bytes < 1:
            raise ValueError(f"max_bytes must be positive, not {self.max_bytes}")
        object.__setattr__(self, "inputs", tuple(str(p) for p in self.inputs))

    def with_settings(self, **settings: Any) -> RunOptions:
        """A copy with ``settings`` changed (those given as ``None`` are left as they are).

        Args:
            **settings: field names and values (:class:`RunOptions`' attributes).

        Returns:
            The new options; this object is unchanged (it is frozen).
        """
        given = {k: v for k, v in settings.items() if v is not None}
        return replace(self, **given) if given else self

    @classmethod
    def from_args(cls, args: argparse.Namespace, **settings: Any) -> RunOptions:
        """The options of a command's parsed flags (a flag the command does not have keeps its default).

        Args:
            args: the namespace of :func:`analysis.cli.build_parser`'s parser. Read: ``paths``, ``store``,
                ``output``, ``force``, ``format``, ``level``, ``all_roles``,
                ``workers``, ``no_cache``/``cache_dir``, ``max_bytes``, ``quiet``, ``excel_safe``,
                ``--<field>-column``, ``delimiter`` and the analysis settings
                (``config`` and :data:`analysis.config.SETTINGS`).
            **settings: fields set by the command itself, over the flags (e.g. ``level="cue"``).

        Returns:
            The options; ``freeze_gc`` is on (a command is a short-lived process) and ``cache`` is
            ``True`` (the default folder) unless ``--no-cache`` or ``--cache-dir`` says otherwise.

        Raises:
            InputError: a bad ``--config`` file or setting. The lexicon file is not read here:
                :func:`analysis.corpus.run.run_corpus` reads it once the inputs are known.
        """

        def arg(name: str, default: Any = None) -> Any:
            return getattr(args, name, default)

        cache: CacheSetting = None if arg("no_cache", False) else (arg("cache_dir") or True)
        delimiter = arg("delimiter")
        values: dict[str, Any] = {
            "inputs": tuple(arg("paths") or ()),
            "store": arg("store"),
            "output": arg("output"),
            "force": bool(arg("force", False)),
            "format": arg("format"),
            "level": arg("level", "paragraph"),
            "body_only": not arg("all_roles", False),
            "workers": arg("workers", 1),
            "cache": cache,
            "max_bytes": arg("max_bytes") or MAX_BYTES,
            "progress": False if arg("quiet", False) else "auto",
            "excel_safe": bool(arg("excel_safe", False)),
            "columns": TableColumns(**{f: arg(f"{f}_column", f) for f in TABLE_FIELDS}),
            "delimiter": "\t" if delimiter == "\\t" else delimiter,
            "freeze_gc": True,
            "config": AnalysisConfig.from_settings(arg("config"), **{name: arg(name) for name in SETTINGS}),
        }
        values.update(settings)
        return cls(**values)


__all__ = ["RunOptions"]
