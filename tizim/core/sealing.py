"""Sealing what a reporter tells us, so that a seized server reveals none of it.

Threat model: ``docs/threat-model.md`` (protections P1–P4 are built here). The state security
services may take the database, the media folder, a backup or a log; an insider volunteer may
copy them. Neither must learn who reported, how to reach them, what they said or what they sent.
So identity, contact, testimony and attachments are encrypted *before* they touch disk, to keys
the server never holds at rest:

* **Recipient keys** (P1). Each staff member who may read sealed data has a Curve25519 keypair.
  The public key is stored in the clear (anyone may seal to it); the private key is stored only
  wrapped — encrypted with a key derived from the staff member's passphrase by argon2id — and is
  unwrapped in their session alone. A lost passphrase is lost access, by design: there is no
  reset, because a reset path would be a way in for whoever holds the server.
* **Envelopes** (P2). :func:`seal` encrypts a payload once, with a fresh random item key
  (XSalsa20-Poly1305, libsodium's ``secretbox``), and seals that item key to every recipient with
  an anonymous sealed box. Several staff can therefore read the same item, a new member can be
  granted access by an existing one (:func:`reseal_for`) without re-encrypting for everyone, and
  the payload is stored once however many recipients there are.
* **Receipt phrases** (P3). A reporter has no account: they get a random phrase of pronounceable
  words (:func:`new_receipt_phrase`, like SecureDrop's codename) with which to come back. The
  server keeps only a keyed hash of it (:func:`receipt_lookup_key`), and can derive from it a
  keypair of the reporter's own (:func:`receipt_keys`) so that staff replies are sealed to the
  reporter too.

Everything here is pure: bytes in, bytes out, no Django, no files. Python cannot reliably wipe
memory, so plaintext and private keys live in the running process while they are used; that is
the "compromised running server" the threat model declares out of reach.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import math
import re
import secrets
import struct
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import nacl.bindings
import nacl.exceptions
import nacl.pwhash.argon2id as argon2id
import nacl.utils
from anyascii import anyascii
from nacl.public import PrivateKey, PublicKey, SealedBox
from nacl.secret import SecretBox

__all__ = [
    "DEFAULT_KDF_LIMITS",
    "MIN_KDF_LIMITS",
    "RECEIPT_PHRASE_WORDS",
    "KdfLimits",
    "MalformedItem",
    "NotARecipient",
    "RecipientKeys",
    "SealedItem",
    "SealingError",
    "TamperedItem",
    "UnsealError",
    "WrappedKey",
    "WrongPassphrase",
    "WrongPrivateKey",
    "key_fingerprint",
    "new_receipt_phrase",
    "new_salt",
    "normalise_phrase",
    "receipt_keys",
    "receipt_lookup_key",
    "receipt_phrase_entropy_bits",
    "rekey",
    "reseal_for",
    "seal",
    "unknown_words",
    "unseal",
    "unwrap_private_key",
    "wordlist",
    "wrap_private_key",
]


# --------------------------------------------------------------------------------------------
# Errors: one base class, so callers can refuse any sealed item that does not open with one
# ``except``, and subclasses whose messages tell a staff member what went wrong.


class SealingError(Exception):
    """Something sealed could not be made, read or opened."""


class WrongPassphrase(SealingError):
    """The passphrase does not unwrap this private key (or the wrapped key was altered)."""


class MalformedItem(SealingError):
    """The bytes are not a sealed item (or a wrapped key) of a version tizim can read."""


class UnsealError(SealingError):
    """A sealed item could not be opened."""


class NotARecipient(UnsealError):
    """The item was not sealed to this recipient."""


class WrongPrivateKey(UnsealError):
    """The private key given is not the one the item was sealed to for this recipient."""


class TamperedItem(UnsealError):
    """The item was altered after it was sealed; nothing of it is returned."""


# --------------------------------------------------------------------------------------------
# Recipient keys and their passphrase wrapping (P1).

PUBLIC_KEY_BYTES = PublicKey.SIZE
PRIVATE_KEY_BYTES = PrivateKey.SIZE


@dataclass(frozen=True)
class KdfLimits:
    """argon2id cost parameters: ``opslimit`` passes over ``memlimit`` bytes of memory.

    They are stored with every wrapped key, so raising the defaults later never locks anyone
    out of a key wrapped under the old ones.
    """

    opslimit: int
    memlimit: int

    def __post_init__(self) -> None:
        if not argon2id.OPSLIMIT_MIN <= self.opslimit <= _MAX_OPSLIMIT:
            raise ValueError(f"argon2id opslimit {self.opslimit} is out of range")
        if not argon2id.MEMLIMIT_MIN <= self.memlimit <= _MAX_MEMLIMIT:
            raise ValueError(f"argon2id memlimit {self.memlimit} is out of range")


# Upper bounds accepted when *reading* a wrapped key: whoever can edit the database must not be
# able to make a staff login allocate 4 TiB. libsodium's "sensitive" preset (1 GiB) is the cap.
_MAX_OPSLIMIT = argon2id.OPSLIMIT_SENSITIVE
_MAX_MEMLIMIT = argon2id.MEMLIMIT_SENSITIVE

# libsodium's "moderate" preset: 3 passes over 256 MiB. Measured on the 2-core development
# machine (AMD EPYC, PyNaCl 1.6.2, libsodium's single-lane argon2id): 0.51–0.57 s per derivation
# when idle, 0.67–0.85 s under load ("interactive", 2 × 64 MiB, took 0.095 s; "sensitive",
# 4 × 1 GiB, several seconds). A staff member pays it once per login; someone who has copied a
# wrapped key pays it for every passphrase guess, and 256 MiB per guess keeps GPU farms shallow.
# See docs/threat-model.md § 8.
DEFAULT_KDF_LIMITS = KdfLimits(argon2id.OPSLIMIT_MODERATE, argon2id.MEMLIMIT_MODERATE)
# The cheapest limits libsodium accepts. For tests only: a key wrapped with them falls to a
# passphrase guesser as fast as an unsalted hash would.
MIN_KDF_LIMITS = KdfLimits(argon2id.OPSLIMIT_MIN, argon2id.MEMLIMIT_MIN)

_WRAPPED_KEY_VERSION = 1
_KDF_NAME = "argon2id13"


def key_fingerprint(public_key: bytes) -> str:
    """A short, stable name for a public key (BLAKE2b, 16 bytes, hex in groups of four).

    Staff compare fingerprints out of band at the key ceremony, so that a server that swapped
    a recipient's public key for its own would be noticed.
    """
    _check_public_key(public_key)
    digest = hashlib.blake2b(public_key, digest_size=16, person=b"tizim-key-fp").hexdigest()
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


@dataclass(frozen=True)
class RecipientKeys:
    """A Curve25519 keypair for one staff member who may unseal.

    The private key is kept out of ``repr`` so that it never lands in a traceback or a log by
    accident.
    """

    public_key: bytes
    private_key: bytes = field(repr=False)

    @classmethod
    def generate(cls) -> RecipientKeys:
        """A fresh keypair from the operating system's random source."""
        private = PrivateKey.generate()
        return cls(public_key=bytes(private.public_key), private_key=bytes(private))

    @classmethod
    def from_private_key(cls, private_key: bytes) -> RecipientKeys:
        """The keypair of a private key (the public half is recomputed, never trusted)."""
        private = _private_key(private_key)
        return cls(public_key=bytes(private.public_key), private_key=bytes(private))

    @property
    def fingerprint(self) -> str:
        """:func:`key_fingerprint` of the public key."""
        return key_fingerprint(self.public_key)


