"""Where articles come from: reading files (:mod:`~analysis.sources.loading`), the local store,
extraction of saved pages and careful fetching.
"""
