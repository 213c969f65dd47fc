# Participant and public pages, the base layout and the footer.
# Keys are grouped by page; shared words come first. Numbers passed as arguments choose
# the plural form and are written with the language's digit grouping.

## Shared words

# The word for a lesson, as in "Thing 7". A post titled with it in any shipped language
# counts for that lesson.
lesson-word = Thing
count-posts = { $count ->
    [one] { $count } post
   *[other] { $count } posts
}
count-participants = { $count ->
    [one] { $count } participant
   *[other] { $count } participants
}
week-number = Week { $week }

## Base layout and footer

skip-to-content = Skip to content
nav-main = Main
nav-lessons = Lessons
nav-my-progress = My progress
nav-coordinator = Coordinator
nav-signed-in-as = Signed in as { $name }
nav-sign-out = Sign out
nav-join = Join
nav-sign-in = Sign in
footer-motto = Learn by doing, by watching others and by talking about it. Twentythree reads everyone's blog and keeps count.
footer-language = Language

## Cohort cards (home page)

cohort-ended-on = ended { $date }
cohort-starts-on = starts { $date }
cohort-week-of = week { $week } of { $weeks }
cohort-members-only = members only
cohort-this-week = This week:
cohort-read-posts = Read the posts
cohort-join = Join this cohort

## Home page

home-title = Home
home-headline = { $lessons } things in { $weeks ->
    [one] { $weeks } week
   *[other] { $weeks } weeks
}
home-lead = A short lesson at a time, a post on your own blog about each one, and a cohort of colleagues learning beside you.
home-see-lessons = See the lessons
home-all-programs = or all { $count } programs
home-welcome = Welcome: the next step
home-no-cohort-yet = This server has no cohort yet. The lessons below are shown as a preview of the program. To start one, run:
home-cohorts = Cohorts
home-members-only = The cohorts on this server are open to their members only.

## My page (/me)

me-language = Language of Twentythree
me-language-hint = pages and emails; automatic follows your cohort's program, then your browser
me-language-automatic = Automatic

## Lessons and a lesson

word-or = or
word-and = and
programs-title = Programs
lessons-preview = No cohort of this program has started yet, so every lesson is open as a preview of the program.
lessons-week-by-week = Lessons open week by week. A lesson that has not opened yet shows when it will.
lesson-about-minutes = about { $minutes } minutes
lesson-optional = optional
lesson-opens = opens { $when }
lesson-not-scheduled = not scheduled yet
lesson-make-it-count = Make your post count
lesson-how-to-count-html = Tag your post { $tags }, or put “{ $title }” in its title.
lesson-opens-on-html = This lesson opens on <strong>{ $when }</strong>. Come back then!
lesson-opens-with-schedule = This lesson opens with its cohort's schedule.
lesson-people-to-ask = People to ask
lesson-experts-html =
    Stuck, or curious to go further? { $names } { $count ->
        [one] knows
       *[other] know
    } this thing well and will gladly help.
lesson-models = Posts people learned from
post-example = Example
lesson-what-people-wrote = What people wrote
highlight-summary = Highlight as an example
highlight-why = Why others can learn from it (one line)
highlight-button = Highlight
lesson-nobody-yet = Nobody has written about this thing yet. Be the first!

## Programs, credits, signing in

count-cohorts =
    { $count ->
        [one] { $count } cohort
       *[other] { $count } cohorts
    }
