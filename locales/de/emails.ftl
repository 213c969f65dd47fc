# Every email: subjects and bodies (plain text and HTML parts).

## Every email's frame
email-footer = Du bekommst diese E-Mail, weil du an einem „23 Dinge“-Programm teilnimmst.
email-stop = Diese E-Mails abbestellen

## The finisher's celebration
celebration-subject = Du hast { $cohort } geschafft!
celebration-dear = Hallo { $name },
celebration-did-it = Geschafft, { $name }!
celebration-all = Geschafft: alle { $done } Dinge von { $cohort }, und unterwegs { $posts ->
    [one] { $posts } Beitrag
   *[other] { $posts } Beiträge
} in deinem Blog.
celebration-all-html = Alle <strong>{ $done } Dinge</strong> von { $cohort }, und unterwegs { $posts ->
    [one] { $posts } Beitrag
   *[other] { $posts } Beiträge
} in deinem Blog.
celebration-started = Angefangen hat es mit „{ $first }“. Sieh nur, wie weit du gekommen bist.
celebration-started-ended = Angefangen hat es mit „{ $first }“, und vorerst endet es mit „{ $last }“. Sieh nur, wie weit du gekommen bist.
celebration-wall = Wer fertig ist, kommt an die Ehrenwand:
celebration-see-wall = Zur Ehrenwand
celebration-certificate = Deine Urkunde, bereit zum Ausdrucken:
celebration-certificate-html = <a href="{ $url }">Deine Urkunde</a>, bereit zum Ausdrucken.
celebration-badge = Dein Open Badge, ein überprüfbarer Nachweis dessen, was du getan hast:
celebration-badge-download = Badge herunterladen (PNG, für Sammlungen wie Badgr oder Moodle)
celebration-badge-linkedin = Zu LinkedIn hinzufügen
celebration-badge-check = Hier kann ihn jede und jeder prüfen
celebration-thanks = Danke, dass du laut gelernt hast. Wer deine Beiträge gelesen hat, hat mit dir gelernt.
celebration-team = Das Team von { $cohort }

## The sign-in link
login-email-subject = Dein Link zum Anmelden bei Twentythree
login-email-hello = Hallo { $name },
login-email-here = Hier ist dein Link zum Anmelden bei Twentythree:
login-email-title = Bei Twentythree anmelden
login-email-hello-html = Hallo { $name }, hier ist dein Link zum Anmelden:
login-email-button = Anmelden
login-email-once = Er funktioniert einmal, in den nächsten 30 Minuten. Wenn du ihn nicht angefordert hast, ignoriere diese E-Mail: Ohne den Link kann sich niemand anmelden.

## Confirming a join
confirm-email-subject = Bestätige, dass du bei { $cohort } mitmachst
confirm-email-hello = Hallo,
confirm-email-asked = Jemand (hoffentlich du) möchte mit dieser E-Mail-Adresse bei { $cohort } auf Twentythree mitmachen.
confirm-email-confirm = Bestätige, dass du es warst, und du bist dabei (die Seite zeigt vorher den angegebenen Namen und Blog):
confirm-email-button = Bestätigen und mitmachen
confirm-email-shows = Die Seite zeigt vorher den angegebenen Namen und Blog.
confirm-email-once = Der Link funktioniert einmal, in den nächsten 24 Stunden. Wenn du nicht mitmachen wolltest, ignoriere diese E-Mail: Ohne den Link passiert nichts.

## Shared by the routine emails
email-hello = Hallo { $name },
email-stop-at = Diese E-Mails abbestellen: { $url }
email-done-of = Du hast { $done } von { $required } Dingen erledigt.

## The weekly letter (a week's lessons open)
release-subject = Woche { $week } von { $cohort } hat begonnen
release-title = Woche { $week } hat begonnen
release-opened = Woche { $week } von { $cohort } hat am { $opened } begonnen. Diese Woche:
release-hello-opened = Hallo { $name }, Woche { $week } hat am { $opened } begonnen. Diese Woche:
release-minutes = etwa { $minutes ->
    [one] { $minutes } Minute
   *[other] { $minutes } Minuten
}
release-done = erledigt
release-tag = Blogge über jedes davon und versieh den Beitrag mit dem Tag thingN (zum Beispiel thing{ $number }), damit er zählt.
release-tag-html = Blogge über jedes davon und versieh den Beitrag mit dem Tag <code>thing{ $number }</code> (und so weiter), damit er zählt.
release-finished = Du hast das Programm abgeschlossen: großartig!
release-progress-html = Du hast <strong>{ $done } von { $required }</strong> Dingen erledigt.
release-partner = Deine Lernpartnerschaft
release-partner-wrote = Neues aus deiner Lernpartnerschaft – { $partner } hat „{ $title }“ geschrieben: { $link }
release-partner-quiet = Deine Lernpartnerschaft: { $partner } hat noch nichts geschrieben. Ein Wort von dir kann helfen.
release-partner-wrote-html = { $partner } hat { $post } geschrieben.
release-partner-quiet-html = { $partner } hat noch nichts geschrieben: Ein Wort von dir kann helfen.
release-from-cohort = Diese Woche aus deiner Gruppe
release-post-by = { $title }, von { $author }
release-by = von { $author }
release-example = Ein Beispiel zum Lernen
release-everyone = Alle Beiträge
release-everyone-at = Alle Beiträge: { $url }
release-waiting = Warten noch auf einen ersten Kommentar
release-next = Die nächste Woche beginnt am { $next }.
release-calendar = Alle Starttermine in deinem Kalender
release-calendar-at = Alle Starttermine in deinem Kalender: { $url }

