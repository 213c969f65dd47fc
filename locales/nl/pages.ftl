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

## Lessons and a lesson

word-or = of
word-and = en
programs-title = Programma's
lessons-preview = Er is nog geen groep met dit programma begonnen, dus alle lessen staan open als voorproefje.
lessons-week-by-week = De lessen gaan week na week open. Bij een les die nog dicht is, zie je wanneer hij opengaat.
lesson-about-minutes = ongeveer { $minutes } minuten
lesson-optional = optioneel
lesson-opens = gaat open op { $when }
lesson-not-scheduled = nog niet ingepland
lesson-make-it-count = Zo telt je bericht mee
lesson-how-to-count-html = Geef je bericht de tag { $tags }, of zet „{ $title }” in de titel.
lesson-opens-on-html = Deze les gaat open op <strong>{ $when }</strong>. Kom dan terug!
lesson-opens-with-schedule = Deze les gaat open volgens het rooster van je groep.
lesson-people-to-ask = Wie je iets kunt vragen
lesson-experts-html =
    Vastgelopen, of nieuwsgierig naar meer? { $names } { $count ->
        [one] kent
       *[other] kennen
    } dit onderwerp goed en { $count ->
        [one] helpt
       *[other] helpen
    } je graag verder.
lesson-models = Berichten waar anderen van leerden
post-example = Voorbeeld
lesson-what-people-wrote = Wat anderen schreven
highlight-summary = Uitlichten als voorbeeld
highlight-why = Waarom anderen ervan kunnen leren (één regel)
highlight-button = Uitlichten
lesson-nobody-yet = Nog niemand heeft hierover geschreven. Wees de eerste!

## Programs, credits, signing in

count-cohorts =
    { $count ->
        [one] { $count } groep
       *[other] { $count } groepen
    }
programs-lead = Elk programma is een reeks korte lessen; elke groep volgt er één.
programs-lessons-over-weeks = { $lessons } lessen in { $weeks } weken
programs-default = het standaardprogramma
programs-licence = Licentie: { $licence }
programs-no-licence = Geen licentie vermeld
programs-remixed-from = bewerkt naar { $source }
credits-label = Licentie en bronvermelding
credits-licence-html = Dit programma wordt gedeeld onder { $licence }: kopieer het, pas het aan en gebruik het voor je eigen collega's.
credits-no-licence = Dit programma vermeldt geen licentie: vraag het de makers voordat je het kopieert.
credits-remixed-from-html = Bewerkt naar { $source }.
credits-version = Versie { $version }
credits-language = taal { $language }
too-many-title = Even geduld
too-many-why = De afgelopen minuten kwamen er veel verzoeken van hier of voor dit adres. Twentythree pauzeert even, zodat niemands inbox wordt overspoeld.
too-many-when = Probeer het over een kwartier opnieuw. Als er een e-mail onderweg is, staat die misschien al in je inbox (of bij de spam).
too-many-back = Terug naar de start
login-title = Inloggen
login-check-email = Kijk in je mail
login-on-its-way = Als { $email } van iemand in een groep hier is, is er een inloglink onderweg. Die werkt één keer, 30 minuten lang.
login-nothing-arrived-html = Na een paar minuten nog niets ontvangen? Kijk bij de spam, of <a href="/login">vraag een nieuwe link aan</a>.
login-expired = Die inloglink werkt niet meer: een link werkt één keer, 30 minuten lang. Vraag hieronder een nieuwe aan.
login-no-password = Geen wachtwoord nodig: we mailen je een link waarmee je inlogt.
login-your-email = Je e-mailadres
login-email-me = Mail me een link
login-link-title = Inloggen bij Twentythree
login-link-one-click = Eén klik en je bent binnen. Daarna werkt de link niet meer, dus blijf deze browser gebruiken.

## Cohort page

feed-title-atom = { $cohort }: ieders berichten (Atom)
feed-title-json = { $cohort }: ieders berichten (JSON Feed)
cohort-ran-from = Liep van { $starts } tot { $ended }
cohort-starts = Begint op { $starts }
cohort-times-in = tijden in { $timezone }
cohort-self-paced = in eigen tempo: de lessen gaan voor iedereen open vanaf de dag dat die meedoet
cohort-has-ended = Deze groep is afgelopen. De berichten en de feestmuur blijven hier te lezen.
cohort-join-named = Doe mee met { $cohort }
cohort-this-cohort = Deze groep
river-everyone = Ieders berichten
cohort-tile-posts = Lees wat de groep schreef, nieuwste eerst
wall-title = Feestmuur
cohort-finished-count =
    { $count ->
        [one] { $count } persoon is klaar
       *[other] { $count } mensen zijn klaar
    }
