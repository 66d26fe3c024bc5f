"""The ship computer's offline drafter: campaign passages, a BM25 search, replies in its voice.

Pure Python: no Qt, no network (see the import-linter contract in pyproject.toml).
"""
