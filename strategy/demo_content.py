"""The demo site's content: Leicester's Knife Crime and Serious Violence Strategy as reported to
the Neighbourhood Services Scrutiny Commission on 4 October 2022.

Everything here is taken from that briefing. Statuses and progress updates say only what the
briefing reported on that date; nothing is invented and presented as fact. A council putting
the platform live replaces this with its own content in the Wagtail admin.
"""

from datetime import date

BRIEFING_DATE = date(2022, 10, 4)

STRATEGY = {
    "title": "Knife Crime and Serious Violence Strategy",
    "slug": "strategy",
    "report_scope": (
        "This report covers the 12 recommendations whose progress the council's scrutiny briefing of "
        "October 2022 reported: 1, 2, 3, 4, 9, 14, 18, 23, 24, 25, a and b. The strategy has at least 25 "
        "numbered recommendations plus a and b; the others will be added as their progress is reported."
    ),
    "intro": (
        "The strategy's recommendations were developed after consultation with communities from "
        "across Leicester and with wider stakeholders, and published in May 2022. The feedback "
        "showed six key themes, so the recommendations are grouped under them."
    ),
    "pledge": (
        "<p>In the City, our pledge is to do more to <b>help prevent and deter</b> individuals and "
        "groups committing acts of serious violence and carrying or using knives.</p>"
        "<ul>"
        "<li>To ensure a collaborative approach with the community, the Violence Reduction "
        "Network, partner agencies and voluntary groups to understand the causes of serious "
        "violence and the use of knives, and develop a strategy that defines our approach.</li>"
        "<li>To use this joined-up, coordinated approach to confront serious violence and knife "
        "crime, and to commit to early intervention, prevention and provision of services.</li>"
        "</ul>"
    ),
    "development": (
        "<ul>"
        "<li>Employed a designated officer to support and lead on the strategy.</li>"
        "<li>Created stakeholder and community groups to drive the strategy.</li>"
        "<li>Held public conversations with communities across Leicester.</li>"
        "<li>Met with those who have lived experience.</li>"
        "<li>Met with university criminology academics to discuss the strategy.</li>"
        "<li>Held an expert session with a specialist criminologist on this agenda.</li>"
        "<li>Developed a strategy document from all feedback and launched it.</li>"
        "<li>Reported to the Neighbourhood Services Scrutiny Commission of Leicester City Council.</li>"
        "<li>Held meetings with ward councillors.</li>"
        "</ul>"
    ),
    "next_steps": (
        "<ul>"
        "<li>Develop an operational Serious Violence and Knife Crime group to ensure that all of "
        "the recommendations in the strategy are achieved.</li>"
        "<li>Work with the police and the Violence Reduction Network to acquire real-time data.</li>"
        "<li>Develop a communication strategy with the police to ensure Public Protection "
        "Notices and early intervention referrals are completed.</li>"
        "<li>A joined-up approach with school liaison officers and the police to identify young "
        "people at risk of serious violence.</li>"
        "<li>Ensure all workstreams are gathered and reported into the Safer Leicester "
        "Partnership Executive Board.</li>"
        "</ul>"
    ),
}

# Theme slug -> the theme page's intro.
THEME_INTROS = {
    "education": "Working with schools, alternative provision and families so that young people stay in education.",
    "young-people": "Youth work in and around schools, on the streets in the evening, and in workshops, and hearing what young people say.",
    "communities": "Free places to meet, mentoring for young people at risk, peer support for parents, and emergency bleed-control kits.",
    "partnership-working": "Using the resources of local universities for volunteering, placements and community research.",
    "employment-and-training": "Supporting young people and ex-offenders into employment, training and work experience.",
    "policy-and-process": "How the council and its partners organise the work, share data and report on the strategy.",
}

