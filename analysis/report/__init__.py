"""What people look at: charts (plots), the deterministic figure files, the highlighted text, the
shareable report page, the interactive explorer, baselines and percentile comparisons.
"""
