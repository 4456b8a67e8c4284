"""Sealing: what a seized server holds must reveal nothing, and nothing altered may open.

argon2id runs with libsodium's minimum limits here (``MIN_KDF_LIMITS``) to keep the suite fast;
one test checks that the defaults are the documented ones.
"""

from __future__ import annotations

import json
import math
import re
import secrets

import nacl.pwhash.argon2id as argon2id
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tizim.core import sealing
from tizim.core.sealing import (
    DEFAULT_KDF_LIMITS,
    MIN_KDF_LIMITS,
    KdfLimits,
    MalformedItem,
    NotARecipient,
    RecipientKeys,
    SealedItem,
    SealingError,
    TamperedItem,
    WrappedKey,
    WrongPassphrase,
    WrongPrivateKey,
    key_fingerprint,
    new_receipt_phrase,
    new_salt,
    normalise_phrase,
    receipt_keys,
    receipt_lookup_key,
    rekey,
    reseal_for,
    seal,
    unknown_words,
    unseal,
    unwrap_private_key,
    wordlist,
    wrap_private_key,
)

ALICE = RecipientKeys.generate()
BOB = RecipientKeys.generate()
CAROL = RecipientKeys.generate()
TESTIMONY = "Меня задержали 6 января у площади, били дубинкой. Телефон сестры: +7 701 000 00 00"
PEPPER = bytes(range(32))


def _sealed(plaintext: bytes = TESTIMONY.encode()) -> SealedItem:
    return seal(plaintext, {"alice": ALICE.public_key, "bob": BOB.public_key})


# ---------------------------------------------------------------------------------- keys


def test_generated_keypairs_are_distinct_and_consistent() -> None:
    assert ALICE.public_key != BOB.public_key
    assert len(ALICE.public_key) == len(ALICE.private_key) == 32
    assert RecipientKeys.from_private_key(ALICE.private_key) == ALICE
    assert ALICE.private_key.hex() not in repr(ALICE)


def test_fingerprint_is_short_stable_and_per_key() -> None:
    assert ALICE.fingerprint == key_fingerprint(ALICE.public_key)
    assert ALICE.fingerprint != BOB.fingerprint
    assert re.fullmatch(r"([0-9a-f]{4} ){7}[0-9a-f]{4}", ALICE.fingerprint)


def test_wrap_and_unwrap_round_trip() -> None:
    wrapped = wrap_private_key(ALICE.private_key, "correct horse", limits=MIN_KDF_LIMITS)
    assert wrapped.public_key == ALICE.public_key
    assert unwrap_private_key(wrapped, "correct horse") == ALICE.private_key


def test_wrapped_key_never_contains_the_private_key() -> None:
    wrapped = wrap_private_key(ALICE.private_key, "correct horse", limits=MIN_KDF_LIMITS)
    assert ALICE.private_key not in wrapped.to_bytes()
    assert ALICE.private_key.hex() not in wrapped.to_bytes().decode()
    assert ALICE.private_key not in wrapped.box


def test_wrong_passphrase_is_refused_clearly() -> None:
    wrapped = wrap_private_key(ALICE.private_key, "correct horse", limits=MIN_KDF_LIMITS)
    with pytest.raises(WrongPassphrase, match="does not unlock"):
        unwrap_private_key(wrapped, "correct horsE")
    with pytest.raises(ValueError, match="empty"):
        unwrap_private_key(wrapped, "")


def test_same_passphrase_wraps_differently_each_time() -> None:
    first = wrap_private_key(ALICE.private_key, "pass phrase", limits=MIN_KDF_LIMITS)
    second = wrap_private_key(ALICE.private_key, "pass phrase", limits=MIN_KDF_LIMITS)
    assert first.salt != second.salt
    assert first.box != second.box


def test_passphrase_is_compared_after_unicode_normalisation() -> None:
    composed = "Айгүл Серікбай"  # "й" as one code point …
    decomposed = "Аи\u0306гүл Серікбаи\u0306"  # … and as "и" + combining breve
    assert composed != decomposed
    wrapped = wrap_private_key(ALICE.private_key, composed, limits=MIN_KDF_LIMITS)
    assert unwrap_private_key(wrapped, decomposed) == ALICE.private_key