# Each recommendation: its theme, label, short title, full text, lead, status and the
# progress the briefing reported on 4 October 2022.
RECOMMENDATIONS = [
    {
        "theme": "education",
        "label": "1",
        "slug": "minimise-school-suspensions",
        "title": "Minimise school suspensions",
        "full_text": "Work with education establishments to minimise the number of school suspensions.",
        "lead": "Leicester City Council Early Help",
        "status": "in_progress",
        "updates": [
            {
                "text": (
                    "The Reach Project, developed with the Violence Reduction Network, Leicestershire "
                    "County Council and the Home Office, identifies young people at risk of exclusion "
                    "or who have been excluded from education. It is delivered in 4 secondary schools "
                    "across the city. Foxes Friday offers one day a week of nurturing provision with "
                    "Leicester City in the Community."
                ),
                "figure": "58",
                "figure_label": "young people engaged in the Reach Project (34 male, 24 female, aged 11-15)",
            }
        ],
    },
    {
        "theme": "education",
        "label": "2",
        "slug": "alternative-school-provision",
        "title": "Develop alternative school provision",
        "full_text": (
            "Monitor the use of and auditing of the alternative school provision across the city and "
            "use the Department for Education taskforce approach to develop the provision being "
            "offered in targeted secondary Pupil Referral Units."
        ),
        "lead": "Leicester City Council",
        "status": "in_progress",
        "updates": [
            {
                "text": (
                    "The Alternative Provision Specialist Taskforce, a pilot funded by the Department "
                    "for Education, brings together partners from health, education, social care, "
                    "youth services and youth justice in an alternative provision school (Carisbrooke)."
                ),
                "figure": "",
                "figure_label": "",
            }
        ],
    },
    {
        "theme": "education",
        "label": "3",
        "slug": "informal-education-programmes",
        "title": "Informal education programmes and campaigns in schools",
        "full_text": (
            "Working with the VRN and communities, we will contribute to the development and delivery "
            "across all city schools of informal education programmes and campaigns focused on "
            "prevention, impact, consequences, and aspirations."
        ),
        "lead": "Leicester City Council with the Violence Reduction Network",
        "status": "in_progress",
        "updates": [
            {
                "text": (
                    "Supporting Families: a protocol is in place for identifying families affected by "
                    "imprisonment and reaching out to them; basic data on the number and location of "
                    "families affected can now be collated; a training programme helps workers "
                    "understand the impact of imprisonment on families; and a strong multi-agency "
                    "working group keeps the project moving."
                ),
                "figure": "",
                "figure_label": "",
            }
        ],
    },
    {
        "theme": "young-people",
        "label": "4",
        "slug": "youth-engagement-workstreams",
        "title": "Youth engagement workstreams in local areas",
        "full_text": (
            "We will work with the community to develop youth engagement workstreams to include street "
            "based, individual and targeted group sessions in local areas. Delivered through Early Help."
        ),
        "lead": "Early Help",
        "status": "in_progress",
        "updates": [
            {
                "text": (
                    "Detached youth work runs in and around secondary schools and in evening sessions "
                    "that respond to police intelligence. Workshops in schools cover knife crime "
                    "awareness, conflict resolution, drugs and alcohol misuse, healthy relationships "
                    "and the challenges of social media. Community events gather the voices of "
                    "young people."
                ),
                "figure": "",
                "figure_label": "",
            }
        ],
    },
    {
        "theme": "communities",
        "label": "9",
        "slug": "free-access-to-facilities",
        "title": "Free or low-cost access to schools and council facilities",
        "full_text": (
            "We will work with the local authority estates team and across directorates to encourage "
            "free access or reduced hire fees at schools and local authority facilities, so these can "
            "be utilised by groups and vulnerable young people."
        ),
        "lead": "Leicester City Council",
        "status": "in_progress",
        "updates": [
            {
                "text": (
                    "A strong partnership with Moat Community College provides free access. Community "
                    "meetings are held, such as Community Gold (Open), which is police led."
                ),
                "figure": "",
                "figure_label": "",
            }
        ],
    },
    {
        "theme": "communities",
        "label": "14",
        "slug": "community-mentoring",
        "title": "Community mentoring for young people at risk",
        "full_text": (
            "We will develop a community mentoring programme specifically targeting young people at "
            "risk of knife crime, either as a perpetrator or a victim. We will use the reach of local "
            "communities to engage young people and connect them to the resources and services they need."
        ),
        "lead": "Leicester City Council with partners",
        "status": "in_progress",
        "updates": [
            {
                "text": (
                    "Chance 2 Change, a partnership-funded project, supports 15 to 25 year olds involved "
                    "in violence or at high risk of involvement who live in East or West Leicester or "
                    "Charnwood."
                ),
                "figure": "",
                "figure_label": "",
            }
        ],
    },
    {
        "theme": "communities",
        "label": "a",
        "slug": "emergency-bleed-control-kits",
        "title": "Emergency bleed-control kits across the city",
        "full_text": (
            "We will develop a scheme that will see emergency kits/bleed box kits placed across the "
            "city so that in an emergency, anyone will be able to be directed to the kit by 999 "
            "operators and talked through the process of use."
        ),
        "lead": "Leicester City Council with the ambulance service",
        "status": "in_progress",
        "updates": [
            {
                "text": (
                    "Leicester City Council, in partnership with the ambulance service, has installed "
                    "emergency bleed-control kits across the city, and provided training to community "
                    "groups where the boxes are located."
                ),
                "figure": "8",
                "figure_label": "emergency bleed-control kits installed",
            }
        ],
    },
    {
        "theme": "communities",
        "label": "b",
        "slug": "community-parent-forum",
        "title": "Peer support for parents: the Community Parent Forum",
        "full_text": (
            "We will work with communities to develop peer support directly from community members and "
            "groups with shared experiences. This will support parents who have either lost a child or "
            "have young people that are vulnerable to or involved in activities related to knife crime "
            "and serious violence."
        ),
        "lead": "Kara Training, funded by Leicester City Council",
        "status": "in_progress",
        "updates": [
            {
                "text": (
                    "Kara Training community group was awarded funding to establish a Community Parent "
                    "Forum, which will involve and support parents whose children are involved in "
                    "violence or at high risk of involvement, including parents going through the "
                    "repercussions of knife crime and serious violence."
                ),
                "figure": "£7,500",
                "figure_label": "awarded to Kara Training to establish the forum",
            }
        ],
    },
    {
        "theme": "partnership-working",
        "label": "18",
        "slug": "university-resources",
        "title": "Volunteers, placements and research with local universities",
        "full_text": (
            "In support of greater community resource, we will take a proactive approach to utilising "
            "available resources at local universities for volunteer support and placements. This "
            "could include community-based research and other community related projects."
        ),
        "lead": "Youth Service",
        "status": "in_progress",
        "updates": [
            {
                "text": (
                    "The youth service works in partnership with De Montfort University and provides "
                    "course placements and volunteer opportunities. The council supported the "
                    "University of Leicester's bid to carry out research into the views of young "
                    "people across Leicester about serious violence and knife crime."
                ),
                "figure": "",
                "figure_label": "",
            }
        ],
    },
]

