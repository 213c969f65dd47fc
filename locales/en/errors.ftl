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
