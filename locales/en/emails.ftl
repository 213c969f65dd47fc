# Every email: subjects and bodies (plain text and HTML parts).

## Every email's frame
email-footer = You get this email because you take part in a 23 Things program.
email-stop = Stop these emails

## The finisher's celebration
celebration-subject = You finished { $cohort }!
celebration-dear = Dear { $name },
celebration-did-it = You did it, { $name }!
celebration-all = You did it: all { $done } things of { $cohort }, and { $posts ->
    [one] { $posts } post
   *[other] { $posts } posts
} on your blog along the way.
celebration-all-html = All <strong>{ $done } things</strong> of { $cohort }, and { $posts ->
    [one] { $posts } post
   *[other] { $posts } posts
} on your blog along the way.
celebration-started = It started with “{ $first }”. Look at how far you came.
celebration-started-ended = It started with “{ $first }” and, for now, ends with “{ $last }”. Look at how far you came.
celebration-wall = Everyone who finishes goes on the celebration wall:
celebration-see-wall = See the celebration wall
celebration-certificate = Your certificate, ready to print:
celebration-certificate-html = <a href="{ $url }">Your certificate</a>, ready to print.
celebration-badge = Your Open Badge, a verifiable record of what you did:
celebration-badge-download = Download your badge (PNG, for backpacks such as Badgr or Moodle)
celebration-badge-linkedin = Add to LinkedIn
celebration-badge-check = Anyone can check it here
celebration-thanks = Thank you for learning out loud. The people who read your posts learned with you.
celebration-team = The { $cohort } team

## The sign-in link
login-email-subject = Your link to sign in to Twentythree
login-email-hello = Hello { $name },
login-email-here = Here is your link to sign in to Twentythree:
login-email-title = Sign in to Twentythree
login-email-hello-html = Hello { $name }, here is your link to sign in:
login-email-button = Sign in
login-email-once = It works once, for the next 30 minutes. If you did not ask for it, ignore this email: nobody can sign in without the link.

## Confirming a join
confirm-email-subject = Confirm that you are joining { $cohort }
confirm-email-hello = Hello,
confirm-email-asked = Someone (we hope you) asked to join { $cohort } on Twentythree with this email address.
confirm-email-confirm = Confirm that it was you, and you are in (the page shows the name and blog that were given, before you join):
confirm-email-button = Confirm and join
confirm-email-shows = The page shows the name and blog that were given, before you join.
confirm-email-once = The link works once, for the next 24 hours. If you did not ask to join, ignore this email: nothing happens without the link.

## Shared by the routine emails
email-hello = Hello { $name },
email-stop-at = Stop these emails: { $url }
email-done-of = You have done { $done } of { $required } things.

## The weekly letter (a week's lessons open)
release-subject = Week { $week } of { $cohort } is open
release-title = Week { $week } is open
release-opened = Week { $week } of { $cohort } opened on { $opened }. This week:
release-hello-opened = Hello { $name }, week { $week } opened on { $opened }. This week:
release-minutes = about { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}
release-done = done
release-tag = Blog about each one and tag the post thingN (for example thing{ $number }) so it counts.
release-tag-html = Blog about each one and tag the post <code>thing{ $number }</code> (and so on) so it counts.
release-finished = You finished the program: well done!
release-progress-html = You have done <strong>{ $done } of { $required }</strong> things.
release-partner = Your learning partner
release-partner-wrote = Your learning partner, { $partner }, wrote "{ $title }": { $link }
release-partner-quiet = Your learning partner, { $partner }, has not posted yet: a word from you may help.
release-partner-wrote-html = { $partner } wrote { $post }.
release-partner-quiet-html = { $partner } has not posted yet: a word from you may help.
release-from-cohort = From your cohort this week
release-post-by = { $title }, by { $author }
release-by = by { $author }
release-example = An example to learn from
release-everyone = Everyone's posts
release-everyone-at = Everyone's posts: { $url }
release-waiting = Still waiting for a first comment
release-next = The next week opens on { $next }.
release-calendar = Every opening in your calendar
release-calendar-at = Every opening in your calendar: { $url }

## Halfway there
milestone-subject = Halfway through { $cohort }
milestone-title = Halfway there
milestone-heading = Halfway there, { $name }!
milestone-halfway = Halfway there: you have done { $done } of { $required } things in { $cohort }. Keep going, one thing at a time.
milestone-done = You have done { $done } of { $required } things in { $cohort }. Keep going, one thing at a time.
milestone-progress = Your progress
milestone-progress-at = Your progress: { $url }

