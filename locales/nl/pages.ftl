# Deelnemers- en openbare pagina's, de basisopmaak en de voettekst.

## Gedeelde woorden

lesson-word = Ding
count-posts = { $count ->
    [one] { $count } bericht
   *[other] { $count } berichten
}
count-participants = { $count ->
    [one] { $count } deelnemer
   *[other] { $count } deelnemers
}
week-number = Week { $week }

## Basisopmaak en voettekst

skip-to-content = Naar de inhoud
nav-main = Hoofdmenu
nav-lessons = Lessen
nav-my-progress = Mijn voortgang
nav-coordinator = Coördinator
nav-signed-in-as = Ingelogd als { $name }
nav-sign-out = Uitloggen
nav-join = Meedoen
nav-sign-in = Inloggen
footer-motto = Leer door te doen, door te kijken hoe anderen het doen en door erover te praten. Twentythree leest ieders blog en houdt de stand bij.
footer-language = Taal

## Groepskaarten (startpagina)

cohort-ended-on = afgelopen op { $date }
cohort-starts-on = begint op { $date }
cohort-week-of = week { $week } van { $weeks }
cohort-members-only = alleen voor deelnemers
cohort-this-week = Deze week:
cohort-read-posts = Lees de blogberichten
cohort-join = Doe mee met deze groep

## Startpagina

home-title = Start
home-headline = { $lessons } dingen in { $weeks ->
    [one] { $weeks } week
   *[other] { $weeks } weken
}
home-lead = Steeds een korte les, over elke les een bericht op je eigen blog, en een groep collega's die naast je meeleert.
home-see-lessons = Bekijk de lessen
home-all-programs = of alle { $count } programma's
home-welcome = Welkom: de volgende stap
home-no-cohort-yet = Deze server heeft nog geen groep. De lessen hieronder zijn een voorproefje van het programma. Start een groep met:
home-cohorts = Groepen
home-members-only = De groepen op deze server zijn alleen open voor hun deelnemers.

## Mijn pagina (/me)

me-language = Taal van Twentythree
me-language-hint = pagina's en e-mails; automatisch volgt het programma van je groep, en anders je browser
me-language-automatic = Automatisch
