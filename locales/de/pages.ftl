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

## Lessons and a lesson

word-or = oder
word-and = und
programs-title = Programme
lessons-preview = Noch hat keine Gruppe mit diesem Programm begonnen, deshalb sind alle Lektionen als Vorschau offen.
lessons-week-by-week = Die Lektionen öffnen Woche für Woche. Bei einer Lektion, die noch zu ist, steht, wann sie öffnet.
lesson-about-minutes = etwa { $minutes } Minuten
lesson-optional = freiwillig
lesson-opens = öffnet am { $when }
lesson-not-scheduled = noch nicht geplant
lesson-make-it-count = So zählt dein Beitrag
lesson-how-to-count-html = Versieh deinen Beitrag mit dem Tag { $tags } oder schreib „{ $title }“ in den Titel.
lesson-opens-on-html = Diese Lektion öffnet am <strong>{ $when }</strong>. Schau dann wieder vorbei!
lesson-opens-with-schedule = Diese Lektion öffnet nach dem Zeitplan deiner Gruppe.
lesson-people-to-ask = Wen du fragen kannst
lesson-experts-html =
    Du kommst nicht weiter oder willst mehr wissen? { $names } { $count ->
        [one] kennt
       *[other] kennen
    } sich damit gut aus und { $count ->
        [one] hilft
       *[other] helfen
    } dir gern.
lesson-models = Beiträge, aus denen andere gelernt haben
post-example = Beispiel
lesson-what-people-wrote = Was andere geschrieben haben
highlight-summary = Als Beispiel hervorheben
highlight-why = Warum andere daraus lernen können (eine Zeile)
highlight-button = Hervorheben
lesson-nobody-yet = Noch hat niemand darüber geschrieben. Sei die oder der Erste!

## Programs, credits, signing in

count-cohorts =
    { $count ->
        [one] { $count } Gruppe
       *[other] { $count } Gruppen
    }
programs-lead = Jedes Programm ist eine Reihe kurzer Lektionen; jede Gruppe folgt einem davon.
programs-lessons-over-weeks = { $lessons } Lektionen in { $weeks } Wochen
programs-default = das Standardprogramm
programs-licence = Lizenz: { $licence }
programs-no-licence = Keine Lizenz angegeben
programs-remixed-from = nach { $source }
credits-label = Lizenz und Herkunft
credits-licence-html = Dieses Programm steht unter { $licence }: Kopiere es, pass es an und biete es deinen eigenen Kolleginnen und Kollegen an.
credits-no-licence = Dieses Programm nennt keine Lizenz: Frag die Autorinnen und Autoren, bevor du es kopierst.
credits-remixed-from-html = Nach { $source }.
credits-version = Version { $version }
credits-language = Sprache { $language }
too-many-title = Bitte warte ein wenig
too-many-why = In den letzten Minuten kamen viele Anfragen von hier oder für diese Adresse. Twentythree legt eine Pause ein, damit niemandes Posteingang überflutet wird.
too-many-when = Versuch es in einer Viertelstunde noch einmal. Ist eine E-Mail unterwegs, liegt sie vielleicht schon in deinem Posteingang (oder im Spam-Ordner).
too-many-back = Zurück zum Start
login-title = Anmelden
login-check-email = Schau in dein Postfach
login-on-its-way = Gehört { $email } jemandem in einer Gruppe hier, ist ein Anmeldelink unterwegs. Er funktioniert einmal, 30 Minuten lang.
login-nothing-arrived-html = Nach ein paar Minuten noch nichts da? Schau im Spam-Ordner nach oder <a href="/login">fordere einen neuen Link an</a>.
login-expired = Dieser Anmeldelink funktioniert nicht mehr: Links gelten einmal, 30 Minuten lang. Fordere unten einen neuen an.
login-no-password = Kein Passwort nötig: Wir schicken dir einen Link, mit dem du dich anmeldest.
login-your-email = Deine E-Mail-Adresse
login-email-me = Schick mir einen Link
login-link-title = Bei Twentythree anmelden
login-link-one-click = Ein Klick, und du bist drin. Danach funktioniert der Link nicht mehr, also bleib bei diesem Browser.

