# The coordinator's cockpit: the cohorts list, cohort settings, the progress grid, one
# participant's page, reminders, learning together, the import and the mail log.

## Shared words

coord-cohorts = Cohorts
coord-mail-log = Mail log
coord-settings = Settings
coord-participant = Participant
coord-never = never
coord-last-error = Last error
coord-failing-since = Failing since
coord-status = Status
coord-import-participants = Import participants
coord-pace = { $pace ->
    [self] self pace
   *[cohort] cohort pace
}
coord-visibility = { $visibility ->
    [members] members only
   *[public] public
}
coord-from-to = { $from } to { $to }

## The cohorts list (/coordinator)

coord-lead = Each cohort at a glance. Open a cohort for its progress grid, its stalled participants and its feeds.
coord-new-cohort = New cohort
coord-col-cohort = Cohort
coord-col-starts = Starts
coord-col-participants = Participants
coord-col-active = Active this week
coord-col-finished = Finished
coord-col-failing = Failing feeds
coord-edit = Edit
coord-active-explained = Active this week: completed a lesson or published a post in the last 7 days. Failing feeds include blogs whose feed has not been found yet.
coord-no-cohorts = No cohorts yet.
coord-create-first = Create the first one
coord-links-heading = Links in the lessons
coord-links-explained-html = Check every external link of the lessons with <code>twentythree lessons links [--program SLUG]</code>; the last report of each program shows here.
coord-links-checked = Checked { $when }: { $links ->
    [one] { $links } link
   *[other] { $links } links
}, { $dead ->
    [0] none dead
    [one] { $dead } dead
   *[other] { $dead } dead
}.
coord-no-link-check = No link check yet.
coord-tokens-heading = Your API tokens
coord-tokens-explained-html = Programs that read the progress API sign in with a token. Create one on the server with <code>twentythree token create --email { $email } [--expires 90d]</code>; it is shown only once. Revoke any you no longer use.
coord-col-token = Token
coord-col-created = Created
coord-col-last-used = Last used
coord-col-expires = Expires
coord-col-state = State
coord-token-when-revoked = when revoked
coord-token-state = { $state ->
    [active] active
    [revoked] revoked
   *[expired] expired
}
coord-revoke = Revoke
coord-no-tokens = You have no API tokens.

## The progress grid

