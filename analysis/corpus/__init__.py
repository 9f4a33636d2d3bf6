"""Many articles: the streaming engine (batch), its process pool and progress bar, the result cache,
table writers, and the same analysis over Dask.
"""
