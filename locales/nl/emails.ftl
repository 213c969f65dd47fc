# Every email: subjects and bodies (plain text and HTML parts).

## Every email's frame
email-footer = Je krijgt deze e-mail omdat je meedoet aan een 23 Dingen-programma.
email-stop = Geen e-mails meer van deze soort

## The finisher's celebration
celebration-subject = Je hebt { $cohort } afgerond!
celebration-dear = Beste { $name },
celebration-did-it = Het is je gelukt, { $name }!
celebration-all = Het is je gelukt: alle { $done } dingen van { $cohort }, en onderweg { $posts ->
    [one] { $posts } bericht
   *[other] { $posts } berichten
} op je blog.
celebration-all-html = Alle <strong>{ $done } dingen</strong> van { $cohort }, en onderweg { $posts ->
    [one] { $posts } bericht
   *[other] { $posts } berichten
} op je blog.
celebration-started = Het begon met ‘{ $first }’. Kijk eens hoe ver je gekomen bent.
celebration-started-ended = Het begon met ‘{ $first }’ en eindigt, voorlopig, met ‘{ $last }’. Kijk eens hoe ver je gekomen bent.
celebration-wall = Iedereen die het afrondt, komt op de feestmuur:
celebration-see-wall = Bekijk de feestmuur
celebration-certificate = Je certificaat, klaar om af te drukken:
celebration-certificate-html = <a href="{ $url }">Je certificaat</a>, klaar om af te drukken.
celebration-badge = Je Open Badge, een controleerbaar bewijs van wat je gedaan hebt:
celebration-badge-download = Download je badge (PNG, voor badge-rugzakken zoals Badgr of Moodle)
celebration-badge-linkedin = Toevoegen aan LinkedIn
celebration-badge-check = Iedereen kan hem hier controleren
celebration-thanks = Dank je wel dat je hardop hebt geleerd. Wie je berichten las, leerde met je mee.
celebration-team = Het team van { $cohort }

## The sign-in link
login-email-subject = Je link om in te loggen bij Twentythree
login-email-hello = Hallo { $name },
login-email-here = Hier is je link om in te loggen bij Twentythree:
login-email-title = Inloggen bij Twentythree
login-email-hello-html = Hallo { $name }, hier is je link om in te loggen:
login-email-button = Inloggen
login-email-once = De link werkt één keer, de komende 30 minuten. Heb je er niet om gevraagd? Negeer deze e-mail dan: zonder de link kan niemand inloggen.

## Confirming a join
confirm-email-subject = Bevestig dat je meedoet aan { $cohort }
confirm-email-hello = Hallo,
confirm-email-asked = Iemand (hopelijk jij) heeft met dit e-mailadres gevraagd om mee te doen aan { $cohort } op Twentythree.
confirm-email-confirm = Bevestig dat jij het was, en je doet mee (de pagina laat eerst de opgegeven naam en blog zien):
confirm-email-button = Bevestigen en meedoen
confirm-email-shows = De pagina laat eerst de opgegeven naam en blog zien.
confirm-email-once = De link werkt één keer, de komende 24 uur. Heb je niet gevraagd om mee te doen? Negeer deze e-mail dan: zonder de link gebeurt er niets.
