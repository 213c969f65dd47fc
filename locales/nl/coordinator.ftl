# De cockpit van de coördinator: de lijst van groepen, de instellingen van een groep, het
# voortgangsrooster, de pagina van één deelnemer, herinneringen, samen leren, de import en
# het maillogboek.

## Gedeelde woorden

coord-cohorts = Groepen
coord-mail-log = Maillogboek
coord-settings = Instellingen
coord-participant = Deelnemer
coord-never = nooit
coord-last-error = Laatste fout
coord-failing-since = Mislukt sinds
coord-status = Status
coord-import-participants = Deelnemers importeren
coord-pace = { $pace ->
    [self] eigen tempo
   *[cohort] samen in de pas
}
coord-visibility = { $visibility ->
    [members] alleen deelnemers
   *[public] openbaar
}
coord-from-to = { $from } tot { $to }

## De lijst van groepen (/coordinator)

coord-lead = Elke groep in één oogopslag. Open een groep voor het voortgangsrooster, de deelnemers die stilgevallen zijn en de feeds.
coord-new-cohort = Nieuwe groep
coord-col-cohort = Groep
coord-col-starts = Begint
coord-col-participants = Deelnemers
coord-col-active = Actief deze week
coord-col-finished = Klaar
coord-col-failing = Haperende feeds
coord-edit = Wijzigen
coord-active-explained = Actief deze week: in de afgelopen 7 dagen een les afgerond of een bericht geplaatst. Bij de haperende feeds horen ook blogs waarvan de feed nog niet gevonden is.
coord-no-cohorts = Nog geen groepen.
coord-create-first = Maak de eerste aan
coord-links-heading = Links in de lessen
coord-links-explained-html = Controleer alle externe links van de lessen met <code>twentythree lessons links [--program SLUG]</code>; het laatste rapport van elk programma staat hier.
coord-links-checked = Gecontroleerd { $when }: { $links ->
    [one] { $links } link
   *[other] { $links } links
}, { $dead ->
    [0] geen enkele dood
    [one] { $dead } dood
   *[other] { $dead } dood
}.
coord-no-link-check = Nog geen linkcontrole.
coord-tokens-heading = Je API-tokens
coord-tokens-explained-html = Programma's die de voortgangs-API lezen, melden zich aan met een token. Maak er een aan op de server met <code>twentythree token create --email { $email } [--expires 90d]</code>; je ziet het maar één keer. Trek tokens in die je niet meer gebruikt.
coord-col-token = Token
coord-col-created = Aangemaakt
coord-col-last-used = Laatst gebruikt
coord-col-expires = Verloopt
coord-col-state = Staat
coord-token-when-revoked = bij intrekken
coord-token-state = { $state ->
    [active] actief
    [revoked] ingetrokken
   *[expired] verlopen
}
coord-revoke = Intrekken
coord-no-tokens = Je hebt geen API-tokens.

## Het voortgangsrooster

