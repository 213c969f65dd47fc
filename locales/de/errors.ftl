# Fehlerseiten, Fehlermeldungen in Formularen und API-Fehlermeldungen, die Menschen lesen.

## Fehlerseiten

error-title-bad-request = Bitte korrigieren
error-title-unauthorized = Bitte melde dich an
error-title-forbidden = Für dich nicht zugänglich
error-title-not-found = Seite nicht gefunden
error-title-gone = Dieser Link funktioniert nicht mehr
error-title-too-large = Zu groß
error-title-too-many = Zu viele Versuche
error-title-unavailable = Gleich wieder da
error-title-internal = Etwas ist schiefgegangen
error-go-to-your-page = Zu deiner Seite
error-go-home = Zur Startseite
error-browse-lessons = Lektionen ansehen
error-not-found = Unter dieser Adresse gibt es nichts. Vielleicht ist die Seite umgezogen, oder der Link enthält einen Tippfehler.
error-database-away = Twentythree erreicht seine Datenbank gerade nicht. Bitte versuche es in einer Minute noch einmal.
error-internal = Bei uns ist etwas schiefgegangen. Der Fehler ist protokolliert; bitte versuche es gleich noch einmal.
error-unknown-language = Diese Sprache spricht Twentythree noch nicht: Wähle English, Nederlands oder Deutsch.

## Refusals

error-members-only = Die Seiten dieser Gruppe sind nur für ihre Mitglieder und die Koordination des Programms offen. Machst du mit, melde dich mit der Adresse an, die deine Koordination von dir hat; meinst du, du gehörst dazu, frag bei deiner Koordination nach.
error-form-out-of-date = Dieses Formular war veraltet oder kam von einer anderen Website, deshalb wurde nichts geändert. Geh zurück, lade die Seite neu und versuch es noch einmal.
error-highlight-not-allowed = Nur die Koordination oder eine Mentorin bzw. ein Mentor der Person, die ihn geschrieben hat, kann einen Beitrag hervorheben.

## Joining

join-blog-taken = Dieses Blog gehört schon jemand anderem in dieser Gruppe: Gib die Adresse deines eigenen Blogs an.
join-no-cohort-open = Gerade ist keine Gruppe zum Mitmachen offen.
join-choose-cohort = Wähle eine der Gruppen.

## My page

error-unknown-timezone = „{ $zone }“ ist keine Zeitzone, die Twentythree kennt: Verwende einen Namen wie Europe/Berlin oder America/Chicago.

## A sentence kept from before sentences were kept as messages: shown as it is

verbatim = { $text }

## A blog's feed: why it could not be read (made by the poller, said in the reader's language)