## Halfway there
milestone-subject = Halbzeit bei { $cohort }
milestone-title = Halbzeit
milestone-heading = Halbzeit, { $name }!
milestone-halfway = Halbzeit: Du hast { $done } von { $required } Dingen bei { $cohort } erledigt. Mach weiter, ein Ding nach dem anderen.
milestone-done = Du hast { $done } von { $required } Dingen bei { $cohort } erledigt. Mach weiter, ein Ding nach dem anderen.
milestone-progress = Dein Fortschritt
milestone-progress-at = Dein Fortschritt: { $url }

## A coordinator's reminder
reminder-subject = Bleib dran bei { $cohort }
reminder-nudge = Ein freundlicher Schubs von { $cohort }: Du hast bisher { $done } von { $required } Dingen erledigt{ $done ->
    [0] {""}
   *[other] , gut gemacht
}.
reminder-hello-nudge = Hallo { $name }, ein freundlicher Schubs: Du hast bisher { $done } von { $required } Dingen erledigt{ $done ->
    [0] {""}
   *[other] , gut gemacht
}.
# Why this person gets a reminder, in words to them.
reminder-why-stalled = Seit { $days } Tagen oder länger hast du keine Lektion abgeschlossen.
reminder-why-behind = { $count ->
    [one] { $count } Lektion ist seit über einer Woche offen und wartet auf dich.
   *[other] { $count } Lektionen sind seit über einer Woche offen und warten auf dich.
}
# Why a person is due a reminder, as a coordinator's list says it.
reminder-reason-stalled = ins Stocken geraten: seit { $days } Tagen oder länger keine Lektion erledigt
reminder-reason-behind = im Rückstand: { $count ->
    [one] { $count } Lektion
   *[other] { $count } Lektionen
} seit über einer Woche offen und nicht erledigt
reminder-feed-problem = Zuerst eins: Twentythree kann dein Blog gerade nicht lesen ({ $problem }), deine neuen Beiträge kommen also nicht bei uns an. Prüfe die Adresse auf deiner Seite oder nutze dort „Mein Blog ist umgezogen“: { $url }
reminder-feed-problem-html = <strong>Zuerst eins:</strong> Twentythree kann dein Blog gerade nicht lesen ({ $problem }), deine neuen Beiträge kommen also nicht bei uns an. <a href="{ $url }">Prüfe die Adresse auf deiner Seite</a> oder nutze dort „Mein Blog ist umgezogen“.
reminder-no-feed = noch kein Feed gefunden
reminder-next-up = Als Nächstes: { $thing }, { $title }
reminder-try-it = Probier es aus, schreib einen kurzen Beitrag darüber und versieh ihn mit dem Tag thing{ $number }, damit er zählt.
reminder-next-up-html = <strong>Als Nächstes:</strong> { $lesson }. Probier es aus, schreib einen kurzen Beitrag darüber und versieh ihn mit dem Tag <code>thing{ $number }</code>, damit er zählt.
reminder-twenty = Zwanzig Minuten in dieser Woche reichen, um dranzubleiben. Sieh nach, wo du stehst: { $url }
reminder-twenty-html = Zwanzig Minuten in dieser Woche reichen, um dranzubleiben. <a href="{ $url }">Sieh nach, wo du stehst</a>.

## Asking to join a cohort one is already in
already-subject = Du bist schon bei { $cohort } dabei
already-asked = Jemand (hoffentlich du) möchte mit dieser Adresse bei { $cohort } mitmachen, und du bist schon dabei: Du musst nichts weiter tun.
already-hello-asked = Hallo { $name }, jemand (hoffentlich du) möchte mit dieser Adresse bei { $cohort } mitmachen, und du bist schon dabei: Du musst nichts weiter tun.
already-sign-in = Melde dich mit diesem Link an, um deinen Fortschritt zu sehen:
already-sign-in-button = Anmelden und Fortschritt ansehen
already-once = Er funktioniert einmal, in den nächsten 30 Minuten. Wenn du ihn nicht angefordert hast, ignoriere diese E-Mail: Ohne den Link kann sich niemand anmelden.
already-link-once = Der Link funktioniert einmal, in den nächsten 30 Minuten. Wenn du ihn nicht angefordert hast, ignoriere diese E-Mail: Ohne den Link kann sich niemand anmelden.