coord-grid-title = { $cohort }: voortgang
coord-public-page = openbare pagina
coord-reminders = Herinneringen
coord-partners-mentors = Leerpartners en mentoren
coord-export-csv = CSV exporteren
coord-badges-on-html = Open Badges staan aan: wie klaar is, krijgt <a href="{ $class }">de badge van deze groep</a>, uitgegeven door { $issuer } ({ $email }). Zet je bij iemand die klaar is een ding terug, dan wordt de badge ingetrokken.
coord-badges-off-html = Open Badges staan uit: wie klaar is, krijgt geen controleerbare badge tot de beheerder van de server <code>TWENTYTHREE_BADGE_ISSUER_EMAIL</code> instelt (en desgewenst <code>TWENTYTHREE_BADGE_ISSUER_NAME</code>).
coord-curve = Voortgangscurve
coord-curve-caption-html = <span class="key lessons">Afgeronde lessen</span> (linkeras) en <span class="key finishers">deelnemers die klaar zijn</span> (rechteras), dag voor dag.
coord-curve-title = Voortgangscurve: afgeronde lessen en deelnemers die klaar zijn, door de tijd
coord-curve-desc = Van { $first } tot { $last }: in totaal { $lessons ->
    [one] { $lessons } les
   *[other] { $lessons } lessen
} afgerond, { $finishers ->
    [one] { $finishers } deelnemer klaar
   *[other] { $finishers } deelnemers klaar
}.
coord-curve-date = Datum
coord-curve-lessons = Afgeronde lessen
coord-curve-finishers = Klaar
coord-progress = Voortgang
coord-filters = Toon
coord-filter = { $filter ->
    [stalled] Stilgevallen
    [never-posted] Nooit gepost
    [feed-failing] Feed hapert
    [finished] Klaar
    [unclaimed] Berichten zonder les
   *[all] Iedereen
}
coord-find = Zoeken
coord-find-placeholder = Naam, e-mail of blog
coord-order-by = Sorteren op
coord-sort = { $sort ->
    [progress] voortgang
    [quietest] langst stil
    [latest] laatste activiteit
   *[name] naam
}
coord-show = Toon
coord-clear = Wissen
coord-filters-explained = Stilgevallen: 14 dagen geen les afgerond (geteld vanaf het meedoen, of vanaf de start van de groep voor wie nog niets gedaan heeft). Nooit gepost: geen bericht sinds twee weken voor de start. Feed hapert: de feed van het blog is niet te lezen, is gestopt, is niet gevonden of raakt berichten kwijt.
coord-legend = Legenda:
coord-legend-post = een bericht telde mee
coord-legend-claim = de deelnemer koppelde een bericht
coord-legend-coordinator = een coördinator vinkte het af
coord-legend-self = zelf gemeld
coord-legend-locked = voor hen nog niet open
coord-legend-hover = Wijs een vakje aan voor de datum; een vakje linkt naar zijn bericht.
coord-scroll-hint = Het rooster schuift opzij: veeg om elke les te zien.
coord-grid-label = Voortgangsrooster
coord-col-done = Gedaan
coord-col-last-active = Laatst actief
coord-finished-badge = klaar
coord-stalled-flag = stil
coord-feed-flag = feed
coord-unclaimed-posts = { $count ->
    [one] { $count } bericht zonder les
   *[other] { $count } berichten zonder les
}
coord-cell-done = { $word } { $number } gedaan op { $date } via { $source ->
    [post] een bericht
    [claim] een gekoppeld bericht
    [coordinator] een vinkje van een coördinator
   *[self] eigen melding
}
coord-cell-done-post = { $word } { $number } gedaan op { $date } via { $source ->
    [post] een bericht
    [claim] een gekoppeld bericht
    [coordinator] een vinkje van een coördinator
   *[self] eigen melding
}: „{ $title }”
coord-cell-locked = { $word } { $number }: nog niet open
coord-cell-open = { $word } { $number }: nog niet gedaan
coord-previous-page = Vorige 100
coord-next-page = Volgende 100
coord-page-of = Pagina { $page } van { $pages } ({ $shown ->
    [one] { $shown } persoon
   *[other] { $shown } personen
})
coord-nobody = Hier is niemand.
coord-nobody-filter = Niemand past bij dit filter.
coord-nobody-matching = Niemand past bij „{ $q }”.
coord-nobody-filter-matching = Niemand past bij dit filter en „{ $q }”.
coord-feed-health = Gezondheid van de feeds
coord-feeds-fine = Alle feeds zijn goed te lezen.
coord-notice-saved = De instellingen van de groep zijn bewaard.

## Eén deelnemer