cohort-who-first = Wie is de eerste?
cohort-calendar = Kalender
cohort-tile-calendar = Wanneer elke week opengaat
count-participants-title =
    { $count ->
        [one] { $count } deelnemer
       *[other] { $count } deelnemers
    }
cohort-find-person = Zoek iemand
search-part-of-name = Deel van een naam
search-find = Zoeken
cohort-show-everyone = Toon iedereen
cohort-people-match =
    { $count ->
        [one] { $count } persoon past bij
       *[other] { $count } mensen passen bij
    } „{ $q }”.
person-finished-badge = klaar
person-progress-label = { $name }: { $done } van { $required } dingen
cohort-pages-of-people = Pagina's met deelnemers
pager-previous = Vorige
pager-next = Volgende
pager-page-of = Pagina { $page } van { $pages }
cohort-nobody-named = Niemand hier heeft „{ $q }” in zijn of haar naam.
cohort-nobody-yet = Er doet nog niemand mee.
cohort-col-week = Week
cohort-col-opens = Gaat open
cohort-col-things = Dingen
cohort-open-badge = open
cohort-follow = Volg de groep
cohort-follow-public-html = In je feedlezer: <a href="/cohorts/{ $slug }/feed.atom">ieders berichten (Atom)</a> · <a href="/cohorts/{ $slug }/feed.json">JSON Feed</a> · <a href="/cohorts/{ $slug }/blogroll.opml">alle blogs (OPML)</a>. In je agenda: <a href="/cohorts/{ $slug }/calendar.ics">het begin van elke week</a>.
cohort-follow-members-html = Deze groep is alleen voor deelnemers: je eigen privéadressen voor je feedlezer en agenda staan op <a href="/me#calendar">je eigen pagina</a>.

## Posts, the river, a person, the wall, certificates, unsubscribing

post-date-unknown = datum onbekend
post-twentythree-says = Twentythree zegt: { $reason }.
post-read-on-blog = Lees verder op het blog
river-title = Berichten · { $cohort }
river-about-thing = Berichten over { $thing }
river-by-person = Berichten van { $name }
river-all-things = Alle dingen
river-show = Toon
river-find-persons-posts = Zoek de berichten van iemand
river-people-matching = Mensen die passen bij „{ $who }”
river-nobody-named = Niemand in deze groep heeft „{ $who }” in zijn of haar naam.
river-more-than = Meer dan { $count } berichten
count-posts-title =
    { $count ->
        [one] { $count } bericht
       *[other] { $count } berichten
    }
river-follow-public-html = Volg ze in je feedlezer: <a href="/cohorts/{ $slug }/feed.atom">Atom</a> · <a href="/cohorts/{ $slug }/feed.json">JSON Feed</a> · <a href="/cohorts/{ $slug }/blogroll.opml">alle blogs (OPML)</a>.
river-follow-members-html = Volg ze in je feedlezer: je privéadressen staan op <a href="/me#calendar">je eigen pagina</a>.
river-no-posts = Hier staan nog geen berichten.
pager-pages = Pagina's
pager-newer = Nieuwer
pager-older = Ouder
pager-page = Pagina { $page }
person-finished-on = klaar op { $date }
person-finished-all-html = Alle { $count } dingen gedaan: <a href="{ $certificate }">bekijk het certificaat</a> · <a href="{ $wall }">de feestmuur</a>
person-progress = Voortgang
person-progress-things = { $done } van { $required } dingen
person-things-done = { $done } van { $required } dingen gedaan
person-blog = Blog
person-blog-title = Titel
person-blog-platform = Platform
person-blog-feed = Feed
person-blog-health = Status
person-no-feed-yet = Twentythree heeft de feed van dit blog nog niet gevonden.
person-posts = Berichten
person-no-posts = Nog geen berichten.
person-all-posts = Alle { $count } berichten
wall-count-html =
    <strong>{ $count ->
        [one] { $count } persoon heeft
       *[other] { $count } mensen hebben
    }</strong> alle { $things } dingen gedaan
