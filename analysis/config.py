"""One options object for the whole analysis: :class:`AnalysisConfig`.

Everything that changes a result lives here and nowhere else, so it reaches every
entry point the same way (:func:`analysis.analyze`, :func:`analysis.analyze_corpus`,
the Dask functions, the CLI's flags and ``--config FILE``). Two kinds of setting:

* analysis settings (:data:`ANALYSIS_SETTINGS`: the lexicon, the uncertainty threshold) change
  the analysed document and are part of every cache key (:meth:`AnalysisConfig.fingerprint`);
* display settings (:data:`DISPLAY_SETTINGS`: the reliability thresholds) are applied when
  tables are built from a document, so a cached document serves every value of them.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, fields
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from analysis.annotate.hedging import Lexicon


@dataclass(frozen=True)
class AnalysisConfig:
    """Settings of one analysis; the defaults are the documented method.

    Attributes:
        lexicon: path of a hedge lexicon CSV (same columns as the packaged
            ``analysis/data/hedge_lexicon.csv``), or ``None`` for the packaged one.
        min_reliable_words: ``readability_reliable`` needs at least this many words (100:
            the passage length the formulas were calibrated on). A display setting.
        min_smog_sentences: ``smog_reliable`` needs at least this many sentences (30:
            McLaughlin's SMOG sample). A display setting.
        uncertainty_threshold: one threshold (0..1) for both speculation and vagueness: a
            sentence is speculative, vague, and so uncertain when the measure is at least this;
            ``None`` = each measure's own threshold, chosen by cross-validation on the training
            data and shipped with the weights.
    """

    lexicon: str | None = None
    min_reliable_words: int = 100
    min_smog_sentences: int = 30
    uncertainty_threshold: float | None = None

    def __post_init__(self) -> None:
        if self.lexicon is not None:
            object.__setattr__(self, "lexicon", str(self.lexicon))
        for name in ("min_reliable_words", "min_smog_sentences"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ValueError(f"AnalysisConfig.{name} must be a whole number >= 0, not {value!r}")
        u = self.uncertainty_threshold
        if u is not None and (isinstance(u, bool) or not isinstance(u, (int, float)) or not 0.0 <= u <= 1.0):
            raise ValueError(f"AnalysisConfig.uncertainty_threshold must be between 0 and 1, not {u!r}")

    @cached_property
    def hedge_lexicon(self) -> Lexicon:
        """The compiled lexicon (read once per config object).

        Raises:
            InputError: the lexicon file cannot be read or is malformed.
        """
        from analysis.annotate.hedging import default_lexicon

        if self.lexicon is None:
            return default_lexicon()
        path = Path(self.lexicon)
        try:
            st = path.stat()
        except OSError:
            st = None
        return _compiled_lexicon(str(path), st.st_mtime_ns if st else 0, st.st_size if st else -1)

    def __getstate__(self) -> dict[str, object]:
        """Pickled without the compiled lexicon: a worker process compiles it once itself.

        (A job's pickle stays a few hundred bytes; shipping the compiled matcher with every
        job would fill the worker pipes.)
        """
        state = dict(self.__dict__)
        state.pop("hedge_lexicon", None)
        return state

    @classmethod
    def from_toml(cls, path: str | Path, **overrides: object) -> AnalysisConfig:
        """The settings of the ``[analysis]`` table of a TOML file, then ``overrides`` (given, not None).

        A relative ``lexicon`` path is read relative to the file's folder. Example::

            [analysis]
            lexicon = "my_lexicon.csv"
            min_reliable_words = 50
            uncertainty_threshold = 0.5

        Raises:
            InputError: the file cannot be read, is not TOML, has unknown keys or wrong values.
        """
        import sys

        from analysis.errors import InputError

        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover - Python 3.10
            import tomli as tomllib
        path = Path(path)
        try:
            doc = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise InputError(f"{path}: cannot read the settings file ({exc.strerror or exc})") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: not a TOML settings file ({exc})") from None
        table = doc.get("analysis", {})
        unknown = sorted(set(doc) - {"analysis"}) + sorted(set(table) - {f.name for f in fields(cls)})
        if unknown or not isinstance(table, dict):
            names = ", ".join(f.name for f in fields(cls))
            raise InputError(f"{path}: unknown settings {', '.join(unknown)}; an [analysis] table may set {names}")
        settings = dict(table)
        if isinstance(settings.get("lexicon"), str):
            settings["lexicon"] = str(path.parent / settings["lexicon"])
        settings.update({k: v for k, v in overrides.items() if v is not None})
        try:
            return cls(**settings)  # type: ignore[arg-type]
        except ValueError as exc:
            raise InputError(f"{path}: {exc}") from None

    @classmethod
    def from_settings(cls, config_file: str | Path | None = None, **given: object) -> AnalysisConfig:
        """The settings of ``config_file`` (a TOML file, see :meth:`from_toml`), then ``given`` (those not None).

        What the command line does with ``--config FILE`` and the flags of :data:`SETTINGS`.

        Raises:
            InputError: a bad settings file or a bad value.
        """
        from analysis.errors import InputError

        if config_file:
            return cls.from_toml(config_file, **given)
        try:
            return cls(**{k: v for k, v in given.items() if v is not None})  # type: ignore[arg-type]
        except ValueError as exc:
            raise InputError(str(exc)) from None

    def settings(self) -> dict[str, object]:
        """The settings as plain values (the lexicon as its content digest, not its path)."""
        out: dict[str, object] = {f.name: getattr(self, f.name) for f in fields(self)}
        out["lexicon"] = self.hedge_lexicon.digest
        return out

    def fingerprint(self) -> str:
        """SHA-256 of the analysis settings (:meth:`settings` without :data:`DISPLAY_SETTINGS`).

        Equal for configs that give equal analysed documents: the cache key's part for the settings.
        """
        kept = {k: v for k, v in self.settings().items() if k not in DISPLAY_SETTINGS}
        return hashlib.sha256(json.dumps(kept, sort_keys=True).encode()).hexdigest()


@lru_cache(maxsize=8)
def _compiled_lexicon(path: str, mtime_ns: int, size: int) -> Lexicon:
    """A lexicon file compiled once per process and per version of the file (its mtime and size)."""
    from analysis.annotate.hedging import load_lexicon

    return load_lexicon(Path(path))


#: The default settings.
DEFAULT_CONFIG = AnalysisConfig()
#: The names of the settings (:class:`AnalysisConfig`'s fields), as the command line's flags name them.
SETTINGS: tuple[str, ...] = tuple(f.name for f in fields(AnalysisConfig))
#: Settings applied when tables are built (not in the cache key): the reliability thresholds.
DISPLAY_SETTINGS: tuple[str, ...] = ("min_reliable_words", "min_smog_sentences")
#: Settings that change the analysed document (in the cache key).
ANALYSIS_SETTINGS: tuple[str, ...] = tuple(n for n in SETTINGS if n not in DISPLAY_SETTINGS)
