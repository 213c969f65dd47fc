# Error pages, the web's form errors, and API error messages shown to people.

## Error pages

error-title-bad-request = Something to fix
error-title-unauthorized = Please sign in
error-title-forbidden = Not open to you
error-title-not-found = Page not found
error-title-gone = This link no longer works
error-title-too-large = Too big to take
error-title-too-many = Too many tries
error-title-unavailable = Back in a minute
error-title-internal = Something went wrong
error-go-to-your-page = Go to your page
error-go-home = Go to the home page
error-browse-lessons = Browse the lessons
error-not-found = There is nothing at this address. It may have moved, or the link may be mistyped.
error-database-away = Twentythree cannot reach its database right now. Please try again in a minute.
error-internal = Something went wrong on our side. It has been logged; please try again in a moment.
error-unknown-language = Twentythree does not speak that language yet: choose English, Nederlands or Deutsch.

## Refusals

error-members-only = This cohort's pages are open to its members and the program's coordinators only. If you take part in it, sign in with the address your coordinator has for you; if you think you should, ask your coordinator.
error-form-out-of-date = This form was out of date or sent from another site, so nothing was changed. Go back, reload the page and try again.
error-highlight-not-allowed = Only a coordinator, or a mentor of the author, may highlight a post.

## Joining

join-blog-taken = This blog is already someone's in this cohort: give the address of your own blog.
join-no-cohort-open = No cohort is open for joining right now.
join-choose-cohort = Choose one of the cohorts.

## My page

error-unknown-timezone = “{ $zone }” is not a time zone Twentythree knows: use a name such as Europe/Berlin or America/Chicago.

## A sentence kept from before sentences were kept as messages: shown as it is

verbatim = { $text }

## A blog's feed: why it could not be read (made by the poller, said in the reader's language)

feed-blocked = the address points into a private network ({ $address }), which Twentythree does not read
feed-not-web-address = the feed address is not a web address
feed-only-http = only http and https addresses can be read
feed-has-password = addresses with a user name or password in them cannot be read
feed-no-host = the address has no host name
feed-no-such-name = the blog's name { $host } does not exist
feed-connect-refused = the blog's server refused the connection
feed-connect-dropped = the blog's server dropped the connection
feed-connect-unreachable = the blog's server cannot be reached
feed-connect-failed = the blog's server could not be reached
feed-tls = the blog's secure connection failed ({ $detail })
feed-timeout = the blog did not answer within 20 seconds
feed-too-large = the feed is larger than 10 MB
feed-redirects = the address redirects more than 5 times
feed-private = the blog is private (it answered { $status })
feed-server-error = the blog's server had an error ({ $code })
feed-answered = the blog answered { $status }
feed-bad-compression = the blog's answer was compressed in a way that cannot be read
feed-broke-off = the blog's answer broke off before it was complete
feed-no-proper-answer = the blog's server did not give a proper answer
feed-now-web-page = the address now gives a web page, not a feed
feed-gone-for-good = the blog says this feed is gone for good (410 Gone)
feed-busy = the blog asked to be read again later (it is busy)
feed-gone = the address says the blog is gone (410 Gone)
feed-none-found = no feed found: the page names none and none of the usual feed addresses answered
feed-unreadable = the feed could not be read: { $why }
feed-empty = the address gives an empty document, not a feed
feed-web-page = the address gives a web page, not a feed
feed-not-json-feed = the address gives JSON data, but not a JSON Feed
feed-not-feed-xml = the address gives an XML document, but not a feed (its root element is <{ $root }>)
feed-unrecognised = the address gives something that is neither a feed nor a web page
feed-invalid-xml = the feed is not valid XML: { $message } (line { $line })
feed-invalid-json = the feed is not valid JSON: { $message } (line { $line })
feed-crashed = the feed could not be read: it made the reader crash
feed-none-read = { $seen ->
    [one] the one post in the feed could not be read
   *[other] none of the { $seen } posts in the feed could be read
}: { $why }
feed-unread-empty = { $count ->
    [one] it has no title, link or text
   *[other] they have no title, link or text
}
feed-unread-not-understood = { $count ->
    [one] it is written in a way Twentythree cannot read
   *[other] they are written in a way Twentythree cannot read
}
feed-unread-unknown = Twentythree cannot tell why
feed-lost-posts = { $unread } of { $seen } posts in your feed could not be read: { $why }