## Cohort page

feed-title-atom = { $cohort }: alle Beiträge (Atom)
feed-title-json = { $cohort }: alle Beiträge (JSON Feed)
cohort-ran-from = Lief vom { $starts } bis zum { $ended }
cohort-starts = Beginnt am { $starts }
cohort-times-in = Zeiten in { $timezone }
cohort-self-paced = im eigenen Tempo: Die Lektionen öffnen für jede Person ab dem Tag, an dem sie einsteigt
cohort-has-ended = Diese Gruppe ist beendet. Ihre Beiträge und ihre Ehrenwand bleiben hier zum Nachlesen.
cohort-join-named = Bei { $cohort } mitmachen
cohort-this-cohort = Diese Gruppe
river-everyone = Alle Beiträge
cohort-tile-posts = Lies, was die Gruppe geschrieben hat, Neuestes zuerst
wall-title = Ehrenwand
cohort-finished-count =
    { $count ->
        [one] { $count } Person ist fertig
       *[other] { $count } Personen sind fertig
    }
cohort-who-first = Wer ist als Erstes fertig?
cohort-calendar = Kalender
cohort-tile-calendar = Wann jede Woche öffnet
count-participants-title =
    { $count ->
        [one] { $count } Person macht mit
       *[other] { $count } Personen machen mit
    }
cohort-find-person = Person suchen
search-part-of-name = Teil eines Namens
search-find = Suchen
cohort-show-everyone = Alle zeigen
cohort-people-match =
    { $count ->
        [one] { $count } Person passt zu
       *[other] { $count } Personen passen zu
    } „{ $q }“.
person-finished-badge = fertig
person-progress-label = { $name }: { $done } von { $required } Dingen
cohort-pages-of-people = Seiten mit Teilnehmenden
pager-previous = Zurück
pager-next = Weiter
pager-page-of = Seite { $page } von { $pages }
cohort-nobody-named = Niemand hier hat „{ $q }“ im Namen.
cohort-nobody-yet = Noch macht niemand mit.
cohort-col-week = Woche
cohort-col-opens = Öffnet
cohort-col-things = Dinge
cohort-open-badge = offen
cohort-follow = Der Gruppe folgen
cohort-follow-public-html = Im Feedreader: <a href="/cohorts/{ $slug }/feed.atom">alle Beiträge (Atom)</a> · <a href="/cohorts/{ $slug }/feed.json">JSON Feed</a> · <a href="/cohorts/{ $slug }/blogroll.opml">alle Blogs (OPML)</a>. Im Kalender: <a href="/cohorts/{ $slug }/calendar.ics">der Start jeder Woche</a>.
cohort-follow-members-html = Diese Gruppe ist nur für ihre Mitglieder: Deine privaten Adressen für Feedreader und Kalender findest du auf <a href="/me#calendar">deiner Seite</a>.

## Posts, the river, a person, the wall, certificates, unsubscribing

post-date-unknown = Datum unbekannt
post-twentythree-says = Twentythree sagt: { $reason }.
post-read-on-blog = Im Blog weiterlesen
river-title = Beiträge · { $cohort }
river-about-thing = Beiträge zu { $thing }
river-by-person = Beiträge von { $name }
river-all-things = Alle Dinge
river-show = Anzeigen
river-find-persons-posts = Beiträge einer Person suchen
river-people-matching = Personen passend zu „{ $who }“
river-nobody-named = Niemand in dieser Gruppe hat „{ $who }“ im Namen.
river-more-than = Mehr als { $count } Beiträge
count-posts-title =
    { $count ->
        [one] { $count } Beitrag
       *[other] { $count } Beiträge
    }