coord-person-title = { $name } in { $cohort }
coord-email = E-mail
coord-routine-off = (routinemail uit)
coord-blog = Blog
coord-joined = Meegedaan sinds
coord-progress-things = { $done } van { $required ->
    [one] { $required } ding
   *[other] { $required } dingen
}
coord-progress-finished = { $done } van { $required ->
    [one] { $required } ding
   *[other] { $required } dingen
}, klaar op { $date }
coord-last-reminder = Laatste herinnering
coord-public-page-label = Openbare pagina
coord-feed = Feed
coord-health = Toestand
coord-last-read = Laatst gelezen
coord-no-feed = Nog geen feed.
coord-repoll = Nu opnieuw lezen
coord-fix-feed = Feedadres herstellen: het nieuwe adres van het blog (Twentythree zoekt zelf de feed)
coord-find-feed = Feed zoeken
coord-lessons = Lessen
coord-overrides-explained = Afvinken of terugzetten is een handmatige beslissing: die gaat vanaf dan voor op de herkenning en wordt hieronder vastgelegd. Vink meerdere lessen aan om ze in één keer af te vinken of terug te zetten.
coord-mark-ticked = Aangevinkte lessen afvinken als gedaan
coord-unmark-ticked = Aangevinkte lessen terugzetten
coord-tick = { $word } { $number } aanvinken
coord-optional = (optioneel)
coord-done-by = Gedaan op { $date } via { $source ->
    [post] bericht (P)
    [claim] koppeling (C)
    [coordinator] vinkje van een coördinator (M)
   *[self] eigen melding (S)
}
coord-open-since = Open sinds { $date }
coord-opens = Gaat open op { $date }
coord-unmark = Terugzetten
coord-mark-done = Afvinken als gedaan
coord-unclaimed-heading = Berichten die nergens voor telden
coord-none = Geen.
coord-overrides = Handmatige wijzigingen
coord-col-when = Wanneer
coord-col-change = Wijziging
coord-col-by = Door
coord-marked-done = afgevinkt als gedaan
coord-marked-not-done = teruggezet naar niet gedaan
coord-unknown = onbekend
coord-no-overrides = Geen handmatige wijzigingen.
coord-notice-marked = { $word } { $thing } is afgevinkt als gedaan.
coord-notice-unmarked = { $word } { $thing } is teruggezet naar niet gedaan.
coord-notice-marked-many = De aangevinkte lessen zijn afgevinkt als gedaan.
coord-notice-unmarked-many = De aangevinkte lessen zijn teruggezet naar niet gedaan.
coord-notice-read = De feed is zojuist gelezen: { $added ->
    [one] { $added } nieuw bericht
   *[other] { $added } nieuwe berichten
}.
coord-notice-unchanged = De feed is zojuist gelezen: niets nieuws.
coord-notice-busy = De feed wordt op dit moment al door een andere worker gelezen; kijk over een minuut nog eens.
coord-notice-deferred = Het blog vroeg om even met rust gelaten te worden; Twentythree leest het later.
coord-notice-failed = De feed kon niet gelezen worden; zie de toestand hieronder.
coord-notice-gone = Twentythree leest deze feed niet meer; is het blog verhuisd, herstel dan hieronder het feedadres.
coord-notice-no-feed = Er is nog geen feed om te lezen: herstel hieronder het feedadres.
coord-notice-found = De feed is gevonden op het nieuwe adres.
coord-notice-not-found = Op dat adres is nog geen feed gevonden; Twentythree blijft het proberen.
coord-error-blog-address = Het blogadres: { $problem }.
coord-error-tick-lesson = Vink eerst minstens één les aan en druk dan nog eens op de knop.

## Herinneringen

