"""Where articles come from: reading files (:mod:`~analysis.sources.loading`), the local store,
extraction of saved pages and careful fetching.
"""

from pathlib import Path

#: Default article store (:mod:`analysis.sources.store`), relative to the working directory; defined here so that
#: the command line's parser shows it without importing the store (YAML, the article reader).
DEFAULT_STORE = Path("data/articles")
