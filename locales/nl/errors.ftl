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

## A sentence kept from before sentences were kept as messages: shown as it is

verbatim = { $text }

## A blog's feed: why it could not be read (made by the poller, said in the reader's language)

feed-blocked = het adres wijst naar een privénetwerk ({ $address }), en dat leest Twentythree niet
feed-not-web-address = het feedadres is geen webadres
feed-only-http = alleen http- en https-adressen kunnen worden gelezen
feed-has-password = adressen met een gebruikersnaam of wachtwoord erin kunnen niet worden gelezen
feed-no-host = het adres heeft geen hostnaam
feed-no-such-name = de naam van het blog, { $host }, bestaat niet
feed-connect-refused = de server van het blog weigerde de verbinding
feed-connect-dropped = de server van het blog verbrak de verbinding
feed-connect-unreachable = de server van het blog is niet bereikbaar
feed-connect-failed = de server van het blog kon niet worden bereikt
feed-tls = de beveiligde verbinding met het blog mislukte ({ $detail })
feed-timeout = het blog gaf binnen 20 seconden geen antwoord
feed-too-large = de feed is groter dan 10 MB
feed-redirects = het adres stuurt meer dan 5 keer door
feed-private = het blog is afgeschermd (het antwoord was { $status })
feed-server-error = de server van het blog had een fout ({ $code })
feed-answered = het blog antwoordde { $status }
feed-bad-compression = het antwoord van het blog was zo gecomprimeerd dat het niet te lezen is
feed-broke-off = het antwoord van het blog brak af voordat het compleet was
feed-no-proper-answer = de server van het blog gaf geen bruikbaar antwoord
feed-now-web-page = het adres geeft nu een webpagina, geen feed
feed-gone-for-good = het blog meldt dat deze feed voorgoed weg is (410 Gone)
feed-busy = het blog vroeg om later terug te komen (het is er druk)
feed-gone = het adres meldt dat het blog weg is (410 Gone)
feed-none-found = geen feed gevonden: de pagina noemt er geen en geen van de gebruikelijke feedadressen gaf antwoord
feed-unreadable = de feed kon niet worden gelezen: { $why }
feed-empty = het adres geeft een leeg document, geen feed
feed-web-page = het adres geeft een webpagina, geen feed
feed-not-json-feed = het adres geeft JSON-gegevens, maar geen JSON Feed
feed-not-feed-xml = het adres geeft een XML-document, maar geen feed (het hoofdelement is <{ $root }>)
feed-unrecognised = het adres geeft iets wat geen feed en geen webpagina is
feed-invalid-xml = de feed is geen geldige XML: { $message } (regel { $line })
feed-invalid-json = de feed is geen geldige JSON: { $message } (regel { $line })
feed-crashed = de feed kon niet worden gelezen: het leesprogramma liep erop vast
feed-none-read = { $seen ->
    [one] het enige bericht in de feed kon niet worden gelezen
   *[other] geen van de { $seen } berichten in de feed kon worden gelezen
}: { $why }
feed-unread-empty = { $count ->
    [one] het heeft geen titel, link of tekst
   *[other] ze hebben geen titel, link of tekst
}
feed-unread-not-understood = { $count ->
    [one] het is geschreven op een manier die Twentythree niet kan lezen
   *[other] ze zijn geschreven op een manier die Twentythree niet kan lezen
}
feed-unread-unknown = Twentythree kan niet zien waarom
feed-lost-posts = { $unread } van de { $seen } berichten in je feed konden niet worden gelezen: { $why }

## A blog's feed: how it is doing

