"""Drafted translations of the demo's "Have your say" page (youth voice) and of its open survey
("Feeling safe where you live"), in the site's six other languages, until the council's
translators replace them (README "Languages").

Each maps the English text of one of the page's strings, as wagtail-localize extracts it (a
paragraph of rich text is one string; a text of several lines, such as a question's choices,
is one string with its lines joined by `<br/>`), to its translation. A translation of such a
text keeps one line per line, in the same order: a survey's answers are stored as the English
choice at the same position, and a translation with another number of lines is not used (the
question is asked in English). `seed_demo` publishes them through a PO file, as the council's
translation supplier's would be (core.translations). Written for young people and their
parents: plain, warm and direct.
"""

TITLE = "Have your say"
INTRO = (
    "Tell us what would make you feel safer where you live. You don't have to tell us your name. "
    "It takes about two minutes."
)
PRIVACY_1 = (
    "We don't ask for your name. People at the council who work on keeping young people safe read what you "
    "write and use it to decide what to do."
)
PRIVACY_2 = (
    "If what you write makes us think you or someone else might be in danger, our safeguarding team will see "
    "it, so they can make sure you get help."
)
PRIVACY_3 = "If you ask us to contact you, only the safeguarding team will see your contact details."
THANK_YOU = (
    "What you told us will be read by the people working on the strategy. Thank you for helping make Leicester safer."
)

YOUTH_VOICE = {
    "gu": {
        TITLE: "તમારી વાત કહો",
        INTRO: (
            "તમે જ્યાં રહો છો ત્યાં તમને વધુ સુરક્ષિત શું અનુભવ કરાવશે તે અમને જણાવો. તમારે તમારું નામ "
            "જણાવવાની જરૂર નથી. તેમાં લગભગ બે મિનિટ લાગે છે."
        ),
        PRIVACY_1: (
            "અમે તમારું નામ પૂછતા નથી. કાઉન્સિલમાં યુવાનોને સુરક્ષિત રાખવાનું કામ કરતા લોકો તમે જે લખો તે "
            "વાંચે છે અને શું કરવું તે નક્કી કરવા માટે તેનો ઉપયોગ કરે છે."
        ),
        PRIVACY_2: (
            "તમે જે લખો તેના પરથી અમને લાગે કે તમે અથવા બીજું કોઈ જોખમમાં હોઈ શકે, તો અમારી સુરક્ષા ટીમ "
            "તે જોશે, જેથી તેઓ ખાતરી કરી શકે કે તમને મદદ મળે."
        ),
        PRIVACY_3: "જો તમે અમને તમારો સંપર્ક કરવાનું કહો, તો ફક્ત સુરક્ષા ટીમ જ તમારી સંપર્ક વિગતો જોશે.",
        THANK_YOU: ("તમે અમને જે કહ્યું તે વ્યૂહરચના પર કામ કરતા લોકો વાંચશે. લેસ્ટરને વધુ સુરક્ષિત બનાવવામાં મદદ કરવા બદલ આભાર."),
    },
    "pa": {
        TITLE: "ਆਪਣੀ ਗੱਲ ਕਹੋ",
        INTRO: (
            "ਸਾਨੂੰ ਦੱਸੋ ਕਿ ਤੁਸੀਂ ਜਿੱਥੇ ਰਹਿੰਦੇ ਹੋ ਉੱਥੇ ਤੁਹਾਨੂੰ ਹੋਰ ਸੁਰੱਖਿਅਤ ਕੀ ਮਹਿਸੂਸ ਕਰਵਾਏਗਾ। ਤੁਹਾਨੂੰ ਆਪਣਾ "
            "ਨਾਮ ਦੱਸਣ ਦੀ ਲੋੜ ਨਹੀਂ। ਇਸ ਵਿੱਚ ਲਗਭਗ ਦੋ ਮਿੰਟ ਲੱਗਦੇ ਹਨ।"
        ),
        PRIVACY_1: (
            "ਅਸੀਂ ਤੁਹਾਡਾ ਨਾਮ ਨਹੀਂ ਪੁੱਛਦੇ। ਕੌਂਸਲ ਵਿੱਚ ਨੌਜਵਾਨਾਂ ਨੂੰ ਸੁਰੱਖਿਅਤ ਰੱਖਣ ਦਾ ਕੰਮ ਕਰਨ ਵਾਲੇ ਲੋਕ ਤੁਹਾਡਾ "
            "ਲਿਖਿਆ ਪੜ੍ਹਦੇ ਹਨ ਅਤੇ ਇਹ ਫ਼ੈਸਲਾ ਕਰਨ ਲਈ ਵਰਤਦੇ ਹਨ ਕਿ ਕੀ ਕਰਨਾ ਹੈ।"
        ),
        PRIVACY_2: (
            "ਜੇ ਤੁਹਾਡੇ ਲਿਖੇ ਤੋਂ ਸਾਨੂੰ ਲੱਗੇ ਕਿ ਤੁਸੀਂ ਜਾਂ ਕੋਈ ਹੋਰ ਖ਼ਤਰੇ ਵਿੱਚ ਹੋ ਸਕਦਾ ਹੈ, ਤਾਂ ਸਾਡੀ ਸੁਰੱਖਿਆ ਟੀਮ "
            "ਇਸਨੂੰ ਦੇਖੇਗੀ, ਤਾਂ ਜੋ ਉਹ ਪੱਕਾ ਕਰ ਸਕਣ ਕਿ ਤੁਹਾਨੂੰ ਮਦਦ ਮਿਲੇ।"
        ),
        PRIVACY_3: "ਜੇ ਤੁਸੀਂ ਸਾਨੂੰ ਤੁਹਾਡੇ ਨਾਲ ਸੰਪਰਕ ਕਰਨ ਲਈ ਕਹੋ, ਤਾਂ ਸਿਰਫ਼ ਸੁਰੱਖਿਆ ਟੀਮ ਹੀ ਤੁਹਾਡੇ ਸੰਪਰਕ ਵੇਰਵੇ ਦੇਖੇਗੀ।",
        THANK_YOU: ("ਤੁਸੀਂ ਸਾਨੂੰ ਜੋ ਦੱਸਿਆ ਹੈ, ਉਹ ਰਣਨੀਤੀ 'ਤੇ ਕੰਮ ਕਰਨ ਵਾਲੇ ਲੋਕ ਪੜ੍ਹਨਗੇ। ਲੈਸਟਰ ਨੂੰ ਹੋਰ ਸੁਰੱਖਿਅਤ ਬਣਾਉਣ ਵਿੱਚ ਮਦਦ ਕਰਨ ਲਈ ਧੰਨਵਾਦ।"),
    },
    "ur": {
        TITLE: "اپنی بات کہیں",
        INTRO: (
            "ہمیں بتائیں کہ آپ جہاں رہتے ہیں وہاں کیا چیز آپ کو زیادہ محفوظ محسوس کروائے گی۔ آپ کو اپنا نام "
            "بتانے کی ضرورت نہیں۔ اس میں تقریباً دو منٹ لگتے ہیں۔"
        ),
        PRIVACY_1: (
            "ہم آپ کا نام نہیں پوچھتے۔ کونسل میں نوجوانوں کو محفوظ رکھنے پر کام کرنے والے لوگ آپ کی لکھی ہوئی "
            "بات پڑھتے ہیں اور اسی سے طے کرتے ہیں کہ کیا کرنا ہے۔"
        ),
        PRIVACY_2: (
            "اگر آپ کی لکھی ہوئی بات سے ہمیں لگے کہ آپ یا کوئی اور خطرے میں ہو سکتا ہے، تو ہماری حفاظتی ٹیم "
            "اسے دیکھے گی، تاکہ وہ یقینی بنا سکے کہ آپ کو مدد ملے۔"
        ),
        PRIVACY_3: "اگر آپ ہم سے رابطہ کرنے کو کہیں، تو آپ کے رابطے کی تفصیلات صرف حفاظتی ٹیم دیکھے گی۔",
        THANK_YOU: (
            "آپ نے ہمیں جو بتایا ہے وہ حکمت عملی پر کام کرنے والے لوگ پڑھیں گے۔ لیسٹر کو زیادہ محفوظ بنانے میں "
            "مدد کرنے کا شکریہ۔"
        ),
    },
    "pl": {
        TITLE: "Powiedz, co myślisz",
        INTRO: (
            "Powiedz nam, co sprawiłoby, że czułbyś się bezpieczniej tam, gdzie mieszkasz. Nie musisz podawać "
            "imienia. Zajmie to około dwóch minut."
        ),
        PRIVACY_1: (
            "Nie pytamy o Twoje imię. Osoby w radzie miasta, które dbają o bezpieczeństwo młodych ludzi, czytają "
            "to, co piszesz, i na tej podstawie decydują, co robić."
        ),
        PRIVACY_2: (
            "Jeśli z tego, co napiszesz, wyniknie, że Ty lub ktoś inny może być w niebezpieczeństwie, zobaczy to "
            "nasz zespół ds. ochrony, aby upewnić się, że otrzymasz pomoc."
        ),
        PRIVACY_3: "Jeśli poprosisz nas o kontakt, Twoje dane kontaktowe zobaczy tylko zespół ds. ochrony.",
        THANK_YOU: (
            "To, co nam przekazałeś, przeczytają osoby pracujące nad strategią. Dziękujemy, że pomagasz uczynić "
            "Leicester bezpieczniejszym."
        ),
    },
    "so": {
        TITLE: "Codkaaga ka dhiib",
        INTRO: (
            "Noo sheeg waxa kaa dhigi lahaa inaad dareento ammaan badan meesha aad ku nooshahay. Looma baahna "
            "inaad noo sheegto magacaaga. Waxay qaadanaysaa ilaa laba daqiiqo."
        ),
        PRIVACY_1: (
            "Magacaaga ma weydiinno. Dadka golaha deegaanka ee ka shaqeeya ilaalinta dhallinyarada ayaa akhriya "
            "waxaad qorto, waxayna u isticmaalaan inay go'aansadaan waxa la samaynayo."
        ),
        PRIVACY_2: (
            "Haddii waxaad qorto ay naga dhaadhiciyaan in adiga ama qof kale khatar ku jiri karo, kooxdayada "
            "ilaalinta ayaa arki doonta, si ay u hubiyaan inaad hesho caawimaad."
        ),
        PRIVACY_3: (
            "Haddii aad naga codsato inaan kula soo xiriirno, kooxda ilaalinta oo keliya ayaa arki doonta "
            "macluumaadkaaga xiriirka."
        ),
        THANK_YOU: (
            "Waxaad noo sheegtay waxaa akhriyi doona dadka ka shaqeeya istaraatiijiyadda. Waad ku mahadsan "
            "tahay inaad naga caawisay sidii Leicester looga dhigi lahaa meel ammaan badan."
        ),
    },
    "ar": {
        TITLE: "قل رأيك",
        INTRO: (
            "أخبرنا بما يجعلك تشعر بأمان أكبر في المكان الذي تعيش فيه. لست بحاجة إلى أن تخبرنا باسمك. "
            "يستغرق الأمر دقيقتين تقريبًا."
        ),
        PRIVACY_1: (
            "نحن لا نسألك عن اسمك. يقرأ العاملون في المجلس على حماية الشباب ما تكتبه، ويستعينون به ليقرروا ما يجب فعله."
        ),
        PRIVACY_2: (
            "إذا بدا لنا مما تكتبه أنك أنت أو شخصًا آخر قد تكون في خطر، فسيطّلع عليه فريق الحماية لدينا، "
            "ليتأكد من حصولك على المساعدة."
        ),
        PRIVACY_3: "إذا طلبت منا التواصل معك، فلن يرى بيانات الاتصال الخاصة بك إلا فريق الحماية.",
        THANK_YOU: (
            "سيقرأ ما أخبرتنا به الأشخاص الذين يعملون على الاستراتيجية. شكرًا لك على مساعدتنا في جعل ليستر أكثر أمانًا."
        ),
    },
}