def test_wrapped_key_serialises_to_versioned_json_and_back() -> None:
    wrapped = wrap_private_key(ALICE.private_key, "correct horse", limits=MIN_KDF_LIMITS)
    as_dict = wrapped.to_dict()
    assert as_dict["v"] == 1 and as_dict["kdf"] == "argon2id13"
    assert json.loads(json.dumps(as_dict)) == as_dict
    assert WrappedKey.from_dict(as_dict) == wrapped
    assert WrappedKey.from_bytes(wrapped.to_bytes()) == wrapped
    assert unwrap_private_key(WrappedKey.from_bytes(wrapped.to_bytes()), "correct horse")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"v": 2}, "version"),
        ({"kdf": "scrypt"}, "key-derivation"),
        ({"salt": "not base64!"}, "damaged"),
        ({"salt": "AAAA"}, "salt"),
        ({"memlimit": 2**42}, "out of range"),
        ({"opslimit": 0}, "out of range"),
        ({"box": "AAAA"}, "ciphertext"),
    ],
)
def test_damaged_wrapped_keys_are_refused_with_a_reason(
    change: dict[str, object], message: str
) -> None:
    wrapped = wrap_private_key(ALICE.private_key, "x", limits=MIN_KDF_LIMITS).to_dict()
    with pytest.raises(MalformedItem, match=message):
        WrappedKey.from_dict({**wrapped, **change})
    with pytest.raises(MalformedItem):
        WrappedKey.from_bytes(b"\xff not json")


def test_altered_wrapped_key_does_not_unwrap() -> None:
    wrapped = wrap_private_key(ALICE.private_key, "x", limits=MIN_KDF_LIMITS)
    flipped = bytes([wrapped.box[-1] ^ 1])
    altered = WrappedKey(
        wrapped.public_key, wrapped.salt, wrapped.limits, wrapped.box[:-1] + flipped
    )
    with pytest.raises(WrongPassphrase):
        unwrap_private_key(altered, "x")
    swapped = WrappedKey(BOB.public_key, wrapped.salt, wrapped.limits, wrapped.box)
    with pytest.raises(WrongPassphrase, match="public key"):
        unwrap_private_key(swapped, "x")


def test_default_limits_are_libsodium_moderate() -> None:
    assert KdfLimits(3, 256 * 1024 * 1024) == DEFAULT_KDF_LIMITS
    assert KdfLimits(argon2id.OPSLIMIT_MIN, argon2id.MEMLIMIT_MIN) == MIN_KDF_LIMITS
    with pytest.raises(ValueError):
        KdfLimits(argon2id.OPSLIMIT_MIN, argon2id.MEMLIMIT_MIN - 1)


# ------------------------------------------------------------------------------ envelopes


def test_every_recipient_can_unseal() -> None:
    item = SealedItem.from_bytes(_sealed().to_bytes())
    assert item.recipient_ids == ("alice", "bob")
    assert unseal(item, "alice", ALICE.private_key).decode() == TESTIMONY
    assert unseal(item, "bob", BOB.private_key).decode() == TESTIMONY


@given(st.binary(max_size=3000))
@settings(max_examples=50)
def test_round_trip_of_any_payload(payload: bytes) -> None:
    item = SealedItem.from_bytes(seal(payload, {"alice": ALICE.public_key}).to_bytes())
    assert unseal(item, "alice", ALICE.private_key) == payload


def test_non_recipient_cannot_unseal() -> None:
    item = _sealed()
    with pytest.raises(NotARecipient, match="carol"):
        unseal(item, "carol", CAROL.private_key)
    # Carol claiming to be Alice, with her own key, opens nothing either.
    with pytest.raises(WrongPrivateKey):
        unseal(item, "alice", CAROL.private_key)


def test_wrong_private_key_of_another_recipient_fails() -> None:
    with pytest.raises(WrongPrivateKey, match="alice"):
        unseal(_sealed(), "alice", BOB.private_key)


def test_canary_plaintext_never_appears_in_sealed_bytes() -> None:
    canary = f"CANARY-{secrets.token_hex(16)}"
    plaintext = f"Имя: {canary}; телефон {canary}".encode()
    stored = _sealed(plaintext).to_bytes()
    assert canary.encode() not in stored
    assert canary.encode("utf-16-le") not in stored
    assert plaintext not in stored


def test_sealing_twice_gives_unrelated_bytes() -> None:
    assert _sealed().to_bytes() != _sealed().to_bytes()


def test_length_is_padded_to_hide_short_field_sizes() -> None:
    short = seal(b"+7 701 000 00 00", {"alice": ALICE.public_key}).to_bytes()
    longer = seal(b"someone.with.a.long.address@example.org", {"alice": ALICE.public_key})
    assert len(short) == len(longer.to_bytes())


