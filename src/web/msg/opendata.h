/* The open-data page at /open-data (opendata.c): the API and the downloads in plain words. */

X(OPEN_INTRO, "Wat openbaar is in kiem, kun je ook zelf gebruiken: in een eigen programma, op een website of voor onderzoek. Het is gratis, en je hebt er geen account voor nodig.",
  "What is public in kiem, you can use yourself too: in a program of your own, on a website or for research. It is free, and you can use it without an account.")
X(OPEN_WHAT_TITLE, "Wat je kunt ophalen", "What you can get")
X(OPEN_PARTIES, "De partijen", "The parties")
X(OPEN_PARTIES_TEXT, "op de sociale kaart: wie ze zijn, in welke gebieden ze werken, wat ze doen en hoe je ze bereikt.",
  "on the social map: who they are, the areas they work in, what they do and how to reach them.")
X(OPEN_ISSUES, "De sociale vraagstukken", "The social issues")
X(OPEN_ISSUES_TEXT, "waar partijen samen aan werken: hoe ver ze zijn en hoeveel mensen ze steunen.",
  "that parties work on together: how far they have come and how many people support them.")
X(OPEN_AREAS, "De gebieden", "The areas")
X(OPEN_AREAS_TEXT, "waarin partijen werken: de gemeente, haar wijken en buurten, met de codes van het CBS.",
  "that parties work in: the municipality, its districts and neighbourhoods, with the codes of Statistics Netherlands (CBS).")
X(OPEN_ROLES, "De rollen", "The roles")
X(OPEN_ROLES_TEXT, "die partijen in een ecosysteem kunnen hebben, uit het dossier van Movisie.",
  "that parties can take in an ecosystem, from the Movisie dossier.")
X(OPEN_REGISTER, "Het verwerkingsregister", "The processing register")
X(OPEN_REGISTER_TEXT, "van kiem: wat kiem over mensen bewaart, waarom en hoe lang.", "of kiem: what kiem keeps about people, why and for how long.")
X(OPEN_HOW_TITLE, "Hoe het werkt", "How it works")
X(OPEN_HOW_JSON, "Elke link geeft een lijst in JSON. Dat is een tekstvorm die bijna elk programma kan lezen. Open een link in je browser, dan zie je de gegevens zelf.",
  "Each link gives a list in JSON. That is a form of text almost any program can read. Open a link in your browser to see the data itself.")
X(OPEN_HOW_PAGES, "Een lijst komt in delen van 20. Zet limit=100 in de link voor delen van 100. Bij elk deel staat de link naar het volgende deel, onder \"next\".",
  "A list comes in parts of 20. Put limit=100 in the link for parts of 100. Each part holds the link to the next part, under \"next\".")
X(OPEN_HOW_FILTER, "Je kunt zoeken en kiezen met de link. Bijvoorbeeld alle partijen uit het sociaal werk:",
  "You can search and choose with the link. For example all parties from social work:")
X(OPEN_HOW_TIME, "Tijden staan in UTC, de wereldtijd.", "Times are in UTC, coordinated universal time.")
X(OPEN_DOCS, "Voor ontwikkelaars: alles wat de API kan, staat in de beschrijving", "For developers: everything the API does is in its description")
X(OPEN_DOWNLOAD_TITLE, "Downloaden", "Downloads")
X(OPEN_DOWNLOAD_OWN, "Je eigen gegevens download je op je accountpagina, in één bestand: alles wat kiem over jou bewaart.",
  "You download your own data on your account page, in one file: everything kiem keeps about you.")
X(OPEN_DOWNLOAD_OWN_LINK, "Naar je accountpagina", "To your account page")
X(OPEN_DOWNLOAD_LISTS, "Een hele lijst in één keer downloaden, bijvoorbeeld als spreadsheet, kan nog niet. Haal een lijst deel voor deel op, zoals hierboven staat.",
  "Downloading a whole list at once, for example as a spreadsheet, is not possible yet. Get a list part by part, as described above.")
X(OPEN_NOT_TITLE, "Wat er niet in staat", "What is not in it")
X(OPEN_NOT_TEXT, "Alleen wat iedereen in kiem mag zien, staat in de open data. E-mailadressen van mensen, besloten partijen en signalen staan er niet in. Een reactie die je bij een vraagstuk schrijft, staat er wel in, met je naam, net als op de pagina.",
  "Only what everyone may see in kiem is in the open data. People's email addresses, private parties and signals are not in it. A comment you write on an issue is in it, with your name, just as on the page.")
X(OPEN_WRITE, "Wil je met een programma ook iets veranderen, bijvoorbeeld de gegevens van je partij? Dan heb je een sleutel nodig: een API-token. Die maak je op je accountpagina.",
  "Do you want a program to change something too, such as your party's data? Then you need a key: an API token. You make one on your account page.")
X(OPEN_WRITE_LINK, "Een API-token maken", "Make an API token")
