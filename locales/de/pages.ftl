# Teilnehmer- und öffentliche Seiten, das Grundlayout und die Fußzeile.

## Gemeinsame Wörter

lesson-word = Ding
count-posts = { $count ->
    [one] { $count } Beitrag
   *[other] { $count } Beiträge
}
count-participants = { $count ->
    [one] { $count } Person
   *[other] { $count } Personen
}
week-number = Woche { $week }

## Grundlayout und Fußzeile

skip-to-content = Zum Inhalt springen
nav-main = Hauptmenü
nav-lessons = Lektionen
nav-my-progress = Mein Fortschritt
nav-coordinator = Koordination
nav-signed-in-as = Angemeldet als { $name }
nav-sign-out = Abmelden
nav-join = Mitmachen
nav-sign-in = Anmelden
footer-motto = Lernen durch Tun, durch Zuschauen und durch Darüber-Reden. Twentythree liest alle Blogs mit und zählt mit.
footer-language = Sprache

## Gruppenkarten (Startseite)

cohort-ended-on = beendet am { $date }
cohort-starts-on = beginnt am { $date }
cohort-week-of = Woche { $week } von { $weeks }
cohort-members-only = nur für Mitglieder
cohort-this-week = Diese Woche:
cohort-read-posts = Beiträge lesen
cohort-join = Dieser Gruppe beitreten

## Startseite

home-title = Start
home-headline = { $lessons } Dinge in { $weeks ->
    [one] { $weeks } Woche
   *[other] { $weeks } Wochen
}
home-lead = Immer eine kurze Lektion, zu jeder ein Beitrag im eigenen Blog und eine Gruppe von Kolleginnen und Kollegen, die mit dir lernen.
home-see-lessons = Zu den Lektionen
home-all-programs = oder alle { $count } Programme
home-welcome = Willkommen: der nächste Schritt
home-no-cohort-yet = Auf diesem Server gibt es noch keine Gruppe. Die Lektionen unten sind eine Vorschau auf das Programm. Eine Gruppe startest du mit:
home-cohorts = Gruppen
home-members-only = Die Gruppen auf diesem Server sind nur für ihre Mitglieder offen.

## Meine Seite (/me)

me-language = Sprache von Twentythree
me-language-hint = Seiten und E-Mails; automatisch folgt dem Programm deiner Gruppe, sonst deinem Browser
me-language-automatic = Automatisch