wall-percent = { $percent }% van de groep
wall-congratulations = Gefeliciteerd!
wall-everyone-gets-a-place = Iedereen die alle { $things } dingen doet, krijgt hier een plek, in de volgorde waarin ze klaar zijn.
wall-finished-on = klaar op { $date }
wall-their-blog = blog
wall-certificate = certificaat
wall-nobody-yet = Nog niemand is klaar. De eerste krijgt de bovenste plek op de muur!
wall-read-posts = Lees ieders berichten
certificate-title = Certificaat · { $name }
certificate-of-completion = Certificaat van deelname
certificate-proud = { $organisation } verklaart met trots dat
certificate-certifies = Hierbij wordt verklaard dat
certificate-completed = alle { $things } dingen heeft voltooid van
certificate-learning = door te doen, door van anderen te leren en door erover te schrijven,
certificate-on-html = op <span class="nowrap">{ $date }</span>.
certificate-your-badge = Je Open Badge:
badge-download = Download je badge
badge-linkedin = Toevoegen aan LinkedIn
certificate-badge-address = Het adres van je badge
certificate-check-badge = Bekijk de Open Badge van { $name }
certificate-back-to-wall = Terug naar de feestmuur
certificate-print = Gebruik Afdrukken in je browser voor een papieren versie (A4 of Letter, één pagina).
unsubscribe-title = E-mailvoorkeuren
unsubscribe-done-title = Je krijgt geen vaste e-mails meer
unsubscribe-done = Geen wekelijkse lesmails of voortgangsberichten meer. Inloglinks en het feestbericht als je klaar bent, krijg je nog wel. Je kunt de vaste e-mails weer aanzetten op je eigen pagina.
unsubscribe-ask-title = Geen vaste e-mails meer?
unsubscribe-ask = Je krijgt dan geen wekelijkse mail meer als er nieuwe dingen opengaan, en geen berichten over je voortgang.
unsubscribe-button = Stop deze e-mails

## Joining

join-sent = We hebben een bericht gestuurd naar { $email } over meedoen met { $cohort }. Open de link erin om het af te ronden: die werkt één keer, 24 uur lang.
join-nothing-arrived-html = Na een paar minuten nog niets ontvangen? Kijk bij de spam, of <a href="/join">begin opnieuw</a>.
join-none-open = Er is nu geen groep waar je bij kunt aansluiten. Je coördinator laat weten wanneer de volgende begint.
join-title = Doe mee met een groep
join-lead = Blog over elke les op je eigen blog, op welk platform dan ook. Twentythree leest je blog en vinkt elke les af waarover je schrijft. Geen wachtwoord: we mailen je een link.
join-found-blog = We hebben je blog gevonden
join-your-blog = Je blog
join-will-read-on-html = { $blog }, op { $platform }: we lezen { $feed }.
join-will-read-html = { $blog }: we lezen { $feed }.
join-latest-posts = Je nieuwste berichten, zoals Twentythree ze leest:
join-no-posts-yet = Er staan nog geen berichten op. Geen probleem: schrijf je eerste over Ding 1 zodra je meedoet.
join-could-not-read = We konden dat blog nog niet lezen
join-check-address = Controleer het adres (kopieer het uit de adresbalk van je browser terwijl je de startpagina van je blog bekijkt). Is je blog gloednieuw of nog privé, dan kun je toch meedoen: Twentythree blijft het proberen, en je kunt het adres later op je eigen pagina wijzigen.
join-your-name = Je naam
join-your-name-hint = zoals anderen hem zien; een schuilnaam mag ook
join-email-hint = nooit zichtbaar voor anderen
join-blog-address = Het adres van je blog
join-joining-html = Je doet mee met <strong>{ $cohort }</strong>, vanaf { $starts }.
join-cohort = Groep
join-cohort-option = { $cohort } (begint op { $starts })
join-thats-my-blog = Dat is mijn blog: mail me de link
join-anyway = Toch meedoen: mail me de link
join-check-again = Controleer het adres opnieuw
join-check-my-blog = Controleer mijn blog
join-already-in-html = Doe je al mee? <a href="/login">Log in</a>.
join-confirm-title = Meedoen bevestigen
join-confirm-dead-html = Een bevestigingslink werkt één keer, 24 uur lang. Heb je al bevestigd, <a href="/login">log dan in</a>; anders kun je <a href="/join">opnieuw aanmelden</a>.
join-welcome = Welkom, { $name }
join-confirm-one-click-html = Eén klik en je doet mee. Twentythree leest je blog op <strong>{ $blog }</strong>.
join-verdict-counts = telt voor { $things }
join-verdict-archive = geschreven vóór de groep begon, dus telt niet mee
join-verdict-nothing = over geen enkele les (dat is prima)

