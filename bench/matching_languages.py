"""Benchmark matching in every language: what each submission costs, the theme suggestions and
the safeguarding check, with the theme keywords and safeguarding phrases of every language
loaded (consultation.wordlists and core.safeguarding_wordlists), over texts that mix English
feedback with sentences in Gujarati, Punjabi (both scripts), Urdu (both scripts), Polish, Somali
and Arabic. One core; "uncached" stems every word afresh, the worst case.

    .venv/bin/python bench/matching_languages.py [--texts 100000] [--seed 2022]

(The theme suggester's quality, its learned model and its training are in bench/theming.py.)
"""

import argparse
import os
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from bench.common import say  # noqa: E402
from bench.theming import generate_texts, load_labelled, machine_report, pin_to_one_core  # noqa: E402
from consultation.wordlists import SAFEGUARDING_PHRASES, THEME_KEYWORDS, THEME_KEYWORDS_BY_LANGUAGE  # noqa: E402
from core import matching  # noqa: E402
from core.safeguarding_wordlists import SAFEGUARDING_PHRASES_BY_LANGUAGE  # noqa: E402

LABELLED = REPO / "tests" / "data" / "labelled_feedback.csv"
GOAL_TEXTS_PER_SECOND = 5_000
UNCACHED_TEXTS = 10_000


# Everyday sentences, and a few disclosures, in the site's other languages.
SENTENCES = [
    "મારી શાળા પાસે વધુ પોલીસ હોવી જોઈએ.",
    "અમને યુવાનો માટે વધુ ક્લબ અને પાર્કમાં સારી લાઇટ જોઈએ છે.",
    "મારા સાવકા પિતા મને મારે છે.",
    "ਸਾਨੂੰ ਨੌਜਵਾਨਾਂ ਲਈ ਹੋਰ ਕਲੱਬ ਅਤੇ ਪਾਰਕ ਵਿੱਚ ਚੰਗੀ ਰੋਸ਼ਨੀ ਚਾਹੀਦੀ ਹੈ।",
    "ਚਾਕੂ ਵਾਲੇ ਜੁਰਮ ਘੱਟ ਹੋਣੇ ਚਾਹੀਦੇ ਹਨ।",
    "sanu youth club chahida aa, bache bore ho jande ne",
    "ہمیں نوجوانوں کے لیے زیادہ کلب اور پارک میں بہتر روشنی چاہیے۔",
    "چاقو کے جرائم کم ہونے چاہئیں۔",
    "mere paas chaku hai kyunki woh mujhe maar denge",
    "school ke baad kuch karne ko nahi hai",
    "Potrzebujemy więcej klubów młodzieżowych i lepszego oświetlenia w parku.",
    "Policja powinna częściej patrolować okolice szkoły.",
    "Ojczym mnie bije, kiedy jest pijany.",
    "Waxaan u baahanahay naadiyo dhallinyaro iyo nal fiican oo beerta ah.",
    "Booliska waa inay dugsiga yimaadaan.",
    "نحتاج إلى المزيد من النوادي للشباب وإضاءة أفضل في الحديقة.",
    "الشرطة يجب أن تكون أكثر في الشوارع.",
    "زوج أمي يضربني كل يوم.",
]


def every_language(texts: list[str], seed: int) -> None:
    """A submission's matching: theme suggestions and the safeguarding check, with every
    language's safeguarding phrases loaded, over texts of which half are in other languages."""
    rng = random.Random(seed)
    mixed = [text if rng.random() < 0.5 else " ".join(rng.choices(SENTENCES, k=rng.randint(1, 4))) for text in texts]
    themes = matching.Matcher(
        [
            matching.Entry(phrase, key=slug, weight=weight)
            for slug, keywords in THEME_KEYWORDS.items()
            for phrase, weight in keywords
        ]
        + [
            matching.Entry(phrase, key=slug, weight=weight, language=language)
            for language, by_theme in THEME_KEYWORDS_BY_LANGUAGE.items()
            for slug, keywords in by_theme.items()
            for phrase, weight in keywords
        ]
    )
    safeguarding = matching.Matcher(
        [matching.Entry(phrase, key=category, language="en-gb") for phrase, category in SAFEGUARDING_PHRASES]
        + [
            matching.Entry(phrase, key=category, language=language)
            for language, phrases in SAFEGUARDING_PHRASES_BY_LANGUAGE.items()
            for phrase, category in phrases
        ]
    )
    phrases = len(SAFEGUARDING_PHRASES) + sum(len(p) for p in SAFEGUARDING_PHRASES_BY_LANGUAGE.values())
    keywords = sum(len(k) for k in THEME_KEYWORDS.values()) + sum(
        len(k) for by_theme in THEME_KEYWORDS_BY_LANGUAGE.values() for k in by_theme.values()
    )
    languages = len(SAFEGUARDING_PHRASES_BY_LANGUAGE) + 1
    say(f"Word lists:  {phrases} safeguarding phrases and {keywords} theme keywords in {languages} languages")

    def once(sample: list[str], *, clear_each: bool = False) -> tuple[float, int]:
        flagged = 0
        started = time.perf_counter()
        for text in sample:
            if clear_each:
                matching.stem_cache_clear()
            matching.suggest(themes, text, threshold=1.0)
            flagged += bool(safeguarding.hits(text))
        return time.perf_counter() - started, flagged

    matching.stem_cache_clear()
    cold, flagged = once(mixed)
    warm, _ = once(mixed)
    uncached, _ = once(mixed[:UNCACHED_TEXTS], clear_each=True)
    say(f"Texts:       {len(mixed):,}, about half with sentences in other languages; {flagged:,} flagged")
    say()
    goal = f"goal: >= {GOAL_TEXTS_PER_SECOND:,} texts/s"
    say(f"{'':<10}{'texts':>9}{'texts/s':>11}{'µs/text':>10}{'seconds':>10}   {goal}")
    for name, count, seconds in (
        ("cold", len(mixed), cold),
        ("warm", len(mixed), warm),
        ("uncached", min(len(mixed), UNCACHED_TEXTS), uncached),
    ):
        rate = count / seconds
        verdict = "met" if rate >= GOAL_TEXTS_PER_SECOND else "MISSED"
        say(f"{name:<10}{count:>9,}{rate:>11,.0f}{seconds / count * 1e6:>10.1f}{seconds:>10.2f}   {verdict}")
    say("each text: theme suggestions and the safeguarding check, as for a submission.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--texts", type=int, default=100_000, help="feedback texts for the run")
    parser.add_argument("--seed", type=int, default=2022, help="random seed for generating the texts")
    args = parser.parse_args()

    say("== Machine")
    machine_report()
    texts = generate_texts([text for text, _ in load_labelled(LABELLED)], args.texts, args.seed)
    say()
    say(f"== Every language: theme suggestions and the safeguarding check ({pin_to_one_core()})")
    every_language(texts, args.seed)


if __name__ == "__main__":
    main()
