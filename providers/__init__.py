"""Calendar providers behind one Protocol (`providers.base.Calendar`).

    registry.py     CALENDARS {"google", "microsoft", "lineworks", "local"}, build_calendars
    google.py       GoogleCalendar     <- google_body.py (to_google_event, pure)
    microsoft.py    OutlookCalendar    <- graph_body.py (to_graph_event) + graph_recurrence.py
    lineworks.py    LineWorksCalendar  <- lineworks_body.py (to_lineworks_event)
    local.py        LocalCalendar, MemoryEventStore; ics.py (ics_calendar); templates.py
    linked.py       what the OAuth-linked calendars share; identity.py (account info)
    oauth.py        authorization_url, exchange_code, refresh_token, revoke (Authlib)
    transport.py    httpx + tenacity retries + circuit breaker + status -> errors.py
    tokens.py       MemoryTokenStore; keys.py idempotency keys; recurrence.py, parts.py
    settings.py     ProviderSettings (every URL and credential, from the environment)
    wiring.py       Wiring: the keyword arguments every calendar is built with
    answers.py      pydantic models of what providers answer
"""
