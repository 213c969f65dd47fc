# Das Cockpit der Koordination: die Liste der Gruppen, die Einstellungen einer Gruppe, das
# Fortschrittsraster, die Seite einer teilnehmenden Person, Erinnerungen, gemeinsames
# Lernen, der Import und das Mailprotokoll.

## Gemeinsame Wörter

coord-cohorts = Gruppen
coord-mail-log = Mailprotokoll
coord-settings = Einstellungen
coord-participant = Teilnehmer*in
coord-never = nie
coord-last-error = Letzter Fehler
coord-failing-since = Gestört seit
coord-status = Status
coord-import-participants = Teilnehmende importieren
coord-pace = { $pace ->
    [self] eigenes Tempo
   *[cohort] gemeinsames Tempo
}
coord-visibility = { $visibility ->
    [members] nur Mitglieder
   *[public] öffentlich
}
coord-from-to = { $from } bis { $to }

## Die Liste der Gruppen (/coordinator)

coord-lead = Jede Gruppe auf einen Blick. Öffne eine Gruppe für ihr Fortschrittsraster, ihre ins Stocken geratenen Teilnehmenden und ihre Feeds.
coord-new-cohort = Neue Gruppe
coord-col-cohort = Gruppe
coord-col-starts = Beginn
coord-col-participants = Teilnehmende
coord-col-active = Aktiv diese Woche
coord-col-finished = Fertig
coord-col-failing = Gestörte Feeds
coord-edit = Bearbeiten
coord-active-explained = Aktiv diese Woche: in den letzten 7 Tagen eine Lektion abgeschlossen oder einen Beitrag veröffentlicht. Zu den gestörten Feeds zählen auch Blogs, deren Feed noch nicht gefunden wurde.
coord-no-cohorts = Noch keine Gruppen.
coord-create-first = Leg die erste an
coord-links-heading = Links in den Lektionen
coord-links-explained-html = Prüfe alle externen Links der Lektionen mit <code>twentythree lessons links [--program SLUG]</code>; der letzte Bericht jedes Programms erscheint hier.
coord-links-checked = Geprüft { $when }: { $links ->
    [one] { $links } Link
   *[other] { $links } Links
}, { $dead ->
    [0] keiner tot
    [one] { $dead } tot
   *[other] { $dead } tot
}.
coord-no-link-check = Noch keine Linkprüfung.
coord-tokens-heading = Deine API-Tokens
coord-tokens-explained-html = Programme, die die Fortschritts-API lesen, melden sich mit einem Token an. Erstelle eines auf dem Server mit <code>twentythree token create --email { $email } [--expires 90d]</code>; es wird nur einmal angezeigt. Widerrufe alle, die du nicht mehr brauchst.
coord-col-token = Token
coord-col-created = Erstellt
coord-col-last-used = Zuletzt benutzt
coord-col-expires = Läuft ab
coord-col-state = Zustand
coord-token-when-revoked = beim Widerruf
coord-token-state = { $state ->
    [active] aktiv
    [revoked] widerrufen
   *[expired] abgelaufen
}
coord-revoke = Widerrufen
coord-no-tokens = Du hast keine API-Tokens.

## Das Fortschrittsraster