## My page, continued

me-hello = Hallo { $name }
me-notice-claimed = Bedankt: dat bericht telt nu mee voor de les die je koos.
me-notice-reported = Afgevinkt. Goed gedaan!
me-notice-moved = Het adres van je blog is gewijzigd. Hieronder zie je of Twentythree het kon lezen.
me-notice-saved = Je voorkeuren zijn opgeslagen.
me-notice-partner-asked = Bedankt: je coördinator koppelt je binnenkort aan iemand. Je maatje verschijnt hier zodra jullie gekoppeld zijn.
me-notice-partner-stopped = Gedaan: je hebt nu geen leermaatje meer.
me-notice-check-read = Twentythree heeft je blog net gelezen: wat het vond, staat hieronder.
me-notice-check-busy = Twentythree leest je blog op dit moment: kijk zo nog eens.
me-notice-check-failed = Twentythree kon je blog net niet lezen: zie de status hieronder.
me-notice-check-no-feed = Twentythree heeft de feed van je blog nog niet gevonden: controleer het adres hieronder.
me-notice-addresses = Je privéadressen zijn vernieuwd: de oude werken niet meer. Geef de nieuwe aan je feedlezer en agenda.
me-you-mentor =
    { $count ->
        [one] Je bent mentor van { $count } persoon
       *[other] Je bent mentor van { $count } mensen
    }
me-see-mentees = Bekijk hoe het met je pupillen gaat
me-you-finished = Je was klaar op { $date }!
me-your-certificate = Je certificaat
me-on-the-wall = Je staat op de feestmuur
me-badge-anyone-can-check = daar kan iedereen hem controleren
me-this-week = Deze week (week { $week })
me-done-badge = gedaan
me-not-opened-yet = De eerste lessen zijn nog niet open.
me-week-opens = Week { $week } gaat open op { $when }
me-your-time = jouw tijd: { $when }
me-partner = Je leermaatje
me-partner-with-html = Je leert samen met { $partner }
me-partner-latest = Het nieuwste bericht:
me-partner-no-posts = Er is nog geen bericht.
me-partner-finished = { $name } heeft het programma afgerond. Jullie kunnen elkaar blijven lezen, of je vraagt een nieuw maatje dat nog onderweg is.
me-partner-left = Je maatje heeft de groep verlaten. Vraag een nieuw maatje aan, dan koppelt je coördinator je opnieuw.
me-partner-asked = Je hebt een leermaatje gevraagd: je coördinator koppelt binnenkort mensen, en je maatje verschijnt dan hier.
me-partner-ended = Je vorige koppeling is beëindigd ({ $reason }).
me-partner-why = Samen leren met iemand die even ver is, helpt: je maatje leest jouw berichten, jij de zijne of hare, en samen denken jullie erover na.
me-partner-no-longer = Ik wil geen maatje meer
me-partner-stop = Stop met samen leren
me-partner-find = Zoek een leermaatje voor me
me-partner-new = Vraag een nieuw maatje
me-your-cohort = Je groep
me-who-takes-part = Wie er meedoen
me-finishers = Wie er klaar zijn
me-follow-summary = Volg de groep in je feedlezer of agenda
me-addresses-private = Met deze adressen kan je feedlezer erbij zonder in te loggen: ze zijn alleen van jou, dus houd ze voor jezelf.
me-address-atom = Ieders berichten (Atom):
me-address-json = Ieders berichten (JSON Feed):
me-address-opml = Alle blogs, voor je feedlezer (OPML):
me-address-calendar = De agenda van de groep:
me-every-lesson = Alle lessen
me-done-on = Gedaan op { $date }
me-you-claimed-html = je gaf aan dat { $post } hiervoor was
me-marked-by-coordinator = afgevinkt door een coördinator
me-you-reported = je hebt het zelf gemeld
me-open-html = Open: blog erover en geef het bericht de tag <code>{ $tag }</code>
me-i-did-this = Ik heb dit gedaan
me-opens = Gaat open op { $when }
me-unclaimed = Berichten die nergens voor telden
me-unclaimed-explain = Twentythree kon niet zien voor welke les deze berichten waren. Was er een voor een les, zeg dan welke, en hij telt mee.
me-this-was-for = Dit was voor
me-count-it = Laat meetellen
me-unclaimed-none = Geen: elk bericht dat je sinds de start schreef, telde mee voor een les.
me-not-read-yet = Twentythree heeft je blog nog niet gelezen. Zodra dat gebeurd is, meestal binnen een halfuur, zie je je berichten hier.
me-your-blog = Je blog
me-blog-address = Adres
me-no-feed-yet = Twentythree heeft de feed van je blog nog niet gevonden.
me-check-now = Ik heb net iets geplaatst: lees mijn blog nu
me-moved-blog = Mijn blog is verhuisd
me-new-address = Het nieuwe adres van je blog
me-use-address = Gebruik dit adres
me-no-cohort-html = Je zit nog niet in een groep. <a href="/join">Doe mee met een groep</a>.
me-your-calendar = Je agenda
me-calendar-explain = Abonneer je op dit adres in je agenda (Outlook, Google Agenda of Apple Agenda: „agenda toevoegen via URL”) om te zien wanneer elke week voor jou opengaat, met een vriendelijke herinnering als een week al zeven dagen open is en nog niet af.
me-new-addresses = Maak nieuwe privéadressen
me-addresses-explain = Deze agenda en de privéfeedadressen van je groepen werken zonder inloggen, dus ze zijn alleen van jou. Heb je er per ongeluk een gedeeld, maak dan nieuwe: de oude werken meteen niet meer.
me-preferences = Je voorkeuren
me-name = Naam die anderen zien
me-name-hint = een schuilnaam mag ook
me-timezone = Je tijdzone
me-timezone-hint = optioneel, bijvoorbeeld Europe/Amsterdam: dan zie je de openingstijden ook in jouw tijd
me-emails = E-mails
me-emails-release = De wekelijkse brief als er nieuwe lessen opengaan (en, als je mentor bent, het wekelijkse overzicht van je pupillen)
me-emails-milestones = Mijlpalen (halverwege)
me-emails-highlight = Als een bericht van mij als voorbeeld wordt uitgelicht
me-emails-always = Inloglinks en het feestbericht als je klaar bent, krijg je altijd.
me-save = Opslaan
me-signed-in-as = Ingelogd als { $email }.

