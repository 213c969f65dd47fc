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

## Refusals

error-members-only = De pagina's van deze groep zijn alleen open voor de deelnemers en de coördinatoren van het programma. Doe je mee, log dan in met het adres dat je coördinator van je heeft; denk je dat je erbij hoort, vraag het dan aan je coördinator.
error-form-out-of-date = Dit formulier was verouderd of kwam van een andere site, dus er is niets veranderd. Ga terug, laad de pagina opnieuw en probeer het nog eens.
error-highlight-not-allowed = Alleen een coördinator of een mentor van de schrijver kan een bericht uitlichten.

## Joining

join-blog-taken = Dit blog is al van iemand anders in deze groep: geef het adres van je eigen blog.
join-no-cohort-open = Er is nu geen groep open om bij aan te sluiten.
join-choose-cohort = Kies een van de groepen.

## My page

error-unknown-timezone = „{ $zone }” is geen tijdzone die Twentythree kent: gebruik een naam als Europe/Amsterdam of America/Chicago.
