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

## Shared by the routine emails
email-hello = Hallo { $name },
email-stop-at = Geen e-mails meer van deze soort: { $url }
email-done-of = Je hebt { $done } van de { $required } dingen gedaan.

## The weekly letter (a week's lessons open)
release-subject = Week { $week } van { $cohort } is begonnen
release-title = Week { $week } is begonnen
release-opened = Week { $week } van { $cohort } is begonnen op { $opened }. Deze week:
release-hello-opened = Hallo { $name }, week { $week } is begonnen op { $opened }. Deze week:
release-minutes = ongeveer { $minutes ->
    [one] { $minutes } minuut
   *[other] { $minutes } minuten
}
release-done = gedaan
release-tag = Schrijf over elk ervan een blogbericht en geef het de tag thingN (bijvoorbeeld thing{ $number }), dan telt het mee.
release-tag-html = Schrijf over elk ervan een blogbericht en geef het de tag <code>thing{ $number }</code> (enzovoort), dan telt het mee.
release-finished = Je hebt het programma afgerond: goed gedaan!
release-progress-html = Je hebt <strong>{ $done } van de { $required }</strong> dingen gedaan.
release-partner = Je leermaatje
release-partner-wrote = Je leermaatje, { $partner }, schreef ‘{ $title }’: { $link }
release-partner-quiet = Je leermaatje, { $partner }, heeft nog niets geschreven: een woordje van jou kan helpen.
release-partner-wrote-html = { $partner } schreef { $post }.
release-partner-quiet-html = { $partner } heeft nog niets geschreven: een woordje van jou kan helpen.
release-from-cohort = Deze week uit je groep
release-post-by = { $title }, door { $author }
release-by = door { $author }
release-example = Een voorbeeld om van te leren
release-everyone = Ieders berichten
release-everyone-at = Ieders berichten: { $url }
release-waiting = Nog zonder eerste reactie
release-next = De volgende week begint op { $next }.
release-calendar = Alle startmomenten in je agenda
release-calendar-at = Alle startmomenten in je agenda: { $url }

## Halfway there
milestone-subject = Halverwege { $cohort }
milestone-title = Halverwege
milestone-heading = Halverwege, { $name }!
milestone-halfway = Halverwege: je hebt { $done } van de { $required } dingen van { $cohort } gedaan. Ga zo door, één ding tegelijk.
milestone-done = Je hebt { $done } van de { $required } dingen van { $cohort } gedaan. Ga zo door, één ding tegelijk.
milestone-progress = Je voortgang
milestone-progress-at = Je voortgang: { $url }

## A coordinator's reminder
reminder-subject = Ga verder met { $cohort }
reminder-nudge = Een vriendelijk duwtje van { $cohort }: je hebt tot nu toe { $done } van de { $required } dingen gedaan{ $done ->
    [0] {""}
   *[other] , goed bezig
}.
reminder-hello-nudge = Hallo { $name }, een vriendelijk duwtje: je hebt tot nu toe { $done } van de { $required } dingen gedaan{ $done ->
    [0] {""}
   *[other] , goed bezig
}.
# Why this person gets a reminder, in words to them.
reminder-why-stalled = Je hebt al { $days } dagen of langer geen les afgerond.
reminder-why-behind = { $count ->
    [one] Er staat { $count } les al meer dan een week voor je klaar.
   *[other] Er staan { $count } lessen al meer dan een week voor je klaar.
}
# Why a person is due a reminder, as a coordinator's list says it.
reminder-reason-stalled = stilgevallen: al { $days } dagen of langer geen les gedaan
reminder-reason-behind = achter: { $count ->
    [one] { $count } les
   *[other] { $count } lessen
} al meer dan een week open en niet gedaan
reminder-feed-problem = Eerst dit: Twentythree kan je blog op dit moment niet lezen ({ $problem }), dus wat je schrijft komt niet bij ons aan. Controleer het adres op je pagina, of gebruik daar ‘Mijn blog is verhuisd’: { $url }
reminder-feed-problem-html = <strong>Eerst dit:</strong> Twentythree kan je blog op dit moment niet lezen ({ $problem }), dus wat je schrijft komt niet bij ons aan. <a href="{ $url }">Controleer het adres op je pagina</a>, of gebruik daar ‘Mijn blog is verhuisd’.
reminder-no-feed = nog geen feed gevonden
reminder-next-up = Hierna: { $thing }, { $title }
reminder-try-it = Probeer het, schrijf er een kort bericht over en geef het de tag thing{ $number }, dan telt het mee.
reminder-next-up-html = <strong>Hierna:</strong> { $lesson }. Probeer het, schrijf er een kort bericht over en geef het de tag <code>thing{ $number }</code>, dan telt het mee.
reminder-twenty = Twintig minuten deze week is genoeg om bij te blijven. Kijk waar je staat: { $url }
reminder-twenty-html = Twintig minuten deze week is genoeg om bij te blijven. <a href="{ $url }">Kijk waar je staat</a>.