# The open survey: its title, introduction, privacy notice (a string a paragraph), thank-you
# text, and each question's label, hint, choices, scale labels and statements. Its address
# stays English in every language. Ward names (the ward question's answers) are the wards',
# not the survey's, and stay as they are.
SURVEY_TITLE = "Feeling safe where you live"
SURVEY_INTRO = (
    "Help us understand where people feel unsafe and what would make a difference. It takes about five minutes."
)
SURVEY_PRIVACY_1 = (
    "You don't have to give your name, and we don't store your IP address with your answers. Council officers "
    "working on the Knife Crime and Serious Violence Strategy read the answers and report on them in numbers and "
    "themes; reports never name anyone."
)
SURVEY_PRIVACY_2 = (
    "If what you write suggests that you or someone else may be at risk of harm, our safeguarding team will see it "
    "so they can make sure help is offered."
)
SURVEY_PRIVACY_3 = (
    "If you ask us to contact you, only the staff who need to will see your contact details, and we will use them "
    "only to contact you about what you said."
)
SURVEY_THANK_YOU = (
    "Thank you. Officers read every answer and group it under the strategy's six themes. We will publish what you "
    "told us, and what we did about it, on this page when the survey closes."
)
SECTION_SAFE = "Feeling safe"
SECTION_SAFE_HINT = "First, how safe you feel now."
Q_DAY = "How safe do you feel in your neighbourhood during the day?"
Q_RATING_HINT = "1 is very unsafe, 5 is very safe."
Q_DARK = "How safe do you feel in your neighbourhood after dark?"
Q_WORRY = "How often do you worry about knife crime where you live?"
Q_WORRY_CHOICES = "Never<br/>Sometimes<br/>Often<br/>All the time"
Q_LEAST_SAFE = "Where do you feel least safe?"
Q_LEAST_SAFE_CHOICES = (
    "Parks and open spaces<br/>"
    "Bus stops and stations<br/>"
    "The city centre<br/>"
    "Near schools and colleges<br/>"
    "On my own street"
)
Q_PLACES = "How safe do you feel in these places?"
Q_PLACES_SCALE = "Very safe<br/>Fairly safe<br/>Neither safe nor unsafe<br/>Fairly unsafe<br/>Very unsafe"
Q_PLACES_STATEMENTS = (
    "In the city centre during the day<br/>In the city centre after dark<br/>On buses and at bus stops"
)
Q_WHEN = "If something happened recently that made you feel unsafe, when was it?"
Q_WHEN_HINT = "For example, 27 3 2026. Leave it empty if nothing did."
SECTION_HELP = "What would help"
SECTION_HELP_HINT = "Now, what would make a difference."
Q_WOULD_HELP = "What would make your neighbourhood feel safer?"
Q_DO_MORE = "Which of these should the council and its partners do more of?"
Q_DO_MORE_CHOICES = (
    "Youth clubs and activities<br/>"
    "Mentoring for young people at risk<br/>"
    "Support for parents<br/>"
    "Help into work and training<br/>"
    "Emergency bleed-control kits<br/>"
    "Working with schools to reduce exclusions"
)
Q_FIRST = "Which places need action first?"
Q_FIRST_CHOICES = (
    "Parks and open spaces<br/>Bus stops and stations<br/>The city centre<br/>Routes to schools and colleges"
)
Q_BLEED_KIT = "Do you know where your nearest emergency bleed-control kit is?"
Q_JOURNEY = "What would make the journey to and from school or college feel safer?"
Q_JOURNEY_HINT = "You said you feel least safe near schools and colleges."
Q_ONE_THING = "If you could change one thing, what would it be?"
SECTION_YOU = "Your age and area"
SECTION_YOU_HINT = "These questions are optional. They help us see whether we are hearing from every part of the city."
Q_AGE = "How old are you?"
Q_WARD = "Which ward do you live in?"
Q_YEARS = "How many years have you lived in Leicester?"
Q_YEARS_HINT = "A whole number from 0 to 100. Leave it empty if you don't live here."

