"""Secrets at rest: no plaintext in a full dump, and key rotation that keeps data readable."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.crypto import KeyRing
from bot.rotate import RotationReport, rotate_database, rotate_secrets
from bot.storage import Storage, create_engine
from tests.bot.storage.conftest import FakeClock, dump_text
from tests.bot.storage.drafts_data import ALICE, LUNCH, TEAM
from tests.bot.storage.links_data import ACCESS, ACCOUNT, REFRESH, TOKEN
from tests.bot.storage.test_slack_stores import BOT_TOKEN, USER_TOKEN, install

RESPONSE_URL = "https://hooks.slack.com/actions/T0TEAM/42/SECRETresponse"
VERIFIER = "pkce-verifier-PLAINTEXT-0123456789abcdef0123456789abcdef"
SECRETS = (ACCESS, REFRESH, RESPONSE_URL, VERIFIER, BOT_TOKEN, USER_TOKEN, "xoxe-1-refresh")


async def fill(storage: Storage) -> tuple[str, str]:
    draft = await storage.add_draft(
        LUNCH, team_id=TEAM, user_id=ALICE, channel_id="C0", source="command",
        response_url=RESPONSE_URL,
    )
    await storage.save_link(TEAM, ALICE, "google", account=ACCOUNT, token=TOKEN)
    state = await storage.issue_oauth_state(
        team_id=TEAM, user_id=ALICE, provider="google", code_verifier=VERIFIER
    )
    await storage.installation_store.async_save(install())
    return draft.id, state


async def test_no_plaintext_secret_in_a_full_dump(storage: Storage) -> None:
    _, state = await fill(storage)
    dump = await dump_text(storage)
    assert "Lunch with Adele" in dump  # the dump really holds the rows
    for secret in (*SECRETS, state):
        assert secret not in dump


async def test_rotation_re_encrypts_everything_under_the_new_key(
    url: str, clock: FakeClock, tmp_path: Path
) -> None:
    old_key = KeyRing.generate_key()
    old = Storage(create_engine(url), keys=KeyRing([old_key]), clock=clock)
    draft_id, state = await fill(old)
    before = await dump_text(old)
    await old.close()

    new_key = KeyRing.generate_key()
    both = KeyRing([new_key, old_key])
    report = await rotate_database(url, keys=both, data_dir=tmp_path)
    assert report == RotationReport(rotated=5, current=0, unreadable=0)

    # The old key is gone: everything still reads with the new key alone.
    new = Storage(create_engine(url), keys=KeyRing([new_key]), clock=clock)
    try:
        assert (await new.get_draft(draft_id)).response_url == RESPONSE_URL
        link = await new.get_link(TEAM, ALICE, "google")
        assert link is not None
        assert link.token == TOKEN
        assert (await new.consume_oauth_state(state, provider="google")).code_verifier == VERIFIER
        found = await new.installation_store.async_find_installation(
            enterprise_id=None, team_id=TEAM
        )
        assert found is not None
        assert found.bot_token == BOT_TOKEN
        assert await dump_text(new) != before
        # Running it again finds nothing to do.
        again = await rotate_secrets(new.engine, KeyRing([new_key]))
        assert again == RotationReport(rotated=0, current=4, unreadable=0)
    finally:
        await new.close()


async def test_rotation_leaves_unreadable_values_alone(storage: Storage) -> None:
    await fill(storage)
    stranger = KeyRing([KeyRing.generate_key()])
    report = await rotate_secrets(storage.engine, stranger)
    assert report == RotationReport(rotated=0, current=0, unreadable=5)
    link = await storage.get_link(TEAM, ALICE, "google")
    assert link is not None  # still readable with the right key


def test_a_ring_without_the_old_key_cannot_read_old_values() -> None:
    old = KeyRing([KeyRing.generate_key()])
    with pytest.raises(Exception, match="could not be decrypted"):
        KeyRing([KeyRing.generate_key()]).decrypt(old.encrypt("x"))