def test_stored_format_is_versioned() -> None:
    stored = _sealed().to_bytes()
    assert stored[:5] == b"TZSL\x01"
    with pytest.raises(MalformedItem, match="version"):
        SealedItem.from_bytes(stored[:4] + b"\x02" + stored[5:])
    with pytest.raises(MalformedItem, match="not a tizim sealed item"):
        SealedItem.from_bytes(b"%PDF-1.7 hello")
    with pytest.raises(MalformedItem, match="truncated"):
        SealedItem.from_bytes(stored[:60])


TAMPER_TARGET = _sealed(b"short testimony").to_bytes()


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_tampering_with_any_byte_is_caught(data: st.DataObject) -> None:
    stored = bytearray(TAMPER_TARGET)
    position = data.draw(st.integers(0, len(stored) - 1), label="position")
    mask = data.draw(st.integers(1, 255), label="xor mask")
    stored[position] ^= mask
    for recipient_id, keys in (("alice", ALICE), ("bob", BOB)):
        with pytest.raises(SealingError):
            unseal(SealedItem.from_bytes(bytes(stored)), recipient_id, keys.private_key)


def test_tampering_at_every_byte_position_is_caught() -> None:
    """Exhaustive over positions (one flipped bit each), beside the random search above."""
    for position in range(len(TAMPER_TARGET)):
        stored = bytearray(TAMPER_TARGET)
        stored[position] ^= 0x01
        with pytest.raises(SealingError):
            unseal(SealedItem.from_bytes(bytes(stored)), "alice", ALICE.private_key)


def test_changing_the_recipient_list_is_tampering() -> None:
    item = _sealed()
    # Someone with the database drops Bob's entry, or copies Alice's entry under a new id: the
    # header bound into the payload no longer matches.
    dropped = SealedItem(entries={"alice": item.entries["alice"]}, payload=item.payload)
    with pytest.raises(TamperedItem, match="recipient list"):
        unseal(dropped, "alice", ALICE.private_key)
    swapped = SealedItem(
        entries={"alice": item.entries["alice"], "mallory": item.entries["bob"]},
        payload=item.payload,
    )
    with pytest.raises(TamperedItem):
        unseal(swapped, "alice", ALICE.private_key)


def test_payload_from_another_item_is_refused() -> None:
    first, second = _sealed(b"one"), _sealed(b"two")
    spliced = SealedItem(entries=first.entries, payload=second.payload)
    with pytest.raises(TamperedItem):
        unseal(spliced, "alice", ALICE.private_key)


def test_seal_checks_its_arguments() -> None:
    with pytest.raises(ValueError, match="at least one recipient"):
        seal(b"x", {})
    with pytest.raises(ValueError, match="32 bytes"):
        seal(b"x", {"alice": b"short"})
    with pytest.raises(ValueError, match="non-empty"):
        seal(b"x", {"": ALICE.public_key})
    with pytest.raises(ValueError, match="255 bytes"):
        seal(b"x", {"ж" * 200: ALICE.public_key})


def test_reseal_for_grants_a_new_recipient_and_keeps_the_others() -> None:
    item = _sealed()
    granted = reseal_for(item, ALICE.private_key, "alice", {"carol": CAROL.public_key})
    granted = SealedItem.from_bytes(granted.to_bytes())
    assert granted.recipient_ids == ("alice", "bob", "carol")
    for recipient_id, keys in (("alice", ALICE), ("bob", BOB), ("carol", CAROL)):
        assert unseal(granted, recipient_id, keys.private_key).decode() == TESTIMONY
    # Only a recipient can grant.
    with pytest.raises(NotARecipient):
        reseal_for(item, CAROL.private_key, "carol", {"carol": CAROL.public_key})


def test_reseal_for_replaces_a_recipients_key() -> None:
    new_bob = RecipientKeys.generate()
    item = reseal_for(_sealed(), ALICE.private_key, "alice", {"bob": new_bob.public_key})
    assert unseal(item, "bob", new_bob.private_key).decode() == TESTIMONY
    with pytest.raises(WrongPrivateKey):
        unseal(item, "bob", BOB.private_key)