SURVEY = {
    "gu": {
        SURVEY_TITLE: "તમે જ્યાં રહો છો ત્યાં સુરક્ષિત અનુભવવું",
        SURVEY_INTRO: ("લોકો ક્યાં અસુરક્ષિત અનુભવે છે અને શું ફરક લાવી શકે તે સમજવામાં અમને મદદ કરો. તેમાં લગભગ પાંચ મિનિટ લાગે છે."),
        SURVEY_PRIVACY_1: (
            "તમારે તમારું નામ આપવાની જરૂર નથી, અને અમે તમારા જવાબો સાથે તમારું IP સરનામું સાચવતા નથી. છરીના ગુના "
            "અને ગંભીર હિંસા અંગેની વ્યૂહરચના પર કામ કરતા કાઉન્સિલના અધિકારીઓ જવાબો વાંચે છે અને તેના વિશે આંકડા "
            "અને મુખ્ય વિષયો રૂપે અહેવાલ આપે છે; અહેવાલોમાં ક્યારેય કોઈનું નામ હોતું નથી."
        ),
        SURVEY_PRIVACY_2: (
            "તમે જે લખો તેના પરથી લાગે કે તમને અથવા બીજા કોઈને નુકસાન થવાનું જોખમ હોઈ શકે, તો અમારી સુરક્ષા ટીમ તે "
            "જોશે, જેથી તેઓ ખાતરી કરી શકે કે મદદ આપવામાં આવે."
        ),
        SURVEY_PRIVACY_3: (
            "જો તમે અમને તમારો સંપર્ક કરવાનું કહો, તો ફક્ત જે કર્મચારીઓને જરૂર હોય તેઓ જ તમારી સંપર્ક વિગતો જોશે, "
            "અને અમે તેનો ઉપયોગ ફક્ત તમે જે કહ્યું તેના વિશે તમારો સંપર્ક કરવા માટે જ કરીશું."
        ),
        SURVEY_THANK_YOU: (
            "આભાર. અધિકારીઓ દરેક જવાબ વાંચે છે અને તેને વ્યૂહરચનાના છ મુખ્ય વિષયો હેઠળ ગોઠવે છે. સર્વે બંધ થાય "
            "ત્યારે તમે અમને શું કહ્યું અને અમે તેના વિશે શું કર્યું તે અમે આ પાના પર પ્રકાશિત કરીશું."
        ),
        SECTION_SAFE: "સુરક્ષિત અનુભવવું",
        SECTION_SAFE_HINT: "પહેલાં, તમે અત્યારે કેટલું સુરક્ષિત અનુભવો છો.",
        Q_DAY: "દિવસ દરમિયાન તમે તમારા વિસ્તારમાં કેટલું સુરક્ષિત અનુભવો છો?",
        Q_RATING_HINT: "1 એટલે ખૂબ અસુરક્ષિત, 5 એટલે ખૂબ સુરક્ષિત.",
        Q_DARK: "અંધારું થયા પછી તમે તમારા વિસ્તારમાં કેટલું સુરક્ષિત અનુભવો છો?",
        Q_WORRY: "તમે જ્યાં રહો છો ત્યાં છરીના ગુના વિશે તમે કેટલી વાર ચિંતા કરો છો?",
        Q_WORRY_CHOICES: "ક્યારેય નહીં<br/>ક્યારેક<br/>ઘણી વાર<br/>હંમેશાં",
        Q_LEAST_SAFE: "તમે ક્યાં સૌથી ઓછું સુરક્ષિત અનુભવો છો?",
        Q_LEAST_SAFE_CHOICES: (
            "પાર્ક અને ખુલ્લી જગ્યાઓ<br/>બસ સ્ટોપ અને સ્ટેશન<br/>શહેરનું કેન્દ્ર<br/>શાળાઓ અને કોલેજોની નજીક<br/>મારી પોતાની શેરીમાં"
        ),
        Q_PLACES: "આ જગ્યાઓએ તમે કેટલું સુરક્ષિત અનુભવો છો?",
        Q_PLACES_SCALE: ("ખૂબ સુરક્ષિત<br/>થોડું સુરક્ષિત<br/>ન સુરક્ષિત, ન અસુરક્ષિત<br/>થોડું અસુરક્ષિત<br/>ખૂબ અસુરક્ષિત"),
        Q_PLACES_STATEMENTS: ("દિવસ દરમિયાન શહેરના કેન્દ્રમાં<br/>અંધારું થયા પછી શહેરના કેન્દ્રમાં<br/>બસમાં અને બસ સ્ટોપ પર"),
        Q_WHEN: "જો તાજેતરમાં એવું કંઈક બન્યું હોય જેનાથી તમે અસુરક્ષિત અનુભવ્યું, તો તે ક્યારે બન્યું હતું?",
        Q_WHEN_HINT: "ઉદાહરણ તરીકે, 27 3 2026. જો એવું કંઈ બન્યું ન હોય તો ખાલી છોડો.",
        SECTION_HELP: "શું મદદ કરશે",
        SECTION_HELP_HINT: "હવે, શું ફરક લાવી શકે.",
        Q_WOULD_HELP: "તમારો વિસ્તાર વધુ સુરક્ષિત લાગે તે માટે શું કરી શકાય?",
        Q_DO_MORE: "કાઉન્સિલ અને તેના ભાગીદારોએ આમાંથી શું વધુ કરવું જોઈએ?",
        Q_DO_MORE_CHOICES: (
            "યુવા ક્લબ અને પ્રવૃત્તિઓ<br/>"
            "જોખમમાં હોય તેવા યુવાનો માટે માર્ગદર્શન (મેન્ટરિંગ)<br/>"
            "માતા-પિતા માટે સહાય<br/>"
            "નોકરી અને તાલીમ મેળવવામાં મદદ<br/>"
            "રક્તસ્રાવ રોકવા માટેની ઇમરજન્સી કિટ<br/>"
            "શાળામાંથી કાઢી મૂકવાના કિસ્સા ઘટાડવા શાળાઓ સાથે કામ"
        ),
        Q_FIRST: "કઈ જગ્યાઓ પર સૌથી પહેલાં પગલાં લેવાની જરૂર છે?",
        Q_FIRST_CHOICES: ("પાર્ક અને ખુલ્લી જગ્યાઓ<br/>બસ સ્ટોપ અને સ્ટેશન<br/>શહેરનું કેન્દ્ર<br/>શાળાઓ અને કોલેજો સુધીના રસ્તા"),
        Q_BLEED_KIT: "શું તમને ખબર છે કે રક્તસ્રાવ રોકવા માટેની સૌથી નજીકની ઇમરજન્સી કિટ ક્યાં છે?",
        Q_JOURNEY: "શાળા કે કોલેજ આવવા-જવાની મુસાફરી વધુ સુરક્ષિત લાગે તે માટે શું કરી શકાય?",
        Q_JOURNEY_HINT: "તમે કહ્યું કે તમે શાળાઓ અને કોલેજોની નજીક સૌથી ઓછું સુરક્ષિત અનુભવો છો.",
        Q_ONE_THING: "જો તમે એક વસ્તુ બદલી શકો, તો તે શું હશે?",
        SECTION_YOU: "તમારી ઉંમર અને વિસ્તાર",
        SECTION_YOU_HINT: (
            "આ પ્રશ્નોના જવાબ આપવા ફરજિયાત નથી. તેનાથી અમને ખબર પડે છે કે અમે શહેરના દરેક ભાગના લોકોની વાત સાંભળી રહ્યા છીએ કે નહીં."
        ),
        Q_AGE: "તમારી ઉંમર કેટલી છે?",
        Q_WARD: "તમે કયા વોર્ડમાં રહો છો?",
        Q_YEARS: "તમે કેટલાં વર્ષથી લેસ્ટરમાં રહો છો?",
        Q_YEARS_HINT: "0 થી 100 સુધીની પૂર્ણ સંખ્યા. જો તમે અહીં રહેતા ન હો તો ખાલી છોડો.",
    },
    "pa": {
        SURVEY_TITLE: "ਜਿੱਥੇ ਤੁਸੀਂ ਰਹਿੰਦੇ ਹੋ ਉੱਥੇ ਸੁਰੱਖਿਅਤ ਮਹਿਸੂਸ ਕਰਨਾ",
        SURVEY_INTRO: (
            "ਸਾਨੂੰ ਇਹ ਸਮਝਣ ਵਿੱਚ ਮਦਦ ਕਰੋ ਕਿ ਲੋਕ ਕਿੱਥੇ ਅਸੁਰੱਖਿਅਤ ਮਹਿਸੂਸ ਕਰਦੇ ਹਨ ਅਤੇ ਕਿਹੜੀ ਚੀਜ਼ ਫ਼ਰਕ ਪਾ ਸਕਦੀ ਹੈ। ਇਸ "
            "ਵਿੱਚ ਲਗਭਗ ਪੰਜ ਮਿੰਟ ਲੱਗਦੇ ਹਨ।"
        ),
        SURVEY_PRIVACY_1: (
            "ਤੁਹਾਨੂੰ ਆਪਣਾ ਨਾਮ ਦੱਸਣ ਦੀ ਲੋੜ ਨਹੀਂ, ਅਤੇ ਅਸੀਂ ਤੁਹਾਡੇ ਜਵਾਬਾਂ ਨਾਲ ਤੁਹਾਡਾ IP ਪਤਾ ਨਹੀਂ ਰੱਖਦੇ। ਚਾਕੂ ਅਪਰਾਧ ਅਤੇ "
            "ਗੰਭੀਰ ਹਿੰਸਾ ਬਾਰੇ ਰਣਨੀਤੀ 'ਤੇ ਕੰਮ ਕਰਨ ਵਾਲੇ ਕੌਂਸਲ ਦੇ ਅਧਿਕਾਰੀ ਜਵਾਬ ਪੜ੍ਹਦੇ ਹਨ ਅਤੇ ਉਹਨਾਂ ਬਾਰੇ ਅੰਕੜਿਆਂ ਅਤੇ "
            "ਮੁੱਖ ਵਿਸ਼ਿਆਂ ਦੇ ਰੂਪ ਵਿੱਚ ਰਿਪੋਰਟ ਕਰਦੇ ਹਨ; ਰਿਪੋਰਟਾਂ ਵਿੱਚ ਕਦੇ ਕਿਸੇ ਦਾ ਨਾਮ ਨਹੀਂ ਹੁੰਦਾ।"
        ),
        SURVEY_PRIVACY_2: (
            "ਜੇ ਤੁਹਾਡੇ ਲਿਖੇ ਤੋਂ ਲੱਗੇ ਕਿ ਤੁਹਾਨੂੰ ਜਾਂ ਕਿਸੇ ਹੋਰ ਨੂੰ ਨੁਕਸਾਨ ਦਾ ਖ਼ਤਰਾ ਹੋ ਸਕਦਾ ਹੈ, ਤਾਂ ਸਾਡੀ ਸੁਰੱਖਿਆ ਟੀਮ "
            "ਇਸਨੂੰ ਦੇਖੇਗੀ, ਤਾਂ ਜੋ ਉਹ ਪੱਕਾ ਕਰ ਸਕਣ ਕਿ ਮਦਦ ਦੀ ਪੇਸ਼ਕਸ਼ ਕੀਤੀ ਜਾਵੇ।"
        ),
        SURVEY_PRIVACY_3: (
            "ਜੇ ਤੁਸੀਂ ਸਾਨੂੰ ਤੁਹਾਡੇ ਨਾਲ ਸੰਪਰਕ ਕਰਨ ਲਈ ਕਹੋ, ਤਾਂ ਤੁਹਾਡੇ ਸੰਪਰਕ ਵੇਰਵੇ ਸਿਰਫ਼ ਉਹੀ ਸਟਾਫ਼ ਦੇਖੇਗਾ ਜਿਸਨੂੰ ਇਹਨਾਂ "
            "ਦੀ ਲੋੜ ਹੈ, ਅਤੇ ਅਸੀਂ ਇਹਨਾਂ ਨੂੰ ਸਿਰਫ਼ ਤੁਹਾਡੀ ਕਹੀ ਗੱਲ ਬਾਰੇ ਤੁਹਾਡੇ ਨਾਲ ਸੰਪਰਕ ਕਰਨ ਲਈ ਵਰਤਾਂਗੇ।"
        ),
        SURVEY_THANK_YOU: (
            "ਧੰਨਵਾਦ। ਅਧਿਕਾਰੀ ਹਰ ਜਵਾਬ ਪੜ੍ਹਦੇ ਹਨ ਅਤੇ ਇਸਨੂੰ ਰਣਨੀਤੀ ਦੇ ਛੇ ਮੁੱਖ ਵਿਸ਼ਿਆਂ ਹੇਠ ਰੱਖਦੇ ਹਨ। ਸਰਵੇਖਣ ਬੰਦ ਹੋਣ 'ਤੇ "
            "ਅਸੀਂ ਇਸ ਪੰਨੇ 'ਤੇ ਦੱਸਾਂਗੇ ਕਿ ਤੁਸੀਂ ਸਾਨੂੰ ਕੀ ਕਿਹਾ ਅਤੇ ਅਸੀਂ ਇਸ ਬਾਰੇ ਕੀ ਕੀਤਾ।"
        ),
        SECTION_SAFE: "ਸੁਰੱਖਿਅਤ ਮਹਿਸੂਸ ਕਰਨਾ",
        SECTION_SAFE_HINT: "ਪਹਿਲਾਂ, ਤੁਸੀਂ ਹੁਣ ਕਿੰਨਾ ਸੁਰੱਖਿਅਤ ਮਹਿਸੂਸ ਕਰਦੇ ਹੋ।",
        Q_DAY: "ਦਿਨ ਵੇਲੇ ਤੁਸੀਂ ਆਪਣੇ ਇਲਾਕੇ ਵਿੱਚ ਕਿੰਨਾ ਸੁਰੱਖਿਅਤ ਮਹਿਸੂਸ ਕਰਦੇ ਹੋ?",
        Q_RATING_HINT: "1 ਦਾ ਮਤਲਬ ਬਹੁਤ ਅਸੁਰੱਖਿਅਤ, 5 ਦਾ ਮਤਲਬ ਬਹੁਤ ਸੁਰੱਖਿਅਤ।",
        Q_DARK: "ਹਨੇਰਾ ਹੋਣ ਤੋਂ ਬਾਅਦ ਤੁਸੀਂ ਆਪਣੇ ਇਲਾਕੇ ਵਿੱਚ ਕਿੰਨਾ ਸੁਰੱਖਿਅਤ ਮਹਿਸੂਸ ਕਰਦੇ ਹੋ?",
        Q_WORRY: "ਤੁਸੀਂ ਜਿੱਥੇ ਰਹਿੰਦੇ ਹੋ ਉੱਥੇ ਚਾਕੂ ਅਪਰਾਧ ਬਾਰੇ ਕਿੰਨੀ ਵਾਰ ਚਿੰਤਾ ਕਰਦੇ ਹੋ?",
        Q_WORRY_CHOICES: "ਕਦੇ ਨਹੀਂ<br/>ਕਦੇ-ਕਦੇ<br/>ਅਕਸਰ<br/>ਹਰ ਵੇਲੇ",
        Q_LEAST_SAFE: "ਤੁਸੀਂ ਸਭ ਤੋਂ ਘੱਟ ਸੁਰੱਖਿਅਤ ਕਿੱਥੇ ਮਹਿਸੂਸ ਕਰਦੇ ਹੋ?",
        Q_LEAST_SAFE_CHOICES: (
            "ਪਾਰਕ ਅਤੇ ਖੁੱਲ੍ਹੀਆਂ ਥਾਵਾਂ<br/>ਬੱਸ ਅੱਡੇ ਅਤੇ ਸਟੇਸ਼ਨ<br/>ਸ਼ਹਿਰ ਦਾ ਕੇਂਦਰ<br/>ਸਕੂਲਾਂ ਅਤੇ ਕਾਲਜਾਂ ਦੇ ਨੇੜੇ<br/>ਮੇਰੀ ਆਪਣੀ ਗਲੀ ਵਿੱਚ"
        ),
        Q_PLACES: "ਇਹਨਾਂ ਥਾਵਾਂ 'ਤੇ ਤੁਸੀਂ ਕਿੰਨਾ ਸੁਰੱਖਿਅਤ ਮਹਿਸੂਸ ਕਰਦੇ ਹੋ?",
        Q_PLACES_SCALE: ("ਬਹੁਤ ਸੁਰੱਖਿਅਤ<br/>ਕਾਫ਼ੀ ਸੁਰੱਖਿਅਤ<br/>ਨਾ ਸੁਰੱਖਿਅਤ, ਨਾ ਅਸੁਰੱਖਿਅਤ<br/>ਕਾਫ਼ੀ ਅਸੁਰੱਖਿਅਤ<br/>ਬਹੁਤ ਅਸੁਰੱਖਿਅਤ"),
        Q_PLACES_STATEMENTS: ("ਦਿਨ ਵੇਲੇ ਸ਼ਹਿਰ ਦੇ ਕੇਂਦਰ ਵਿੱਚ<br/>ਹਨੇਰਾ ਹੋਣ ਤੋਂ ਬਾਅਦ ਸ਼ਹਿਰ ਦੇ ਕੇਂਦਰ ਵਿੱਚ<br/>ਬੱਸਾਂ ਵਿੱਚ ਅਤੇ ਬੱਸ ਅੱਡਿਆਂ 'ਤੇ"),
        Q_WHEN: "ਜੇ ਹਾਲ ਹੀ ਵਿੱਚ ਕੁਝ ਅਜਿਹਾ ਹੋਇਆ ਜਿਸ ਨਾਲ ਤੁਸੀਂ ਅਸੁਰੱਖਿਅਤ ਮਹਿਸੂਸ ਕੀਤਾ, ਤਾਂ ਉਹ ਕਦੋਂ ਹੋਇਆ ਸੀ?",
        Q_WHEN_HINT: "ਉਦਾਹਰਨ ਲਈ, 27 3 2026। ਜੇ ਅਜਿਹਾ ਕੁਝ ਨਹੀਂ ਹੋਇਆ ਤਾਂ ਖਾਲੀ ਛੱਡ ਦਿਓ।",
        SECTION_HELP: "ਕੀ ਮਦਦ ਕਰੇਗਾ",
        SECTION_HELP_HINT: "ਹੁਣ, ਕਿਹੜੀ ਚੀਜ਼ ਫ਼ਰਕ ਪਾ ਸਕਦੀ ਹੈ।",
        Q_WOULD_HELP: "ਕਿਹੜੀ ਚੀਜ਼ ਨਾਲ ਤੁਹਾਡਾ ਇਲਾਕਾ ਹੋਰ ਸੁਰੱਖਿਅਤ ਮਹਿਸੂਸ ਹੋਵੇਗਾ?",
        Q_DO_MORE: "ਕੌਂਸਲ ਅਤੇ ਇਸਦੇ ਭਾਈਵਾਲਾਂ ਨੂੰ ਇਹਨਾਂ ਵਿੱਚੋਂ ਕਿਹੜੇ ਕੰਮ ਹੋਰ ਵੱਧ ਕਰਨੇ ਚਾਹੀਦੇ ਹਨ?",
        Q_DO_MORE_CHOICES: (
            "ਯੂਥ ਕਲੱਬ ਅਤੇ ਗਤੀਵਿਧੀਆਂ<br/>"
            "ਖ਼ਤਰੇ ਵਿੱਚ ਨੌਜਵਾਨਾਂ ਲਈ ਮਾਰਗਦਰਸ਼ਨ (ਮੈਂਟਰਿੰਗ)<br/>"
            "ਮਾਪਿਆਂ ਲਈ ਸਹਾਇਤਾ<br/>"
            "ਕੰਮ ਅਤੇ ਸਿਖਲਾਈ ਲੱਭਣ ਵਿੱਚ ਮਦਦ<br/>"
            "ਖ਼ੂਨ ਵਹਿਣਾ ਰੋਕਣ ਵਾਲੀਆਂ ਐਮਰਜੈਂਸੀ ਕਿੱਟਾਂ<br/>"
            "ਸਕੂਲ ਵਿੱਚੋਂ ਕੱਢੇ ਜਾਣ ਦੇ ਮਾਮਲੇ ਘਟਾਉਣ ਲਈ ਸਕੂਲਾਂ ਨਾਲ ਕੰਮ ਕਰਨਾ"
        ),
        Q_FIRST: "ਕਿਹੜੀਆਂ ਥਾਵਾਂ 'ਤੇ ਸਭ ਤੋਂ ਪਹਿਲਾਂ ਕਾਰਵਾਈ ਦੀ ਲੋੜ ਹੈ?",
        Q_FIRST_CHOICES: ("ਪਾਰਕ ਅਤੇ ਖੁੱਲ੍ਹੀਆਂ ਥਾਵਾਂ<br/>ਬੱਸ ਅੱਡੇ ਅਤੇ ਸਟੇਸ਼ਨ<br/>ਸ਼ਹਿਰ ਦਾ ਕੇਂਦਰ<br/>ਸਕੂਲਾਂ ਅਤੇ ਕਾਲਜਾਂ ਨੂੰ ਜਾਣ ਵਾਲੇ ਰਸਤੇ"),
        Q_BLEED_KIT: "ਕੀ ਤੁਹਾਨੂੰ ਪਤਾ ਹੈ ਕਿ ਖ਼ੂਨ ਵਹਿਣਾ ਰੋਕਣ ਵਾਲੀ ਸਭ ਤੋਂ ਨੇੜਲੀ ਐਮਰਜੈਂਸੀ ਕਿੱਟ ਕਿੱਥੇ ਹੈ?",
        Q_JOURNEY: "ਸਕੂਲ ਜਾਂ ਕਾਲਜ ਆਉਣ-ਜਾਣ ਦਾ ਸਫ਼ਰ ਹੋਰ ਸੁਰੱਖਿਅਤ ਮਹਿਸੂਸ ਹੋਵੇ, ਇਸ ਲਈ ਕੀ ਕੀਤਾ ਜਾ ਸਕਦਾ ਹੈ?",
        Q_JOURNEY_HINT: "ਤੁਸੀਂ ਦੱਸਿਆ ਕਿ ਤੁਸੀਂ ਸਕੂਲਾਂ ਅਤੇ ਕਾਲਜਾਂ ਦੇ ਨੇੜੇ ਸਭ ਤੋਂ ਘੱਟ ਸੁਰੱਖਿਅਤ ਮਹਿਸੂਸ ਕਰਦੇ ਹੋ।",
        Q_ONE_THING: "ਜੇ ਤੁਸੀਂ ਇੱਕ ਚੀਜ਼ ਬਦਲ ਸਕਦੇ, ਤਾਂ ਉਹ ਕੀ ਹੁੰਦੀ?",
        SECTION_YOU: "ਤੁਹਾਡੀ ਉਮਰ ਅਤੇ ਇਲਾਕਾ",
        SECTION_YOU_HINT: (
            "ਇਹਨਾਂ ਸਵਾਲਾਂ ਦੇ ਜਵਾਬ ਦੇਣਾ ਤੁਹਾਡੀ ਮਰਜ਼ੀ ਹੈ। ਇਹਨਾਂ ਨਾਲ ਸਾਨੂੰ ਪਤਾ ਲੱਗਦਾ ਹੈ ਕਿ ਕੀ ਅਸੀਂ ਸ਼ਹਿਰ ਦੇ ਹਰ ਹਿੱਸੇ ਦੇ ਲੋਕਾਂ ਦੀ ਗੱਲ ਸੁਣ ਰਹੇ ਹਾਂ।"
        ),
        Q_AGE: "ਤੁਹਾਡੀ ਉਮਰ ਕਿੰਨੀ ਹੈ?",
        Q_WARD: "ਤੁਸੀਂ ਕਿਸ ਵਾਰਡ ਵਿੱਚ ਰਹਿੰਦੇ ਹੋ?",
        Q_YEARS: "ਤੁਸੀਂ ਕਿੰਨੇ ਸਾਲਾਂ ਤੋਂ ਲੈਸਟਰ ਵਿੱਚ ਰਹਿ ਰਹੇ ਹੋ?",
        Q_YEARS_HINT: "0 ਤੋਂ 100 ਤੱਕ ਕੋਈ ਪੂਰੀ ਗਿਣਤੀ। ਜੇ ਤੁਸੀਂ ਇੱਥੇ ਨਹੀਂ ਰਹਿੰਦੇ ਤਾਂ ਖਾਲੀ ਛੱਡ ਦਿਓ।",
    },
    "ur": {
        SURVEY_TITLE: "جہاں آپ رہتے ہیں وہاں محفوظ محسوس کرنا",
        SURVEY_INTRO: (
            "یہ سمجھنے میں ہماری مدد کریں کہ لوگ کہاں خود کو غیر محفوظ محسوس کرتے ہیں اور کس چیز سے فرق پڑ سکتا ہے۔ "
            "اس میں تقریباً پانچ منٹ لگتے ہیں۔"
        ),
        SURVEY_PRIVACY_1: (
            "آپ کو اپنا نام بتانے کی ضرورت نہیں، اور ہم آپ کے جوابات کے ساتھ آپ کا IP ایڈریس محفوظ نہیں کرتے۔ چاقو "
            "کے جرائم اور سنگین تشدد کی حکمت عملی پر کام کرنے والے کونسل کے افسران جوابات پڑھتے ہیں اور ان کے بارے "
            "میں اعداد و شمار اور اہم موضوعات کی صورت میں رپورٹ کرتے ہیں؛ رپورٹوں میں کبھی کسی کا نام نہیں ہوتا۔"
        ),
        SURVEY_PRIVACY_2: (
            "اگر آپ کی لکھی ہوئی بات سے لگے کہ آپ کو یا کسی اور کو نقصان پہنچنے کا خطرہ ہو سکتا ہے، تو ہماری حفاظتی "
            "ٹیم اسے دیکھے گی تاکہ وہ یقینی بنا سکے کہ مدد پیش کی جائے۔"
        ),
        SURVEY_PRIVACY_3: (
            "اگر آپ ہم سے رابطہ کرنے کو کہیں، تو آپ کے رابطے کی تفصیلات صرف وہی عملہ دیکھے گا جسے ان کی ضرورت ہو، "
            "اور ہم انہیں صرف آپ کی کہی ہوئی بات کے بارے میں آپ سے رابطہ کرنے کے لیے استعمال کریں گے۔"
        ),
        SURVEY_THANK_YOU: (
            "شکریہ۔ افسران ہر جواب پڑھتے ہیں اور اسے حکمت عملی کے چھ اہم موضوعات کے تحت رکھتے ہیں۔ سروے بند ہونے پر "
            "ہم اس صفحے پر بتائیں گے کہ آپ نے ہمیں کیا بتایا اور ہم نے اس کے بارے میں کیا کیا۔"
        ),
        SECTION_SAFE: "محفوظ محسوس کرنا",
        SECTION_SAFE_HINT: "پہلے یہ کہ آپ اس وقت خود کو کتنا محفوظ محسوس کرتے ہیں۔",
        Q_DAY: "دن کے وقت آپ اپنے علاقے میں خود کو کتنا محفوظ محسوس کرتے ہیں؟",
        Q_RATING_HINT: "1 کا مطلب بہت غیر محفوظ، 5 کا مطلب بہت محفوظ۔",
        Q_DARK: "اندھیرا ہونے کے بعد آپ اپنے علاقے میں خود کو کتنا محفوظ محسوس کرتے ہیں؟",
        Q_WORRY: "آپ جہاں رہتے ہیں وہاں آپ کو چاقو کے جرائم کی فکر کتنی بار ہوتی ہے؟",
        Q_WORRY_CHOICES: "کبھی نہیں<br/>کبھی کبھی<br/>اکثر<br/>ہر وقت",
        Q_LEAST_SAFE: "آپ خود کو سب سے کم محفوظ کہاں محسوس کرتے ہیں؟",
        Q_LEAST_SAFE_CHOICES: (
            "پارک اور کھلی جگہیں<br/>"
            "بس اسٹاپ اور اسٹیشن<br/>"
            "شہر کا مرکز<br/>"
            "اسکولوں اور کالجوں کے قریب<br/>"
            "میری اپنی گلی میں"
        ),
        Q_PLACES: "ان جگہوں پر آپ خود کو کتنا محفوظ محسوس کرتے ہیں؟",
        Q_PLACES_SCALE: (
            "بہت محفوظ<br/>کافی حد تک محفوظ<br/>نہ محفوظ، نہ غیر محفوظ<br/>کافی حد تک غیر محفوظ<br/>بہت غیر محفوظ"
        ),
        Q_PLACES_STATEMENTS: (
            "دن کے وقت شہر کے مرکز میں<br/>اندھیرا ہونے کے بعد شہر کے مرکز میں<br/>بسوں میں اور بس اسٹاپس پر"
        ),
        Q_WHEN: "اگر حال ہی میں کچھ ایسا ہوا جس سے آپ نے خود کو غیر محفوظ محسوس کیا، تو وہ کب ہوا تھا؟",
        Q_WHEN_HINT: "مثال کے طور پر، 27 3 2026۔ اگر ایسا کچھ نہیں ہوا تو اسے خالی چھوڑ دیں۔",
        SECTION_HELP: "کس چیز سے مدد ملے گی",
        SECTION_HELP_HINT: "اب یہ کہ کس چیز سے فرق پڑ سکتا ہے۔",
        Q_WOULD_HELP: "کس چیز سے آپ کا علاقہ زیادہ محفوظ محسوس ہوگا؟",
        Q_DO_MORE: "کونسل اور اس کے شراکت داروں کو ان میں سے کون سے کام زیادہ کرنے چاہییں؟",
        Q_DO_MORE_CHOICES: (
            "یوتھ کلب اور سرگرمیاں<br/>"
            "خطرے سے دوچار نوجوانوں کے لیے رہنمائی (مینٹرنگ)<br/>"
            "والدین کے لیے مدد<br/>"
            "کام اور تربیت تک پہنچنے میں مدد<br/>"
            "خون روکنے کی ہنگامی کٹس<br/>"
            "اسکولوں سے نکالے جانے کے واقعات کم کرنے کے لیے اسکولوں کے ساتھ کام"
        ),
        Q_FIRST: "کن جگہوں پر سب سے پہلے کارروائی کی ضرورت ہے؟",
        Q_FIRST_CHOICES: (
            "پارک اور کھلی جگہیں<br/>بس اسٹاپ اور اسٹیشن<br/>شہر کا مرکز<br/>اسکولوں اور کالجوں کے راستے"
        ),
        Q_BLEED_KIT: "کیا آپ جانتے ہیں کہ خون روکنے کی سب سے قریبی ہنگامی کٹ کہاں ہے؟",
        Q_JOURNEY: "کس چیز سے اسکول یا کالج آنے جانے کا راستہ زیادہ محفوظ محسوس ہوگا؟",
        Q_JOURNEY_HINT: "آپ نے بتایا کہ آپ اسکولوں اور کالجوں کے قریب خود کو سب سے کم محفوظ محسوس کرتے ہیں۔",
        Q_ONE_THING: "اگر آپ ایک چیز بدل سکتے، تو وہ کیا ہوتی؟",
        SECTION_YOU: "آپ کی عمر اور علاقہ",
        SECTION_YOU_HINT: (
            "ان سوالات کا جواب دینا ضروری نہیں۔ ان سے ہمیں یہ دیکھنے میں مدد ملتی ہے کہ کیا ہم شہر کے ہر حصے سے "
            "لوگوں کی بات سن رہے ہیں۔"
        ),
        Q_AGE: "آپ کی عمر کتنی ہے؟",
        Q_WARD: "آپ کس وارڈ میں رہتے ہیں؟",
        Q_YEARS: "آپ کتنے سال سے لیسٹر میں رہ رہے ہیں؟",
        Q_YEARS_HINT: "0 سے 100 تک کوئی پورا عدد۔ اگر آپ یہاں نہیں رہتے تو اسے خالی چھوڑ دیں۔",
    },
    "pl": {
        SURVEY_TITLE: "Bezpiecznie tam, gdzie mieszkasz",
        SURVEY_INTRO: (
            "Pomóż nam zrozumieć, gdzie ludzie nie czują się bezpiecznie i co mogłoby to zmienić. Zajmie to około "
            "pięciu minut."
        ),
        SURVEY_PRIVACY_1: (
            "Nie musisz się przedstawiać, a Twojego adresu IP nie zapisujemy razem z odpowiedziami. Pracownicy rady "
            "miasta zajmujący się Strategią przeciwdziałania przestępczości z użyciem noży i poważnej przemocy "
            "czytają odpowiedzi i przedstawiają je w raportach w postaci liczb i tematów; raporty nigdy nikogo nie "
            "wymieniają z nazwiska."
        ),
        SURVEY_PRIVACY_2: (
            "Jeśli z tego, co napiszesz, będzie wynikać, że Tobie lub komuś innemu może stać się krzywda, zobaczy "
            "to nasz zespół ds. ochrony, aby upewnić się, że zaproponowano pomoc."
        ),
        SURVEY_PRIVACY_3: (
            "Jeśli poprosisz nas o kontakt, Twoje dane kontaktowe zobaczą tylko ci pracownicy, którzy muszą je "
            "znać, a użyjemy ich wyłącznie po to, by skontaktować się z Tobą w sprawie Twoich odpowiedzi."
        ),
        SURVEY_THANK_YOU: (
            "Dziękujemy. Pracownicy rady czytają każdą odpowiedź i przypisują ją do jednego z sześciu tematów "
            "strategii. Po zamknięciu ankiety opublikujemy na tej stronie, co od Was usłyszeliśmy i co z tym "
            "zrobiliśmy."
        ),
        SECTION_SAFE: "Poczucie bezpieczeństwa",
        SECTION_SAFE_HINT: "Najpierw o tym, jak bezpiecznie czujesz się teraz.",
        Q_DAY: "Jak bezpiecznie czujesz się w swojej okolicy w ciągu dnia?",
        Q_RATING_HINT: "1 oznacza bardzo niebezpiecznie, 5 oznacza bardzo bezpiecznie.",
        Q_DARK: "Jak bezpiecznie czujesz się w swojej okolicy po zmroku?",
        Q_WORRY: "Jak często martwisz się przestępczością z użyciem noży tam, gdzie mieszkasz?",
        Q_WORRY_CHOICES: "Nigdy<br/>Czasami<br/>Często<br/>Cały czas",
        Q_LEAST_SAFE: "Gdzie czujesz się najmniej bezpiecznie?",
        Q_LEAST_SAFE_CHOICES: (
            "Parki i tereny otwarte<br/>"
            "Przystanki autobusowe i dworce<br/>"
            "Centrum miasta<br/>"
            "W pobliżu szkół i college'ów<br/>"
            "Na mojej ulicy"
        ),
        Q_PLACES: "Jak bezpiecznie czujesz się w tych miejscach?",
        Q_PLACES_SCALE: (
            "Bardzo bezpiecznie<br/>"
            "Raczej bezpiecznie<br/>"
            "Ani bezpiecznie, ani niebezpiecznie<br/>"
            "Raczej niebezpiecznie<br/>"
            "Bardzo niebezpiecznie"
        ),
        Q_PLACES_STATEMENTS: (
            "W centrum miasta w ciągu dnia<br/>W centrum miasta po zmroku<br/>W autobusach i na przystankach"
        ),
        Q_WHEN: "Jeśli niedawno wydarzyło się coś, co odebrało Ci poczucie bezpieczeństwa, kiedy to było?",
        Q_WHEN_HINT: "Na przykład 27 3 2026. Zostaw puste, jeśli nic takiego się nie wydarzyło.",
        SECTION_HELP: "Co by pomogło",
        SECTION_HELP_HINT: "Teraz o tym, co mogłoby coś zmienić.",
        Q_WOULD_HELP: "Co pomogłoby poczuć się bezpieczniej w Twojej okolicy?",
        Q_DO_MORE: "Czego rada miasta i jej partnerzy powinni robić więcej?",
        Q_DO_MORE_CHOICES: (
            "Kluby młodzieżowe i zajęcia<br/>"
            "Mentoring dla zagrożonej młodzieży<br/>"
            "Wsparcie dla rodziców<br/>"
            "Pomoc w znalezieniu pracy i szkoleń<br/>"
            "Awaryjne zestawy do tamowania krwotoków<br/>"
            "Współpraca ze szkołami, by rzadziej usuwano uczniów ze szkół"
        ),
        Q_FIRST: "Które miejsca wymagają działań w pierwszej kolejności?",
        Q_FIRST_CHOICES: (
            "Parki i tereny otwarte<br/>"
            "Przystanki autobusowe i dworce<br/>"
            "Centrum miasta<br/>"
            "Drogi do szkół i college'ów"
        ),
        Q_BLEED_KIT: "Czy wiesz, gdzie jest najbliższy awaryjny zestaw do tamowania krwotoków?",
        Q_JOURNEY: "Co sprawiłoby, że droga do szkoły lub college'u i z powrotem byłaby bezpieczniejsza?",
        Q_JOURNEY_HINT: "Według Twojej odpowiedzi najmniej bezpiecznie czujesz się w pobliżu szkół i college'ów.",
        Q_ONE_THING: "Gdyby można było zmienić jedną rzecz, co by to było?",
        SECTION_YOU: "Twój wiek i okolica",
        SECTION_YOU_HINT: (
            "Te pytania są nieobowiązkowe. Pomagają nam sprawdzić, czy docieramy do mieszkańców każdej części miasta."
        ),
        Q_AGE: "Ile masz lat?",
        Q_WARD: "W którym okręgu mieszkasz?",
        Q_YEARS: "Od ilu lat mieszkasz w Leicester?",
        Q_YEARS_HINT: "Liczba całkowita od 0 do 100. Zostaw puste, jeśli tu nie mieszkasz.",
    },
    "so": {
        SURVEY_TITLE: "Ammaanka meesha aad ku nooshahay",
        SURVEY_INTRO: (
            "Naga caawi inaan fahanno meelaha ay dadku ku dareemaan ammaan darro iyo waxa isbeddel keeni kara. "
            "Waxay qaadanaysaa ilaa shan daqiiqo."
        ),
        SURVEY_PRIVACY_1: (
            "Looma baahna inaad magacaaga bixiso, ciwaanka IP-gaagana kuma kaydinno jawaabahaaga. Saraakiisha "
            "golaha deegaanka ee ka shaqeeya Istaraatiijiyadda Dambiyada Mindiyaha iyo Rabshadaha Halista ah ayaa "
            "akhriya jawaabaha, waxayna ka soo saaraan warbixinno tirooyin iyo mawduucyo ah; warbixinnadu weligood "
            "qofna ma magacaabaan."
        ),
        SURVEY_PRIVACY_2: (
            "Haddii waxaad qorto ay muujiyaan in adiga ama qof kale uu khatar dhaawac ku jiri karo, kooxdayada "
            "ilaalinta ayaa arki doonta si ay u hubiyaan in caawimaad la bixiyo."
        ),
        SURVEY_PRIVACY_3: (
            "Haddii aad naga codsato inaan kula soo xiriirno, shaqaalaha u baahan oo keliya ayaa arki doona "
            "macluumaadkaaga xiriirka, waxaana u isticmaali doonnaa oo keliya inaan kaala soo xiriirno waxaad "
            "sheegtay."
        ),
        SURVEY_THANK_YOU: (
            "Mahadsanid. Saraakiishu waxay akhriyaan jawaab kasta, waxayna ku kala saaraan lixda mawduuc ee "
            "istaraatiijiyadda. Marka sahanku xirmo, boggan ayaan ku daabici doonnaa waxaad noo sheegteen iyo "
            "waxaan ka qabannay."
        ),
        SECTION_SAFE: "Dareenka ammaanka",
        SECTION_SAFE_HINT: "Marka hore, sida aad hadda ammaan u dareemayso.",
        Q_DAY: "Intee in le'eg ayaad ammaan ku dareentaa xaafaddaada maalintii?",
        Q_RATING_HINT: "1 macnaheedu waa aad u khatar ah, 5 macnaheedu waa aad u ammaan ah.",
        Q_DARK: "Intee in le'eg ayaad ammaan ku dareentaa xaafaddaada marka mugdigu dhaco?",
        Q_WORRY: "Intee jeer ayaad ka walwashaa dambiyada mindiyaha ee meesha aad ku nooshahay?",
        Q_WORRY_CHOICES: "Marnaba<br/>Mararka qaarkood<br/>Inta badan<br/>Had iyo jeer",
        Q_LEAST_SAFE: "Xaggee ayaad ku dareentaa ammaanka ugu yar?",
        Q_LEAST_SAFE_CHOICES: (
            "Beeraha nasashada iyo meelaha bannaan<br/>"
            "Boosteejooyinka baska iyo saldhigyada<br/>"
            "Bartamaha magaalada<br/>"
            "Meelaha u dhow dugsiyada iyo kulliyadaha<br/>"
            "Waddadayda"
        ),
        Q_PLACES: "Intee in le'eg ayaad ammaan ku dareentaa meelahan?",
        Q_PLACES_SCALE: (
            "Aad u ammaan ah<br/>"
            "Xoogaa ammaan ah<br/>"
            "Ammaan iyo khatar midna ma aha<br/>"
            "Xoogaa khatar ah<br/>"
            "Aad u khatar ah"
        ),
        Q_PLACES_STATEMENTS: (
            "Bartamaha magaalada maalintii<br/>"
            "Bartamaha magaalada marka mugdigu dhaco<br/>"
            "Basaska gudahooda iyo boosteejooyinka baska"
        ),
        Q_WHEN: "Haddii dhawaan wax dhaceen oo kaa dhigay inaad dareento ammaan darro, goorma ayay ahayd?",
        Q_WHEN_HINT: "Tusaale ahaan, 27 3 2026. Bannaan u daa haddii aanay waxba dhicin.",
        SECTION_HELP: "Waxa wax tari lahaa",
        SECTION_HELP_HINT: "Hadda, waxa isbeddel keeni lahaa.",
        Q_WOULD_HELP: "Maxaa xaafaddaada ka dhigi lahaa meel lagu dareemo ammaan badan?",
        Q_DO_MORE: "Waxyaabahan kee ayay tahay in golaha deegaanka iyo la-hawlgalayaashiisu ay sii badiyaan?",
        Q_DO_MORE_CHOICES: (
            "Naadiyada iyo hawlaha dhallinyarada<br/>"
            "Hagid (mentoring) loogu talagalay dhallinyarada khatarta ku jirta<br/>"
            "Taageerada waalidiinta<br/>"
            "Caawimaad lagu helo shaqo iyo tababar<br/>"
            "Qalabka degdegga ah ee joojinta dhiig-baxa<br/>"
            "La shaqaynta dugsiyada si loo yareeyo ka saarista ardayda"
        ),
        Q_FIRST: "Meelahee ayaa u baahan in wax laga qabto marka hore?",
        Q_FIRST_CHOICES: (
            "Beeraha nasashada iyo meelaha bannaan<br/>"
            "Boosteejooyinka baska iyo saldhigyada<br/>"
            "Bartamaha magaalada<br/>"
            "Waddooyinka loo maro dugsiyada iyo kulliyadaha"
        ),
        Q_BLEED_KIT: "Ma ogtahay halka uu yaallo qalabka degdegga ah ee joojinta dhiig-baxa ee kuugu dhow?",
        Q_JOURNEY: "Maxaa ka dhigi lahaa socodka dugsiga ama kulliyadda loo aado lagana soo noqdo mid ammaan badan?",
        Q_JOURNEY_HINT: (
            "Waxaad sheegtay inaad ammaanka ugu yar ku dareento meelaha u dhow dugsiyada iyo kulliyadaha."
        ),
        Q_ONE_THING: "Haddii aad hal wax beddeli kari lahayd, muxuu noqon lahaa?",
        SECTION_YOU: "Da'daada iyo aaggaaga",
        SECTION_YOU_HINT: (
            "Su'aalahan waa ikhtiyaari. Waxay naga caawiyaan inaan ogaanno inaan ka maqlayno qayb kasta oo "
            "magaalada ka mid ah."
        ),
        Q_AGE: "Immisa jir baad tahay?",
        Q_WARD: "Waaxdee ayaad ku nooshahay?",
        Q_YEARS: "Immisa sano ayaad ku noolayd Leicester?",
        Q_YEARS_HINT: "Tiro dhan oo u dhaxaysa 0 iyo 100. Bannaan u daa haddii aadan halkan ku noolayn.",
    },
    "ar": {
        SURVEY_TITLE: "الشعور بالأمان حيث تعيش",
        SURVEY_INTRO: (
            "ساعدنا على أن نفهم أين لا يشعر الناس بالأمان وما الذي يمكن أن يُحدث فرقًا. يستغرق ذلك نحو خمس دقائق."
        ),
        SURVEY_PRIVACY_1: (
            "لست بحاجة إلى ذكر اسمك، ولا نحفظ عنوان IP الخاص بك مع إجاباتك. يقرأ موظفو المجلس العاملون على "
            "استراتيجية مكافحة جرائم السكاكين والعنف الخطير الإجابات، ويعدّون عنها تقارير بالأرقام والمحاور؛ ولا "
            "تذكر التقارير اسم أحد أبدًا."
        ),
        SURVEY_PRIVACY_2: (
            "إذا أوحى ما تكتبه بأنك أنت أو شخصًا آخر قد تكونان معرّضين لخطر الأذى، فسيطّلع عليه فريق الحماية لدينا "
            "ليتأكد من تقديم المساعدة."
        ),
        SURVEY_PRIVACY_3: (
            "إذا طلبت منا التواصل معك، فلن يرى بيانات الاتصال الخاصة بك إلا الموظفون الذين يحتاجون إليها، ولن "
            "نستخدمها إلا للتواصل معك بشأن ما قلته."
        ),
        SURVEY_THANK_YOU: (
            "شكرًا لك. يقرأ الموظفون كل إجابة ويصنّفونها ضمن محاور الاستراتيجية الستة. وعند إغلاق الاستبيان سننشر "
            "في هذه الصفحة ما أخبرتمونا به وما فعلناه بشأنه."
        ),
        SECTION_SAFE: "الشعور بالأمان",
        SECTION_SAFE_HINT: "أولًا، إلى أي مدى تشعر بالأمان الآن.",
        Q_DAY: "إلى أي مدى تشعر بالأمان في حيّك خلال النهار؟",
        Q_RATING_HINT: "1 تعني غير آمن أبدًا، و5 تعني آمن جدًا.",
        Q_DARK: "إلى أي مدى تشعر بالأمان في حيّك بعد حلول الظلام؟",
        Q_WORRY: "كم مرة تقلق من جرائم السكاكين في المكان الذي تعيش فيه؟",
        Q_WORRY_CHOICES: "أبدًا<br/>أحيانًا<br/>غالبًا<br/>طوال الوقت",
        Q_LEAST_SAFE: "أين تشعر بأقل قدر من الأمان؟",
        Q_LEAST_SAFE_CHOICES: (
            "الحدائق والمساحات المفتوحة<br/>"
            "مواقف الحافلات والمحطات<br/>"
            "وسط المدينة<br/>"
            "قرب المدارس والكليات<br/>"
            "في شارعي"
        ),
        Q_PLACES: "إلى أي مدى تشعر بالأمان في هذه الأماكن؟",
        Q_PLACES_SCALE: "آمن جدًا<br/>آمن إلى حد ما<br/>لا آمن ولا غير آمن<br/>غير آمن إلى حد ما<br/>غير آمن أبدًا",
        Q_PLACES_STATEMENTS: (
            "في وسط المدينة خلال النهار<br/>في وسط المدينة بعد حلول الظلام<br/>في الحافلات وعند مواقفها"
        ),
        Q_WHEN: "إذا حدث مؤخرًا شيء جعلك تشعر بعدم الأمان، فمتى كان ذلك؟",
        Q_WHEN_HINT: "مثلًا، 27 3 2026. اتركه فارغًا إن لم يحدث شيء.",
        SECTION_HELP: "ما الذي سيساعد",
        SECTION_HELP_HINT: "والآن، ما الذي يمكن أن يُحدث فرقًا.",
        Q_WOULD_HELP: "ما الذي سيجعلك تشعر بأمان أكبر في حيّك؟",
        Q_DO_MORE: "أيّ هذه الأمور ينبغي للمجلس وشركائه أن يفعلوا المزيد منها؟",
        Q_DO_MORE_CHOICES: (
            "نوادٍ وأنشطة للشباب<br/>"
            "إرشاد الشباب المعرّضين للخطر<br/>"
            "دعم الآباء والأمهات<br/>"
            "المساعدة في الحصول على عمل وتدريب<br/>"
            "حقائب الطوارئ لوقف النزيف<br/>"
            "العمل مع المدارس للحد من فصل الطلاب"
        ),
        Q_FIRST: "ما الأماكن التي تحتاج إلى تحرّك أولًا؟",
        Q_FIRST_CHOICES: (
            "الحدائق والمساحات المفتوحة<br/>مواقف الحافلات والمحطات<br/>وسط المدينة<br/>الطرق إلى المدارس والكليات"
        ),
        Q_BLEED_KIT: "هل تعرف أين توجد أقرب حقيبة طوارئ لوقف النزيف؟",
        Q_JOURNEY: "ما الذي سيجعلك تشعر بأمان أكبر في طريقك إلى المدرسة أو الكلية ومنها؟",
        Q_JOURNEY_HINT: "قلت إنك تشعر بأقل قدر من الأمان قرب المدارس والكليات.",
        Q_ONE_THING: "لو كان بإمكانك تغيير شيء واحد، فماذا سيكون؟",
        SECTION_YOU: "عمرك ومنطقتك",
        SECTION_YOU_HINT: "هذه الأسئلة اختيارية. تساعدنا على معرفة ما إذا كنا نسمع من كل أنحاء المدينة.",
        Q_AGE: "كم عمرك؟",
        Q_WARD: "في أي دائرة تسكن؟",
        Q_YEARS: "منذ كم سنة تعيش في ليستر؟",
        Q_YEARS_HINT: "عدد صحيح من 0 إلى 100. اتركه فارغًا إن كنت لا تعيش هنا.",
    },
}
