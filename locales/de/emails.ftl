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
celebration-wall = Wer fertig ist, kommt an die Feierwand:
celebration-see-wall = Zur Feierwand
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