## A coordinator's reminder
reminder-subject = Keep going with { $cohort }
reminder-nudge = A friendly nudge from { $cohort }: you have done { $done } of { $required } things so far{ $done ->
    [0] {""}
   *[other] , well done
}.
reminder-hello-nudge = Hello { $name }, a friendly nudge: you have done { $done } of { $required } things so far{ $done ->
    [0] {""}
   *[other] , well done
}.
# Why this person gets a reminder, in words to them.
reminder-why-stalled = It has been { $days } days or more since you last finished a lesson.
reminder-why-behind = { $count ->
    [one] { $count } lesson has been open for over a week and is waiting for you.
   *[other] { $count } lessons have been open for over a week and are waiting for you.
}
# Why a person is due a reminder, as a coordinator's list says it.
reminder-reason-stalled = stalled: no lesson done for { $days } days or more
reminder-reason-behind = behind: { $count ->
    [one] { $count } lesson
   *[other] { $count } lessons
} open for over a week and not done
reminder-feed-problem = One thing first: Twentythree cannot read your blog right now ({ $problem }), so posts you write do not reach us. Check the address on your page, or use "I moved my blog" there: { $url }
reminder-feed-problem-html = <strong>One thing first:</strong> Twentythree cannot read your blog right now ({ $problem }), so posts you write do not reach us. <a href="{ $url }">Check the address on your page</a>, or use “I moved my blog” there.
reminder-no-feed = no feed found yet
reminder-next-up = Next up: { $thing }, { $title }
reminder-try-it = Try it, then write a short post about it and tag it thing{ $number } so it counts.
reminder-next-up-html = <strong>Next up:</strong> { $lesson }. Try it, then write a short post about it and tag it <code>thing{ $number }</code> so it counts.
reminder-twenty = Twenty minutes this week is enough to keep going. See where you are: { $url }
reminder-twenty-html = Twenty minutes this week is enough to keep going. <a href="{ $url }">See where you are</a>.

## Asking to join a cohort one is already in
already-subject = You are already in { $cohort }
already-asked = Someone (we hope you) asked to join { $cohort } with this address, and you are already in it: there is nothing more to do.
already-hello-asked = Hello { $name }, someone (we hope you) asked to join { $cohort } with this address, and you are already in it: there is nothing more to do.
already-sign-in = To see your progress, sign in with this link:
already-sign-in-button = Sign in to see your progress
already-once = It works once, for the next 30 minutes. If you did not ask, ignore this email: nobody can sign in without the link.
already-link-once = The link works once, for the next 30 minutes. If you did not ask, ignore this email: nobody can sign in without the link.

## The blog cannot be read
feed-problem-subject = We cannot read your blog
feed-problem-two-days = For two days now, Twentythree has not been able to read your blog, so new posts are not being counted.
feed-problem-hello = Hello { $name }, for two days now Twentythree has not been able to read your blog, so new posts are not being counted.
feed-problem-what = What is wrong: { $problem }.
feed-problem-what-html = <strong>What is wrong:</strong> { $problem }.
feed-problem-blog = Your blog address: { $blog }
feed-problem-blog-html = Your blog address: <a href="{ $blog }">{ $blog }</a>
feed-problem-todo = What to do: check that the blog is public and opens in a private browser window. If you moved your blog, give the new address on your page: { $url }
feed-problem-todo-html = <strong>What to do:</strong> check that the blog is public and opens in a private browser window. If you moved your blog, give the new address on <a href="{ $url }">your page</a>.
feed-problem-nothing-lost = Your posts will count as soon as the blog can be read again; nothing is lost.
feed-problem-no-answer = the blog does not answer

## A post held up as an example
highlight-subject = Your post is an example for { $thing }
highlight-title = Your post is an example
highlight-chose = { $who ->
    [coordinator] Your coordinator
   *[person] { $by }
} chose your post "{ $title }" as an example for { $thing } ({ $lesson }) in { $cohort }, for others to learn from:
highlight-chose-html = Hello { $name }, { $who ->
    [coordinator] your coordinator
   *[person] { $by }
} chose your post { $post } as an example for { $thing } ({ $lesson }) in { $cohort }, for others to learn from:
highlight-note = "{ $note }"
highlight-leads = It now leads the lesson's page, where others will read it first: { $url }
highlight-your-post = Your post: { $url }
highlight-thanks = Thank you for sharing what you learned.
highlight-leads-html = It now leads <a href="{ $url }">the lesson's page</a>, where others will read it first. Thank you for sharing what you learned.

## The mentor's weekly note
mentor-note-subject = Your mentees this week
mentor-note-lead = Hello { $name }, a comment on a post or a note to someone who went quiet goes a long way.
mentor-note-mentee = { $name } ({ $cohort }): { $done } of { $required } things done.
mentor-note-mentee-html = <strong>{ $name }</strong> ({ $cohort }): { $done } of { $required } things done.
mentor-note-stalled = Stalled: no lesson done for { $days } days or more; a friendly word may help.
mentor-note-stalled-html = <strong>Stalled</strong>: no lesson done for { $days } days or more.
mentor-note-post = "{ $title }": { $url }
mentor-note-post-uncommented = "{ $title }", no comment yet: { $url }
mentor-note-no-comment = no comment yet
mentor-note-everything = Everything about them
mentor-note-everything-at = Everything about them: { $url }
mentor-note-footer = You get this email because you mentor people in a 23 Things program.

## A finisher, told to the coordinators and (where the cohort wants it) the others
celebration-note-subject = Someone finished { $cohort }: time to celebrate
celebration-note-title = { $finisher } finished { $cohort }
celebration-note-heading = { $finisher } has finished!
celebration-note-finished = { $finisher } has finished { $cohort }: all { $done } things, after joining on { $joined }.
celebration-note-all = All { $done } things of { $cohort }, after joining on { $joined }.
celebration-note-blog = Their blog: { $url }
celebration-note-their-blog = Their blog:
celebration-note-wall = The celebration wall
celebration-note-wall-at = The celebration wall: { $url }
celebration-note-so-far = { $finishers } of { $participants } participants have finished so far.
celebration-note-comment = Every time someone finishes, we all celebrate. Maybe leave a comment on their blog?