feed-blocked = die Adresse zeigt in ein privates Netz ({ $address }), das Twentythree nicht liest
feed-not-web-address = die Feed-Adresse ist keine Webadresse
feed-only-http = nur http- und https-Adressen können gelesen werden
feed-has-password = Adressen mit Benutzername oder Passwort darin können nicht gelesen werden
feed-no-host = die Adresse hat keinen Hostnamen
feed-no-such-name = den Namen des Blogs, { $host }, gibt es nicht
feed-connect-refused = der Server des Blogs hat die Verbindung abgelehnt
feed-connect-dropped = der Server des Blogs hat die Verbindung abgebrochen
feed-connect-unreachable = der Server des Blogs ist nicht erreichbar
feed-connect-failed = der Server des Blogs konnte nicht erreicht werden
feed-tls = die sichere Verbindung zum Blog ist fehlgeschlagen ({ $detail })
feed-timeout = das Blog hat nicht innerhalb von 20 Sekunden geantwortet
feed-too-large = der Feed ist größer als 10 MB
feed-redirects = die Adresse leitet mehr als 5-mal weiter
feed-private = das Blog ist nicht öffentlich (die Antwort war { $status })
feed-server-error = der Server des Blogs hatte einen Fehler ({ $code })
feed-answered = das Blog hat mit { $status } geantwortet
feed-bad-compression = die Antwort des Blogs war so komprimiert, dass sie nicht gelesen werden kann
feed-broke-off = die Antwort des Blogs brach ab, bevor sie vollständig war
feed-no-proper-answer = der Server des Blogs hat keine brauchbare Antwort gegeben
feed-now-web-page = die Adresse liefert jetzt eine Webseite, keinen Feed
feed-gone-for-good = das Blog meldet, dass dieser Feed endgültig weg ist (410 Gone)
feed-busy = das Blog hat gebeten, später wiederzukommen (es ist ausgelastet)
feed-gone = die Adresse meldet, dass das Blog weg ist (410 Gone)
feed-none-found = kein Feed gefunden: Die Seite nennt keinen, und keine der üblichen Feed-Adressen hat geantwortet
feed-unreadable = der Feed konnte nicht gelesen werden: { $why }
feed-empty = die Adresse liefert ein leeres Dokument, keinen Feed
feed-web-page = die Adresse liefert eine Webseite, keinen Feed
feed-not-json-feed = die Adresse liefert JSON-Daten, aber keinen JSON Feed
feed-not-feed-xml = die Adresse liefert ein XML-Dokument, aber keinen Feed (sein Wurzelelement ist <{ $root }>)
feed-unrecognised = die Adresse liefert etwas, das weder ein Feed noch eine Webseite ist
feed-invalid-xml = der Feed ist kein gültiges XML: { $message } (Zeile { $line })
feed-invalid-json = der Feed ist kein gültiges JSON: { $message } (Zeile { $line })
feed-crashed = der Feed konnte nicht gelesen werden: Das Leseprogramm ist daran abgestürzt
feed-none-read = { $seen ->
    [one] der einzige Beitrag im Feed konnte nicht gelesen werden
   *[other] keiner der { $seen } Beiträge im Feed konnte gelesen werden
}: { $why }
feed-unread-empty = { $count ->
    [one] er hat keinen Titel, keinen Link und keinen Text
   *[other] sie haben keinen Titel, keinen Link und keinen Text
}
feed-unread-not-understood = { $count ->
    [one] er ist so geschrieben, dass Twentythree ihn nicht lesen kann
   *[other] sie sind so geschrieben, dass Twentythree sie nicht lesen kann
}
feed-unread-unknown = Twentythree kann nicht erkennen, warum
feed-lost-posts = { $unread } von { $seen } Beiträgen in deinem Feed konnten nicht gelesen werden: { $why }

## A blog's feed: how it is doing

health-ok-read = Alles in Ordnung: { $ago } gelesen.
health-ok = Alles in Ordnung.
health-read-but = { $ago } gelesen, aber { $lost }.
health-read-undated-but = Gelesen, aber { $lost }.
health-pending-error = Noch nicht gelesen: { $error }. Twentythree versucht es weiter.
health-pending = Wartet darauf, zum ersten Mal gelesen zu werden.
health-failing-since = Kann seit { $for } nicht gelesen werden: { $error }. Twentythree versucht es weiter.
health-failing = Kann nicht gelesen werden: { $error }. Twentythree versucht es weiter.
health-gone = Beendet: { $error }. Ist das Blog umgezogen? Dann gib seine neue Adresse an.
health-blocked = Beendet: { $error }.
health-no-feed = Noch kein Feed gefunden.
health-unknown-problem = ein unbekanntes Problem
health-just-now = gerade eben
health-minutes-ago = { $count ->
    [one] vor einer Minute
   *[other] vor { $count } Minuten
}
health-hours-ago = { $count ->
    [one] vor einer Stunde
   *[other] vor { $count } Stunden
}
health-days-ago = { $count ->
    [one] vor einem Tag
   *[other] vor { $count } Tagen
}
health-for-minutes = { $count ->
    [one] einer Minute
   *[other] { $count } Minuten
}
health-for-hours = { $count ->
    [one] einer Stunde
   *[other] { $count } Stunden
}
health-for-days = { $count ->
    [one] einem Tag
   *[other] { $count } Tagen
}