coord-grid-title = { $cohort }: Fortschritt
coord-public-page = öffentliche Seite
coord-reminders = Erinnerungen
coord-partners-mentors = Lernpartner und Mentoren
coord-export-csv = CSV exportieren
coord-badges-on-html = Open Badges sind an: Wer fertig ist, bekommt <a href="{ $class }">das Badge dieser Gruppe</a>, ausgestellt von { $issuer } ({ $email }). Nimmst du bei jemandem, der fertig ist, ein Ding zurück, wird das Badge widerrufen.
coord-badges-off-html = Open Badges sind aus: Wer fertig ist, bekommt kein überprüfbares Badge, bis die Betreiber des Servers <code>TWENTYTHREE_BADGE_ISSUER_EMAIL</code> setzen (und, wenn sie möchten, <code>TWENTYTHREE_BADGE_ISSUER_NAME</code>).
coord-curve = Abschlusskurve
coord-curve-caption-html = <span class="key lessons">Erledigte Lektionen</span> (linke Achse) und <span class="key finishers">Fertige</span> (rechte Achse), Tag für Tag.
coord-curve-title = Abschlusskurve: erledigte Lektionen und Fertige im Zeitverlauf
coord-curve-desc = Vom { $first } bis { $last }: insgesamt { $lessons ->
    [one] { $lessons } Lektion
   *[other] { $lessons } Lektionen
} erledigt, { $finishers ->
    [one] { $finishers } Person fertig
   *[other] { $finishers } Personen fertig
}.
coord-curve-date = Datum
coord-curve-lessons = Erledigte Lektionen
coord-curve-finishers = Fertige
coord-progress = Fortschritt
coord-filters = Zeigen
coord-filter = { $filter ->
    [stalled] Ins Stocken geraten
    [never-posted] Nie gebloggt
    [feed-failing] Feed gestört
    [finished] Fertig
    [unclaimed] Beiträge ohne Lektion
   *[all] Alle
}
coord-find = Suchen
coord-find-placeholder = Name, E-Mail oder Blog
coord-order-by = Sortieren nach
coord-sort = { $sort ->
    [progress] Fortschritt
    [quietest] am längsten still
    [latest] letzter Aktivität
   *[name] Name
}
coord-show = Zeigen
coord-clear = Zurücksetzen
coord-filters-explained = Ins Stocken geraten: seit 14 Tagen keine Lektion erledigt (gezählt ab dem Beitritt oder, wer noch nichts erledigt hat, ab dem Start der Gruppe). Nie gebloggt: kein Beitrag seit zwei Wochen vor dem Start. Feed gestört: Der Feed des Blogs lässt sich nicht lesen, ist verstummt, wurde nicht gefunden oder verliert Beiträge.
coord-legend = Legende:
coord-legend-post = ein Beitrag hat gezählt
coord-legend-claim = die Person hat einen Beitrag zugeordnet
coord-legend-coordinator = eine Koordinatorin oder ein Koordinator hat abgehakt
coord-legend-self = selbst gemeldet
coord-legend-locked = für sie noch nicht offen
coord-legend-hover = Zeig auf ein Feld für das Datum; ein Feld verlinkt auf seinen Beitrag.
coord-scroll-hint = Das Raster scrollt seitwärts: Wisch, um jede Lektion zu sehen.
coord-grid-label = Fortschrittsraster
coord-col-done = Erledigt
coord-col-last-active = Zuletzt aktiv
coord-finished-badge = fertig
coord-stalled-flag = stockt
coord-feed-flag = Feed
coord-unclaimed-posts = { $count ->
    [one] { $count } Beitrag ohne Lektion
   *[other] { $count } Beiträge ohne Lektion
}
coord-cell-done = { $word } { $number } erledigt am { $date } durch { $source ->
    [post] einen Beitrag
    [claim] einen zugeordneten Beitrag
    [coordinator] einen Haken der Koordination
   *[self] eigene Meldung
}
coord-cell-done-post = { $word } { $number } erledigt am { $date } durch { $source ->
    [post] einen Beitrag
    [claim] einen zugeordneten Beitrag
    [coordinator] einen Haken der Koordination
   *[self] eigene Meldung
}: „{ $title }“
coord-cell-locked = { $word } { $number }: noch nicht offen
coord-cell-open = { $word } { $number }: nicht erledigt
coord-previous-page = Vorherige 100
coord-next-page = Nächste 100
coord-page-of = Seite { $page } von { $pages } ({ $shown ->
    [one] { $shown } Person
   *[other] { $shown } Personen
})
coord-nobody = Hier ist niemand.
coord-nobody-filter = Niemand passt zu diesem Filter.
coord-nobody-matching = Niemand passt zu „{ $q }“.
coord-nobody-filter-matching = Niemand passt zu diesem Filter und „{ $q }“.
coord-feed-health = Zustand der Feeds
coord-feeds-fine = Alle Feeds lassen sich gut lesen.
coord-notice-saved = Die Einstellungen der Gruppe wurden gespeichert.

## Eine teilnehmende Person

