"""Limits without addresses: per sender, counted apart, and a breaker that slows down."""

from __future__ import annotations

from tizim.intake.ratelimit import Breaker, SenderLimit, sender_key


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)


def test_each_sender_has_its_own_count_and_the_hour_starts_afresh():
    clock = Clock()
    limit = SenderLimit(2, clock=clock)
    assert [limit.allow("10.0.0.1") for _ in range(3)] == [True, True, False]
    assert limit.allow("10.0.0.2") and limit.reached("10.0.0.1")
    limit.uncount("10.0.0.1")
    assert limit.allow("10.0.0.1") and not limit.allow("10.0.0.1")
    clock.now += 3600
    assert limit.allow("10.0.0.1")


def test_no_address_is_kept_in_the_clear():
    limit = SenderLimit(5)
    limit.count("203.0.113.77")
    assert all(len(tag) == 16 and b"203.0.113" not in tag for tag in limit._counts)


def test_an_ipv6_subscriber_counts_as_one_sender_whatever_address_they_pick():
    assert sender_key("2001:db8:1:2:aaaa::1") == sender_key("2001:db8:1:2:ffff::9")
    assert sender_key("2001:db8:1:3::1") != sender_key("2001:db8:1:2::1")
    assert sender_key("::ffff:198.51.100.4") == sender_key("198.51.100.4") == "198.51.100.4"
    limit = SenderLimit(1)
    assert limit.allow("2001:db8:1:2::1") and not limit.allow("2001:db8:1:2::2")


def test_the_table_of_senders_is_bounded():
    limit = SenderLimit(1, max_senders=100)
    for n in range(1000):
        limit.allow(f"10.0.{n // 250}.{n % 250}")
    assert len(limit._counts) <= 100


def test_the_breaker_slows_down_past_its_budget_and_never_closes():
    clock = Clock()
    breaker = Breaker(3, pace_seconds=10, max_waiting=2, clock=clock, sleep=clock.sleep)
    assert [breaker.admit() for _ in range(3)] == [0.0, 0.0, 0.0]  # within the budget
    assert breaker.admit() == 0.0  # the first past it takes the turn that is free now
    assert breaker.admit() == 10.0  # the next waits its turn
    assert breaker.admit() == 20.0
    clock.now += 25
    assert breaker.admit() == 5.0
    clock.now += 3600
    assert breaker.admit() == 0.0  # a new hour, a new budget


def test_the_breaker_sends_back_only_who_would_wait_behind_a_full_queue():
    clock = Clock()
    entered: list[float | None] = []
    breaker = Breaker(0, pace_seconds=10, max_waiting=1, clock=clock, sleep=clock.sleep)

    def waiting_sleep(seconds: float) -> None:
        # While one report waits for its turn, another arrives.
        entered.append(breaker.admit())

    assert breaker.admit() == 0.0
    breaker._sleep = waiting_sleep
    assert breaker.admit() == 10.0
    assert entered == [None]  # the queue was full: come back later
    clock.now += 30
    assert breaker.admit() == 0.0  # and later it is open again