@dataclass(frozen=True)
class WrappedKey:
    """A private key encrypted under a passphrase-derived key, safe to store in the database.

    ``box`` is libsodium ``secretbox`` output (nonce, tag, ciphertext) under
    ``argon2id(passphrase, salt, limits)``. ``public_key`` travels with it so that the server can
    seal to the staff member without unwrapping anything, and so that an unwrapped key can be
    checked against it.
    """

    public_key: bytes
    salt: bytes
    limits: KdfLimits
    box: bytes = field(repr=False)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe, versioned dict (binary fields in base64)."""
        return {
            "v": _WRAPPED_KEY_VERSION,
            "kdf": _KDF_NAME,
            "opslimit": self.limits.opslimit,
            "memlimit": self.limits.memlimit,
            "salt": _b64(self.salt),
            "public_key": _b64(self.public_key),
            "box": _b64(self.box),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> WrappedKey:
        """Read :meth:`to_dict` output; :class:`MalformedItem` names what is wrong."""
        if not isinstance(data, Mapping):
            raise MalformedItem("a wrapped key must be a JSON object")
        version = data.get("v")
        if version != _WRAPPED_KEY_VERSION:
            raise MalformedItem(f"unsupported wrapped-key version {version!r}")
        if data.get("kdf") != _KDF_NAME:
            raise MalformedItem(f"unsupported key-derivation function {data.get('kdf')!r}")
        try:
            limits = KdfLimits(int(data["opslimit"]), int(data["memlimit"]))
            salt = _unb64(data["salt"])
            public_key = _unb64(data["public_key"])
            box = _unb64(data["box"])
        except (KeyError, TypeError, ValueError) as exc:
            raise MalformedItem(f"wrapped key is incomplete or damaged: {exc}") from exc
        if len(salt) != argon2id.SALTBYTES:
            raise MalformedItem("wrapped key has a salt of the wrong length")
        if len(public_key) != PUBLIC_KEY_BYTES:
            raise MalformedItem("wrapped key has a public key of the wrong length")
        if len(box) != SecretBox.NONCE_SIZE + SecretBox.MACBYTES + PRIVATE_KEY_BYTES:
            raise MalformedItem("wrapped key has a ciphertext of the wrong length")
        return cls(public_key=public_key, salt=salt, limits=limits, box=box)

    def to_bytes(self) -> bytes:
        """The dict as compact UTF-8 JSON, for a binary column or a file."""
        return json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":")).encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> WrappedKey:
        """Read :meth:`to_bytes` output."""
        try:
            parsed = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise MalformedItem("a wrapped key must be UTF-8 JSON") from exc
        return cls.from_dict(parsed)


def wrap_private_key(
    private_key: bytes, passphrase: str | bytes, *, limits: KdfLimits = DEFAULT_KDF_LIMITS
) -> WrappedKey:
    """Encrypt ``private_key`` under a key derived from ``passphrase`` by argon2id.

    A fresh random salt per wrapping means two staff with the same passphrase get unrelated
    wrapped keys, and a guesser cannot attack them all at once. Rewrapping (a passphrase change)
    is ``wrap_private_key(unwrap_private_key(old, old_passphrase), new_passphrase)``.
    """
    keys = RecipientKeys.from_private_key(private_key)
    salt = nacl.utils.random(argon2id.SALTBYTES)
    box = SecretBox(_derive_wrapping_key(passphrase, salt, limits))
    return WrappedKey(
        public_key=keys.public_key,
        salt=salt,
        limits=limits,
        box=bytes(box.encrypt(keys.private_key)),
    )


def unwrap_private_key(wrapped: WrappedKey, passphrase: str | bytes) -> bytes:
    """The private key in ``wrapped``; :class:`WrongPassphrase` if the passphrase is not its own.

    A wrong passphrase and a wrapped key altered on disk are indistinguishable by design
    (authenticated encryption tells only "does not open"), so both raise :class:`WrongPassphrase`.
    """
    box = SecretBox(_derive_wrapping_key(passphrase, wrapped.salt, wrapped.limits))
    try:
        private_key = box.decrypt(wrapped.box)
    except nacl.exceptions.CryptoError as exc:
        raise WrongPassphrase("the passphrase does not unlock this key") from exc
    if bytes(PrivateKey(private_key).public_key) != wrapped.public_key:
        # Only possible if the stored public key was replaced: refuse rather than let the server
        # keep sealing to a key whose private half nobody holds.
        raise WrongPassphrase("the unwrapped key does not match the stored public key")
    return private_key


def _derive_wrapping_key(passphrase: str | bytes, salt: bytes, limits: KdfLimits) -> bytes:
    return argon2id.kdf(
        SecretBox.KEY_SIZE,
        _passphrase_bytes(passphrase),
        salt,
        opslimit=limits.opslimit,
        memlimit=limits.memlimit,
    )


def _passphrase_bytes(passphrase: str | bytes) -> bytes:
    if isinstance(passphrase, bytes):
        data = passphrase
    else:
        # NFC: the same passphrase typed on a Kazakh, Russian or English keyboard (or pasted
        # from a password manager) can arrive composed or decomposed; it must derive one key.
        data = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    if not data:
        raise ValueError("the passphrase is empty")
    return data


# --------------------------------------------------------------------------------------------
# Envelopes: one payload, sealed to several recipients (P2).
#
# Binary format, version 1 (all integers big-endian):
#
#   magic  b"TZSL"        4 bytes — tells a sealed item from anything else in a blob column
#   version               1 byte
#   count                 2 bytes — number of recipients (≥ 1)
#   count × entry:
#     id length           1 byte, then the recipient id in UTF-8
#     key fingerprint     8 bytes — BLAKE2b of the recipient's public key, to tell "wrong
#                                   private key" from "altered item" in error messages
#     sealed item key     80 bytes — crypto_box_seal(item key) to the recipient
#   payload               the rest — secretbox(item key, inner), nonce first
#
#   inner = BLAKE2b-256(header) ‖ plaintext length (8 bytes) ‖ plaintext ‖ zero padding
#
# The header digest inside the authenticated payload binds the recipient list to the payload:
# without it, anyone holding the database could append or rewrite entries undetected.
# Padding to a multiple of 256 bytes keeps the ciphertext length from telling a phone number
# from an e-mail address, or a one-line note from a page of testimony.

_MAGIC = b"TZSL"
_ITEM_VERSION = 1
_ITEM_KEY_BYTES = SecretBox.KEY_SIZE
_SEALED_KEY_BYTES = _ITEM_KEY_BYTES + nacl.bindings.crypto_box_SEALBYTES  # 32 + 48 = 80
_FINGERPRINT_BYTES = 8
_HEADER_DIGEST_BYTES = 32
_PAD_BLOCK = 256
_MAX_RECIPIENTS = 0xFFFF
_MAX_ID_BYTES = 0xFF


@dataclass(frozen=True)
class _Entry:
    fingerprint: bytes
    sealed_key: bytes = field(repr=False)


@dataclass(frozen=True)
class SealedItem:
    """One sealed payload and its item key sealed to each recipient, by recipient id.

    Recipient ids are stored in the clear: use staff key ids, not names (the threat model lists
    them as metadata a seizure reveals).
    """

    entries: Mapping[str, _Entry] = field(repr=False)
    payload: bytes = field(repr=False)

    @property
    def recipient_ids(self) -> tuple[str, ...]:
        """The ids this item was sealed to, in the stored order."""
        return tuple(self.entries)

    def to_bytes(self) -> bytes:
        """The versioned binary form (see the format note above)."""
        return _header(self.entries) + self.payload

    @classmethod
    def from_bytes(cls, data: bytes) -> SealedItem:
        """Parse :meth:`to_bytes` output. Only the layout is checked here; whether anything was
        altered is known when a recipient opens it (:func:`unseal` raises :class:`TamperedItem`).
        """
        data = bytes(data)
        if len(data) < len(_MAGIC) + 3 or data[: len(_MAGIC)] != _MAGIC:
            raise MalformedItem("not a tizim sealed item")
        position = len(_MAGIC)
        version = data[position]
        if version != _ITEM_VERSION:
            raise MalformedItem(f"unsupported sealed-item version {version}")
        (count,) = struct.unpack_from(">H", data, position + 1)
        position += 3
        if count == 0:
            raise MalformedItem("sealed item has no recipients")
        entries: dict[str, _Entry] = {}
        for _ in range(count):
            if position >= len(data):
                raise MalformedItem("sealed item is truncated in its recipient list")
            id_length = data[position]
            position += 1
            end = position + id_length + _FINGERPRINT_BYTES + _SEALED_KEY_BYTES
            if id_length == 0 or end > len(data):
                raise MalformedItem("sealed item is truncated in its recipient list")
            try:
                recipient_id = data[position : position + id_length].decode("utf-8")
            except UnicodeDecodeError as exc:
                raise MalformedItem("sealed item has a recipient id that is not UTF-8") from exc
            if recipient_id in entries:
                raise MalformedItem(f"sealed item lists recipient {recipient_id!r} twice")
            position += id_length
            fingerprint = data[position : position + _FINGERPRINT_BYTES]
            position += _FINGERPRINT_BYTES
            entries[recipient_id] = _Entry(fingerprint, data[position:end])
            position = end
        payload = data[position:]
        minimum = SecretBox.NONCE_SIZE + SecretBox.MACBYTES + _HEADER_DIGEST_BYTES + 8
        if len(payload) < minimum:
            raise MalformedItem("sealed item is truncated in its payload")
        return cls(entries=entries, payload=payload)


def seal(plaintext: bytes, recipients: Mapping[str, bytes]) -> SealedItem:
    """Encrypt ``plaintext`` so that each recipient (id → public key) and only they can read it.

    The item key is random per item, so two items never share a key and sealing the same
    plaintext twice gives unrelated bytes.
    """
    return _seal_with_key(nacl.utils.random(_ITEM_KEY_BYTES), plaintext, recipients, {})


def unseal(item: SealedItem, recipient_id: str, private_key: bytes) -> bytes:
    """The plaintext of ``item``, opened by recipient ``recipient_id`` with their private key.

    Raises :class:`NotARecipient`, :class:`WrongPrivateKey` or :class:`TamperedItem`; never
    returns bytes from an item that was altered in any way after it was sealed.
    """
    item_key = _open_item_key(item, recipient_id, private_key)
    return _open_payload(item, item_key)


def reseal_for(
    item: SealedItem,
    private_key: bytes,
    recipient_id: str,
    new_recipients: Mapping[str, bytes],
) -> SealedItem:
    """``item`` readable also by ``new_recipients``, granted by existing recipient ``recipient_id``.

    Existing recipients keep their access (the item key is the same, so their entries stay as
    they are); a recipient id already present gets a new entry for the public key given, which
    is how a staff member's key is replaced. The payload is re-encrypted with a fresh nonce
    because the header it binds has changed. To *take away* access use :func:`rekey`: a former
    recipient may have kept the old item key.
    """
    item_key = _open_item_key(item, recipient_id, private_key)
    plaintext = _open_payload(item, item_key)
    kept = {rid: entry for rid, entry in item.entries.items() if rid not in new_recipients}
    return _seal_with_key(item_key, plaintext, new_recipients, kept)


def rekey(
    item: SealedItem,
    private_key: bytes,
    recipient_id: str,
    recipients: Mapping[str, bytes],
) -> SealedItem:
    """``item`` sealed afresh, under a new item key, to exactly ``recipients``.

    Revocation: whoever is left out can no longer open the new item even if they copied the old
    item key. (They may have copied the plaintext too; no scheme can take that back.)
    """
    return seal(unseal(item, recipient_id, private_key), recipients)


def _seal_with_key(
    item_key: bytes,
    plaintext: bytes,
    recipients: Mapping[str, bytes],
    kept: Mapping[str, _Entry],
) -> SealedItem:
    if not recipients and not kept:
        raise ValueError("an item must be sealed to at least one recipient")
    if len(recipients) + len(kept) > _MAX_RECIPIENTS:
        raise ValueError(f"at most {_MAX_RECIPIENTS} recipients")
    entries: dict[str, _Entry] = dict(kept)
    for recipient_id, public_key in recipients.items():
        _check_recipient_id(recipient_id)
        _check_public_key(public_key)
        sealed_key = SealedBox(PublicKey(public_key)).encrypt(item_key)
        entries[recipient_id] = _Entry(_short_fingerprint(public_key), bytes(sealed_key))
    header = _header(entries)
    digest = hashlib.blake2b(header, digest_size=_HEADER_DIGEST_BYTES).digest()
    body = struct.pack(">Q", len(plaintext)) + bytes(plaintext)
    padding = -(len(digest) + len(body)) % _PAD_BLOCK
    payload = SecretBox(item_key).encrypt(digest + body + bytes(padding))
    return SealedItem(entries=entries, payload=bytes(payload))


def _open_item_key(item: SealedItem, recipient_id: str, private_key: bytes) -> bytes:
    entry = item.entries.get(recipient_id)
    if entry is None:
        raise NotARecipient(f"this item was not sealed to recipient {recipient_id!r}")
    private = _private_key(private_key)
    try:
        item_key = SealedBox(private).decrypt(entry.sealed_key)
    except nacl.exceptions.CryptoError as exc:
        if _short_fingerprint(bytes(private.public_key)) != entry.fingerprint:
            raise WrongPrivateKey(
                f"this private key is not the one the item was sealed to for {recipient_id!r}"
            ) from exc
        raise TamperedItem("the item was altered after it was sealed (item key)") from exc
    if len(item_key) != _ITEM_KEY_BYTES:
        raise TamperedItem("the item was altered after it was sealed (item key length)")
    return bytes(item_key)


def _open_payload(item: SealedItem, item_key: bytes) -> bytes:
    try:
        inner = SecretBox(item_key).decrypt(item.payload)
    except nacl.exceptions.CryptoError as exc:
        raise TamperedItem("the item was altered after it was sealed (payload)") from exc
    expected = hashlib.blake2b(_header(item.entries), digest_size=_HEADER_DIGEST_BYTES).digest()
    if not hmac.compare_digest(inner[:_HEADER_DIGEST_BYTES], expected):
        raise TamperedItem("the item was altered after it was sealed (recipient list)")
    (length,) = struct.unpack_from(">Q", inner, _HEADER_DIGEST_BYTES)
    start = _HEADER_DIGEST_BYTES + 8
    if start + length > len(inner):
        raise TamperedItem("the item's length field is inconsistent")
    return bytes(inner[start : start + length])


def _header(entries: Mapping[str, _Entry]) -> bytes:
    parts = [_MAGIC, bytes([_ITEM_VERSION]), struct.pack(">H", len(entries))]
    for recipient_id, entry in entries.items():
        encoded = recipient_id.encode("utf-8")
        parts += [bytes([len(encoded)]), encoded, entry.fingerprint, entry.sealed_key]
    return b"".join(parts)


def _short_fingerprint(public_key: bytes) -> bytes:
    return hashlib.blake2b(public_key, digest_size=_FINGERPRINT_BYTES).digest()


def _check_recipient_id(recipient_id: str) -> None:
    if not isinstance(recipient_id, str) or not recipient_id:
        raise ValueError("a recipient id must be a non-empty string")
    if len(recipient_id.encode("utf-8")) > _MAX_ID_BYTES:
        raise ValueError(f"recipient id {recipient_id[:20]!r}… is longer than 255 bytes")


def _check_public_key(public_key: bytes) -> None:
    if not isinstance(public_key, bytes | bytearray) or len(public_key) != PUBLIC_KEY_BYTES:
        raise ValueError(f"a public key must be {PUBLIC_KEY_BYTES} bytes")


def _private_key(private_key: bytes) -> PrivateKey:
    if not isinstance(private_key, bytes | bytearray) or len(private_key) != PRIVATE_KEY_BYTES:
        raise ValueError(f"a private key must be {PRIVATE_KEY_BYTES} bytes")
    return PrivateKey(bytes(private_key))


# --------------------------------------------------------------------------------------------
# Receipt phrases (P3).
#
# The word list is generated, not copied: every consonant–vowel–consonant–vowel word over 14
# consonants (b d f g k l m n p r s t v z) and 5 vowels (a e i o u), less the 70 that repeat a
# syllable ("baba", "mama": easy to mistype as a stutter) and a few that are rude or childish in
# Russian, Kazakh or English. The result is 4,820 four-letter words that read aloud the same to
# Kazakh, Russian and English speakers, use no letter that sounds different across those
# languages (no c, h, j, q, w, x, y) and each have a one-letter Cyrillic counterpart, so a phrase
# retyped on a Cyrillic keyboard still matches (see normalise_phrase). Being our own, the list
# carries no licence terms beyond tizim's.

_CONSONANTS = "bdfgklmnprstvz"
_VOWELS = "aeiou"
_EXCLUDED_WORDS = frozenset(
    {"suka", "kaka", "popa", "pisa", "pisi", "piso", "dura", "duro", "zopa", "siki", "sika"}
)
RECEIPT_PHRASE_WORDS = 7


@lru_cache(maxsize=1)
def wordlist() -> tuple[str, ...]:
    """The receipt-phrase words, sorted; deterministic across machines and versions."""
    syllables = [c + v for c in _CONSONANTS for v in _VOWELS]
    words = tuple(
        first + second
        for first in syllables
        for second in syllables
        if first != second and first + second not in _EXCLUDED_WORDS
    )
    assert len(set(words)) == len(words) >= 2048
    return words


def receipt_phrase_entropy_bits(words: int = RECEIPT_PHRASE_WORDS) -> float:
    """Bits of entropy of a phrase of ``words`` words drawn uniformly (≈ 12.2 bits per word:
    85.6 bits for 7 words, above the 77 bits the threat model asks for)."""
    return words * math.log2(len(wordlist()))


def new_receipt_phrase(words: int = RECEIPT_PHRASE_WORDS) -> str:
    """A fresh receipt phrase: ``words`` words drawn with :mod:`secrets`, joined by spaces.

    With ~2^85.6 phrases, guessing one is hopeless even for someone who has the database *and*
    the pepper; online guessing is further cut by the form's rate limit.
    """
    if words < 1:
        raise ValueError("a phrase needs at least one word")
    pool = wordlist()
    return " ".join(secrets.choice(pool) for _ in range(words))


_SEPARATORS = re.compile(r"[\s\-_.,;:/|]+")


def normalise_phrase(phrase: str) -> str:
    """``phrase`` as tizim issued it: lower case, single spaces, Latin letters.

    Tolerates what a frightened person retyping from paper does: capitals, doubled or missing
    spaces around the edges, hyphens or commas between words, a phrase typed on a Cyrillic
    keyboard ("бадо" → "bado"), full-width letters.
    """
    text = unicodedata.normalize("NFKC", phrase)
    if not text.isascii():
        text = anyascii(text)
    return " ".join(word for word in _SEPARATORS.split(text.lower()) if word)


def unknown_words(phrase: str) -> list[str]:
    """The words of ``phrase`` that are not in the word list, so a form can say which word is
    mistyped instead of only "no such receipt"."""
    known = frozenset(wordlist())
    return [word for word in normalise_phrase(phrase).split(" ") if word and word not in known]


def receipt_lookup_key(phrase: str, pepper: bytes) -> str:
    """A deterministic key (hex HMAC-SHA256) under which the submission of ``phrase`` is found.

    Why not argon2 with a random salt, as for passwords: the server must find the submission
    from the phrase alone, so the derivation must be the same every time — a per-row salt would
    mean one argon2 run per stored submission on every visit, and an easy way to exhaust the
    server. A slow hash is not needed either: the phrase is not chosen by a person but drawn
    with ~85 bits of entropy, beyond any brute force. The ``pepper`` is a server secret kept
    outside the database, so a seized database alone cannot even test a guessed phrase.
    """
    if len(pepper) < 32:
        raise ValueError("the pepper must be at least 32 random bytes")
    message = b"tizim-receipt-v1\x00" + normalise_phrase(phrase).encode("ascii")
    return hmac.new(pepper, message, hashlib.sha256).hexdigest()


def receipt_keys(
    phrase: str, salt: bytes, *, limits: KdfLimits = DEFAULT_KDF_LIMITS
) -> RecipientKeys:
    """The reporter's own keypair, derived from their receipt phrase with argon2id.

    Staff replies are sealed to this public key (stored with the submission, ``salt`` beside it)
    as well as to staff, so the reporter can read them by phrase alone while a seized server
    cannot. Here a slow, salted hash is right: the submission, and so its salt, is already found
    by :func:`receipt_lookup_key`.
    """
    if len(salt) != argon2id.SALTBYTES:
        raise ValueError(f"the salt must be {argon2id.SALTBYTES} bytes")
    seed = argon2id.kdf(
        PRIVATE_KEY_BYTES,
        normalise_phrase(phrase).encode("ascii"),
        salt,
        opslimit=limits.opslimit,
        memlimit=limits.memlimit,
    )
    private = PrivateKey.from_seed(seed)
    return RecipientKeys(public_key=bytes(private.public_key), private_key=bytes(private))


def new_salt() -> bytes:
    """A random argon2id salt (16 bytes), e.g. for :func:`receipt_keys`."""
    return nacl.utils.random(argon2id.SALTBYTES)


# --------------------------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise TypeError("expected a base64 string")
    return base64.b64decode(text.encode("ascii"), validate=True)
