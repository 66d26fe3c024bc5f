"""A BM25 index (bm25s) over passages' words, with English stop words and Snowball stems."""

from __future__ import annotations

import logging
from collections.abc import Sequence

import bm25s
import Stemmer

# bm25s sets its own logger to DEBUG ("Building index from tokens"): libraries stay quiet on the
# console below a warning, whatever level the app logs at.
logging.getLogger("bm25s").setLevel(logging.WARNING)

# Words a question uses to ask, never to name what it asks about ("what is the STATUS of the
# engines?"); bm25s's English stop words (what, where, the, ...) are dropped as well.
_ASKING = """
status state report tell know show give please charon computer current currently info
information anything something about happen happened going can could would any us me
what where who whom whose which when why how is are was were do does did has have
she he it they them her him his its their we our you your i my
"""
QUESTION_WORDS = frozenset(_ASKING.split())

_STEMMER = Stemmer.Stemmer("english")


def terms(text: str) -> list[str]:
    """The text's search terms: lower case, stop words dropped, stemmed."""
    tokens = bm25s.tokenize(
        [text], stopwords="en", stemmer=_STEMMER, return_ids=False, show_progress=False
    )
    return [str(term) for term in tokens[0]] if tokens else []


def question_terms(question: str) -> list[str]:
    """The terms of a question that name what it asks about."""
    asking = {term for word in QUESTION_WORDS for term in terms(word)}
    return [term for term in terms(question) if term not in asking]


class Index:
    """Passages' texts indexed once; scores of a question against each of them."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.size = len(texts)
        self._bm25 = bm25s.BM25()
        corpus = [terms(text) or ["-"] for text in texts]
        if corpus:
            self._bm25.index(corpus, show_progress=False)

    def scores(self, query_terms: Sequence[str]) -> list[float]:
        """One BM25 score per text, in the texts' order (all 0.0 when nothing matches)."""
        if not self.size or not query_terms:
            return [0.0] * self.size
        return [float(score) for score in self._bm25.get_scores(list(query_terms))]