def test_rekey_revokes_access_under_a_fresh_item_key() -> None:
    item = _sealed()
    revoked = rekey(item, ALICE.private_key, "alice", {"alice": ALICE.public_key})
    assert revoked.recipient_ids == ("alice",)
    assert unseal(revoked, "alice", ALICE.private_key).decode() == TESTIMONY
    with pytest.raises(NotARecipient):
        unseal(revoked, "bob", BOB.private_key)
    # Even Bob's old entry (he may have kept the old item key) does not open the new payload.
    grafted = SealedItem(
        entries={**revoked.entries, "bob": item.entries["bob"]}, payload=revoked.payload
    )
    with pytest.raises(TamperedItem):
        unseal(grafted, "bob", BOB.private_key)


# ------------------------------------------------------------------------- receipt phrases


def test_wordlist_has_enough_unique_easy_words() -> None:
    words = wordlist()
    assert len(words) >= 2048
    assert len(set(words)) == len(words)
    assert all(re.fullmatch(r"[bdfgklmnprstvz][aeiou][bdfgklmnprstvz][aeiou]", w) for w in words)
    assert "suka" not in words and "baba" not in words


def test_wordlist_is_deterministic() -> None:
    sealing.wordlist.cache_clear()
    again = sealing.wordlist()
    assert again == wordlist()
    assert again[:3] == ("babe", "babi", "babo")
    assert len(again) == 4820


def test_phrase_entropy_is_at_least_77_bits() -> None:
    assert sealing.receipt_phrase_entropy_bits(7) >= 77
    assert sealing.receipt_phrase_entropy_bits(7) == pytest.approx(7 * math.log2(4820))


def test_receipt_phrases_are_unique_over_10000_draws() -> None:
    phrases = [new_receipt_phrase() for _ in range(10_000)]
    assert len(set(phrases)) == len(phrases)
    known = set(wordlist())
    for phrase in phrases[:100]:
        words = phrase.split(" ")
        assert len(words) == 7 and set(words) <= known


def test_receipt_phrase_word_count_is_a_parameter() -> None:
    assert len(new_receipt_phrase(words=3).split()) == 3
    with pytest.raises(ValueError):
        new_receipt_phrase(words=0)


@pytest.mark.parametrize(
    "typed",
    [
        "bado kemi rula sone tivo gapu zefa",
        "  BADO Kemi   rula\tsone\ntivo gapu zefa ",
        "bado-kemi-rula-sone-tivo-gapu-zefa",
        "bado, kemi, rula, sone, tivo, gapu, zefa.",
        "бадо кеми рула соне тиво гапу зефа",  # retyped on a Cyrillic keyboard
        "ｂａｄｏ kemi rula sone tivo gapu zefa",  # full-width letters
    ],
)
def test_lookup_key_is_stable_across_case_spacing_and_script(typed: str) -> None:
    issued = "bado kemi rula sone tivo gapu zefa"
    assert normalise_phrase(typed) == issued
    assert receipt_lookup_key(typed, PEPPER) == receipt_lookup_key(issued, PEPPER)


def test_lookup_key_depends_on_phrase_and_pepper() -> None:
    phrase = new_receipt_phrase()
    key = receipt_lookup_key(phrase, PEPPER)
    assert re.fullmatch(r"[0-9a-f]{64}", key)
    assert phrase not in key
    assert receipt_lookup_key(phrase, bytes(32)) != key
    assert receipt_lookup_key(new_receipt_phrase(), PEPPER) != key
    with pytest.raises(ValueError, match="32"):
        receipt_lookup_key(phrase, b"short pepper")


def test_unknown_words_point_at_typos() -> None:
    assert unknown_words("bado kemi rula") == []
    assert unknown_words("bado kemy rula hello") == ["kemy", "hello"]


def test_receipt_keys_are_derived_from_the_phrase() -> None:
    phrase, salt = new_receipt_phrase(), new_salt()
    keys = receipt_keys(phrase, salt, limits=MIN_KDF_LIMITS)
    assert receipt_keys(phrase.upper(), salt, limits=MIN_KDF_LIMITS) == keys
    assert receipt_keys(phrase, new_salt(), limits=MIN_KDF_LIMITS) != keys
    assert receipt_keys(new_receipt_phrase(), salt, limits=MIN_KDF_LIMITS) != keys
    # A staff reply sealed to the reporter and to staff opens with the phrase alone.
    reply = seal("Мы нашли его в СИЗО".encode(), {"reporter": keys.public_key})
    again = receipt_keys(phrase, salt, limits=MIN_KDF_LIMITS)
    assert unseal(reply, "reporter", again.private_key).decode() == "Мы нашли его в СИЗО"
