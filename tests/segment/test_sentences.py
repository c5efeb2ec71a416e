from tidings.segment.sentences import tokenize
from tests.conftest import make_analysis


def test_sentences_split_and_keep_abbreviations():
    a = make_analysis("Mr Smith met Dr. Jones in the U.S. on Monday. They talked. “Fine,” he said.")
    sents = [s.span.text(a.doc) for s in a.sents]
    assert sents == ["Mr Smith met Dr. Jones in the U.S. on Monday.", "They talked.", "“Fine,” he said."]


def test_sentences_never_cross_paragraphs():
    a = make_analysis("First paragraph without stop\nSecond paragraph here.")
    assert all("\n" not in s.span.text(a.doc) for s in a.sents)


def test_sentences_ellipsis_before_lowercase_does_not_split():
    a = make_analysis("“It was lost years ago… and is not a point,” he said.")
    assert len(a.sents) == 1


def test_sentences_wall_of_text_is_cut_into_bounded_pieces():
    a = make_analysis("word " * 3000)
    assert len(a.sents) > 1 and all(s.span.end - s.span.start <= 2000 for s in a.sents)


def test_tokenize_splits_possessive_and_keeps_hyphens():
    text = "Russia’s minister-level talks cost $1.56 million."
    toks = [text[t.start : t.end] for t in tokenize(text)]
    assert toks == ["Russia", "’s", "minister-level", "talks", "cost", "$", "1.56", "million", "."]


def test_sentences_an_initialism_ends_a_sentence_only_before_a_sentence_opener():
    a = make_analysis("The U.S. State Department said so. He moved to the U.S. The next day he left.")
    assert [s.span.text(a.doc) for s in a.sents] == [
        "The U.S. State Department said so.", "He moved to the U.S.", "The next day he left."]


def test_sentences_a_platform_named_by_one_letter_ends_a_sentence_and_an_initial_does_not():
    a = make_analysis("The minister wrote on X. Coaching centres must close, said S. Arulanandam of the union.")
    assert [s.span.text(a.doc) for s in a.sents] == [
        "The minister wrote on X.", "Coaching centres must close, said S. Arulanandam of the union."]