river-follow-public-html = Folge ihnen im Feedreader: <a href="/cohorts/{ $slug }/feed.atom">Atom</a> · <a href="/cohorts/{ $slug }/feed.json">JSON Feed</a> · <a href="/cohorts/{ $slug }/blogroll.opml">alle Blogs (OPML)</a>.
river-follow-members-html = Folge ihnen im Feedreader: Deine privaten Adressen stehen auf <a href="/me#calendar">deiner Seite</a>.
river-no-posts = Hier gibt es noch keine Beiträge.
pager-pages = Seiten
pager-newer = Neuer
pager-older = Älter
pager-page = Seite { $page }
person-finished-on = fertig am { $date }
person-finished-all-html = Alle { $count } Dinge geschafft: <a href="{ $certificate }">zum Zertifikat</a> · <a href="{ $wall }">zur Ehrenwand</a>
person-progress = Fortschritt
person-progress-things = { $done } von { $required } Dingen
person-things-done = { $done } von { $required } Dingen erledigt
person-blog = Blog
person-blog-title = Titel
person-blog-platform = Plattform
person-blog-feed = Feed
person-blog-health = Zustand
person-no-feed-yet = Twentythree hat den Feed dieses Blogs noch nicht gefunden.
person-posts = Beiträge
person-no-posts = Noch keine Beiträge.
person-all-posts = Alle { $count } Beiträge
wall-count-html =
    <strong>{ $count ->
        [one] { $count } Person hat
       *[other] { $count } Personen haben
    }</strong> alle { $things } Dinge geschafft
wall-percent = { $percent } % der Gruppe
wall-congratulations = Herzlichen Glückwunsch!
wall-everyone-gets-a-place = Wer alle { $things } Dinge schafft, bekommt hier einen Platz, in der Reihenfolge des Fertigwerdens.
wall-finished-on = fertig am { $date }
wall-their-blog = Blog
wall-certificate = Zertifikat
wall-nobody-yet = Noch ist niemand fertig. Wer zuerst fertig ist, steht ganz oben!
wall-read-posts = Alle Beiträge lesen
certificate-title = Zertifikat · { $name }
certificate-of-completion = Teilnahmezertifikat
certificate-proud = { $organisation } bestätigt mit Stolz, dass
certificate-certifies = Hiermit wird bestätigt, dass
certificate-completed = alle { $things } Dinge abgeschlossen hat von
certificate-learning = durch Tun, durch Zuschauen und durch Darüber-Schreiben,
certificate-on-html = am <span class="nowrap">{ $date }</span>.
certificate-your-badge = Dein Open Badge:
badge-download = Badge herunterladen
badge-linkedin = Zu LinkedIn hinzufügen
certificate-badge-address = Die Adresse deines Badges
certificate-check-badge = Open Badge von { $name } prüfen
certificate-back-to-wall = Zurück zur Ehrenwand
certificate-print = Für eine Papierfassung nutze die Druckfunktion deines Browsers (A4 oder Letter, eine Seite).
unsubscribe-title = E-Mail-Einstellungen
unsubscribe-done-title = Du bekommst keine regelmäßigen E-Mails mehr
unsubscribe-done = Keine wöchentlichen Lektions-Mails und Fortschrittsnachrichten mehr. Anmeldelinks und die Glückwünsche, wenn du fertig bist, kommen weiterhin. Auf deiner Seite kannst du die regelmäßigen E-Mails wieder einschalten.
unsubscribe-ask-title = Keine regelmäßigen E-Mails mehr?
unsubscribe-ask = Du bekommst dann keine wöchentliche Mail mehr, wenn neue Dinge öffnen, und keine Nachrichten zu deinem Fortschritt.
unsubscribe-button = Diese E-Mails abbestellen

## Joining

