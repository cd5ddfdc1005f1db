"""The matcher in every language: scripts normalised the same way in phrases and text, words
that keep their combining marks, stems where Snowball has a stemmer, exact words and prefixes
where it has none, and every language's list checked whatever language the text is in."""

import pytest

from core.matching import Entry, Matcher, normalise, words


def _hits(phrase: str, language: str, text: str) -> list[str]:
    return [hit.text for hit in Matcher([Entry(phrase=phrase, key="x", language=language)]).hits(text)]


# --- Normalisation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "listed"),
    [
        ("خودکشی", "خودكشي"),  # Urdu keheh and Farsi yeh against Arabic kaf and yeh
        ("يضربنى", "يضربني"),  # alef maksura for yeh
        ("أنا", "انا"),  # alef with hamza, typed bare
        ("مجھے", "مجهے"),  # do-chashmi heh against Arabic heh
        ("سـكـيـن", "سكين"),  # tatweel
        ("سِكِّين", "سكين"),  # harakat
        ("خود\u200cکشی", "خودکشی"),  # ZWNJ inside a word
        ("ਰੱਖ\u200dਦਾ", "ਰੱਖਦਾ"),  # ZWJ inside a word
        ("ｋｎｉｆｅ", "knife"),  # NFKC: full-width letters
        ("ﬁght", "fight"),  # NFKC: the fi ligature
        ("ZABIJĘ", "zabije"),  # case, and Polish typed without its accents
        ("ਖ਼ੁਦਕੁਸ਼ੀ", "ਖੁਦਕੁਸ਼ੀ"),  # Gurmukhi nukta, precomposed and left out
        ("۹۹۹", "999"),  # Urdu digits
    ],
)
def test_variants_of_a_word_normalise_to_the_same_word(typed, listed):
    assert normalise(typed) == normalise(listed)


def test_yeh_and_kaf_variants_match_each_other_both_ways():
    assert _hits("خودکشی", "ur", "میں خودكشي کے بارے میں سوچتا ہوں") == ["خودكشي"]
    assert _hits("خودكشي", "ur", "میں خودکشی کے بارے میں سوچتا ہوں") == ["خودکشی"]


def test_a_zwnj_inside_a_word_does_not_split_it():
    assert _hits("خودکشی", "ur", "خود\u200cکشی")
    assert words("خود\u200cکشی") == ["خودكشي"]


def test_compatibility_forms_match_the_plain_phrase():
    assert _hits("carry a knife", "en-gb", "I ＣＡＲＲＹ a ｋｎｉｆｅ")


def test_gujarati_and_gurmukhi_words_keep_their_vowel_signs_and_virama():
    assert words("મને આત્મહત્યા") == ["મને", "આત્મહત્યા"]
    assert words("ਮੈਨੂੰ ਕੁੱਟਦਾ") == ["ਮੈਨੂੰ", "ਕੁਟਦਾ"]  # the addak is often left out, so it is dropped


# --- Languages with and without a stemmer ----------------------------------------------------


def test_a_language_with_no_stemmer_matches_by_exact_word():
    assert _hits("مجھے مارتا", "ur", "میرا باپ مجھے مارتا ہے")
    assert not _hits("مجھے مارتا", "ur", "مجھے مارتاہے")  # another word, not stemmed
    assert _hits("mujhe maarta", "ur", "woh mujhe maarta hai")
    assert not _hits("mujhe maarta", "ur", "woh mujhe maartaa hai")


def test_a_language_with_no_stemmer_matches_by_prefix_pattern():
    assert _hits("i garaac*", "so", "Aabbahay wuu i garaacaa")
    assert _hits("i garaac*", "so", "Way i garaaceen")
    assert not _hits("i garaac*", "so", "garaacaa")  # the whole phrase, in order
    assert _hits("جان سے مار*", "ur", "وہ مجھے جان سے مارنے کی دھمکی دیتے ہیں")


def test_polish_words_match_by_their_polish_stem_with_or_without_accents():
    assert _hits("zabiję cię", "pl", "Zabiję cię jutro")
    assert _hits("zabiję cię", "pl", "zabije cie")
    assert _hits("samobój*", "pl", "Myślę o samobójstwie")
    assert not _hits("zabiję cię", "pl", "zabiję się")  # myself is not you


def test_arabic_words_match_by_their_arabic_stem():
    assert _hits("أحمل سلاح", "ar", "احمل السلاح كل يوم")
    assert _hits("انتحار", "ar", "أفكر في الانتحار")
    # Where the stemmer keeps two forms apart, a prefix joins them.
    assert not _hits("أحمل سكين", "ar", "احمل سكينا كل يوم")
    assert _hits("أحمل سكين*", "ar", "احمل سكينا كل يوم")


def test_every_language_is_checked_whatever_the_text_is_in():
    matcher = Matcher(
        [
            Entry("hits me", "harm", language="en-gb"),
            Entry("mnie bije", "harm", language="pl"),
            Entry("chaku rakhta", "weapon", language="ur"),
        ]
    )
    mixed = "Ojczym mnie bije i czasami he hits me, a mój kolega chaku rakhta hai"
    assert sorted(hit.entry.language for hit in matcher.hits(mixed)) == ["en-gb", "pl", "ur"]


def test_english_phrases_still_stem_as_before():
    assert _hits("carry a knife", "en-gb", "lads carrying a knife on the bus")
    assert _hits("school", "en-gb", "Our schools need more help")


def test_a_match_is_shown_as_typed_not_as_normalised():
    # The Safeguarding group and officers read the words that matched: Urdu stays Urdu.
    assert _hits("اپنی حفاظت کے لیے", "ur", "میں اپنی حفاظت کے لئے چاقو رکھتا ہوں") == ["اپنی حفاظت کے لئے"]
    assert _hits("zabiję cię", "pl", "ZABIJĘ CIĘ") == ["zabiję cię"]


@pytest.mark.parametrize(
    "text",
    ["a\u200bb c\u0301d ـ \u200f x", "سـكـين خود\u200cکشی", "ਖ਼ੁਦਕੁਸ਼ੀ ਰੱਖਦਾ", "my_name is ＡＢＣ", "ۀ ۂ ة ۃ ں"],
)
def test_words_split_the_same_before_and_after_normalising(text):
    from core.matching import words_as_typed

    typed, normalised = words_as_typed(text)
    assert normalised == words(text) and len(typed) == len(normalised)