programs-lead = Each program is a set of short lessons; each cohort follows one of them.
programs-lessons-over-weeks = { $lessons } lessons over { $weeks } weeks
programs-default = the default program
programs-licence = Licence: { $licence }
programs-no-licence = No licence stated
programs-remixed-from = remixed from { $source }
credits-label = Licence and attribution
credits-licence-html = This program is shared under { $licence }: copy it, adapt it, run it for your own colleagues.
credits-no-licence = This program states no licence: ask its authors before you copy it.
credits-remixed-from-html = Remixed from { $source }.
credits-version = Version { $version }
credits-language = language { $language }
too-many-title = Please wait a little
too-many-why = There have been a lot of requests from here or for this address in the last few minutes, so Twentythree is pausing to keep everyone's inbox safe.
too-many-when = Try again in 15 minutes. If an email is on its way, it may already be in your inbox (or spam folder).
too-many-back = Back to the start
login-title = Sign in
login-check-email = Check your email
login-on-its-way = If { $email } belongs to someone in a cohort here, a link to sign in is on its way. It works once, for 30 minutes.
login-nothing-arrived-html = Nothing arrived after a few minutes? Look in the spam folder, or <a href="/login">ask for another link</a>.
login-expired = That sign-in link no longer works: links work once, for 30 minutes. Ask for a new one below.
login-no-password = No password needed: we email you a link that signs you in.
login-your-email = Your email address
login-email-me = Email me a link
login-link-title = Sign in to Twentythree
login-link-one-click = One click and you are in. The link then stops working, so keep using this browser.

## Cohort page

feed-title-atom = { $cohort }: everyone's posts (Atom)
feed-title-json = { $cohort }: everyone's posts (JSON Feed)
cohort-ran-from = Ran from { $starts } to { $ended }
cohort-starts = Starts { $starts }
cohort-times-in = times in { $timezone }
cohort-self-paced = self-paced: lessons open for each person from the day they join
cohort-has-ended = This cohort has ended. Its posts and its celebration wall stay here to read.
cohort-join-named = Join { $cohort }
cohort-this-cohort = This cohort
river-everyone = Everyone's posts
cohort-tile-posts = Read what the cohort wrote, newest first
wall-title = Celebration wall
cohort-finished-count =
    { $count ->
        [one] { $count } person has finished
       *[other] { $count } people have finished
    }
cohort-who-first = Who will be first?
cohort-calendar = Calendar
cohort-tile-calendar = When each week opens
count-participants-title =
    { $count ->
        [one] { $count } participant
       *[other] { $count } participants
    }
cohort-find-person = Find a person
search-part-of-name = Part of a name
search-find = Find
cohort-show-everyone = Show everyone
cohort-people-match =
    { $count ->
        [one] { $count } person matches
       *[other] { $count } people match
    } “{ $q }”.
person-finished-badge = finished
person-progress-label = { $name }: { $done } of { $required } things
cohort-pages-of-people = Pages of people
pager-previous = Previous
pager-next = Next
pager-page-of = Page { $page } of { $pages }
cohort-nobody-named = Nobody here has “{ $q }” in their name.
cohort-nobody-yet = Nobody has joined yet.
cohort-col-week = Week
cohort-col-opens = Opens
cohort-col-things = Things
cohort-open-badge = open
cohort-follow = Follow the cohort
cohort-follow-public-html = In your feed reader: <a href="/cohorts/{ $slug }/feed.atom">everyone's posts (Atom)</a> · <a href="/cohorts/{ $slug }/feed.json">JSON Feed</a> · <a href="/cohorts/{ $slug }/blogroll.opml">every blog (OPML)</a>. In your calendar: <a href="/cohorts/{ $slug }/calendar.ics">each week's opening</a>.
cohort-follow-members-html = This cohort is for its members: your own private addresses for your feed reader and calendar are on <a href="/me#calendar">your page</a>.

## Posts, the river, a person, the wall, certificates, unsubscribing

post-date-unknown = date unknown
post-twentythree-says = Twentythree says: { $reason }.
post-read-on-blog = Read on their blog
river-title = Posts · { $cohort }
river-about-thing = Posts about { $thing }
river-by-person = Posts by { $name }
river-all-things = All things
river-show = Show
river-find-persons-posts = Find a person's posts
river-people-matching = People matching “{ $who }”
river-nobody-named = Nobody in this cohort has “{ $who }” in their name.
river-more-than = More than { $count } posts
count-posts-title =
    { $count ->
        [one] { $count } post
       *[other] { $count } posts
    }
