"""Annotation layers of the analysed document, one module per concern: segmentation and language,
counts, quotations, hedging cues, sentence sentiment. Each reads text and returns plain records;
:func:`analysis.analyze` runs them once, in order.
"""