## Mentor page and badge page

mentor-title = Je pupillen
mentor-lead = Hoe het gaat met de mensen die je begeleidt. Een reactie van jou op een bericht, of een berichtje aan iemand die stil is gevallen, doet veel.
mentor-finished-on = Klaar op { $date }.
mentor-stalled = Stilgevallen
mentor-stalled-for = al { $days } dagen of langer geen les gedaan.
mentor-last-active = Laatst actief op { $date }.
mentor-blog = Blog: { $health }
mentor-for = Voor
badge-revoked-title = Ingetrokken badge
badge-of = Badge van { $name }
badge-verification = Controle van een Open Badge
badge-was-revoked = Deze badge is ingetrokken
badge-revoked-lead = { $issuer } heeft de badge „{ $badge }” van { $name } ingetrokken op { $date }
badge-no-longer-stands = Hij staat niet langer voor een afgerond programma.
badge-is-real = Deze badge is echt
badge-earned-html = { $name } verdiende de badge „{ $badge }” op { $date }, uitgegeven door { $issuer }.
badge-image-alt = De badge { $badge }
badge-badge = Badge
badge-earned-by = Verdiend door
badge-for = Voor
badge-criteria = Criteria
badge-the-lessons = De lessen
badge-evidence = Bewijs
badge-their-posts = De berichten
badge-issued = Uitgegeven
badge-issued-in = { $date }, in
badge-issuer = Uitgever
badge-about-open-badges = Dit is een Open Badge 2.0, gehost door de uitgever: badge-backpacks en validators lezen hetzelfde adres als JSON-LD, en kunnen nagaan of de badge aan een bepaald e-mailadres is toegekend.

## Joining, the button

join-confirm-button = Bevestig en doe mee

## Why a post counts (recognition's decision)

reason-counts = telt mee voor { $things }
reason-thing = Ding { $number }: { $why }
reason-tagged = met de tag '{ $tag }'
reason-title = de titel noemt het
reason-link = het linkt naar de les
reason-archive = telt niet mee: gepubliceerd voordat de groep begon
reason-nothing = geen les herkend
