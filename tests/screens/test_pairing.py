from datetime import UTC, datetime, timedelta
from random import Random

from core.pairing import (
    CODE_ALPHABET,
    CODE_LENGTH,
    generate_code,
    hash_token,
    is_code_usable,
    is_rate_limited,
    new_token,
    normalise_code,
)

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def test_codes_are_six_unambiguous_characters():
    codes = {generate_code() for _ in range(500)}
    assert all(len(code) == CODE_LENGTH >= 6 for code in codes)
    assert not set("".join(codes)) & set("0O1IL")
    assert len(codes) > 490  # drawn at random, not from a short list


def test_code_generation_uses_the_given_source_of_randomness():
    assert generate_code(Random(1).choice) == generate_code(Random(1).choice)


def test_typed_codes_are_normalised():
    assert normalise_code(" h7k-q3m ") == "H7KQ3M"
    assert normalise_code("h7k q3m") == "H7KQ3M"


def test_impossible_codes_are_refused():
    assert normalise_code("H7KQ3") is None  # too short
    assert normalise_code("H7KQ3MM") is None  # too long
    assert normalise_code("H7KQ30") is None  # 0 is not in the alphabet
    assert normalise_code("") is None
    assert normalise_code("ÆØÅÆØÅ") is None


def test_alphabet_has_no_lookalikes():
    assert len(set(CODE_ALPHABET)) == len(CODE_ALPHABET) == 31


def test_tokens_carry_at_least_128_random_bits():
    tokens = {new_token() for _ in range(100)}
    assert len(tokens) == 100
    assert all(len(token) >= 43 for token in tokens)  # 32 bytes in URL-safe base64


def test_token_hash_is_stable_and_hides_the_token():
    token = new_token()
    assert hash_token(token) == hash_token(token)
    assert token not in hash_token(token)
    assert len(hash_token(token)) == 64


def test_code_is_usable_only_before_expiry_and_once():
    later = NOW + timedelta(minutes=15)
    assert is_code_usable(expires_at=later, used_at=None, now=NOW)
    assert not is_code_usable(expires_at=later, used_at=NOW, now=NOW)
    assert not is_code_usable(expires_at=later, used_at=None, now=later)


def test_rate_limit_counts_codes_in_the_window():
    assert not is_rate_limited(recent_codes=29, limit=30)
    assert is_rate_limited(recent_codes=30, limit=30)
