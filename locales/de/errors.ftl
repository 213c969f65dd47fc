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