coord-person-title = { $name } in { $cohort }
coord-email = E-Mail
coord-routine-off = (Routine-Mails aus)
coord-blog = Blog
coord-joined = Dabei seit
coord-progress-things = { $done } von { $required ->
    [one] { $required } Ding
   *[other] { $required } Dingen
}
coord-progress-finished = { $done } von { $required ->
    [one] { $required } Ding
   *[other] { $required } Dingen
}, fertig am { $date }
coord-last-reminder = Letzte Erinnerung
coord-public-page-label = Öffentliche Seite
coord-feed = Feed
coord-health = Zustand
coord-last-read = Zuletzt gelesen
coord-no-feed = Noch kein Feed.
coord-repoll = Jetzt neu lesen
coord-fix-feed = Feedadresse korrigieren: die neue Adresse des Blogs (Twentythree findet den Feed selbst)
coord-find-feed = Feed suchen
coord-lessons = Lektionen
coord-overrides-explained = Abhaken oder Zurücknehmen ist eine Entscheidung von Hand: Sie gilt ab dann vor der Erkennung und wird unten festgehalten. Kreuze mehrere Lektionen an, um sie auf einmal abzuhaken oder zurückzunehmen.
coord-mark-ticked = Angekreuzte Lektionen abhaken
coord-unmark-ticked = Angekreuzte Lektionen zurücknehmen
coord-tick = { $word } { $number } ankreuzen
coord-optional = (freiwillig)
coord-done-by = Erledigt am { $date } durch { $source ->
    [post] Beitrag (P)
    [claim] Zuordnung (C)
    [coordinator] Haken der Koordination (M)
   *[self] eigene Meldung (S)
}
coord-open-since = Offen seit { $date }
coord-opens = Öffnet am { $date }
coord-unmark = Zurücknehmen
coord-mark-done = Abhaken
coord-unclaimed-heading = Beiträge, die für nichts gezählt haben
coord-none = Keine.
coord-overrides = Änderungen von Hand
coord-col-when = Wann
coord-col-change = Änderung
coord-col-by = Von
coord-marked-done = abgehakt
coord-marked-not-done = zurückgenommen
coord-unknown = unbekannt
coord-no-overrides = Keine Änderungen von Hand.
coord-notice-marked = { $word } { $thing } ist abgehakt.
coord-notice-unmarked = { $word } { $thing } ist zurückgenommen.
coord-notice-marked-many = Die angekreuzten Lektionen sind abgehakt.
coord-notice-unmarked-many = Die angekreuzten Lektionen sind zurückgenommen.
coord-notice-read = Der Feed wurde gerade gelesen: { $added ->
    [one] { $added } neuer Beitrag
   *[other] { $added } neue Beiträge
}.
coord-notice-unchanged = Der Feed wurde gerade gelesen: nichts Neues.
coord-notice-busy = Der Feed wird gerade von einem anderen Worker gelesen; schau in einer Minute noch einmal.
coord-notice-deferred = Das Blog hat um eine Pause gebeten; Twentythree liest es später.
coord-notice-failed = Der Feed ließ sich nicht lesen; sieh dir unten seinen Zustand an.
coord-notice-gone = Twentythree liest diesen Feed nicht mehr; ist das Blog umgezogen, korrigiere unten die Feedadresse.
coord-notice-no-feed = Es gibt noch keinen Feed zum Lesen: Korrigiere unten die Feedadresse.
coord-notice-found = Der Feed wurde unter der neuen Adresse gefunden.
coord-notice-not-found = Unter dieser Adresse wurde noch kein Feed gefunden; Twentythree versucht es weiter.
coord-error-blog-address = Die Blogadresse: { $problem }.
coord-error-tick-lesson = Kreuze zuerst mindestens eine Lektion an und drück dann noch einmal auf den Knopf.

## Erinnerungen

