"""The explainable matcher behind theme suggestions and safeguarding flags."""

from core.matching import Entry, Matcher, suggest


def _matcher(*phrases, key="x"):
    return Matcher([Entry(phrase=phrase, key=key) for phrase in phrases])


def test_words_match_by_stem():
    assert [hit.text for hit in _matcher("school").hits("Our schools need more help")] == ["schools"]


def test_prefix_matches_a_family_the_stemmer_keeps_apart():
    matcher = _matcher("exclu*")
    assert matcher.hits("He was excluded last year")
    assert matcher.hits("Exclusion makes things worse")


def test_phrases_match_only_in_order():
    matcher = _matcher("carry a knife")
    assert matcher.hits("I know kids who carry a knife")
    assert matcher.hits("lads carrying a knife on the bus")
    assert not matcher.hits("a knife they carry")


def test_each_phrase_counts_once():
    assert len(_matcher("youth").hits("youth youth youth")) == 1


def test_suggest_adds_weights_and_applies_the_threshold():
    matcher = Matcher([Entry("job", "work", 1.0), Entry("money", "work", 0.5), Entry("park", "community", 0.5)])
    results = suggest(matcher, "No jobs, no money, nothing in the park")
    assert [(s.key, s.score) for s in results] == [("work", 1.5)]
    assert set(results[0].matched) == {"jobs", "money"}


def test_curly_apostrophes_and_case_do_not_matter():
    assert _matcher("don't feel safe").hits("I DON’T feel safe")


def test_a_hyphenated_prefix_matches_the_hyphenated_word():
    matcher = _matcher("ex-offender*")
    assert matcher.hits("jobs for ex-offenders")
    assert matcher.hits("an ex offender")
