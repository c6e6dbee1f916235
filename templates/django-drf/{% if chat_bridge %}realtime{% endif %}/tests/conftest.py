import json
from collections.abc import Iterator
from unittest import mock

import pytest

from realtime import events


@pytest.fixture(autouse=True)
def realtime_settings(settings):
    """The real-time service's settings as in .env, whatever this machine's .env says."""
    settings.REALTIME_URL = "http://realtime.test"
    settings.CHAT_TOKEN_SECRET = "chat-token-secret-for-tests-only-0123456789"
    settings.INTERNAL_EVENTS_SECRET = "internal-events-secret-for-tests-only-0123456789"
    settings.REDIS_URL = ""
    settings.EVENTS_CHANNEL = "test:events"
    events._redis.cache_clear()


@pytest.fixture
def urlopen() -> Iterator[mock.MagicMock]:
    """The outgoing HTTP call to the real-time service, replaced."""
    with mock.patch("realtime.events.urllib.request.urlopen") as patched:
        yield patched


@pytest.fixture
def sent_events(urlopen):
    """The events POSTed to the real-time service so far, as a function returning them."""
    return lambda: [json.loads(call.args[0].data) for call in urlopen.call_args_list]