coord-reminders-title = Erinnerungen für { $cohort }
coord-reminders-sent = { $count ->
    [one] { $count } Erinnerung eingereiht: Sie geht innerhalb einer Minute hinaus.
   *[other] { $count } Erinnerungen eingereiht: Sie gehen innerhalb einer Minute hinaus.
}
coord-reminders-none-sent = Es wurde keine Erinnerung verschickt: Niemand von den Ausgewählten ist gerade an der Reihe.
coord-reminders-lead = Ein freundlicher Anstoß per E-Mail für alle, die ins Stocken geraten sind (seit { $stalled } Tagen keine Lektion erledigt), und alle, die hinterherhängen (eine Lektion seit über einer Woche offen, gezählt ab dem Beitritt, und nicht erledigt). Nie an Fertige, nie an jemanden, der Routine-Mails abbestellt hat, und höchstens alle { $every } Tage pro Person.
coord-reminders-confirm = { $count ->
    [one] { $count } Erinnerung verschicken?
   *[other] { $count } Erinnerungen verschicken?
}
coord-reminders-each = Jede dieser Personen bekommt die E-Mail unten, einmal.
coord-reminders-yes = Ja, { $count ->
    [one] { $count } Erinnerung
   *[other] { $count } Erinnerungen
} verschicken
coord-reminders-back = Nein, zurück
coord-reminders-who = Wer eine bekommt: { $count ->
    [one] { $count } Person ist
   *[other] { $count } Personen sind
} an der Reihe. Nimm das Häkchen weg, um jemanden auszulassen.
coord-reminders-done = { $done } erledigt
coord-reminders-review = Vor dem Verschicken prüfen
coord-reminders-what = Was darin steht
coord-reminders-subject = Betreff:
coord-reminders-nobody = Gerade ist niemand an der Reihe für eine Erinnerung.
coord-error-tick-person = Kreuze mindestens eine Person zum Erinnern an und prüfe dann noch einmal.

## Gemeinsam lernen

coord-together-title = Gemeinsam lernen in { $cohort }
coord-together = Gemeinsam lernen
coord-together-lead = Menschen lernen am meisten voneinander. Bring die zusammen, die sich eine Lernpartnerschaft gewünscht haben, und gib Teilnehmenden eine Mentorin oder einen Mentor, die schauen, wie es ihnen geht.
coord-partners = Lernpartnerschaften
coord-waiting = Warten auf eine Partnerschaft
coord-pair-everyone = Alle zusammenbringen, die gefragt haben
coord-pair-how = Zufällig, bevorzugt mit Menschen an einer ähnlichen Stelle, und nie ein Paar, das es schon einmal gab.
coord-nobody-waiting = Niemand wartet. Teilnehmende bitten auf ihrer eigenen Seite um eine Lernpartnerschaft.
coord-partners-now = Aktuelle Lernpartnerschaften
coord-pair = { $first } und { $second }
coord-end = Beenden
coord-end-hidden = die Lernpartnerschaft von { $first } und { $second }
coord-no-pairs = Noch keine Paare.
coord-pair-by-hand = Zwei Personen von Hand zusammenbringen
coord-pair-one = Die eine Person
coord-pair-other = Die andere Person
coord-make-partners = Zu Lernpartnern machen
coord-mentors = Mentoren
coord-mentors-explained-html = Mentorinnen und Mentoren melden sich an wie alle anderen und sehen auf <a href="/mentor">/mentor</a> Fortschritt, Beiträge und Blogzustand ihrer Mentees, nur lesend, mit einer wöchentlichen Notiz per E-Mail. Sie müssen selbst nicht am Programm teilnehmen.
coord-mentors-word = begleitet
coord-stop = Beenden
coord-stop-hidden = { $mentor } begleitet { $mentee } nicht mehr
coord-make-mentor = Jemanden zur Mentorin oder zum Mentor machen
coord-their-email = E-Mail-Adresse
coord-their-name = Name
coord-their-mentees = Mentees
coord-save-mentor = Mentoring speichern

## Der Import

coord-import-title = Import in { $cohort }
coord-import-failed = Es wurde nichts importiert: Korrigiere die unten markierten Zeilen und lade die Datei noch einmal hoch.
coord-import-done-html = { $added ->
    [one] { $added } Person importiert
   *[other] { $added } Personen importiert
}. Twentythree sucht im Hintergrund nach den Feeds ihrer Blogs: In ein, zwei Minuten steht der Zustand ihrer Feeds auf der <a href="{ $link }">Seite der Gruppe</a>.
coord-col-line = Zeile
coord-col-outcome = Ergebnis
coord-import-explained-html = Eine CSV-Datei mit den Spalten <code>name,email,blog</code> (eine Kopfzeile mit diesen Namen ist freiwillig). Ist eine Zeile falsch, wird nichts importiert; wer schon in der Gruppe ist, wird übersprungen. Höchstens 4 MiB.
coord-csv-file = CSV-Datei
coord-import = Importieren
coord-error-too-big = Die Datei ist zu groß: Der Import nimmt höchstens 4 MiB an.
coord-error-upload = Die hochgeladene Datei ließ sich nicht lesen: { $problem }.
coord-error-choose-file = Wähle eine CSV-Datei zum Importieren.