coord-grid-title = { $cohort }: progress
coord-public-page = public page
coord-reminders = Reminders
coord-partners-mentors = Partners and mentors
coord-export-csv = Export CSV
coord-badges-on-html = Open Badges are on: each finisher gets <a href="{ $class }">this cohort's badge</a>, issued by { $issuer } ({ $email }), and unmarking a thing of a finisher revokes it.
coord-badges-off-html = Open Badges are off: finishers get no verifiable badge until whoever runs the server sets <code>TWENTYTHREE_BADGE_ISSUER_EMAIL</code> (and, if they like, <code>TWENTYTHREE_BADGE_ISSUER_NAME</code>).
coord-curve = Completion curve
coord-curve-caption-html = <span class="key lessons">Lessons done</span> (left axis) and <span class="key finishers">finishers</span> (right axis), day by day.
coord-curve-title = Completion curve: lessons done and finishers over time
coord-curve-desc = From { $first } to { $last }: { $lessons ->
    [one] { $lessons } lesson
   *[other] { $lessons } lessons
} done in all, { $finishers ->
    [one] { $finishers } finisher
   *[other] { $finishers } finishers
}.
coord-curve-date = Date
coord-curve-lessons = Lessons done
coord-curve-finishers = Finishers
coord-progress = Progress
coord-filters = Show
coord-filter = { $filter ->
    [stalled] Stalled
    [never-posted] Never posted
    [feed-failing] Feed failing
    [finished] Finished
    [unclaimed] Unclaimed posts waiting
   *[all] Everyone
}
coord-find = Find
coord-find-placeholder = Name, email or blog
coord-order-by = Order by
coord-sort = { $sort ->
    [progress] progress
    [quietest] longest quiet
    [latest] latest activity
   *[name] name
}
coord-show = Show
coord-clear = Clear
coord-filters-explained = Stalled: no lesson done for 14 days (counted from joining or the cohort's start for someone who has done none). Never posted: no post since two weeks before the start. Feed failing: the blog's feed cannot be read, has stopped, has not been found, or loses posts.
coord-legend = Legend:
coord-legend-post = a post counted
coord-legend-claim = the participant claimed a post
coord-legend-coordinator = a coordinator marked it
coord-legend-self = self-reported
coord-legend-locked = not open yet for them
coord-legend-hover = Hover a cell for the date; a cell links to its post.
coord-scroll-hint = The grid scrolls sideways: swipe it to see every lesson.
coord-grid-label = Progress grid
coord-col-done = Done
coord-col-last-active = Last active
coord-finished-badge = finished
coord-stalled-flag = stalled
coord-feed-flag = feed
coord-unclaimed-posts = { $count ->
    [one] { $count } unclaimed post
   *[other] { $count } unclaimed posts
}
coord-cell-done = { $word } { $number } done { $date } by { $source ->
    [post] a post
    [claim] a claimed post
    [coordinator] a coordinator's mark
   *[self] self-report
}
coord-cell-done-post = { $word } { $number } done { $date } by { $source ->
    [post] a post
    [claim] a claimed post
    [coordinator] a coordinator's mark
   *[self] self-report
}: “{ $title }”
coord-cell-locked = { $word } { $number }: not open yet
coord-cell-open = { $word } { $number }: not done
coord-previous-page = Previous 100
coord-next-page = Next 100
coord-page-of = Page { $page } of { $pages } ({ $shown ->
    [one] { $shown } person
   *[other] { $shown } people
})
coord-nobody = Nobody here.
coord-nobody-filter = Nobody here with this filter.
coord-nobody-matching = Nobody here matching “{ $q }”.
coord-nobody-filter-matching = Nobody here with this filter matching “{ $q }”.
coord-feed-health = Feed health
coord-feeds-fine = Every feed reads fine.
coord-notice-saved = The cohort's settings were saved.

## One participant

coord-person-title = { $name } in { $cohort }
coord-email = Email
coord-routine-off = (routine email off)
coord-blog = Blog
coord-joined = Joined
coord-progress-things = { $done } of { $required ->
    [one] { $required } thing
   *[other] { $required } things
}
coord-progress-finished = { $done } of { $required ->
    [one] { $required } thing
   *[other] { $required } things
}, finished { $date }
coord-last-reminder = Last reminder
coord-public-page-label = Public page
coord-feed = Feed
coord-health = Health
coord-last-read = Last read
coord-no-feed = No feed yet.
coord-repoll = Re-poll now
coord-fix-feed = Fix the feed address: the blog's new address (Twentythree finds its feed)
coord-find-feed = Find the feed
coord-lessons = Lessons
coord-overrides-explained = A mark or unmark is an override: it wins over recognition from then on and is recorded below. Tick several lessons to mark or unmark them at once.
coord-mark-ticked = Mark ticked lessons done
coord-unmark-ticked = Unmark ticked lessons
coord-tick = Tick { $word } { $number }
coord-optional = (optional)
coord-done-by = Done { $date } by { $source ->
    [post] post (P)
    [claim] claim (C)
    [coordinator] coordinator's mark (M)
   *[self] self-report (S)
}
coord-open-since = Open since { $date }
coord-opens = Opens { $date }
coord-unmark = Unmark
coord-mark-done = Mark done
coord-unclaimed-heading = Posts that counted for nothing
coord-none = None.
coord-overrides = Overrides
coord-col-when = When
coord-col-change = Change
coord-col-by = By
coord-marked-done = marked done
coord-marked-not-done = marked not done
coord-unknown = unknown
coord-no-overrides = No overrides.
coord-notice-marked = { $word } { $thing } is marked done.
coord-notice-unmarked = { $word } { $thing } is marked not done.
coord-notice-marked-many = The ticked lessons are marked done.
coord-notice-unmarked-many = The ticked lessons are marked not done.
coord-notice-read = The feed was read just now: { $added ->
    [one] { $added } new post
   *[other] { $added } new posts
}.
coord-notice-unchanged = The feed was read just now: nothing new.
coord-notice-busy = The feed is being read right now by another worker; look again in a minute.
coord-notice-deferred = The blog asked to be left alone for a while; Twentythree will read it later.
coord-notice-failed = The feed could not be read; see its health below.
coord-notice-gone = Twentythree has stopped reading this feed; if the blog moved, fix the feed address below.
coord-notice-no-feed = There is no feed to read yet: fix the feed address below.
coord-notice-found = Found the feed at the new address.
coord-notice-not-found = No feed found at that address yet; Twentythree keeps trying.
coord-error-blog-address = The blog address: { $problem }.
coord-error-tick-lesson = Tick at least one lesson first, then press the button again.

## Reminders

coord-reminders-title = Reminders for { $cohort }
coord-reminders-sent = { $count ->
    [one] { $count } reminder queued: it leaves within a minute.
   *[other] { $count } reminders queued: they leave within a minute.
}
coord-reminders-none-sent = No reminder was sent: nobody chosen is due one now.
coord-reminders-lead = A friendly nudge by email to the stalled (no lesson done for { $stalled } days) and the behind (a lesson open for over a week, counted from when they joined, and not done). Never to finishers, never to someone who turned routine email off, and at most once every { $every } days per person.
coord-reminders-confirm = Send { $count ->
    [one] { $count } reminder
   *[other] { $count } reminders
}?
coord-reminders-each = Each of these people gets the email below, once.
coord-reminders-yes = Yes, send { $count ->
    [one] { $count } reminder
   *[other] { $count } reminders
}
coord-reminders-back = No, go back
coord-reminders-who = Who gets one: { $count ->
    [one] { $count } person is
   *[other] { $count } people are
} due. Untick anyone to leave them out.
coord-reminders-done = { $done } done
coord-reminders-review = Review before sending
coord-reminders-what = What it says
coord-reminders-subject = Subject:
coord-reminders-nobody = Nobody is due a reminder now.
coord-error-tick-person = Tick at least one person to remind, then review again.

## Learning together

coord-together-title = Learning together in { $cohort }
coord-together = Learning together
coord-together-lead = People learn most from each other. Pair those who asked for a learning partner, and give participants a mentor who watches how they do.
coord-partners = Learning partners
coord-waiting = Waiting for a partner
coord-pair-everyone = Pair everyone who asked
coord-pair-how = At random, preferring people at a similar point, and never a pair that was made before.
coord-nobody-waiting = Nobody is waiting. Participants ask for a partner on their own page.
coord-partners-now = Partners now
coord-pair = { $first } and { $second }
coord-end = End
coord-end-hidden = the partnership of { $first } and { $second }
coord-no-pairs = No pairs yet.
coord-pair-by-hand = Pair two people by hand
coord-pair-one = One
coord-pair-other = The other
coord-make-partners = Make them partners
coord-mentors = Mentors
coord-mentors-explained-html = A mentor signs in like anyone and sees their mentees' progress, posts and blog health on <a href="/mentor">/mentor</a>, read only, with a weekly note by email. They need not take part in the program.
coord-mentors-word = mentors
coord-stop = Stop
coord-stop-hidden = { $mentor } mentoring { $mentee }
coord-make-mentor = Make someone a mentor
coord-their-email = Their email address
coord-their-name = Their name
coord-their-mentees = Their mentees
coord-save-mentor = Save the mentor

## The import

coord-import-title = Import into { $cohort }
coord-import-failed = Nothing was imported: fix the lines marked below and upload the file again.
coord-import-done-html = Imported { $added ->
    [one] { $added } participant
   *[other] { $added } participants
}. Twentythree is looking for their blogs' feeds in the background: their feed health shows on the <a href="{ $link }">cohort's page</a> in a minute or two.
coord-col-line = Line
coord-col-outcome = Outcome
coord-import-explained-html = A CSV file with the columns <code>name,email,blog</code> (a header row naming them is optional). If any line is wrong, nothing is imported; people already in the cohort are skipped. Up to 4 MiB.
coord-csv-file = CSV file
coord-import = Import
coord-error-too-big = The file is too big: the import takes up to 4 MiB.
coord-error-upload = The upload could not be read: { $problem }.
coord-error-choose-file = Choose a CSV file to import.

## Cohort settings

coord-settings-title = Settings of { $name }
coord-settings-problems = Nothing was saved: please fix what is marked below.
coord-name = Name
coord-address = Address:
coord-slug-fixed = (the slug cannot change)
coord-slug = Slug
coord-slug-hint = (the cohort's address, such as spring-2027)
coord-program = Program
coord-program-label = Program:
coord-program-kept = (a cohort keeps its program)
coord-program-option = { $title } ({ $lessons ->
    [one] { $lessons } lesson
   *[other] { $lessons } lessons
}, { $weeks ->
    [one] { $weeks } week
   *[other] { $weeks } weeks
})
coord-first-day = First day
coord-last-day = Last day
coord-optional-hint = (optional)
coord-timezone = Time zone
coord-timezone-hint = (such as Europe/Berlin)
coord-release-day = Lessons open on
coord-start-weekday = the start date's weekday
coord-weekday = { $day ->
    [monday] Monday
    [tuesday] Tuesday
    [wednesday] Wednesday
    [thursday] Thursday
    [friday] Friday
    [saturday] Saturday
   *[sunday] Sunday
}
coord-release-time = at (local time, HH:MM)
coord-pace-legend = Pace
coord-pace-together = Together: each week opens for everyone on the calendar
coord-pace-self = Self-paced: weeks open counted from each person's joining
coord-visibility-legend = Who may read the cohort's pages
coord-visibility-public = Anyone (public)
coord-visibility-members = Members only
coord-options = Options
coord-celebrate-cohort = Tell the whole cohort by email when someone finishes
coord-self-report = Let participants mark a lesson done themselves
coord-save = Save
coord-create = Create the cohort
problem-name = The cohort needs a name of 1 to 200 characters.
problem-ends-before-start = The cohort cannot end before it starts.
problem-date = "{ $value }" is not a date in the form YYYY-MM-DD.
problem-time = "{ $value }" is not a time in the form HH:MM.
problem-timezone = "{ $value }" is not an IANA time zone such as Europe/Berlin or America/Chicago.
problem-weekday = "{ $value }" is not a weekday such as monday.
problem-pace = "{ $value }" is not a pace: use cohort or self.
problem-visibility = "{ $value }" is not a visibility: use public or members.
problem-program = There is no program "{ $value }"; the programs are: { $known }.
problem-slug = "{ $value }" is not a valid slug: use 2 to 64 lower-case letters, digits and single hyphens, such as spring-2027.
problem-slug-reserved = "{ $value }" cannot be a cohort's slug: the badges' addresses use it (/badges/{ $value }); choose another, such as spring-2027.
problem-slug-taken = A cohort with the slug "{ $value }" already exists.

## Mail log

coord-mail-lead = The newest emails first: sent, waiting to be sent, and failed with the mail server's reply.
coord-mail-only-cohort-html = Only the mail to this cohort's participants (<a href="/coordinator/mail">all mail</a>).
coord-col-queued = Queued
coord-col-kind = Kind
coord-col-to = To
coord-col-subject = Subject
coord-col-tries = Tries
coord-col-last-problem = Last problem
coord-no-email = No email yet.
coord-mail-status = { $status ->
    [pending] waiting
    [sending] sending
    [sent] sent
   *[failed] failed
}

## What people type (names, addresses, blogs) and the import's lines

people-email-empty = enter your email address
people-email-invalid = "{ $value }" is not a valid email address
people-blog-empty = the blog address is empty
people-blog-too-long = the blog address is longer than { $max } characters
people-blog-not-web = "{ $value }" is not a web address
people-blog-not-http = "{ $value }" is not a web address: only http and https blogs can be read
people-blog-no-host = "{ $value }" has no host name
people-name-empty = the name is empty
people-name-unusable = "{ $value }" is not a usable name (at most 100 characters, no control characters)
import-unreadable = unreadable CSV: { $problem }
import-missing-columns = missing columns: each row needs name, email and blog
import-twice = { $email } appears twice in this file
import-added = added { $email }
import-already-in = { $email } is already in the cohort, skipped
coord-error-no-filter = There is no filter called "{ $value }".
coord-error-no-order = There is no order called "{ $value }".
coord-error-done = `done` must be true or false, not "{ $value }".
coord-why-stalled = stalled: no lesson done for { $days } days or more
coord-why-behind = behind: { $count ->
    [one] { $count } lesson
   *[other] { $count } lessons
} open for over a week and not done
coord-left-cohort = (left the cohort)
coord-notice-paired = Paired { $paired } new pair(s).
coord-notice-waiting = { $waiting ->
    [0] {""}
    [one] One person still waits: nobody new is left for them (an odd number, or they have met everyone). Pair them by hand, or wait for the next one to ask.
   *[other] { $waiting } people still wait: nobody new is left for them. Pair them by hand if you like.
}
coord-notice-pair = The two are partners now; they see each other on their page.
coord-notice-ended = The partnership ended; both may ask for a new partner.
coord-notice-mentor = Saved: the mentor sees their mentees on /mentor once they sign in.
coord-notice-unmentored = The mentor no longer sees that participant.
problem-choose-two = Choose two people.
problem-mentor-address = The mentor's address: { $problem }.
problem-mentor-name = The mentor's name: { $problem }.
problem-already-paired = You already have a learning partner in this cohort.
problem-you-finished = You finished this cohort, so you are not paired any more.
problem-partner-taken = { $name } already has a learning partner; end that partnership first.
problem-partner-finished = { $name } finished the cohort.
problem-same-person = Choose two different people.
problem-not-in-cohort = Both people must take part in this cohort.
problem-no-mentees = Tick at least one participant for the mentor.
problem-mentee-not-in-cohort = Someone ticked is not a participant of this cohort.
problem-mentor-themselves = A mentor cannot mentor themselves: untick { $name }.