## The blog cannot be read
feed-problem-subject = Wir können dein Blog nicht lesen
feed-problem-two-days = Seit zwei Tagen kann Twentythree dein Blog nicht lesen, neue Beiträge werden also nicht gezählt.
feed-problem-hello = Hallo { $name }, seit zwei Tagen kann Twentythree dein Blog nicht lesen, neue Beiträge werden also nicht gezählt.
feed-problem-what = Was nicht stimmt: { $problem }.
feed-problem-what-html = <strong>Was nicht stimmt:</strong> { $problem }.
feed-problem-blog = Die Adresse deines Blogs: { $blog }
feed-problem-blog-html = Die Adresse deines Blogs: <a href="{ $blog }">{ $blog }</a>
feed-problem-todo = Was du tun kannst: Prüfe, ob dein Blog öffentlich ist und sich in einem privaten Browserfenster öffnen lässt. Wenn dein Blog umgezogen ist, gib die neue Adresse auf deiner Seite an: { $url }
feed-problem-todo-html = <strong>Was du tun kannst:</strong> Prüfe, ob dein Blog öffentlich ist und sich in einem privaten Browserfenster öffnen lässt. Wenn dein Blog umgezogen ist, gib die neue Adresse auf <a href="{ $url }">deiner Seite</a> an.
feed-problem-nothing-lost = Deine Beiträge zählen, sobald das Blog wieder lesbar ist; nichts geht verloren.
feed-problem-no-answer = das Blog antwortet nicht

## A post held up as an example
highlight-subject = Dein Beitrag ist ein Beispiel für { $thing }
highlight-title = Dein Beitrag ist ein Beispiel
highlight-chose = { $who ->
    [coordinator] Deine Koordination
   *[person] { $by }
} hat deinen Beitrag „{ $title }“ als Beispiel für { $thing } ({ $lesson }) in { $cohort } ausgewählt, damit andere davon lernen:
highlight-chose-html = Hallo { $name }, { $who ->
    [coordinator] deine Koordination
   *[person] { $by }
} hat deinen Beitrag { $post } als Beispiel für { $thing } ({ $lesson }) in { $cohort } ausgewählt, damit andere davon lernen:
highlight-note = „{ $note }“
highlight-leads = Er steht jetzt oben auf der Seite der Lektion, wo andere ihn zuerst lesen: { $url }
highlight-your-post = Dein Beitrag: { $url }
highlight-thanks = Danke, dass du teilst, was du gelernt hast.
highlight-leads-html = Er steht jetzt oben auf <a href="{ $url }">der Seite der Lektion</a>, wo andere ihn zuerst lesen. Danke, dass du teilst, was du gelernt hast.

## The mentor's weekly note
mentor-note-subject = Deine Mentees in dieser Woche
mentor-note-lead = Hallo { $name }, ein Kommentar zu einem Beitrag oder eine Nachricht an jemanden, der still geworden ist, bewirkt viel.
mentor-note-mentee = { $name } ({ $cohort }): { $done } von { $required } Dingen erledigt.
mentor-note-mentee-html = <strong>{ $name }</strong> ({ $cohort }): { $done } von { $required } Dingen erledigt.
mentor-note-stalled = Ins Stocken geraten: seit { $days } Tagen oder länger keine Lektion erledigt; ein freundliches Wort kann helfen.
mentor-note-stalled-html = <strong>Ins Stocken geraten</strong>: seit { $days } Tagen oder länger keine Lektion erledigt.
mentor-note-post = „{ $title }“: { $url }
mentor-note-post-uncommented = „{ $title }“, noch kein Kommentar: { $url }
mentor-note-no-comment = noch kein Kommentar
mentor-note-everything = Alles über sie
mentor-note-everything-at = Alles über sie: { $url }
mentor-note-footer = Du bekommst diese E-Mail, weil du in einem „23 Dinge“-Programm Menschen als Mentor:in begleitest.

## A finisher, told to the coordinators and (where the cohort wants it) the others
celebration-note-subject = Jemand hat { $cohort } geschafft: Zeit zum Feiern
celebration-note-title = { $finisher } hat { $cohort } geschafft
celebration-note-heading = { $finisher } ist fertig!
celebration-note-finished = { $finisher } hat { $cohort } geschafft: alle { $done } Dinge, nach dem Einstieg am { $joined }.
celebration-note-all = Alle { $done } Dinge von { $cohort }, nach dem Einstieg am { $joined }.
celebration-note-blog = Zum Blog: { $url }
celebration-note-their-blog = Zum Blog:
celebration-note-wall = Die Ehrenwand
celebration-note-wall-at = Die Ehrenwand: { $url }
celebration-note-so-far = { $finishers ->
    [one] { $finishers } von { $participants } Teilnehmenden ist bisher fertig.
   *[other] { $finishers } von { $participants } Teilnehmenden sind bisher fertig.
}
celebration-note-comment = Jedes Mal, wenn jemand fertig wird, feiern wir alle mit. Vielleicht magst du dort einen Kommentar hinterlassen?