coord-reminders-title = Herinneringen voor { $cohort }
coord-reminders-sent = { $count ->
    [one] { $count } herinnering klaargezet: ze gaat binnen een minuut de deur uit.
   *[other] { $count } herinneringen klaargezet: ze gaan binnen een minuut de deur uit.
}
coord-reminders-none-sent = Er is geen herinnering verstuurd: niemand van wie je koos, is er nu aan toe.
coord-reminders-lead = Een vriendelijk duwtje per e-mail voor wie stilgevallen is ({ $stalled } dagen geen les gedaan) en wie achterloopt (een les al meer dan een week open, geteld vanaf het meedoen, en niet gedaan). Nooit voor wie klaar is, nooit voor wie routinemail heeft uitgezet, en hooguit eens per { $every } dagen per persoon.
coord-reminders-confirm = { $count ->
    [one] { $count } herinnering versturen?
   *[other] { $count } herinneringen versturen?
}
coord-reminders-each = Ieder van deze mensen krijgt de e-mail hieronder, één keer.
coord-reminders-yes = Ja, verstuur { $count ->
    [one] { $count } herinnering
   *[other] { $count } herinneringen
}
coord-reminders-back = Nee, terug
coord-reminders-who = Wie er een krijgt: { $count ->
    [one] { $count } persoon is
   *[other] { $count } personen zijn
} eraan toe. Vink iemand uit om die over te slaan.
coord-reminders-done = { $done } gedaan
coord-reminders-review = Controleren voor verzenden
coord-reminders-what = Wat erin staat
coord-reminders-subject = Onderwerp:
coord-reminders-nobody = Niemand is nu aan een herinnering toe.
coord-error-tick-person = Vink minstens één persoon aan om te herinneren en controleer dan opnieuw.

## Samen leren

coord-together-title = Samen leren in { $cohort }
coord-together = Samen leren
coord-together-lead = Mensen leren het meest van elkaar. Koppel wie om een leerpartner vroeg, en geef deelnemers een mentor die meekijkt hoe het gaat.
coord-partners = Leerpartners
coord-waiting = Wachten op een partner
coord-pair-everyone = Koppel iedereen die erom vroeg
coord-pair-how = Willekeurig, bij voorkeur mensen die ongeveer even ver zijn, en nooit een paar dat er al eens was.
coord-nobody-waiting = Niemand wacht. Deelnemers vragen op hun eigen pagina om een partner.
coord-partners-now = Huidige leerpartners
coord-pair = { $first } en { $second }
coord-end = Beëindigen
coord-end-hidden = het leerpartnerschap van { $first } en { $second }
coord-no-pairs = Nog geen paren.
coord-pair-by-hand = Twee mensen met de hand koppelen
coord-pair-one = De een
coord-pair-other = De ander
coord-make-partners = Maak ze leerpartners
coord-mentors = Mentoren
coord-mentors-explained-html = Een mentor logt in zoals iedereen en ziet op <a href="/mentor">/mentor</a> de voortgang, berichten en blogstatus van de eigen mentees, alleen lezend, met een wekelijks bericht per e-mail. Een mentor hoeft zelf niet mee te doen aan het programma.
coord-mentors-word = begeleidt
coord-stop = Stoppen
coord-stop-hidden = { $mentor } begeleidt { $mentee } niet meer
coord-make-mentor = Iemand mentor maken
coord-their-email = E-mailadres
coord-their-name = Naam
coord-their-mentees = Mentees
coord-save-mentor = Mentor bewaren

## De import

coord-import-title = Importeren in { $cohort }
coord-import-failed = Er is niets geïmporteerd: herstel de regels die hieronder gemarkeerd zijn en upload het bestand opnieuw.
coord-import-done-html = { $added ->
    [one] { $added } deelnemer geïmporteerd
   *[other] { $added } deelnemers geïmporteerd
}. Twentythree zoekt op de achtergrond naar de feeds van hun blogs: over een minuut of twee staat de toestand van hun feeds op de <a href="{ $link }">pagina van de groep</a>.
coord-col-line = Regel
coord-col-outcome = Resultaat
coord-import-explained-html = Een CSV-bestand met de kolommen <code>name,email,blog</code> (een kopregel met die namen mag, hoeft niet). Klopt er één regel niet, dan wordt niets geïmporteerd; wie al in de groep zit, wordt overgeslagen. Hooguit 4 MiB.
coord-csv-file = CSV-bestand
coord-import = Importeren
coord-error-too-big = Het bestand is te groot: de import neemt hooguit 4 MiB aan.
coord-error-upload = Het geüploade bestand kon niet gelezen worden: { $problem }.
coord-error-choose-file = Kies een CSV-bestand om te importeren.