_EMPLOYMENT_UPDATE = {
    "text": (
        "The Employment Hub works in partnership with Futures, Connexions and the Department for Work "
        "and Pensions to support people of all ages into employment and training, including jobs, "
        "apprenticeships, traineeships and work placements."
    ),
    "figure": "",
    "figure_label": "",
}

RECOMMENDATIONS += [
    {
        "theme": "employment-and-training",
        "label": "23",
        "slug": "support-into-employment",
        "title": "Support young people into employment",
        "full_text": "Support young people to gain employment.",
        "lead": "Employment Hub",
        "status": "in_progress",
        "updates": [_EMPLOYMENT_UPDATE],
    },
    {
        "theme": "employment-and-training",
        "label": "24",
        "slug": "ex-offender-programmes",
        "title": "Commitment to ex-offender programmes",
        "full_text": (
            "Demonstrate commitment to ex-offender programmes which create employment, training, and "
            "social opportunities."
        ),
        "lead": "Employment Hub",
        "status": "in_progress",
        "updates": [_EMPLOYMENT_UPDATE],
    },
    {
        "theme": "employment-and-training",
        "label": "25",
        "slug": "workplace-visits",
        "title": "Workplace visits and exposure to employment",
        "full_text": (
            "Support current and potential programmes that provide ex-offenders and young people with "
            "opportunities to visit various workplaces and encourage exposure to employment "
            "opportunities, including Department for Work and Pensions programmes such as Kickstart."
        ),
        "lead": "Employment Hub",
        "status": "in_progress",
        "updates": [_EMPLOYMENT_UPDATE],
    },
]