## Refused claims, self-reports and marks (nothing changed)

refused-no-such-lesson = In diesem Programm gibt es kein Ding { $number }.
refused-not-their-post = Dieser Beitrag gehört nicht dieser Person.
refused-self-report-off = In dieser Gruppe kannst du Dinge nicht selbst abhaken.
refused-not-open-yet = Ding { $number } ist für dich noch nicht geöffnet: Es öffnet am { $opens }.
refused-archive-post = Dieser Beitrag wurde veröffentlicht, bevor die Gruppe begann (mehr als { $days } Tage vor ihrem Start), darum zählt er nicht.
refused-post-already-counts = Dieser Beitrag zählt schon für Ding { $number }, darum kannst du ihn nicht für eine andere Lektion angeben.
refused-unmarked = Eine Koordinatorin oder ein Koordinator hat Ding { $number } für dich wieder zurückgenommen; nur sie können es wieder abhaken, frag also bei ihnen nach.

## Forms and addresses that cannot be read

error-choose = Wähle { $what }.
choose-cohort = eine Gruppe
choose-post = einen Beitrag
choose-lesson = eine Lektion
choose-lesson-of-post = die Lektion, um die es im Beitrag ging
choose-author = die Person, die den Beitrag geschrieben hat
error-not-a-number = „{ $value }“ ist keine ganze Zahl ab 1.
error-form-unreadable = Dieses Formular konnte nicht gelesen werden ({ $detail }). Geh zurück, prüfe deine Eingaben und schick es noch einmal.
error-query-unreadable = Die Adresse enthält eine Abfrage, die hier keinen Sinn ergibt ({ $detail }).
error-address-unreadable = Diese Adresse kann nicht gelesen werden ({ $detail }).
error-form-too-large = Dieses Formular ist zu groß (die Grenze liegt bei { $limit } KB). Kürze deine Eingaben und schick es noch einmal.
error-upload-too-large = Die Datei ist zu groß: Sie darf höchstens { $limit } MiB haben.
error-coordinators-only = Dieser Bereich ist für Koordinatorinnen und Koordinatoren.
error-mentors-only = Diese Seite ist für Mentorinnen und Mentoren. Eine Koordinatorin oder ein Koordinator macht jemanden zur Mentorin oder zum Mentor; bis dahin gibt es hier nichts zu sehen.
error-partner-yes-or-no = Sag, ob du eine Lernpartnerin oder einen Lernpartner möchtest (ja oder nein).
error-no-such-thing = Dieses Ding gibt es im Programm nicht.
error-not-finished = { $name } ist noch nicht fertig: Das Zertifikat kommt mit dem letzten Ding.
error-blog-moves = Du hast dein Blog heute schon { $count }-mal umgezogen: Versuch es morgen wieder oder frag deine Koordinatorin oder deinen Koordinator.
error-blog-taken = Dieses Blog gehört schon einer anderen Person in dieser Gruppe: Gib die Adresse deines eigenen Blogs an.
error-checked-moments-ago = Twentythree hat dein Blog gerade erst gelesen: Versuch es in einer Minute noch einmal.
error-blog-of-their-own = Dieses Blog gehört schon einer anderen Person in dieser Gruppe: Alle schreiben in einem eigenen Blog.
error-highlight-no-note = Schreib eine kurze Notiz dazu, was andere aus diesem Beitrag lernen können.
error-highlight-long-note = Halte die Notiz bei einer Zeile von höchstens { $max } Zeichen.
error-highlight-not-about = Dieser Beitrag zählt nicht für Ding { $number }: Hebe ihn bei einer Lektion hervor, um die es darin geht.

## A lesson link the link checker found dead

link-gone = endgültig weg (410)
link-answers = antwortet mit { $code }
