# Every email: subjects and bodies (plain text and HTML parts).