join-sent = Wir haben eine Nachricht an { $email } geschickt, damit du bei { $cohort } mitmachen kannst. Öffne den Link darin, um es abzuschließen: Er funktioniert einmal, 24 Stunden lang.
join-nothing-arrived-html = Nach ein paar Minuten noch nichts da? Schau im Spam-Ordner nach oder <a href="/join">fang noch einmal an</a>.
join-none-open = Gerade ist keine Gruppe offen zum Mitmachen. Deine Koordination sagt dir, wann die nächste beginnt.
join-title = Bei einer Gruppe mitmachen
join-lead = Schreib zu jeder Lektion in deinem eigenen Blog, auf jeder beliebigen Plattform. Twentythree liest dein Blog und hakt jede Lektion ab, über die du schreibst. Kein Passwort: Wir schicken dir einen Link.
join-found-blog = Wir haben dein Blog gefunden
join-your-blog = Dein Blog
join-will-read-on-html = { $blog }, auf { $platform }: Wir lesen { $feed }.
join-will-read-html = { $blog }: Wir lesen { $feed }.
join-latest-posts = Deine neuesten Beiträge, wie Twentythree sie liest:
join-no-posts-yet = Noch gibt es keine Beiträge. Kein Problem: Schreib deinen ersten über Ding 1, sobald du dabei bist.
join-could-not-read = Wir konnten dieses Blog noch nicht lesen
join-check-address = Prüf die Adresse (kopier sie aus der Adressleiste deines Browsers, während du die Startseite deines Blogs ansiehst). Ist dein Blog ganz neu oder noch privat, kannst du trotzdem mitmachen: Twentythree versucht es weiter, und du kannst die Adresse später auf deiner Seite ändern.
join-your-name = Dein Name
join-your-name-hint = so sehen ihn die anderen; ein Pseudonym ist in Ordnung
join-email-hint = wird nie anderen gezeigt
join-blog-address = Die Adresse deines Blogs
join-joining-html = Du machst bei <strong>{ $cohort }</strong> mit, ab dem { $starts }.
join-cohort = Gruppe
join-cohort-option = { $cohort } (beginnt am { $starts })
join-thats-my-blog = Das ist mein Blog: Schick mir den Link
join-anyway = Trotzdem mitmachen: Schick mir den Link
join-check-again = Adresse noch einmal prüfen
join-check-my-blog = Mein Blog prüfen
join-already-in-html = Schon dabei? <a href="/login">Melde dich an</a>.
join-confirm-title = Mitmachen bestätigen
join-confirm-dead-html = Bestätigungslinks funktionieren einmal, 24 Stunden lang. Hast du schon bestätigt, <a href="/login">melde dich an</a>; sonst <a href="/join">melde dich noch einmal</a>.
join-welcome = Willkommen, { $name }
join-confirm-one-click-html = Ein Klick, und du bist dabei. Twentythree liest dein Blog unter <strong>{ $blog }</strong>.
join-verdict-counts = zählt für { $things }
join-verdict-archive = vor Beginn der Gruppe geschrieben, zählt also nicht
join-verdict-nothing = zu keiner Lektion (das ist in Ordnung)

## My page, continued

me-hello = Hallo { $name }
me-notice-claimed = Danke: Dieser Beitrag zählt jetzt für die Lektion, die du gewählt hast.
me-notice-reported = Als erledigt markiert. Gut gemacht!
me-notice-moved = Die Adresse deines Blogs ist geändert. Unten siehst du, ob Twentythree es lesen konnte.
me-notice-saved = Deine Einstellungen sind gespeichert.
me-notice-partner-asked = Danke: Deine Koordination bringt dich bald mit jemandem zusammen. Deine Lernpartnerin oder dein Lernpartner erscheint hier, sobald es so weit ist.
me-notice-partner-stopped = Erledigt: Du hast jetzt keine Lernpartnerschaft mehr.
me-notice-check-read = Twentythree hat gerade dein Blog gelesen: Was es gefunden hat, steht unten.
me-notice-check-busy = Twentythree liest gerade dein Blog: Schau gleich noch einmal.
me-notice-check-failed = Twentythree konnte dein Blog gerade nicht lesen: Sieh dir unten den Zustand an.
me-notice-check-no-feed = Twentythree hat den Feed deines Blogs noch nicht gefunden: Prüf unten die Adresse.
me-notice-addresses = Deine privaten Adressen sind neu: Die alten funktionieren nicht mehr. Trag die neuen in deinen Feedreader und Kalender ein.
me-you-mentor =
    { $count ->
        [one] Du begleitest { $count } Person als Mentor:in
       *[other] Du begleitest { $count } Personen als Mentor:in
    }
