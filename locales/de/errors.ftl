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