## Einstellungen einer Gruppe

coord-settings-title = Einstellungen von { $name }
coord-settings-problems = Es wurde nichts gespeichert: Bitte korrigiere, was unten markiert ist.
coord-name = Name
coord-address = Adresse:
coord-slug-fixed = (der Slug lässt sich nicht ändern)
coord-slug = Slug
coord-slug-hint = (die Adresse der Gruppe, etwa fruehling-2027)
coord-program = Programm
coord-program-label = Programm:
coord-program-kept = (eine Gruppe behält ihr Programm)
coord-program-option = { $title } ({ $lessons ->
    [one] { $lessons } Lektion
   *[other] { $lessons } Lektionen
}, { $weeks ->
    [one] { $weeks } Woche
   *[other] { $weeks } Wochen
})
coord-first-day = Erster Tag
coord-last-day = Letzter Tag
coord-optional-hint = (freiwillig)
coord-timezone = Zeitzone
coord-timezone-hint = (etwa Europe/Berlin)
coord-release-day = Lektionen öffnen am
coord-start-weekday = Wochentag des Startdatums
coord-weekday = { $day ->
    [monday] Montag
    [tuesday] Dienstag
    [wednesday] Mittwoch
    [thursday] Donnerstag
    [friday] Freitag
    [saturday] Samstag
   *[sunday] Sonntag
}
coord-release-time = um (Ortszeit, HH:MM)
coord-pace-legend = Tempo
coord-pace-together = Gemeinsam: Jede Woche öffnet für alle nach dem Kalender
coord-pace-self = Eigenes Tempo: Wochen öffnen gezählt ab dem Beitritt jeder Person
coord-visibility-legend = Wer die Seiten der Gruppe lesen darf
coord-visibility-public = Alle (öffentlich)
coord-visibility-members = Nur Mitglieder
coord-options = Optionen
coord-celebrate-cohort = Der ganzen Gruppe per E-Mail Bescheid geben, wenn jemand fertig ist
coord-self-report = Teilnehmende dürfen eine Lektion selbst abhaken
coord-save = Speichern
coord-create = Gruppe anlegen
problem-name = Die Gruppe braucht einen Namen mit 1 bis 200 Zeichen.
problem-ends-before-start = Die Gruppe kann nicht enden, bevor sie beginnt.
problem-date = „{ $value }“ ist kein Datum in der Form JJJJ-MM-TT.
problem-time = „{ $value }“ ist keine Uhrzeit in der Form HH:MM.
problem-timezone = „{ $value }“ ist keine IANA-Zeitzone wie Europe/Berlin oder America/Chicago.
problem-weekday = „{ $value }“ ist kein Wochentag wie monday.
problem-pace = „{ $value }“ ist kein Tempo: Nimm cohort oder self.
problem-visibility = „{ $value }“ ist keine Sichtbarkeit: Nimm public oder members.
problem-program = Es gibt kein Programm „{ $value }“; die Programme sind: { $known }.
problem-slug = „{ $value }“ ist kein gültiger Slug: Verwende 2 bis 64 Kleinbuchstaben, Ziffern und einzelne Bindestriche, etwa fruehling-2027.
problem-slug-reserved = „{ $value }“ kann nicht der Slug einer Gruppe sein: Die Adressen der Badges verwenden es (/badges/{ $value }); wähle einen anderen, etwa fruehling-2027.
problem-slug-taken = Eine Gruppe mit dem Slug „{ $value }“ gibt es schon.

## Mailprotokoll