me-see-mentees = Sieh nach, wie es deinen Mentees geht
me-you-finished = Du warst am { $date } fertig!
me-your-certificate = Dein Zertifikat
me-on-the-wall = Du stehst auf der Ehrenwand
me-badge-anyone-can-check = dort kann ihn jede und jeder prüfen
me-this-week = Diese Woche (Woche { $week })
me-done-badge = erledigt
me-not-opened-yet = Die ersten Lektionen sind noch nicht offen.
me-week-opens = Woche { $week } öffnet am { $when }
me-your-time = deine Zeit: { $when }
me-partner = Deine Lernpartnerschaft
me-partner-with-html = Du lernst zusammen mit { $partner }
me-partner-latest = Neuester Beitrag:
me-partner-no-posts = Bisher gibt es noch keinen Beitrag.
me-partner-finished = { $name } hat das Programm abgeschlossen. Ihr könnt einander weiter lesen, oder du bittest um eine neue Lernpartnerschaft mit jemandem, der noch unterwegs ist.
me-partner-left = Deine Lernpartnerin oder dein Lernpartner hat die Gruppe verlassen. Bitte um eine neue Partnerschaft, dann bringt dich deine Koordination wieder mit jemandem zusammen.
me-partner-asked = Du hast um eine Lernpartnerschaft gebeten: Deine Koordination bringt bald Leute zusammen, und dein Gegenüber erscheint dann hier.
me-partner-ended = Deine letzte Lernpartnerschaft ist beendet ({ $reason }).
me-partner-why = Mit jemandem zu lernen, der gerade an derselben Stelle ist, hilft: Ihr lest gegenseitig eure Beiträge und denkt gemeinsam nach.
me-partner-no-longer = Ich möchte keine Lernpartnerschaft mehr
me-partner-stop = Nicht mehr zusammen lernen
me-partner-find = Such mir eine Lernpartnerschaft
me-partner-new = Um eine neue Lernpartnerschaft bitten
me-your-cohort = Deine Gruppe
me-who-takes-part = Wer mitmacht
me-finishers = Wer fertig ist
me-follow-summary = Folge der Gruppe im Feedreader oder Kalender
me-addresses-private = Mit diesen Adressen kommt dein Feedreader ohne Anmeldung hinein: Sie gehören nur dir, also behalte sie für dich.
me-address-atom = Alle Beiträge (Atom):
me-address-json = Alle Beiträge (JSON Feed):
me-address-opml = Alle Blogs, für deinen Feedreader (OPML):
me-address-calendar = Der Kalender der Gruppe:
me-every-lesson = Alle Lektionen
me-done-on = Erledigt am { $date }
me-you-claimed-html = du hast angegeben, dass { $post } dafür war
me-marked-by-coordinator = von der Koordination abgehakt
me-you-reported = du hast es selbst gemeldet
me-open-html = Offen: Blogge darüber und versieh den Beitrag mit dem Tag <code>{ $tag }</code>
me-i-did-this = Hab ich erledigt
me-opens = Öffnet am { $when }
me-unclaimed = Beiträge, die für nichts gezählt haben
me-unclaimed-explain = Twentythree konnte nicht erkennen, zu welcher Lektion diese Beiträge gehören. War einer für eine Lektion, sag welche, und er zählt.
me-this-was-for = Das war für
me-count-it = Zählen lassen
me-unclaimed-none = Keine: Jeder Beitrag, den du seit dem Start geschrieben hast, hat für eine Lektion gezählt.
me-not-read-yet = Twentythree hat dein Blog noch nicht gelesen. Sobald es so weit ist, meist innerhalb einer halben Stunde, siehst du deine Beiträge hier.
me-your-blog = Dein Blog
me-blog-address = Adresse
me-no-feed-yet = Twentythree hat den Feed deines Blogs noch nicht gefunden.
me-check-now = Gerade gebloggt: Lies mein Blog jetzt
me-moved-blog = Mein Blog ist umgezogen
me-new-address = Die neue Adresse deines Blogs
me-use-address = Diese Adresse verwenden
me-no-cohort-html = Du bist noch in keiner Gruppe. <a href="/join">Mach bei einer mit</a>.
me-your-calendar = Dein Kalender
me-calendar-explain = Abonniere diese Adresse in deinem Kalender (Outlook, Google Kalender oder Apple Kalender: „Kalender per URL hinzufügen“), dann siehst du, wann jede Woche für dich öffnet, und bekommst eine freundliche Erinnerung, wenn eine Woche seit sieben Tagen offen und noch nicht erledigt ist.
me-new-addresses = Neue private Adressen erzeugen
me-addresses-explain = Dieser Kalender und die privaten Feed-Adressen deiner Gruppen funktionieren ohne Anmeldung, deshalb gehören sie nur dir. Hast du versehentlich eine weitergegeben, erzeug neue: Die alten funktionieren dann sofort nicht mehr.
me-preferences = Deine Einstellungen
me-name = Name, den andere sehen
me-name-hint = ein Pseudonym ist in Ordnung
me-timezone = Deine Zeitzone
me-timezone-hint = optional, etwa Europe/Berlin: dann siehst du die Öffnungszeiten auch in deiner Zeit
me-emails = E-Mails
me-emails-release = Der wöchentliche Brief, wenn neue Lektionen öffnen (und, wenn du Mentor:in bist, die wöchentliche Notiz zu deinen Mentees)
me-emails-milestones = Meilensteine (Halbzeit)
me-emails-highlight = Wenn ein Beitrag von mir als Beispiel hervorgehoben wird
me-emails-always = Anmeldelinks und die Glückwünsche zum Abschluss kommen immer.
me-save = Speichern
me-signed-in-as = Angemeldet als { $email }.

