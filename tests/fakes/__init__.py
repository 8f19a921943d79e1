"""Fake Slack and provider servers on 127.0.0.1 for the end-to-end tests.

Provider fakes (real sockets, started by the tests):

    from tests.fakes.google import FakeGoogle        # Google Calendar v3 + Google OAuth
    from tests.fakes.graph import FakeGraph          # Microsoft Graph v1.0 + identity platform
    from tests.fakes.lineworks import FakeLineWorks  # LINE WORKS API 2.0 + its OAuth

    with FakeGoogle() as google:
        settings = ProviderSettings(**google.env())  # (pydantic-settings reads env names)
        token = google.oauth.issue()                  # IssuedToken for the default account
        google.events / google.requests / google.fail_next(...) / google.expire_tokens()

Shared API (tests/fakes/provider.py): `.url`, `.api_url`, `.env()`, `.events`,
`.requests` (RecordedRequest: method, path, query, headers, body, json, at),
`.api_requests(method)`, `.contract_violations`, `.fail_next(status, *, retry_after=None,
times=1, reason=None, path=None)`, `.reset_next()`, `.slow_next(seconds)`,
`.expire_tokens()`, `.reset()` (for a fake shared by a module), `.oauth` (FakeOAuth:
`issue`, `expire_tokens`, `revoke_all`, `refreshes`, `token_requests`, `login_as`).
`server.serve(app)` runs any ASGI app.
`contracts.problems(schema_file, body)` validates a body against shared/contracts.
"""
