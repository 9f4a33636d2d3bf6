"""nbval collects the committed notebooks only, not executed copies written by `make notebooks ARTICLE=...`."""

collect_ignore = ["out"]