## Mentor page and badge page

mentor-title = Deine Mentees
mentor-lead = Wie es den Menschen geht, die du begleitest. Ein Wort von dir zu einem Beitrag oder eine Nachricht an jemanden, der still geworden ist, bewirkt viel.
mentor-finished-on = Fertig am { $date }.
mentor-stalled = Ins Stocken geraten
mentor-stalled-for = seit { $days } Tagen oder länger keine Lektion erledigt.
mentor-last-active = Zuletzt aktiv am { $date }.
mentor-blog = Blog: { $health }
mentor-for = Für
badge-revoked-title = Widerrufenes Badge
badge-of = Badge von { $name }
badge-verification = Prüfung eines Open Badge
badge-was-revoked = Dieses Badge wurde widerrufen
badge-revoked-lead = { $issuer } hat das Badge „{ $badge }“ von { $name } am { $date } widerrufen
badge-no-longer-stands = Es steht nicht mehr für ein abgeschlossenes Programm.
badge-is-real = Dieses Badge ist echt
badge-earned-html = { $name } hat das Badge „{ $badge }“ am { $date } erworben, ausgestellt von { $issuer }.
badge-image-alt = Das Badge { $badge }
badge-badge = Badge
badge-earned-by = Erworben von
badge-for = Für
badge-criteria = Kriterien
badge-the-lessons = Die Lektionen
badge-evidence = Nachweis
badge-their-posts = Die Beiträge
badge-issued = Ausgestellt
badge-issued-in = { $date }, in
badge-issuer = Ausgestellt von
badge-about-open-badges = Dies ist ein Open Badge 2.0, bereitgestellt von der ausstellenden Stelle: Badge-Backpacks und Validatoren lesen dieselbe Adresse als JSON-LD und können prüfen, ob es an eine bestimmte E-Mail-Adresse vergeben wurde.

## Joining, the button

join-confirm-button = Bestätigen und mitmachen

## Why a post counts (recognition's decision)

reason-counts = zählt für { $things }
reason-thing = Ding { $number }: { $why }
reason-tagged = mit dem Schlagwort '{ $tag }'
reason-title = der Titel nennt es
reason-link = er verlinkt auf die Lektion
reason-archive = zählt nicht: veröffentlicht, bevor die Gruppe begann
reason-nothing = keine Lektion erkannt