# Each initiative: the theme page it sits under, the recommendations it delivers (by label),
# its partners, who it serves and its key figures, as the briefing gives them.
INITIATIVES = [
    {
        "theme": "education",
        "slug": "foxes-friday",
        "title": "Foxes Friday",
        "summary": (
            "One day a week of nurturing provision for children who may be at risk of, or vulnerable "
            "to, youth offending, with a Leicester City in the Community mentor who links in with "
            "them at school."
        ),
        "who_it_serves": "Children who may be at risk of or vulnerable to youth offending",
        "partners": ["Leicester City Council", "Leicester City in the Community"],
        "recommendations": ["1"],
        "figures": [],
    },
    {
        "theme": "education",
        "slug": "reach-project",
        "title": "The Reach Project in Early Help",
        "summary": (
            "A programme that identifies young people who are at risk of exclusion or who have been "
            "excluded from education."
        ),
        "who_it_serves": "Young people at risk of exclusion or excluded from education",
        "partners": [
            "Leicester City Council",
            "Violence Reduction Network",
            "Leicestershire County Council",
            "Home Office",
        ],
        "recommendations": ["1"],
        "figures": [
            {"value": "4", "label": "secondary schools across the city deliver it", "detail": ""},
            {
                "value": "58",
                "label": "young people engaged so far",
                "detail": "34 male and 24 female, aged 11-15",
            },
        ],
    },
    {
        "theme": "education",
        "slug": "alternative-provision-specialist-taskforce",
        "title": "Alternative Provision Specialist Taskforce",
        "summary": (
            "A pilot funded by the Department for Education that brings local partners together in an "
            "alternative provision school (Carisbrooke) to reduce truancy, NEET rates and involvement "
            "in serious violence, and to improve mental health and well-being."
        ),
        "who_it_serves": "Pupils in alternative provision",
        "partners": [
            "Department for Education",
            "Health",
            "Education",
            "Social care",
            "Youth services",
            "Youth justice",
        ],
        "recommendations": ["2"],
        "figures": [],
    },
    {
        "theme": "education",
        "slug": "supporting-families-parental-imprisonment",
        "title": "Supporting Families: understanding the impact of parental imprisonment",
        "summary": (
            "A protocol for identifying families affected by imprisonment and reaching out to them, "
            "basic data on how many families are affected and where, training for workers, and a "
            "multi-agency working group."
        ),
        "who_it_serves": "Families affected by imprisonment",
        "partners": ["Leicester City Council", "Multi-agency working group"],
        "recommendations": ["3"],
        "figures": [],
    },
    {
        "theme": "young-people",
        "slug": "detached-school-based-youth-work",
        "title": "Detached school-based youth work",
        "summary": (
            "Youth workers work with young people in secondary school education, in and around the schools they attend."
        ),
        "who_it_serves": "Young people in secondary schools",
        "partners": ["Early Help"],
        "recommendations": ["4"],
        "figures": [],
    },
    {
        "theme": "young-people",
        "slug": "detached-youth-work",
        "title": "Detached youth work",
        "summary": (
            "Evening detached sessions, responding to police intelligence, that deliver informal "
            "education to young people in their community."
        ),
        "who_it_serves": "Young people in their communities",
        "partners": ["Early Help", "Leicestershire Police"],
        "recommendations": ["4"],
        "figures": [],
    },
    {
        "theme": "young-people",
        "slug": "workshops-and-training",
        "title": "Workshops and training in schools",
        "summary": (
            "Workshops for schools on knife crime awareness, conflict resolution, drugs and alcohol "
            "misuse, healthy relationships and the challenges of social media."
        ),
        "who_it_serves": "Pupils in city schools",
        "partners": ["Early Help"],
        "recommendations": ["4"],
        "figures": [],
    },
    {
        "theme": "communities",
        "slug": "moat-community-college",
        "title": "Free community access at Moat Community College",
        "summary": (
            "A partnership with Moat Community College provides free access for community groups. "
            "Community meetings are held there, such as Community Gold (Open), which is police led."
        ),
        "who_it_serves": "Community groups and young people",
        "partners": ["Moat Community College", "Leicestershire Police"],
        "recommendations": ["9"],
        "figures": [],
    },
    {
        "theme": "communities",
        "slug": "chance-2-change",
        "title": "Chance 2 Change",
        "summary": (
            "A partnership-funded mentoring project. Mentors build trust and rapport with each young "
            "person, tailor support to their wishes and needs, act as role models, dispel myths and "
            "stereotypes, and offer emotional support and help with social skills."
        ),
        "who_it_serves": (
            "15 to 25 year olds involved in violence or at high risk of involvement, living in East or "
            "West Leicester or Charnwood"
        ),
        "partners": ["Partnership funded"],
        "recommendations": ["14"],
        "figures": [],
    },
    {
        "theme": "communities",
        "slug": "bleed-control-kits",
        "title": "Emergency bleed-control kits",
        "summary": (
            "Emergency bleed-control kits installed across the city, so that in an emergency a 999 "
            "operator can direct anyone to the nearest kit and talk them through using it. Community "
            "groups where the boxes are located have been trained."
        ),
        "who_it_serves": "Anyone who needs to help someone with a serious bleed",
        "partners": ["Leicester City Council", "Ambulance service"],
        "recommendations": ["a"],
        "figures": [{"value": "8", "label": "emergency bleed-control kits installed", "detail": ""}],
    },
    {
        "theme": "communities",
        "slug": "community-parent-forum-kara-training",
        "title": "Community Parent Forum",
        "summary": (
            "Peer support for parents whose children are involved in violence or at high risk of "
            "involvement because of associated activity and peer circles, including parents going "
            "through the repercussions of knife crime and serious violence."
        ),
        "who_it_serves": "Parents of children involved in or at risk of serious violence, and bereaved parents",
        "partners": ["Kara Training", "Leicester City Council"],
        "recommendations": ["b"],
        "figures": [{"value": "£7,500", "label": "awarded to Kara Training to establish the forum", "detail": ""}],
    },
    {
        "theme": "partnership-working",
        "slug": "de-montfort-university-placements",
        "title": "Placements and volunteering with De Montfort University",
        "summary": "The youth service provides course placements and volunteer opportunities for De Montfort University students.",
        "who_it_serves": "Students and the young people the youth service works with",
        "partners": ["Youth Service", "De Montfort University"],
        "recommendations": ["18"],
        "figures": [],
    },
    {
        "theme": "partnership-working",
        "slug": "university-of-leicester-research",
        "title": "Research with the University of Leicester",
        "summary": (
            "The council supported the University of Leicester's bid to carry out research into the "
            "views of young people across Leicester about serious violence and knife crime."
        ),
        "who_it_serves": "Young people across Leicester",
        "partners": ["University of Leicester", "Leicester City Council"],
        "recommendations": ["18"],
        "figures": [],
    },
    {
        "theme": "employment-and-training",
        "slug": "employment-hub",
        "title": "The Employment Hub",
        "summary": (
            "Supports people of all ages into employment and training, including jobs, "
            "apprenticeships, traineeships and work placements."
        ),
        "who_it_serves": "People of all ages looking for work or training",
        "partners": ["Futures", "Connexions", "Department for Work and Pensions"],
        "recommendations": ["23", "24", "25"],
        "figures": [],
    },
]
