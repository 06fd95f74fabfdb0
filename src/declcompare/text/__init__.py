"""Text for matching and reading: normalisation, sentences and word-level redlines.

Nothing here alters an original text: normalised forms are keys for matching only.
"""
