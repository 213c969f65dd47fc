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
