"""The check a quote passes before an officer pins it for a report: does it hold a name, a
phone number or an email address?

Hand-written, because what is wanted is a warning an officer reads, not a redaction: no
maintained library finds UK phone numbers and British first names without a language model
(spaCy or Presidio would add hundreds of megabytes for this one check). It is deliberately
cautious: a warning the officer ticks through costs seconds; a name in a committee report
cannot be taken back.

What it catches:
- **email addresses**: anything like name@domain.tld, also written "name at domain dot com";
- **phone numbers**: UK numbers, mobile and landline, written with spaces, dashes, dots or
  brackets, starting 0 or +44 (07700 900123, +44 7700 900 123, (0116) 454 1000, 0116-454-1000),
  and any other run of 10 or more digits;
- **names**, two ways:
  - a phrase that introduces one: "my name is X", "I'm X", "I am X", "call me X", "this is X",
    "my son/daughter/brother/... X", "Mr/Mrs/Ms/Miss/Dr X", when X starts with a capital letter;
  - a capitalised word that is a common first name in England and Wales (the list below: the
    most given names of the last decades, across the city's communities), wherever it stands.
What it misses: names not on the list and not introduced by a phrase, nicknames, surnames on
their own, names in lower case, and descriptions that identify someone without a name ("the
only Polish shop on Narborough Road"). The officer reads every quote; the check only helps.

`pii_findings` returns the kinds found and the words that made it, for the warning shown to the
officer; nothing of it is logged or stored.
"""

import re
from dataclasses import dataclass

_EMAIL = re.compile(
    r"[\w.+-]+@[\w-]+(\.[\w-]+)+|\b[\w.+-]+\s+(?:at|\(at\)|\[at\])\s+[\w-]+\s+(?:dot|\(dot\)|\[dot\])\s+\w+",
    re.IGNORECASE,
)
_PHONE = re.compile(
    r"(?<![\w+])(?:\+44\s?\(?0?\)?\s?|\(?0)\d{2,4}\)?(?:[\s.-]?\d){6,8}(?!\d)"  # UK: 0... or +44...
    r"|(?<!\d)(?:\d[\s.-]?){9,}\d(?!\d)"  # any other long run of digits
)
_TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Dr\.|Mr\.|Mrs\.|Ms\.)"
_INTRO = re.compile(
    r"\b(?:my name is|my name's|i'm|i am|call me|this is|named|called|"
    r"my (?:son|daughter|brother|sister|mum|mom|dad|friend|cousin|nephew|niece|husband|wife|partner|boyfriend|"
    r"girlfriend|neighbour|grandson|granddaughter)(?: is| was)?)\s+([A-Z][a-z'’-]{1,})"
    r"|\b" + _TITLE + r"\s+([A-Z][a-z'’-]+)",
    re.IGNORECASE,
)
# Words "I'm X" often meets that are not names: "I'm Asian", "I am Muslim", "I'm Worried".
_NOT_NAMES = {
    "a", "an", "the", "not", "so", "very", "really", "just", "in", "on", "at", "from", "here", "there",
    "asian", "black", "white", "british", "muslim", "sikh", "hindu", "christian", "jewish", "polish", "somali",
    "indian", "pakistani", "african", "caribbean", "english", "scared", "worried", "afraid", "tired", "sure",
    "sorry", "glad", "happy", "sad", "angry", "disabled", "young", "old", "still", "also", "always", "never",
}  # fmt: skip
# Common first names given in England and Wales (ONS baby names, 1970s to 2020s), across the city's
# communities, leaving out those that are also everyday words (Will, Mark, Grace, Rose), which
# start sentences. Compared with capitalised words only, so "ali" in a word is not a name.
_FIRST_NAMES_TEXT = """
    aaliyah aaron abdul abdullah abigail adam adil ahmed aisha aleksander alex alexander alfie ali alice amaan
    amelia amir amy ana andrew anna anthony archie arjun arthur ayesha bartosz ben benjamin bethany callum
    charlie charlotte chloe chris christopher connor daniel danielle darren david dean deepa dylan ella ellie
    emily emma ethan fatima finley freddie freya gareth george georgia gurpreet hamza hannah harjit harry
    harvey hassan hayden holly ibrahim imran isaac isabella isla jack jacob jade jake james jamie jasmine jason
    jayden jennifer jessica joe john jordan joseph joshua julia kai karen katie kayleigh keira kieran kyle lauren
    layla leah leo lewis liam lily logan louis lucy luke maja marcus martin mason matthew maya megan
    mia michael mohammad mohammed muhammad nathan niamh noah oliver olivia omar oscar paul piotr poppy priya rachel
    rahul raj reece rhys riley robert rosie ruby ryan sam samuel sandeep sara sarah scott sean simran sophia
    sophie stephen steven sukhdeep tariq thomas tom tyler usman william yusuf zain zara zayn zofia zuzanna
    abdi abdirahman ahmed amina asha ayan faisal farah hodan hussein khadija layla mohamed nasra sahra
    hardeep harpreet jaspreet kuldeep manpreet navdeep parminder rajinder rupinder amrit arun kiran nisha
    pooja rakesh ravi sanjay sunil vijay anil asif bilal farhan irfan kamran nadia rizwan saima shazia
    jakub kacper oliwia wiktoria szymon lena magdalena agnieszka katarzyna tomasz
"""
FIRST_NAMES = frozenset(_FIRST_NAMES_TEXT.split())
_CAPITALISED = re.compile(r"\b([A-Z][a-z'’]{1,})\b")


@dataclass(frozen=True)
class PiiFinding:
    """One kind of detail found ("name", "phone number", "email address") and the words found."""

    kind: str
    found: str


def pii_findings(text: str) -> list[PiiFinding]:
    """The names, phone numbers and email addresses the text seems to hold, in that order of
    kinds, each at most once; empty when none was found."""
    findings: list[PiiFinding] = []
    seen: set[tuple[str, str]] = set()

    def add(kind: str, found: str) -> None:
        found = found.strip()
        if (kind, found.lower()) not in seen:
            seen.add((kind, found.lower()))
            findings.append(PiiFinding(kind=kind, found=found))

    emails = list(_EMAIL.finditer(text))
    for match in emails:
        add("email address", match.group(0))
    without_emails = _EMAIL.sub(" ", text)
    for match in _PHONE.finditer(without_emails):
        add("phone number", match.group(0))
    for match in _INTRO.finditer(without_emails):
        name = match.group(1) or match.group(2)
        # The phrase may be in any case; the name must be written with a capital letter.
        if name and name[0].isupper() and name.lower() not in _NOT_NAMES:
            add("name", name)
    for match in _CAPITALISED.finditer(without_emails):
        if match.group(1).lower() in FIRST_NAMES:
            add("name", match.group(1))
    return findings