river-follow-public-html = Follow them in your reader: <a href="/cohorts/{ $slug }/feed.atom">Atom</a> · <a href="/cohorts/{ $slug }/feed.json">JSON Feed</a> · <a href="/cohorts/{ $slug }/blogroll.opml">all blogs (OPML)</a>.
river-follow-members-html = Follow them in your reader: your private addresses are on <a href="/me#calendar">your page</a>.
river-no-posts = No posts here yet.
pager-pages = Pages
pager-newer = Newer
pager-older = Older
pager-page = Page { $page }
person-finished-on = finished { $date }
person-finished-all-html = Finished all { $count } things: <a href="{ $certificate }">see the certificate</a> · <a href="{ $wall }">the celebration wall</a>
person-progress = Progress
person-progress-things = { $done } of { $required } things
person-things-done = { $done } of { $required } things done
person-blog = Blog
person-blog-title = Title
person-blog-platform = Platform
person-blog-feed = Feed
person-blog-health = Health
person-no-feed-yet = Twentythree has not found this blog's feed yet.
person-posts = Posts
person-no-posts = No posts yet.
person-all-posts = All { $count } posts
wall-count-html =
    <strong>{ $count ->
        [one] { $count } person has
       *[other] { $count } people have
    }</strong> done all { $things } things
wall-percent = { $percent }% of the cohort
wall-congratulations = Congratulations!
wall-everyone-gets-a-place = Everyone who does all { $things } things gets a place here, in the order they finish.
wall-finished-on = finished { $date }
wall-their-blog = their blog
wall-certificate = certificate
wall-nobody-yet = Nobody has finished yet. The first one gets the top of the wall!
wall-read-posts = Read everyone's posts
certificate-title = Certificate · { $name }
certificate-of-completion = Certificate of completion
certificate-proud = { $organisation } is proud to certify that
certificate-certifies = This certifies that
certificate-completed = has completed all { $things } things of
certificate-learning = learning by doing, by watching others and by writing about it,
certificate-on-html = on <span class="nowrap">{ $date }</span>.
certificate-your-badge = Your Open Badge:
badge-download = Download your badge
badge-linkedin = Add to LinkedIn
certificate-badge-address = Your badge's address
certificate-check-badge = Check { $name }'s Open Badge
certificate-back-to-wall = Back to the celebration wall
certificate-print = Use your browser's Print command for a paper copy (A4 or Letter, one page).
unsubscribe-title = Email preferences
unsubscribe-done-title = You will not get routine emails any more
unsubscribe-done = No more weekly lesson emails or progress notes. Sign-in links and the celebration when you finish still come. You can turn routine emails back on from your page.
unsubscribe-ask-title = Stop routine emails?
unsubscribe-ask = You will no longer get the weekly email when new things open, or notes on your progress.
unsubscribe-button = Stop these emails

## Joining