health-ok-read = Alles in orde: { $ago } gelezen.
health-ok = Alles in orde.
health-read-but = { $ago } gelezen, maar { $lost }.
health-read-undated-but = Gelezen, maar { $lost }.
health-pending-error = Nog niet gelezen: { $error }. Twentythree blijft het proberen.
health-pending = Wacht op de eerste keer lezen.
health-failing-since = Kan al { $for } niet worden gelezen: { $error }. Twentythree blijft het proberen.
health-failing = Kan niet worden gelezen: { $error }. Twentythree blijft het proberen.
health-gone = Gestopt: { $error }. Is het blog verhuisd? Geef dan het nieuwe adres op.
health-blocked = Gestopt: { $error }.
health-no-feed = Nog geen feed gevonden.
health-unknown-problem = een onbekend probleem
health-just-now = zojuist
health-minutes-ago = { $count ->
    [one] een minuut geleden
   *[other] { $count } minuten geleden
}
health-hours-ago = { $count ->
    [one] een uur geleden
   *[other] { $count } uur geleden
}
health-days-ago = { $count ->
    [one] een dag geleden
   *[other] { $count } dagen geleden
}
health-for-minutes = { $count ->
    [one] een minuut
   *[other] { $count } minuten
}
health-for-hours = { $count ->
    [one] een uur
   *[other] { $count } uur
}
health-for-days = { $count ->
    [one] een dag
   *[other] { $count } dagen
}

## Refused claims, self-reports and marks (nothing changed)

refused-no-such-lesson = Er is geen Ding { $number } in dit programma.
refused-not-their-post = Dat bericht is niet van deze deelnemer.
refused-self-report-off = In deze groep kun je dingen niet zelf afvinken.
refused-not-open-yet = Ding { $number } is voor jou nog niet open: het gaat open op { $opens }.
refused-archive-post = Dat bericht is gepubliceerd voordat de groep begon (meer dan { $days } dagen voor de start), dus het telt niet mee.
refused-post-already-counts = Dat bericht telt al mee voor Ding { $number }, dus je kunt het niet voor een andere les opgeven.
refused-unmarked = Een coördinator heeft Ding { $number } voor jou weer uitgevinkt; alleen een coördinator kan het opnieuw afvinken, dus vraag het hem of haar.

## Forms and addresses that cannot be read

error-choose = Kies { $what }.
choose-cohort = een groep
choose-post = een bericht
choose-lesson = een les
choose-lesson-of-post = de les waar het bericht over ging
choose-author = de schrijver van het bericht
error-not-a-number = “{ $value }” is geen heel getal van 1 of meer.
error-form-unreadable = Dit formulier kon niet worden gelezen ({ $detail }). Ga terug, controleer wat je hebt ingevuld en verstuur het opnieuw.
error-query-unreadable = Het adres bevat een zoekopdracht die hier geen betekenis heeft ({ $detail }).
error-address-unreadable = Dit adres kan niet worden gelezen ({ $detail }).
error-form-too-large = Dit formulier is te groot om te lezen (de grens is { $limit } KB). Maak wat je invulde korter en verstuur het opnieuw.
error-upload-too-large = Het bestand is te groot: het mag hoogstens { $limit } MiB zijn.
error-coordinators-only = Dit deel is voor coördinatoren.
error-mentors-only = Deze pagina is voor mentoren. Een coördinator maakt iemand mentor van deelnemers; tot dan is hier niets te zien.
error-partner-yes-or-no = Geef aan of je een leermaatje wilt (ja of nee).
error-no-such-thing = Dat ding bestaat niet in het programma.
error-not-finished = { $name } is nog niet klaar: het certificaat komt bij het laatste ding.
error-blog-moves = Je hebt je blog vandaag al { $count } keer verhuisd: probeer het morgen opnieuw, of vraag het je coördinator.
error-blog-taken = Dat blog is al van een andere deelnemer in deze groep: geef het adres van je eigen blog op.
error-checked-moments-ago = Twentythree heeft je blog net gelezen: probeer het over een minuut opnieuw.
error-blog-of-their-own = Dat blog is al van een andere deelnemer in deze groep: iedereen schrijft op een eigen blog.
error-highlight-no-note = Schrijf een korte toelichting: wat kunnen anderen van dit bericht leren?
error-highlight-long-note = Houd de toelichting bij één regel van hoogstens { $max } tekens.
error-highlight-not-about = Dat bericht telt niet mee voor Ding { $number }: zet het in de kijker bij een les waar het over gaat.

## A lesson link the link checker found dead

link-gone = voorgoed weg (410)
link-answers = antwoordt { $code }
