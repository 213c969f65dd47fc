# Foutpagina's, foutmeldingen bij formulieren en API-foutmeldingen die mensen te zien krijgen.

## Foutpagina's

error-title-bad-request = Er moet iets verbeterd worden
error-title-unauthorized = Log eerst in
error-title-forbidden = Niet voor jou toegankelijk
error-title-not-found = Pagina niet gevonden
error-title-gone = Deze link werkt niet meer
error-title-too-large = Te groot
error-title-too-many = Te vaak geprobeerd
error-title-unavailable = Zo weer terug
error-title-internal = Er ging iets mis
error-go-to-your-page = Naar je eigen pagina
error-go-home = Naar de startpagina
error-browse-lessons = Bekijk de lessen
error-not-found = Op dit adres staat niets. Misschien is de pagina verhuisd, of zit er een tikfout in de link.
error-database-away = Twentythree kan zijn database nu niet bereiken. Probeer het over een minuutje opnieuw.
error-internal = Er ging bij ons iets mis. We hebben het genoteerd; probeer het zo nog eens.
error-unknown-language = Die taal spreekt Twentythree nog niet: kies English, Nederlands of Deutsch.
