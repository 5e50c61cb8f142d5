/* The privacy statement at /privacy (privacy.c). */

X(PRIVACY_TITLE, "Privacy: wat kiem over jou bewaart", "Privacy: what kiem keeps about you")
X(PRIVACY_SUMMARY_TITLE, "In het kort", "In short")
X(PRIVACY_SUMMARY_1, "kiem bewaart alleen wat nodig is om het te laten werken: je account, je inlogsessies, je API-sleutels (als je die maakt), van welke partijen je lid bent, en een log van wie wat veranderde.",
  "kiem keeps only what it needs to work: your account, your login sessions, your API tokens (if you make any), which parties you belong to, and a log of who changed what.")
X(PRIVACY_SUMMARY_2, "Je wachtwoord en de codes waarmee je inlogt, bewaart kiem alleen onherkenbaar gemaakt. Niemand kan ze teruglezen, ook de beheerders van kiem niet.",
  "kiem keeps your password and the codes you log in with only made unrecognisable. Nobody can read them back, not even kiem's administrators.")
X(PRIVACY_SUMMARY_3, "Geen tracking, geen advertenties, geen cookies van anderen. kiem verkoopt en deelt niets.",
  "No tracking, no advertising, no cookies of others. kiem sells and shares nothing.")
X(PRIVACY_SUMMARY_4, "Je kunt je gegevens inzien, laten verbeteren of laten wissen, en bezwaar maken.",
  "You can see your data, have it corrected or erased, and object.")
X(PRIVACY_WHO_TITLE, "Wie is verantwoordelijk?", "Who is responsible?")
X(PRIVACY_WHO_TEXT, "De organisatie die deze kiem draait, is verantwoordelijk voor je gegevens (de verwerkingsverantwoordelijke). Vaak is dat een gemeente. Met vragen over je gegevens kun je bij haar terecht.",
  "The organisation that runs this kiem is responsible for your data (the controller). Often that is a municipality. You can ask it any question about your data.")
X(PRIVACY_CONTACT, "Contact:", "Contact:")
X(PRIVACY_NO_CONTACT, "Deze kiem heeft nog geen contactgegevens voor privacy ingevuld. Vraag de organisatie die je naar kiem verwees.",
  "This kiem has not filled in contact details for privacy yet. Ask the organisation that sent you to kiem.")
X(PRIVACY_DATA_TITLE, "Wat kiem bewaart, waarom en hoe lang", "What kiem keeps, why and for how long")
X(PRIVACY_DATA_CAPTION, "Alle gegevens die kiem bewaart, met doel, grondslag en bewaartermijn",
  "All data kiem keeps, with purpose, legal basis and retention")
X(PRIVACY_WHO_CAPTION, "Over wie de gegevens gaan, en wie ze ziet", "Whom the data is about, and who sees it")
X(PRIVACY_COL_WHAT, "Wat", "What")
X(PRIVACY_COL_DATA, "Welke gegevens", "Which data")
X(PRIVACY_COL_PURPOSE, "Doel", "Purpose")
X(PRIVACY_COL_BASIS, "Grondslag", "Legal basis")
X(PRIVACY_COL_RETENTION, "Bewaartermijn", "Retention")
X(PRIVACY_COL_RECIPIENTS, "Wie ziet het", "Who sees it")
X(PRIVACY_COL_SUBJECTS, "Over wie", "About whom")
X(PRIVACY_BASIS_NOTE, "Draait een gemeente of een andere overheid deze kiem als deel van haar taak, dan is de grondslag waar 'gerechtvaardigd belang' staat de publieke taak (art. 6 lid 1 sub e AVG).",
  "When a municipality or another public body runs this kiem as part of its task, the legal basis where it says 'legitimate interests' is the public task (art. 6(1)(e) GDPR).")
X(PRIVACY_NOT_TITLE, "Wat kiem niet doet", "What kiem does not do")
X(PRIVACY_NOT_TEXT, "kiem houdt niet bij welke pagina's je bekijkt. Er zijn geen statistiekdiensten, advertenties of knoppen van sociale media. Er gaan geen gegevens naar andere organisaties. De organisatie die kiem draait kan een hostingbedrijf inschakelen; dat mag je gegevens alleen voor haar bewaren (als verwerker).",
  "kiem does not track which pages you look at. There are no analytics services, no advertising and no social media buttons. No data goes to other organisations. The organisation that runs kiem may use a hosting company; that company may only keep your data on its behalf (as a processor).")
X(PRIVACY_RIGHTS_TITLE, "Je rechten", "Your rights")
X(PRIVACY_RIGHT_ACCESS, "Inzage: je ziet je account, je inlogsessies en je API-sleutels op je accountpagina, en je downloadt daar alles wat kiem over je bewaart.",
  "Access: you see your account, your login sessions and your API tokens on your account page, and you download everything kiem keeps about you there.")
X(PRIVACY_RIGHT_CORRECT, "Correctie: de gegevens van een partij passen de leden van die partij zelf aan. Klopt iets van je account niet, vraag het dan aan de organisatie die kiem draait.",
  "Correction: the members of a party change the party's data themselves. If something about your account is wrong, ask the organisation that runs kiem.")
X(PRIVACY_RIGHT_ERASE, "Verwijdering: op je accountpagina beëindig je sessies, trek je sleutels in en wis je je hele account. Wat je schreef blijft dan staan, zonder je naam.",
  "Erasure: on your account page you end sessions, revoke tokens and erase your whole account. What you wrote then stays, without your name.")
X(PRIVACY_RIGHT_OBJECT, "Bezwaar: ben je het niet eens met wat kiem met je gegevens doet, laat het de organisatie die kiem draait weten.",
  "Objection: if you do not agree with what kiem does with your data, tell the organisation that runs kiem.")
X(PRIVACY_RIGHT_COMPLAINT_HTML, "Klacht: kom je er samen niet uit, dan kun je een klacht indienen bij de Autoriteit Persoonsgegevens.",
  "Complaint: if you cannot work it out together, you can file a complaint with the Dutch Data Protection Authority (<span lang=\"nl\">Autoriteit Persoonsgegevens</span>).")
X(PRIVACY_REGISTER, "Het verwerkingsregister als open data:", "The processing register as open data:")
X(PRIVACY_TO_ACCOUNT, "Naar je accountpagina", "To your account page")

/* how long this kiem keeps an unused account */
X(PRIVACY_INACTIVE, "Bij deze kiem: gebruik je je account %s niet, dan krijg je een e-mail. Log je daarna binnen %s niet in, dan wissen we je account.",
  "On this kiem: if you do not use your account for %s, you get an email. If you do not log in within %s after that, we erase your account.")
P(DAYS, "%lld dag", "%lld dagen", "%lld day", "%lld days")
X(PRIVACY_INACTIVE_OFF, "Bij deze kiem wissen we een account niet omdat het lang niet is gebruikt. Je wist het zelf op je accountpagina.",
  "On this kiem, we do not erase an account because it has not been used for a long time. You erase it yourself on your account page.")
