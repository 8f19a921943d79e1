"""The small HTML pages a browser lands on after linking a calendar: one template, escaped."""

from __future__ import annotations

from html import escape

from starlette.responses import HTMLResponse

# The callback URL carries a one-time code: no referrer, no caching, no scripts, no framing.
_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
}

_TEMPLATE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · Quickcal</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; max-width: 32rem; margin: 4rem auto;
       padding: 0 1rem; color: #1d1c1d; }}
h1 {{ font-size: 1.4rem; }}
.mark {{ font-size: 2.5rem; }}
</style>
</head>
<body>
<div class="mark" aria-hidden="true">{mark}</div>
<h1>{title}</h1>
<p>{message}</p>
<p>{next_step}</p>
</body>
</html>
"""


def result_page(
    title: str, message: str, *, ok: bool, next_step: str = "", status_code: int | None = None
) -> HTMLResponse:
    """A success or failure page; every text is escaped, so provider words are safe to show."""
    html = _TEMPLATE.format(
        title=escape(title),
        message=escape(message),
        next_step=escape(next_step or "You can close this tab and go back to Slack."),
        mark="✅" if ok else "⚠️",
    )
    status = status_code if status_code is not None else (200 if ok else 400)
    return HTMLResponse(html, status_code=status, headers=_HEADERS)
