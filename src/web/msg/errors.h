/* The error pages. */

X(ERR_400, "Dat klopt niet", "That is not right")
X(ERR_400_TEXT, "Het verzoek klopt niet. Ga terug en probeer het nog eens.", "The request is not right. Go back and try again.")
X(ERR_403, "Dat mag niet", "Not allowed")
X(ERR_403_TEXT, "Je mag dit niet doen. Kwam je via een oud formulier? Laad de pagina opnieuw en probeer het nog eens.",
  "You may not do this. Did you use an old form? Reload the page and try again.")
X(ERR_404, "Pagina niet gevonden", "Page not found")
X(ERR_404_TEXT, "Op dit adres staat niets. Misschien is het verplaatst of verwijderd, of zit er een tikfout in het adres.",
  "There is nothing at this address. It may have been moved or removed, or the address has a typo.")
X(ERR_405, "Dat kan hier niet", "Not possible here")
X(ERR_405_TEXT, "Deze pagina kan dit verzoek niet afhandelen.", "This page cannot handle this request.")
X(ERR_413, "Te veel tekst", "Too much text")
X(ERR_413_TEXT, "Wat je stuurde is te groot. Maak de tekst korter en probeer het nog eens.", "What you sent is too large. Make the text shorter and try again.")
X(ERR_414, "Adres te lang", "Address too long")
X(ERR_414_TEXT, "Dit adres is te lang of zoekt op te veel dingen tegelijk. Zoek op minder en probeer het nog eens.", "This address is too long, or searches for too many things at once. Search for fewer and try again.")
X(ERR_415, "Dat formulier kennen we niet", "Unknown form")
X(ERR_415_TEXT, "Dit formulier is op een manier verstuurd die kiem niet kent.", "This form was sent in a way kiem does not know.")
X(ERR_500, "Er ging iets mis", "Something went wrong")
X(ERR_500_TEXT, "Er ging bij ons iets mis. Er is niets veranderd. Probeer het straks nog eens.", "Something went wrong on our side. Nothing was changed. Please try again later.")
X(ERR_BACK_HOME, "Naar het overzicht", "To the overview")