## Instellingen van een groep

coord-settings-title = Instellingen van { $name }
coord-settings-problems = Er is niets bewaard: herstel wat hieronder gemarkeerd is.
coord-name = Naam
coord-address = Adres:
coord-slug-fixed = (de slug kan niet veranderen)
coord-slug = Slug
coord-slug-hint = (het adres van de groep, bijvoorbeeld voorjaar-2027)
coord-program = Programma
coord-program-label = Programma:
coord-program-kept = (een groep houdt haar programma)
coord-program-option = { $title } ({ $lessons ->
    [one] { $lessons } les
   *[other] { $lessons } lessen
}, { $weeks ->
    [one] { $weeks } week
   *[other] { $weeks } weken
})
coord-first-day = Eerste dag
coord-last-day = Laatste dag
coord-optional-hint = (optioneel)
coord-timezone = Tijdzone
coord-timezone-hint = (bijvoorbeeld Europe/Amsterdam)
coord-release-day = Lessen gaan open op
coord-start-weekday = de weekdag van de startdatum
coord-weekday = { $day ->
    [monday] maandag
    [tuesday] dinsdag
    [wednesday] woensdag
    [thursday] donderdag
    [friday] vrijdag
    [saturday] zaterdag
   *[sunday] zondag
}
coord-release-time = om (plaatselijke tijd, UU:MM)
coord-pace-legend = Tempo
coord-pace-together = Samen: elke week gaat voor iedereen tegelijk open, volgens de kalender
coord-pace-self = Eigen tempo: weken gaan open geteld vanaf het moment dat iemand meedoet
coord-visibility-legend = Wie de pagina's van de groep mag lezen
coord-visibility-public = Iedereen (openbaar)
coord-visibility-members = Alleen deelnemers
coord-options = Opties
coord-celebrate-cohort = Laat de hele groep per e-mail weten wanneer iemand klaar is
coord-self-report = Deelnemers mogen zelf een les afvinken als gedaan
coord-save = Bewaren
coord-create = Groep aanmaken
problem-name = De groep heeft een naam nodig van 1 tot 200 tekens.
problem-ends-before-start = De groep kan niet eindigen voordat ze begint.
problem-date = „{ $value }” is geen datum in de vorm JJJJ-MM-DD.
problem-time = „{ $value }” is geen tijd in de vorm UU:MM.
problem-timezone = „{ $value }” is geen IANA-tijdzone zoals Europe/Amsterdam of America/Chicago.
problem-weekday = „{ $value }” is geen weekdag zoals monday.
problem-pace = „{ $value }” is geen tempo: kies cohort of self.
problem-visibility = „{ $value }” is geen zichtbaarheid: kies public of members.
problem-program = Er is geen programma „{ $value }”; de programma's zijn: { $known }.
problem-slug = „{ $value }” is geen geldige slug: gebruik 2 tot 64 kleine letters, cijfers en losse koppeltekens, bijvoorbeeld voorjaar-2027.
problem-slug-reserved = „{ $value }” kan geen slug van een groep zijn: de adressen van de badges gebruiken het (/badges/{ $value }); kies een andere, bijvoorbeeld voorjaar-2027.
problem-slug-taken = Er bestaat al een groep met de slug „{ $value }”.

## Maillogboek

