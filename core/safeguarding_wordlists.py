"""Starting safeguarding phrases in the site's languages other than English, loaded by a data
migration as drafts (`reviewed` unset) for the Safeguarding group to check, and then edited in
the admin (Word lists > Safeguarding phrases). The English list is in consultation/wordlists.py.

How they were written:

- About a person at risk, as a young person would type it: being threatened, carrying a weapon,
  being hurt at home, self-harm or suicide, being exploited. Not the topic: "knife" or "knife
  crime" alone, in any language, is what the whole site is about and must not raise an alert.
- Urdu and Punjabi also in the Latin script ("chaku rakhta", "khudkushi"), as many young
  British Asians type them; Gujarati less so, so only a few.
- Polish and Arabic words are compared by their Snowball stem, so one form of a word covers
  most of its endings. The Arabic stemmer also strips "me" and "you" from a verb ("يضربني",
  he hits me, becomes "يضرب", he hits), so such verbs end with `*` instead: matched as typed,
  not stemmed. Gujarati, Punjabi, Urdu and Somali have no stemmer: words must match
  exactly, so common forms are listed one by one (masculine and feminine verb endings), and
  `*` ends a word that may take several endings ("igu hanjab*": "igu hanjabay",
  "igu hanjabeen").
- Phrases are normalised as the text is (core/matching.py): spelling variants of the Arabic
  script, diacritics on Polish letters, nukta and addak in Gurmukhi need no second entry.
- Everyday words that would alert on normal comments are left out: "ਕਿਰਪਾਨ" (the kirpan, a Sikh
  article of faith) is not a weapon here; Gujarati "મારી" is also "my", so it only appears in
  phrases where it means "kill".
"""

