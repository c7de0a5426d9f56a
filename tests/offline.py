"""For the tests whose command asks the network for something beside what they check (`watchdesk run --dry-run` reads
SEC's ticker map) and meets the suite's socket guard (pyproject: --disable-socket), as a user offline would."""

# The product's own setting (WATCHDESK_HTTP_DEADLINE_S), shorter than the first retry's back-off (0.25 to 0.5 s): the
# request is given up after its first attempt, and said as unreadable as before. With the default (120 s) it was tried
# five times, ~6 s of back-off in which the test's worker sat idle (4 tests, ~20 s of the suite's wall time).
GIVE_UP_AT_ONCE = {"WATCHDESK_HTTP_DEADLINE_S": "0.2"}
