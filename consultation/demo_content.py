"""Demo consultations: an open survey about feeling safe that uses every question type and a
"Show if" rule, a record of the public conversations that shaped the strategy (with what
happened next, as the October 2022 briefing reports it; they were conversations, not an online
survey), and the youth voice page."""

SURVEY_INDEX = {
    "title": "Consultations",
    "slug": "consultations",
    "intro": "Tell us what you think. Every answer is read, grouped under the strategy's themes and reported on.",
}

PRIVACY_NOTICE = (
    "<p>You don't have to give your name, and we don't store your IP address with your answers. "
    "Council officers working on the Knife Crime and Serious Violence Strategy read the answers and "
    "report on them in numbers and themes; reports never name anyone.</p>"
    "<p>If what you write suggests that you or someone else may be at risk of harm, our safeguarding "
    "team will see it so they can make sure help is offered.</p>"
    "<p>If you ask us to contact you, only the staff who need to will see your contact details, and "
    "we will use them only to contact you about what you said.</p>"
)

# (kind, label, hint, required, choices, allow_other), then optionally a dict of the other
# fields: "scale", "statements", "min_value", "max_value", and "show_if": (the label of an
# earlier question, [the answers that show this one]).
OPEN_SURVEY = {
    "title": "Feeling safe where you live",
    "slug": "feeling-safe-where-you-live",
    "intro": (
        "Help us understand where people feel unsafe and what would make a difference. It takes about five minutes."
    ),
    "thank_you_text": (
        "<p>Thank you. Officers read every answer and group it under the strategy's six themes. "
        "We will publish what you told us, and what we did about it, on this page when the survey closes.</p>"
    ),
    "ask_for_contact": True,
    # The council's "About you" equality monitoring step (consultation/equality.py); the survey
    # asks the age band itself, so the step leaves that question out.
    "equality_monitoring": True,
    "open_days": 90,
    "questions": [
        ("section", "Feeling safe", "First, how safe you feel now.", False, "", False),
        (
            "rating",
            "How safe do you feel in your neighbourhood during the day?",
            "1 is very unsafe, 5 is very safe.",
            True,
            "",
            False,
        ),
        (
            "rating",
            "How safe do you feel in your neighbourhood after dark?",
            "1 is very unsafe, 5 is very safe.",
            True,
            "",
            False,
        ),
        (
            "single_choice",
            "How often do you worry about knife crime where you live?",
            "",
            True,
            "Never\nSometimes\nOften\nAll the time",
            False,
        ),
        (
            "multiple_choice",
            "Where do you feel least safe?",
            "",
            False,
            "Parks and open spaces\nBus stops and stations\nThe city centre\nNear schools and colleges\nOn my own street",
            True,
        ),
        (
            "grid",
            "How safe do you feel in these places?",
            "",
            False,
            "",
            False,
            {
                "statements": "In the city centre during the day\nIn the city centre after dark\nOn buses and at bus stops",
                "scale": "Very safe\nFairly safe\nNeither safe nor unsafe\nFairly unsafe\nVery unsafe",
            },
        ),
        (
            "date",
            "If something happened recently that made you feel unsafe, when was it?",
            "For example, 27 3 2026. Leave it empty if nothing did.",
            False,
            "",
            False,
        ),
        ("section", "What would help", "Now, what would make a difference.", False, "", False),
        ("long_text", "What would make your neighbourhood feel safer?", "", True, "", False),
        (
            "multiple_choice",
            "Which of these should the council and its partners do more of?",
            "",
            False,
            "Youth clubs and activities\nMentoring for young people at risk\nSupport for parents\n"
            "Help into work and training\nEmergency bleed-control kits\nWorking with schools to reduce exclusions",
            False,
        ),
        (
            "ranking",
            "Which places need action first?",
            "",
            False,
            "Parks and open spaces\nBus stops and stations\nThe city centre\nRoutes to schools and colleges",
            False,
        ),
        ("yes_no", "Do you know where your nearest emergency bleed-control kit is?", "", False, "", False),
        (
            "long_text",
            "What would make the journey to and from school or college feel safer?",
            "You said you feel least safe near schools and colleges.",
            False,
            "",
            False,
            {"show_if": ("Where do you feel least safe?", ["Near schools and colleges"])},
        ),
        ("short_text", "If you could change one thing, what would it be?", "", False, "", False),
        (
            "section",
            "Your age and area",
            "These questions are optional. They help us see whether we are hearing from every part of the city.",
            False,
            "",
            False,
        ),
        ("age_band", "How old are you?", "", False, "", False),
        ("ward", "Which ward do you live in?", "", False, "", False),
        (
            "number",
            "How many years have you lived in Leicester?",
            "A whole number from 0 to 100. Leave it empty if you don't live here.",
            False,
            "",
            False,
            {"min_value": 0, "max_value": 100},
        ),
    ],
}

# The conversations the October 2022 briefing describes ("Held public conversations with
# communities across Leicester", "Met with those who have lived experience", ...): a record of
# them, not a survey. It asks no questions and collects nothing, and says only what the
# briefing says.
CLOSED_SURVEY = {
    "title": "Public conversations on knife crime and serious violence",
    "slug": "public-conversations-on-knife-crime",
    "intro": (
        "Before writing the strategy, the council held public conversations with communities across "
        "Leicester and met people with lived experience of serious violence. This page records them."
    ),
    "privacy_notice": (
        "<p>This page records conversations that have already taken place. It does not ask you anything "
        "and collects no information about you.</p>"
    ),
    "we_asked": (
        "<p>We held public conversations with communities across Leicester, met people with lived "
        "experience, and met stakeholder and community groups, university criminology academics, a "
        "specialist criminologist and ward councillors to discuss how the city should respond to "
        "serious violence and knife crime.</p>"
    ),
    "you_said": (
        "<p>When the feedback was analysed, six key themes emerged: education, young people, "
        "communities, partnership working, employment and training, and policy and process.</p>"
    ),
    "we_did": (
        "<p>We developed the strategy document from all the feedback, grouped its recommendations under "
        "those six themes, and published it in May 2022. Progress on the recommendations is reported on "
        "this site.</p>"
    ),
    "questions": [],
}

YOUTH_VOICE = {
    "title": "Have your say",
    "slug": "have-your-say",
    "intro": (
        "Tell us what would make you feel safer where you live. You don't have to tell us your name. "
        "It takes about two minutes."
    ),
    "privacy_text": (
        "<p>We don't ask for your name. People at the council who work on keeping young people safe "
        "read what you write and use it to decide what to do.</p>"
        "<p>If what you write makes us think you or someone else might be in danger, our safeguarding "
        "team will see it, so they can make sure you get help.</p>"
        "<p>If you ask us to contact you, only the safeguarding team will see your contact details.</p>"
    ),
    "thank_you_text": (
        "<p>What you told us will be read by the people working on the strategy. "
        "Thank you for helping make Leicester safer.</p>"
    ),
}