# language code -> [(phrase, category)]
SAFEGUARDING_PHRASES_BY_LANGUAGE: dict[str, list[tuple[str, str]]] = {
    # --- Gujarati ----------------------------------------------------------------------------
    "gu": [
        # Threats
        ("મારી નાખીશ", "threat"),  # I will kill (you)
        ("મારી નાખશે", "threat"),  # (he/they) will kill
        ("મારી નાખશું", "threat"),  # we will kill
        ("મારી નાખવાની ધમકી", "threat"),  # threat to kill
        ("જાનથી માર*", "threat"),  # kill (lit. take life)
        ("મને ધમકી", "threat"),  # (gave) me a threat
        ("ધમકી આપી", "threat"),  # threatened
        ("ધમકી આપે છે", "threat"),  # threatens
        ("ચપ્પુ મારી", "threat"),  # stab (with a knife)
        ("ચાકુ મારી", "threat"),
        ("ચપ્પુ મારશે", "threat"),
        ("બહાર જતા ડર", "threat"),  # afraid to go out
        ("મારા જીવનો ડર", "threat"),  # afraid for my life
        # Carrying a weapon
        ("ચપ્પુ રાખું", "weapon"),  # I keep a knife
        ("ચાકુ રાખું", "weapon"),
        ("મારી પાસે ચપ્પુ", "weapon"),  # I have a knife
        ("મારી પાસે ચાકુ", "weapon"),
        ("ચપ્પુ લઈને ફરું", "weapon"),  # I go around with a knife
        ("ચાકુ લઈને ફરું", "weapon"),
        ("હથિયાર રાખું", "weapon"),  # I keep a weapon
        ("મારા રક્ષણ માટે", "weapon"),  # for my protection
        # Being hurt at home
        ("મને મારે છે", "harm_at_home"),  # (he/she) hits me
        ("મને મારે", "harm_at_home"),
        ("મને મારતા", "harm_at_home"),  # (they) hit me
        ("મને મારતો", "harm_at_home"),
        ("મને મારતી", "harm_at_home"),
        ("મને માર્યો", "harm_at_home"),  # hit me
        ("મને માર્યું", "harm_at_home"),
        ("ઘરમાં સુરક્ષિત નથી", "harm_at_home"),  # not safe at home
        ("ઘરે જતા ડર", "harm_at_home"),  # afraid to go home
        ("ઘરે જવાનો ડર", "harm_at_home"),
        ("ઘરમાંથી કાઢી મૂક્યો", "harm_at_home"),  # threw me out of the house
        ("ઘરમાંથી કાઢી મૂકી", "harm_at_home"),
        # Self-harm or suicide
        ("આત્મહત્યા", "self_harm"),  # suicide
        ("આપઘાત", "self_harm"),  # suicide (everyday word)
        ("મરી જવું છે", "self_harm"),  # I want to die
        ("મારે મરવું", "self_harm"),
        ("મરવું છે", "self_harm"),
        ("જીવવું નથી", "self_harm"),  # I don't want to live
        ("મારી જાતને નુકસાન", "self_harm"),  # harm myself
        ("પોતાને નુકસાન", "self_harm"),
        ("મારી જાતને મારી", "self_harm"),  # kill myself
        ("atmahatya", "self_harm"),
        ("aatmahatya", "self_harm"),
        ("apghat", "self_harm"),
        # Exploitation
        ("વેચવા મજબૂર", "exploitation"),  # forced to sell
        ("ડ્રગ્સ વેચવા", "exploitation"),  # to sell drugs
        ("ડ્રગ્સ રાખવા", "exploitation"),  # to hold drugs
        ("મજબૂર કરે છે", "exploitation"),  # they force (me)
        ("તેમનું દેવું", "exploitation"),  # (I have) their debt
    ],
    # --- Punjabi (Gurmukhi, and in the Latin script) -----------------------------------------
    "pa": [
        # Threats
        ("ਮਾਰ ਦੇਣਗੇ", "threat"),  # (they) will kill/beat (me)
        ("ਮਾਰ ਦੇਵੇਗਾ", "threat"),  # (he) will kill
        ("ਮਾਰ ਦਿਆਂਗਾ", "threat"),  # I will kill
        ("ਜਾਨੋਂ ਮਾਰ*", "threat"),  # kill
        ("ਜਾਨ ਤੋਂ ਮਾਰ", "threat"),
        ("ਧਮਕੀ ਦਿੱਤੀ", "threat"),  # threatened
        ("ਧਮਕੀਆਂ ਦਿੰਦੇ", "threat"),  # (they) threaten
        ("ਮੈਨੂੰ ਧਮਕੀ", "threat"),  # a threat to me
        ("ਚਾਕੂ ਮਾਰ*", "threat"),  # stab
        ("ਬਾਹਰ ਜਾਣ ਤੋਂ ਡਰ", "threat"),  # afraid to go out
        ("maar denge", "threat"),
        ("mar denge", "threat"),
        ("jaano maar", "threat"),
        ("jaan ton maar", "threat"),
        ("chaku maar", "threat"),
        ("chaaku maar", "threat"),
        ("dhamki ditti", "threat"),
        # Carrying a weapon
        ("ਚਾਕੂ ਰੱਖਦਾ", "weapon"),  # I/he keep(s) a knife
        ("ਚਾਕੂ ਰੱਖਦੀ", "weapon"),
        ("ਮੇਰੇ ਕੋਲ ਚਾਕੂ", "weapon"),  # I have a knife
        ("ਛੁਰੀ ਰੱਖਦਾ", "weapon"),
        ("ਹਥਿਆਰ ਰੱਖਦਾ", "weapon"),  # keep a weapon
        ("ਆਪਣੀ ਰੱਖਿਆ ਲਈ", "weapon"),  # for my protection
        ("chaku rakhda", "weapon"),
        ("chaku rakhdi", "weapon"),
        ("chaaku rakhda", "weapon"),
        ("mere kol chaku", "weapon"),
        ("mere kol chaaku", "weapon"),
        # Being hurt at home
        ("ਮੈਨੂੰ ਮਾਰਦਾ", "harm_at_home"),  # (he) hits me
        ("ਮੈਨੂੰ ਮਾਰਦੀ", "harm_at_home"),
        ("ਮੈਨੂੰ ਮਾਰਦੇ", "harm_at_home"),
        ("ਮੈਨੂੰ ਕੁੱਟਦਾ", "harm_at_home"),  # beats me
        ("ਮੈਨੂੰ ਕੁੱਟਦੀ", "harm_at_home"),
        ("ਮੈਨੂੰ ਕੁੱਟਦੇ", "harm_at_home"),
        ("ਘਰ ਵਿੱਚ ਸੁਰੱਖਿਅਤ ਨਹੀਂ", "harm_at_home"),  # not safe at home
        ("ਘਰ ਜਾਣ ਤੋਂ ਡਰ", "harm_at_home"),  # afraid to go home
        ("ਘਰੋਂ ਕੱਢ ਦਿੱਤਾ", "harm_at_home"),  # threw (me) out of the house
        ("mainu maarda", "harm_at_home"),
        ("menu maarda", "harm_at_home"),
        ("mainu marda", "harm_at_home"),
        ("menu marda", "harm_at_home"),
        ("mainu kutda", "harm_at_home"),
        ("menu kutda", "harm_at_home"),
        ("mainu kutde", "harm_at_home"),
        ("menu kutde", "harm_at_home"),
        # Self-harm or suicide
        ("ਖੁਦਕੁਸ਼ੀ", "self_harm"),  # suicide
        ("ਆਤਮਹੱਤਿਆ", "self_harm"),
        ("ਮਰਨਾ ਚਾਹੁੰਦਾ", "self_harm"),  # I want to die
        ("ਮਰਨਾ ਚਾਹੁੰਦੀ", "self_harm"),
        ("ਜੀਣਾ ਨਹੀਂ ਚਾਹੁੰਦਾ", "self_harm"),  # I don't want to live
        ("ਜੀਣਾ ਨਹੀਂ ਚਾਹੁੰਦੀ", "self_harm"),
        ("ਆਪਣੇ ਆਪ ਨੂੰ ਨੁਕਸਾਨ", "self_harm"),  # harm myself
        ("ਆਪਣੇ ਆਪ ਨੂੰ ਮਾਰ", "self_harm"),  # kill myself
        ("khudkushi", "self_harm"),
        ("marna chaunda", "self_harm"),
        ("marna chahunda", "self_harm"),
        ("marna chaundi", "self_harm"),
        ("marna chahundi", "self_harm"),
        ("apne aap nu maar", "self_harm"),
        # Exploitation
        ("ਵੇਚਣ ਲਈ ਮਜਬੂਰ", "exploitation"),  # forced to sell
        ("ਨਸ਼ਾ ਵੇਚ", "exploitation"),  # sell drugs
        ("ਨਸ਼ੇ ਵੇਚ", "exploitation"),
        ("ਮਜਬੂਰ ਕਰਦੇ", "exploitation"),  # (they) force (me)
        ("ਉਹਨਾਂ ਦਾ ਕਰਜ਼ਾ", "exploitation"),  # their debt
        ("nasha vech", "exploitation"),
        ("nashe vech", "exploitation"),
        ("majboor karde", "exploitation"),
    ],
    # --- Urdu (Arabic script, and in the Latin script) ---------------------------------------
    "ur": [
        # Threats
        ("جان سے مار*", "threat"),  # kill (lit. take life)
        ("مار ڈالوں گا", "threat"),  # I will kill
        ("مار ڈالیں گے", "threat"),  # (they) will kill
        ("مار دوں گا", "threat"),  # I will kill/beat
        ("مار دیں گے", "threat"),
        ("مجھے دھمکی", "threat"),  # a threat to me
        ("دھمکی دی", "threat"),  # threatened
        ("دھمکیاں دے", "threat"),  # threaten
        ("چاقو مار*", "threat"),  # stab
        ("باہر جانے سے ڈر", "threat"),  # afraid to go out
        ("جان کا خطرہ", "threat"),  # danger to (my) life
        ("jaan se maar", "threat"),
        ("jan se mar", "threat"),
        ("maar dalunga", "threat"),
        ("maar denge", "threat"),
        ("dhamki di", "threat"),
        ("dhamkiyan de", "threat"),
        ("chaku maar", "threat"),
        ("chaaku maar", "threat"),
        ("chaku mar", "threat"),
        # Carrying a weapon
        ("چاقو رکھتا", "weapon"),  # I/he keep(s) a knife
        ("چاقو رکھتی", "weapon"),
        ("میرے پاس چاقو", "weapon"),  # I have a knife
        ("چھری رکھتا", "weapon"),
        ("اسلحہ رکھتا", "weapon"),  # keep a weapon
        ("اپنی حفاظت کے لیے", "weapon"),  # for my protection (لئے is the same after normalising)
        ("chaku rakhta", "weapon"),
        ("chaku rakhti", "weapon"),
        ("chaaku rakhta", "weapon"),
        ("chaaku rakhti", "weapon"),
        ("mere paas chaku", "weapon"),
        ("mere pas chaku", "weapon"),
        ("mere paas chaaku", "weapon"),
        ("apni hifazat", "weapon"),
        # Being hurt at home
        ("مجھے مارتا", "harm_at_home"),  # (he) hits me
        ("مجھے مارتی", "harm_at_home"),
        ("مجھے مارتے", "harm_at_home"),
        ("مجھے پیٹتا", "harm_at_home"),  # beats me
        ("مجھے پیٹتے", "harm_at_home"),
        ("گھر میں محفوظ نہیں", "harm_at_home"),  # not safe at home
        ("گھر جانے سے ڈر", "harm_at_home"),  # afraid to go home
        ("گھر سے نکال دیا", "harm_at_home"),  # threw (me) out of the house
        ("mujhe marta", "harm_at_home"),
        ("mujhe maarta", "harm_at_home"),
        ("mujhe marti", "harm_at_home"),
        ("mujhe maarti", "harm_at_home"),
        ("mujhe marte", "harm_at_home"),
        ("mujhe maarte", "harm_at_home"),
        ("ghar mein mehfooz nahi", "harm_at_home"),
        ("ghar se nikal diya", "harm_at_home"),
        # Self-harm or suicide
        ("خودکشی", "self_harm"),  # suicide (also with a ZWNJ inside: the same after normalising)
        ("خود کشی", "self_harm"),
        ("مرنا چاہتا", "self_harm"),  # I want to die
        ("مرنا چاہتی", "self_harm"),
        ("جینا نہیں چاہتا", "self_harm"),  # I don't want to live
        ("جینا نہیں چاہتی", "self_harm"),
        ("خود کو نقصان", "self_harm"),  # harm myself
        ("اپنے آپ کو نقصان", "self_harm"),
        ("خود کو مار", "self_harm"),  # kill myself
        ("خود کو ختم", "self_harm"),  # end myself
        ("اپنی جان لے", "self_harm"),  # take my life
        ("khudkushi", "self_harm"),
        ("khud kushi", "self_harm"),
        ("khudkashi", "self_harm"),
        ("marna chahta", "self_harm"),
        ("marna chahti", "self_harm"),
        ("jeena nahi chahta", "self_harm"),
        ("jeena nahi chahti", "self_harm"),
        ("khud ko nuksan", "self_harm"),
        ("khud ko khatam", "self_harm"),
        # Exploitation
        ("بیچنے پر مجبور", "exploitation"),  # forced to sell
        ("منشیات بیچ", "exploitation"),  # sell drugs
        ("ڈرگز بیچ", "exploitation"),
        ("مجبور کرتے ہیں", "exploitation"),  # (they) force (me)
        ("ان کا قرضہ", "exploitation"),  # their debt
        ("drugs bechne", "exploitation"),
        ("drugs bech", "exploitation"),
        ("majboor karte", "exploitation"),
        ("majbur karte", "exploitation"),
    ],
    # --- Polish (stemmed; diacritics optional) -------------------------------------------------
    "pl": [
        # Threats
        ("zabiję cię", "threat"),  # I will kill you
        ("zabiją mnie", "threat"),  # they will kill me
        ("chcą mnie zabić", "threat"),  # they want to kill me
        ("grozi mi", "threat"),  # threatens me
        ("grożą mi", "threat"),
        ("grozili mi", "threat"),
        ("mi grozi", "threat"),  # the same, in the other order
        ("mi grożą", "threat"),
        ("dźgnę cię", "threat"),  # I'll stab you
        ("dźgnąć nożem", "threat"),  # stab with a knife
        ("pchnąć nożem", "threat"),
        ("pobili mnie", "threat"),  # they beat me up
        ("pobiją mnie", "threat"),
        ("mnie pobili", "threat"),
        ("mnie zabiją", "threat"),
        ("napadli mnie", "threat"),  # they attacked me
        ("boję się wyjść", "threat"),  # I'm afraid to go out
        ("boję się o swoje życie", "threat"),  # afraid for my life
        ("śledzą mnie", "threat"),  # they are following me
        # Carrying a weapon
        ("noszę nóż", "weapon"),  # I carry a knife
        ("noszę przy sobie nóż", "weapon"),
        ("mam przy sobie nóż", "weapon"),  # I have a knife on me
        ("mam ze sobą nóż", "weapon"),
        ("noszę kosę", "weapon"),  # "kosa": slang for a knife
        ("mam kosę", "weapon"),
        ("noszę maczetę", "weapon"),
        ("noszę broń", "weapon"),  # I carry a weapon
        ("żeby się bronić", "weapon"),  # to defend myself
        # Being hurt at home
        ("bije mnie", "harm_at_home"),  # (he/she) hits me
        ("biją mnie", "harm_at_home"),
        ("bił mnie", "harm_at_home"),
        ("mnie bije", "harm_at_home"),  # the same, in the usual order
        ("mnie biją", "harm_at_home"),
        ("mnie bił", "harm_at_home"),
        ("mnie uderzył", "harm_at_home"),
        ("mnie krzywdzi", "harm_at_home"),
        ("uderzył mnie", "harm_at_home"),
        ("uderzyła mnie", "harm_at_home"),
        ("krzywdzi mnie", "harm_at_home"),  # hurts me
        ("znęca się nade mną", "harm_at_home"),  # abuses me
        ("nie czuję się bezpiecznie w domu", "harm_at_home"),  # I don't feel safe at home
        ("boję się wrócić do domu", "harm_at_home"),  # afraid to go home
        ("wyrzucili mnie z domu", "harm_at_home"),  # they threw me out of the house
        # Self-harm or suicide
        ("zabiję się", "self_harm"),  # I'll kill myself
        ("chcę się zabić", "self_harm"),
        ("chcę umrzeć", "self_harm"),  # I want to die
        ("nie chcę żyć", "self_harm"),  # I don't want to live
        ("samobój*", "self_harm"),  # suicide, suicidal
        ("tnę się", "self_harm"),  # I cut myself
        ("pociąć się", "self_harm"),
        ("okaleczam się", "self_harm"),  # I self-harm
        ("samookalecz*", "self_harm"),  # self-harm
        ("skończyć ze sobą", "self_harm"),  # end it all
        # Exploitation
        ("każą mi sprzedawać", "exploitation"),  # they make me sell
        ("kazali mi sprzedawać", "exploitation"),
        ("zmuszają mnie", "exploitation"),  # they force me
        ("zmusili mnie", "exploitation"),
        ("mnie zmuszają", "exploitation"),
        ("mi każą sprzedawać", "exploitation"),
        ("sprzedawać narkotyki", "exploitation"),  # sell drugs
        ("przewozić narkotyki", "exploitation"),  # move drugs
        ("przechowywać narkotyki", "exploitation"),  # hold drugs
        ("jestem im winien", "exploitation"),  # I owe them
        ("jestem im winna", "exploitation"),
        ("mam u nich dług", "exploitation"),
    ],
    # --- Somali (exact words and prefixes) ---------------------------------------------------
    "so": [
        # Threats
        ("waan ku dilayaa", "threat"),  # I will kill you
        ("waan ku dili doonaa", "threat"),
        ("i dilayaan", "threat"),  # they will kill me
        ("i dili doonaan", "threat"),
        ("i dili doonaa", "threat"),
        ("igu hanjab*", "threat"),  # threatened me
        ("i hanjabay", "threat"),
        ("mindi igu dhufa*", "threat"),  # stab me with a knife
        ("mindi ku dhufan", "threat"),
        ("ka baqayaa inaan dibadda", "threat"),  # afraid to go out
        # Carrying a weapon
        ("mindi ayaan sitaa", "weapon"),  # I carry a knife
        ("mindi baan sitaa", "weapon"),
        ("mindi waan sitaa", "weapon"),
        ("waxaan sitaa mindi", "weapon"),
        ("mindi ayaan haystaa", "weapon"),  # I have a knife
        ("mindi baan haystaa", "weapon"),
        ("hub ayaan sitaa", "weapon"),  # I carry a weapon
        ("si aan isu difaaco", "weapon"),  # to defend myself
        # Being hurt at home
        ("i garaac*", "harm_at_home"),  # hits me, hit me
        ("wuu i garaacaa", "harm_at_home"),
        ("way i garaacdaa", "harm_at_home"),
        ("ka baqayaa inaan guriga", "harm_at_home"),  # afraid to go home
        ("guriga iga saareen", "harm_at_home"),  # threw me out of the house
        ("guriga kama nabad galo", "harm_at_home"),  # not safe at home
        # Self-harm or suicide
        ("isdil*", "self_harm"),  # suicide
        ("is dilo", "self_harm"),  # kill myself
        ("is dili", "self_harm"),
        ("is dilay", "self_harm"),
        ("rabaa inaan dhinto", "self_harm"),  # I want to die
        ("dhiman rabaa", "self_harm"),
        ("nolosha waan ka daalay", "self_harm"),  # I'm tired of life
        ("is jaray", "self_harm"),  # cut myself
        ("is jaro", "self_harm"),
        ("naftayda waxyeel*", "self_harm"),  # harm myself
        # Exploitation
        ("i qasb*", "exploitation"),  # force(d) me
        ("daroogo iibi*", "exploitation"),  # sell drugs
        ("daroogada iibi*", "exploitation"),
        ("daroogo qaad*", "exploitation"),  # carry drugs
        ("deyn baan ku leeyahay", "exploitation"),  # I owe them
    ],
    # --- Arabic (stemmed, or as typed with *; hamza, alef maksura, teh marbuta variants are one)
    "ar": [
        # Threats
        ("سأقتلك*", "threat"),  # I will kill you
        ("راح اقتلك", "threat"),  # (dialect) I'm going to kill you
        ("يريدون قتلي", "threat"),  # they want to kill me
        ("يريد قتلي", "threat"),
        ("بدهم يقتلوني", "threat"),  # (Levantine) they want to kill me
        ("هددني*", "threat"),  # threatened me
        ("يهددني*", "threat"),  # threatens me
        ("يهددوني*", "threat"),
        ("هددوني*", "threat"),  # they threatened me
        ("يهددونني*", "threat"),
        ("ضربوني*", "threat"),  # they beat me up
        ("خائف على حياتي", "threat"),  # afraid for my life
        ("خايف على حياتي", "threat"),
        ("خائف أن أخرج", "threat"),  # afraid to go out
        ("خايف اطلع", "threat"),
        ("يطعنني*", "threat"),  # stab me
        ("سأطعنك*", "threat"),  # I will stab you
        # Carrying a weapon
        ("أحمل سكين*", "weapon"),  # I carry a knife (the stemmer keeps سكين and سكينا apart)
        ("معي* سكين*", "weapon"),  # I have a knife on me
        ("عندي* سكين*", "weapon"),
        ("اشيل سكين*", "weapon"),
        ("أحمل سلاح", "weapon"),  # I carry a weapon
        ("معي* سلاح", "weapon"),
        ("لأحمي نفسي", "weapon"),  # to protect myself
        ("لحماية نفسي", "weapon"),
        # Being hurt at home
        ("يضربني*", "harm_at_home"),  # (he) hits me
        ("تضربني*", "harm_at_home"),  # (she) hits me
        ("بيضربني*", "harm_at_home"),
        ("ضربني*", "harm_at_home"),
        ("يؤذيني*", "harm_at_home"),  # hurts me
        ("لست آمنا في البيت", "harm_at_home"),  # I'm not safe at home
        ("مش آمن في البيت", "harm_at_home"),
        ("خائف أن أرجع إلى البيت", "harm_at_home"),  # afraid to go home
        ("خايف ارجع البيت", "harm_at_home"),
        ("طردوني من البيت", "harm_at_home"),  # threw me out of the house
        # Self-harm or suicide
        ("انتحار", "self_harm"),  # suicide
        ("انتحر", "self_harm"),  # kill myself
        ("أقتل نفسي", "self_harm"),
        ("أريد أن أموت", "self_harm"),  # I want to die
        ("بدي موت", "self_harm"),
        ("أؤذي نفسي", "self_harm"),  # hurt myself
        ("إيذاء النفس", "self_harm"),  # self-harm
        ("أجرح نفسي", "self_harm"),  # cut myself
        ("أنهي حياتي", "self_harm"),  # end my life
        # Exploitation
        ("يجبرونني*", "exploitation"),  # they force me to
        ("يجبروني*", "exploitation"),
        ("أجبروني*", "exploitation"),  # they forced me
        ("أبيع مخدر*", "exploitation"),  # I sell drugs
        ("أبيع المخدرات", "exploitation"),
        ("أنقل مخدر*", "exploitation"),  # I move drugs
        ("أخبئ مخدر*", "exploitation"),  # I hide drugs
        ("مديون لهم", "exploitation"),  # I owe them
    ],
}
