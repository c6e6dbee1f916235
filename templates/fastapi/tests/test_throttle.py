from app.users.throttle import FailedLogins


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_client_may_try_until_its_failures_reach_the_limit() -> None:
    logins = FailedLogins(attempts=3, window_seconds=60, clock=Clock())

    for _ in range(2):
        logins.record_failure("1.2.3.4")
    assert logins.retry_after("1.2.3.4") is None

    logins.record_failure("1.2.3.4")
    assert logins.retry_after("1.2.3.4") == 60


def test_retry_after_counts_down_to_when_the_oldest_failure_expires() -> None:
    clock = Clock()
    logins = FailedLogins(attempts=2, window_seconds=60, clock=clock)
    logins.record_failure("1.2.3.4")
    clock.now += 20
    logins.record_failure("1.2.3.4")

    clock.now += 10.5
    assert logins.retry_after("1.2.3.4") == 30  # 29.5 s, rounded up

    clock.now += 29.5
    assert logins.retry_after("1.2.3.4") is None


def test_clients_are_counted_apart() -> None:
    logins = FailedLogins(attempts=1, window_seconds=60, clock=Clock())

    logins.record_failure("1.2.3.4")

    assert logins.retry_after("1.2.3.4") == 60
    assert logins.retry_after("5.6.7.8") is None


def test_clients_whose_failures_expired_are_forgotten() -> None:
    clock = Clock()
    logins = FailedLogins(attempts=1, window_seconds=60, clock=clock)
    logins.record_failure("1.2.3.4")

    clock.now += 60
    assert logins.retry_after("1.2.3.4") is None
    assert logins._failures == {}
