"""Drafted translations of the demo's "Have your say" page (youth voice), in the site's six
other languages, until the council's translators replace them (README "Languages").

Each maps the English text of one of the page's strings, as wagtail-localize extracts it (a
paragraph of rich text is one string), to its translation. `seed_demo` publishes them through
a PO file, as the council's translation supplier's would be (core.translations). Written for
young people and their parents: plain, warm and direct.
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
