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
