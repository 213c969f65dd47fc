# Coordinator pages: coordinator*.html, cohort-settings.html, mail-log.html.
