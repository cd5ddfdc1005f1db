"""The demo site's home page and its plain content pages (privacy notice, accessibility
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

PRIVACY = {
    "title": "Privacy notice",
    "slug": "privacy",
    "intro": "What this website collects about you, and why.",
    "paragraphs": [
        "<p>Reading the strategy, its progress and the progress report does not need an account. "
        "The site sets no advertising or tracking cookies and loads nothing from other websites, "
        "so no other company learns that you visited.</p>",
        "<p>When you answer a consultation or tell us what would make you feel safer, we do not ask "
        "for your name unless you choose to be contacted, and we do not store your IP address with "
        "your answers. Officers read what you write, group it under the strategy's themes and report "
        "the numbers; reports never name anyone.</p>",
        "<p>If what you write suggests that you or someone else may be at risk of harm, our "
        "safeguarding team is told, so that they can make sure help is offered. Their email never "
        "contains what you wrote.</p>",
        "<p>While you fill in a survey, your answers are kept for up to two hours so that you can go "
        "back and change them; they are deleted when you send them.</p>",
        "<p>Staff who edit the site sign in, and we keep a record of the changes they make.</p>",
        "<p>To ask what we hold about you, or to ask us to delete it, contact Leicester City "
        "Council's data protection team.</p>",
    ],
}

ACCESSIBILITY = {
    "title": "Accessibility statement",
    "slug": "accessibility",
    "intro": "We want as many people as possible to be able to use this website.",
    "paragraphs": [
        "<p>You should be able to zoom in up to 400% without the text spilling off the screen, get "
        "around the site using just a keyboard or speech recognition software, and listen to it "
        "using a screen reader. Every page works without JavaScript.</p>",
        "<p>Each page is tested automatically in a real browser against the Web Content "
        "Accessibility Guidelines (WCAG) 2.2 at level AA.</p>",
        "<p>If you find a problem, or need information in a different format, please contact "
        "Leicester City Council.</p>",
    ],
}