coord-mail-lead = De nieuwste e-mails eerst: verstuurd, wachtend op verzending, en mislukt met het antwoord van de mailserver.
coord-mail-only-cohort-html = Alleen de mail aan de deelnemers van deze groep (<a href="/coordinator/mail">alle mail</a>).
coord-col-queued = Klaargezet
coord-col-kind = Soort
coord-col-to = Aan
coord-col-subject = Onderwerp
coord-col-tries = Pogingen
coord-col-last-problem = Laatste probleem
coord-no-email = Nog geen e-mail.
coord-mail-status = { $status ->
    [pending] wacht
    [sending] wordt verstuurd
    [sent] verstuurd
   *[failed] mislukt
}

## Wat mensen invullen (namen, adressen, blogs) en de regels van de import

people-email-empty = vul je e-mailadres in
people-email-invalid = „{ $value }” is geen geldig e-mailadres
people-blog-empty = het blogadres is leeg
people-blog-too-long = het blogadres is langer dan { $max } tekens
people-blog-not-web = „{ $value }” is geen webadres
people-blog-not-http = „{ $value }” is geen webadres: alleen blogs via http en https zijn te lezen
people-blog-no-host = „{ $value }” heeft geen hostnaam
people-name-empty = de naam is leeg
people-name-unusable = „{ $value }” is geen bruikbare naam (hooguit 100 tekens, geen stuurtekens)
import-unreadable = onleesbare CSV: { $problem }
import-missing-columns = kolommen ontbreken: elke regel heeft een naam, e-mailadres en blog nodig
import-twice = { $email } staat twee keer in dit bestand
import-added = { $email } toegevoegd
import-already-in = { $email } zit al in de groep, overgeslagen
coord-error-no-filter = Er is geen filter met de naam „{ $value }”.
coord-error-no-order = Er is geen volgorde met de naam „{ $value }”.
coord-error-done = `done` moet true of false zijn, niet „{ $value }”.
coord-why-stalled = stilgevallen: { $days } dagen of langer geen les gedaan
coord-why-behind = loopt achter: { $count ->
    [one] { $count } les
   *[other] { $count } lessen
} al meer dan een week open en niet gedaan
coord-left-cohort = (uit de groep vertrokken)
coord-notice-paired = { $paired ->
    [one] { $paired } nieuw paar gemaakt.
   *[other] { $paired } nieuwe paren gemaakt.
}
coord-notice-waiting = { $waiting ->
    [0] {""}
    [one] Eén persoon wacht nog: er is niemand nieuw meer voor hem of haar (een oneven aantal, of iedereen is al eens gekoppeld). Koppel met de hand, of wacht tot de volgende erom vraagt.
   *[other] { $waiting } mensen wachten nog: er is niemand nieuw meer voor hen. Koppel ze met de hand als je wilt.
}
coord-notice-pair = Die twee zijn nu leerpartners; ze zien elkaar op hun pagina.
coord-notice-ended = Het leerpartnerschap is beëindigd; beiden kunnen om een nieuwe partner vragen.
coord-notice-mentor = Bewaard: de mentor ziet de mentees op /mentor zodra die inlogt.
coord-notice-unmentored = De mentor ziet die deelnemer niet meer.
problem-choose-two = Kies twee mensen.
problem-mentor-address = Het adres van de mentor: { $problem }.
problem-mentor-name = De naam van de mentor: { $problem }.
problem-already-paired = Je hebt in deze groep al een leerpartner.
problem-you-finished = Je bent klaar met deze groep, dus je hebt geen leerpartner meer.
problem-partner-taken = { $name } heeft al een leerpartner; beëindig eerst dat leerpartnerschap.
problem-partner-finished = { $name } is klaar met de groep.
problem-same-person = Kies twee verschillende mensen.
problem-not-in-cohort = Beide mensen moeten aan deze groep meedoen.
problem-no-mentees = Vink minstens één deelnemer aan voor de mentor.
problem-mentee-not-in-cohort = Iemand die je aanvinkte, doet niet mee aan deze groep.
problem-mentor-themselves = Een mentor kan niet zijn of haar eigen mentor zijn: vink { $name } uit.