## A blog's feed: how it is doing

health-ok-read = All fine: read { $ago }.
health-ok = All fine.
health-read-but = Read { $ago }, but { $lost }.
health-read-undated-but = Read, but { $lost }.
health-pending-error = Not read yet: { $error }. Twentythree keeps trying.
health-pending = Waiting for the first read.
health-failing-since = Cannot be read for { $for }: { $error }. Twentythree keeps trying.
health-failing = Cannot be read: { $error }. Twentythree keeps trying.
health-gone = Stopped: { $error }. If the blog moved, give its new address.
health-blocked = Stopped: { $error }.
health-no-feed = No feed found yet.
health-unknown-problem = an unknown problem
health-just-now = just now
health-minutes-ago = { $count ->
    [one] a minute ago
   *[other] { $count } minutes ago
}
health-hours-ago = { $count ->
    [one] an hour ago
   *[other] { $count } hours ago
}
health-days-ago = { $count ->
    [one] a day ago
   *[other] { $count } days ago
}
health-for-minutes = { $count ->
    [one] a minute
   *[other] { $count } minutes
}
health-for-hours = { $count ->
    [one] an hour
   *[other] { $count } hours
}
health-for-days = { $count ->
    [one] a day
   *[other] { $count } days
}

## Refused claims, self-reports and marks (nothing changed)

refused-no-such-lesson = There is no Thing { $number } in this program.
refused-not-their-post = That post is not one of this participant's.
refused-self-report-off = This cohort does not allow reporting things yourself.
refused-not-open-yet = Thing { $number } has not opened for you yet: it opens { $opens }.
refused-archive-post = That post was published before the cohort began (more than { $days } days before its start), so it cannot count.
refused-post-already-counts = That post already counts for Thing { $number }, so it cannot be claimed for another lesson.
refused-unmarked = A coordinator unmarked Thing { $number } for you; only a coordinator can mark it again, so ask them.

## Forms and addresses that cannot be read

error-choose = Choose { $what }.
choose-cohort = a cohort
choose-post = a post
choose-lesson = a lesson
choose-lesson-of-post = the lesson the post was for
choose-author = the post's author
error-not-a-number = “{ $value }” is not a whole number of 1 or more.
error-form-unreadable = This form could not be read ({ $detail }). Go back, check what you entered and send it again.
error-query-unreadable = The address has a query string that makes no sense here ({ $detail }).
error-address-unreadable = This address cannot be read ({ $detail }).
error-form-too-large = This form is too big to read (the limit is { $limit } KB). Shorten what you entered and send it again.
error-upload-too-large = The upload is too big: it can be up to { $limit } MiB.
error-coordinators-only = This part is for coordinators.
error-mentors-only = This page is for mentors. A coordinator makes someone a mentor of participants; until then there is nothing to see here.
error-partner-yes-or-no = Say whether you want a learning partner (yes or no).
error-no-such-thing = There is no such thing in the program.
error-not-finished = { $name } has not finished yet: the certificate comes with the last thing.
error-blog-moves = You moved your blog { $count } times today already: try again tomorrow, or ask your coordinator.
error-blog-taken = That blog is already another participant's in this cohort: give the address of your own blog.
error-checked-moments-ago = Twentythree read your blog a moment ago: try again in a minute.
error-blog-of-their-own = That blog is already another participant's in this cohort: each person blogs on a blog of their own.
error-highlight-no-note = Write a short note on why others can learn from this post.
error-highlight-long-note = Keep the note to one line of at most { $max } characters.
error-highlight-not-about = That post does not count for Thing { $number }: highlight it for a lesson it is about.

## A lesson link the link checker found dead

link-gone = gone for good (410)
link-answers = answers { $code }
