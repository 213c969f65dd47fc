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