join-sent = We sent a message to { $email } about joining { $cohort }. Open the link in it to finish: it works once, for 24 hours.
join-nothing-arrived-html = Nothing arrived after a few minutes? Look in the spam folder, or <a href="/join">start again</a>.
join-none-open = No cohort is open for joining right now. Your coordinator will tell you when the next one starts.
join-title = Join a cohort
join-lead = Blog about each lesson on your own blog, on any platform. Twentythree reads your blog and ticks off each lesson you write about. No password: we email you a link.
join-found-blog = We found your blog
join-your-blog = Your blog
join-will-read-on-html = { $blog }, on { $platform }: we will read { $feed }.
join-will-read-html = { $blog }: we will read { $feed }.
join-latest-posts = Your latest posts, as Twentythree reads them:
join-no-posts-yet = There are no posts yet. That is fine: write your first one about Thing 1 once you have joined.
join-could-not-read = We could not read that blog yet
join-check-address = Check the address (copy it from your browser's address bar while you look at your blog's home page). If your blog is brand new or private for now, you can still join: Twentythree keeps trying, and you can change the address later on your page.
join-your-name = Your name
join-your-name-hint = as others will see it; a pseudonym is fine
join-email-hint = never shown to others
join-blog-address = Your blog's address
join-joining-html = You are joining <strong>{ $cohort }</strong>, starting { $starts }.
join-cohort = Cohort
join-cohort-option = { $cohort } (starts { $starts })
join-thats-my-blog = That's my blog: email me the link
join-anyway = Join anyway: email me the link
join-check-again = Check the address again
join-check-my-blog = Check my blog
join-already-in-html = Already in? <a href="/login">Sign in</a>.
join-confirm-title = Confirm joining
join-confirm-dead-html = Confirmation links work once, for 24 hours. If you already confirmed, <a href="/login">sign in</a>; otherwise <a href="/join">join again</a>.
join-welcome = Welcome, { $name }
join-confirm-one-click-html = One click and you are in. Twentythree will read your blog at <strong>{ $blog }</strong>.
join-verdict-counts = counts for { $things }
join-verdict-archive = written before the cohort, so it counts for nothing
join-verdict-nothing = about no lesson (that is fine)

## My page, continued

me-hello = Hello, { $name }
me-notice-claimed = Thanks: that post now counts for the lesson you chose.
me-notice-reported = Marked as done. Well done!
me-notice-moved = Your blog's address is changed. See below whether Twentythree could read it.
me-notice-saved = Your preferences are saved.
me-notice-partner-asked = Thanks: your coordinator will pair you with someone soon. Your partner shows here once you are paired.
me-notice-partner-stopped = Done: you have no learning partner now.
me-notice-check-read = Twentythree just read your blog: what it found is below.
me-notice-check-busy = Twentythree is reading your blog right now: look again in a moment.
me-notice-check-failed = Twentythree could not read your blog just now: see its health below.
me-notice-check-no-feed = Twentythree has not found your blog's feed yet: check its address below.
me-notice-addresses = Your private addresses are new: the old ones no longer work. Give the new ones to your feed reader and calendar.
me-you-mentor =
    { $count ->
        [one] You mentor { $count } person
       *[other] You mentor { $count } people
    }