## Asking to join a cohort one is already in
already-subject = Je doet al mee aan { $cohort }
already-asked = Iemand (hopelijk jij) heeft met dit adres gevraagd om mee te doen aan { $cohort }, en je doet al mee: je hoeft niets meer te doen.
already-hello-asked = Hallo { $name }, iemand (hopelijk jij) heeft met dit adres gevraagd om mee te doen aan { $cohort }, en je doet al mee: je hoeft niets meer te doen.
already-sign-in = Log in met deze link om je voortgang te zien:
already-sign-in-button = Log in en bekijk je voortgang
already-once = De link werkt één keer, de komende 30 minuten. Heb je er niet om gevraagd? Negeer deze e-mail dan: zonder de link kan niemand inloggen.
already-link-once = De link werkt één keer, de komende 30 minuten. Heb je er niet om gevraagd? Negeer deze e-mail dan: zonder de link kan niemand inloggen.

## The blog cannot be read
feed-problem-subject = We kunnen je blog niet lezen
feed-problem-two-days = Al twee dagen kan Twentythree je blog niet lezen, dus nieuwe berichten worden niet meegeteld.
feed-problem-hello = Hallo { $name }, al twee dagen kan Twentythree je blog niet lezen, dus nieuwe berichten worden niet meegeteld.
feed-problem-what = Wat er mis is: { $problem }.
feed-problem-what-html = <strong>Wat er mis is:</strong> { $problem }.
feed-problem-blog = Het adres van je blog: { $blog }
feed-problem-blog-html = Het adres van je blog: <a href="{ $blog }">{ $blog }</a>
feed-problem-todo = Wat je kunt doen: controleer of je blog openbaar is en opent in een privévenster van je browser. Is je blog verhuisd? Geef het nieuwe adres dan op je pagina: { $url }
feed-problem-todo-html = <strong>Wat je kunt doen:</strong> controleer of je blog openbaar is en opent in een privévenster van je browser. Is je blog verhuisd? Geef het nieuwe adres dan op <a href="{ $url }">je pagina</a>.
feed-problem-nothing-lost = Je berichten tellen mee zodra je blog weer te lezen is; er gaat niets verloren.
feed-problem-no-answer = het blog antwoordt niet

## A post held up as an example
highlight-subject = Je bericht is een voorbeeld bij { $thing }
highlight-title = Je bericht is een voorbeeld
highlight-chose = { $who ->
    [coordinator] Je coördinator
   *[person] { $by }
} koos je bericht ‘{ $title }’ als voorbeeld bij { $thing } ({ $lesson }) in { $cohort }, om anderen van te laten leren:
highlight-chose-html = Hallo { $name }, { $who ->
    [coordinator] je coördinator
   *[person] { $by }
} koos je bericht { $post } als voorbeeld bij { $thing } ({ $lesson }) in { $cohort }, om anderen van te laten leren:
highlight-note = ‘{ $note }’
highlight-leads = Het staat nu bovenaan de pagina van de les, waar anderen het als eerste lezen: { $url }
highlight-your-post = Je bericht: { $url }
highlight-thanks = Dank je wel dat je deelt wat je geleerd hebt.
highlight-leads-html = Het staat nu bovenaan <a href="{ $url }">de pagina van de les</a>, waar anderen het als eerste lezen. Dank je wel dat je deelt wat je geleerd hebt.

## The mentor's weekly note
mentor-note-subject = Je pupillen deze week
mentor-note-lead = Hallo { $name }, een reactie op een bericht of een berichtje aan iemand die stil is gevallen, doet veel.
mentor-note-mentee = { $name } ({ $cohort }): { $done } van de { $required } dingen gedaan.
mentor-note-mentee-html = <strong>{ $name }</strong> ({ $cohort }): { $done } van de { $required } dingen gedaan.
mentor-note-stalled = Stilgevallen: al { $days } dagen of langer geen les gedaan; een vriendelijk woord kan helpen.
mentor-note-stalled-html = <strong>Stilgevallen</strong>: al { $days } dagen of langer geen les gedaan.
mentor-note-post = ‘{ $title }’: { $url }
mentor-note-post-uncommented = ‘{ $title }’, nog geen reactie: { $url }
mentor-note-no-comment = nog geen reactie
mentor-note-everything = Alles over hen
mentor-note-everything-at = Alles over hen: { $url }
mentor-note-footer = Je krijgt deze e-mail omdat je mentor bent in een 23 Dingen-programma.

## A finisher, told to the coordinators and (where the cohort wants it) the others
celebration-note-subject = Iemand heeft { $cohort } afgerond: tijd voor een feestje
celebration-note-title = { $finisher } heeft { $cohort } afgerond
celebration-note-heading = { $finisher } is klaar!
celebration-note-finished = { $finisher } heeft { $cohort } afgerond: alle { $done } dingen, sinds de aanmelding op { $joined }.
celebration-note-all = Alle { $done } dingen van { $cohort }, sinds de aanmelding op { $joined }.
celebration-note-blog = Het blog: { $url }
celebration-note-their-blog = Het blog:
celebration-note-wall = De feestmuur
celebration-note-wall-at = De feestmuur: { $url }
celebration-note-so-far = { $finishers ->
    [one] { $finishers } van de { $participants } deelnemers is tot nu toe klaar.
   *[other] { $finishers } van de { $participants } deelnemers zijn tot nu toe klaar.
}
celebration-note-comment = Elke keer dat iemand klaar is, vieren we dat samen. Laat je een reactie achter op het blog?
