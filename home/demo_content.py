"""The demo site's home page and its notices (privacy notice, cookies, accessibility
statement), for Leicester City Council. A council putting the platform live replaces this with
its own content in the Wagtail admin."""

HOME = {
    "title": "Safer Leicester",
    "intro": (
        "Leicester's Knife Crime and Serious Violence Strategy: what we are doing to prevent "
        "and deter serious violence and knife crime, and how it is going."
    ),
    "pledge": (
        "<p>In the City, our pledge is to do more to help prevent and deter individuals and "
        "groups committing acts of serious violence and carrying or using knives.</p>"
    ),
}

# The notices: their sections are generated from what the site does (home/notices.py); the demo
# gives their titles, slugs and introductions, and the accessibility statement's dates.
PRIVACY = {
    "title": "Privacy notice",
    "slug": "privacy",
    "intro": "What this website collects about you, why, who sees it, how long we keep it, and your rights.",
}

COOKIES = {
    "title": "Cookies",
    "slug": "cookies",
    "intro": "The cookies this website sets, and why it does not need to ask you first.",
}

ACCESSIBILITY = {
    "title": "Accessibility statement",
    "slug": "accessibility",
    "intro": "",
}

# Demo sites made before the notices were generated had plain pages at these slugs, with these
# titles and introductions. Seeding replaces those, and only those, with the generated notices.
OLD_PLAIN_NOTICES = {
    ("Privacy notice", "What this website collects about you, and why."),
    ("Accessibility statement", "We want as many people as possible to be able to use this website."),
}