me-see-mentees = See how your mentees are doing
me-you-finished = You finished on { $date }!
me-your-certificate = Your certificate
me-on-the-wall = You are on the celebration wall
me-badge-anyone-can-check = anyone can check it there
me-this-week = This week (week { $week })
me-done-badge = done
me-not-opened-yet = The first lessons have not opened yet.
me-week-opens = Week { $week } opens { $when }
me-your-time = your time: { $when }
me-partner = Your learning partner
me-partner-with-html = You learn together with { $partner }
me-partner-latest = Their latest post:
me-partner-no-posts = They have not posted yet.
me-partner-finished = { $name } finished the program. You can keep reading each other, or ask for a new partner who is still on the way.
me-partner-left = Your partner left the cohort. Ask for a new one and your coordinator will pair you again.
me-partner-asked = You asked for a learning partner: your coordinator pairs people soon, and your partner shows here.
me-partner-ended = Your last partnership ended ({ $reason }).
me-partner-why = Learning with someone at the same point helps: a partner reads your posts, you read theirs, and you think things through together.
me-partner-no-longer = I no longer want a partner
me-partner-stop = Stop learning together
me-partner-find = Find me a learning partner
me-partner-new = Ask for a new partner
me-your-cohort = Your cohort
me-who-takes-part = Who is taking part
me-finishers = Finishers
me-follow-summary = Follow the cohort in your feed reader or calendar
me-addresses-private = These addresses let your reader in without signing in: they are yours alone, so keep them to yourself.
me-address-atom = Everyone's posts (Atom):
me-address-json = Everyone's posts (JSON Feed):
me-address-opml = Every blog, for your reader (OPML):
me-address-calendar = The cohort's calendar:
me-every-lesson = Every lesson
me-done-on = Done { $date }
me-you-claimed-html = you said { $post } was for it
me-marked-by-coordinator = marked by a coordinator
me-you-reported = you reported it
me-open-html = Open: blog about it and tag the post <code>{ $tag }</code>
me-i-did-this = I did this
me-opens = Opens { $when }
me-unclaimed = Posts that counted for nothing
me-unclaimed-explain = Twentythree could not tell which lesson these were for. If one was for a lesson, say which, and it counts.
me-this-was-for = This was for
me-count-it = Count it
me-unclaimed-none = None: every post you wrote since the start counted for a lesson.
me-not-read-yet = Twentythree has not read your blog yet. Your posts show here once it has, usually within half an hour.
me-your-blog = Your blog
me-blog-address = Address
me-no-feed-yet = Twentythree has not found your blog's feed yet.
me-check-now = I just posted: check my blog now
me-moved-blog = I moved my blog
me-new-address = Your blog's new address
me-use-address = Use this address
me-no-cohort-html = You are not in a cohort yet. <a href="/join">Join one</a>.
me-your-calendar = Your calendar
me-calendar-explain = Subscribe to this address in your calendar (Outlook, Google Calendar or Apple Calendar: “add calendar from URL”) to see when each week opens for you, and a gentle reminder when a week has been open for seven days and is not done yet.
me-new-addresses = Make new private addresses
me-addresses-explain = This calendar and your cohorts' private feed addresses work without signing in, so they are yours alone. If you shared one by mistake, make new ones: the old ones stop working at once.
me-preferences = Your preferences
me-name = Name others see
me-name-hint = a pseudonym is fine
me-timezone = Your time zone
me-timezone-hint = optional, such as Europe/Berlin: to show opening times in your time too
me-emails = Emails
me-emails-release = The weekly letter when new lessons open (and, if you mentor, the weekly note on your mentees)
me-emails-milestones = Milestones (halfway there)
me-emails-highlight = When a post of mine is highlighted as an example
me-emails-always = Sign-in links and your finishing celebration always come.
me-save = Save
me-signed-in-as = Signed in as { $email }.

## Mentor page and badge page

mentor-title = Your mentees
mentor-lead = How the people you mentor are doing. A word from you on a post, or a note to someone who went quiet, goes a long way.
mentor-finished-on = Finished on { $date }.
mentor-stalled = Stalled
mentor-stalled-for = no lesson done for { $days } days or more.
mentor-last-active = Last active { $date }.
mentor-blog = Blog: { $health }
mentor-for = For
badge-revoked-title = Revoked badge
badge-of = Badge of { $name }
badge-verification = Open Badge verification
badge-was-revoked = This badge was revoked
badge-revoked-lead = { $issuer } revoked the “{ $badge }” badge of { $name } on { $date }
badge-no-longer-stands = It no longer stands for a completed program.
badge-is-real = This badge is real
badge-earned-html = { $name } earned the “{ $badge }” badge on { $date }, issued by { $issuer }.
badge-image-alt = The { $badge } badge
badge-badge = Badge
badge-earned-by = Earned by
badge-for = For
badge-criteria = Criteria
badge-the-lessons = The lessons
badge-evidence = Evidence
badge-their-posts = Their posts
badge-issued = Issued
badge-issued-in = { $date }, in
badge-issuer = Issuer
badge-about-open-badges = This is an Open Badge 2.0, hosted by its issuer: badge backpacks and validators read the same address as JSON-LD, and can check that it was awarded to a given email address.

## Joining, the button

join-confirm-button = Confirm and join

## Why a post counts (recognition's decision)

reason-counts = counts for { $things }
reason-thing = Thing { $number }: { $why }
reason-tagged = tagged '{ $tag }'
reason-title = its title names it
reason-link = it links to the lesson
reason-archive = counts for nothing: published before the cohort started
reason-nothing = no lesson recognised