coord-mail-lead = Die neuesten E-Mails zuerst: verschickt, wartend und fehlgeschlagen mit der Antwort des Mailservers.
coord-mail-only-cohort-html = Nur die Mails an die Teilnehmenden dieser Gruppe (<a href="/coordinator/mail">alle Mails</a>).
coord-col-queued = Eingereiht
coord-col-kind = Art
coord-col-to = An
coord-col-subject = Betreff
coord-col-tries = Versuche
coord-col-last-problem = Letztes Problem
coord-no-email = Noch keine E-Mail.
coord-mail-status = { $status ->
    [pending] wartet
    [sending] wird verschickt
    [sent] verschickt
   *[failed] fehlgeschlagen
}

## Was Menschen eingeben (Namen, Adressen, Blogs) und die Zeilen des Imports

people-email-empty = gib deine E-Mail-Adresse ein
people-email-invalid = „{ $value }“ ist keine gültige E-Mail-Adresse
people-blog-empty = die Blogadresse ist leer
people-blog-too-long = die Blogadresse ist länger als { $max } Zeichen
people-blog-not-web = „{ $value }“ ist keine Webadresse
people-blog-not-http = „{ $value }“ ist keine Webadresse: Nur Blogs über http und https lassen sich lesen
people-blog-no-host = „{ $value }“ hat keinen Hostnamen
people-name-empty = der Name ist leer
people-name-unusable = „{ $value }“ ist kein brauchbarer Name (höchstens 100 Zeichen, keine Steuerzeichen)
import-unreadable = unlesbare CSV: { $problem }
import-missing-columns = Spalten fehlen: Jede Zeile braucht Name, E-Mail und Blog
import-twice = { $email } steht zweimal in dieser Datei
import-added = { $email } hinzugefügt
import-already-in = { $email } ist schon in der Gruppe, übersprungen
coord-error-no-filter = Es gibt keinen Filter namens „{ $value }“.
coord-error-no-order = Es gibt keine Sortierung namens „{ $value }“.
coord-error-done = `done` muss true oder false sein, nicht „{ $value }“.
coord-why-stalled = ins Stocken geraten: seit { $days } Tagen oder länger keine Lektion erledigt
coord-why-behind = hängt hinterher: { $count ->
    [one] { $count } Lektion
   *[other] { $count } Lektionen
} seit über einer Woche offen und nicht erledigt
coord-left-cohort = (hat die Gruppe verlassen)
coord-notice-paired = { $paired ->
    [one] { $paired } neues Paar gebildet.
   *[other] { $paired } neue Paare gebildet.
}
coord-notice-waiting = { $waiting ->
    [0] {""}
    [one] Eine Person wartet noch: Für sie ist niemand Neues mehr übrig (eine ungerade Zahl, oder sie kennt schon alle). Bring sie von Hand zusammen oder warte, bis die nächste Person fragt.
   *[other] { $waiting } Personen warten noch: Für sie ist niemand Neues mehr übrig. Bring sie von Hand zusammen, wenn du möchtest.
}
coord-notice-pair = Die beiden lernen jetzt zusammen; sie sehen einander auf ihrer Seite.
coord-notice-ended = Die Lernpartnerschaft ist beendet; beide können um eine neue bitten.
coord-notice-mentor = Gespeichert: Die Mentorin oder der Mentor sieht die Mentees auf /mentor nach der Anmeldung.
coord-notice-unmentored = Die Mentorin oder der Mentor sieht diese Person nicht mehr.
problem-choose-two = Wähle zwei Personen.
problem-mentor-address = Die Adresse der Mentorin oder des Mentors: { $problem }.
problem-mentor-name = Der Name der Mentorin oder des Mentors: { $problem }.
problem-already-paired = Du hast in dieser Gruppe schon eine Lernpartnerschaft.
problem-you-finished = Du bist mit dieser Gruppe fertig und deshalb in keiner Lernpartnerschaft mehr.
problem-partner-taken = { $name } hat schon eine Lernpartnerschaft; beende sie zuerst.
problem-partner-finished = { $name } ist mit der Gruppe fertig.
problem-same-person = Wähle zwei verschiedene Personen.
problem-not-in-cohort = Beide Personen müssen an dieser Gruppe teilnehmen.
problem-no-mentees = Kreuze mindestens eine Person für das Mentoring an.
problem-mentee-not-in-cohort = Jemand Angekreuztes nimmt nicht an dieser Gruppe teil.
problem-mentor-themselves = Niemand kann sich selbst begleiten: Nimm das Häkchen bei { $name } weg.
