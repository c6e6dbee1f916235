"""Password hashing with the standard library's scrypt: a memory-hard KDF, random salts.

Stored as `scrypt$n$r$p$salt$hash` (base64), so the cost can be raised later without
invalidating existing hashes: `verify_password` reads the parameters from the hash.
"""

import base64
import hashlib
import hmac
import secrets

# 16 MiB and ~50 ms per hash (n * r * 128 bytes); OWASP's minimum is n=2**17 at r=8 with
# 128 MiB, raise N if your servers can afford it.
N, R, P = 2**14, 8, 1
SALT_BYTES = 16
KEY_BYTES = 64


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8", "surrogatepass"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        maxmem=2 * 128 * n * r * p,
        dklen=KEY_BYTES,
    )


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(SALT_BYTES)
    key = _scrypt(password, salt, N, R, P)
    encoded = [base64.b64encode(part).decode() for part in (salt, key)]
    return "$".join(["scrypt", str(N), str(R), str(P), *encoded])


def verify_password(password: str, stored: str) -> bool:
    try:
        algorithm, n, r, p, salt, key = stored.split("$")
        if algorithm != "scrypt":
            return False
        expected = base64.b64decode(key)
        actual = _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p))
    except ValueError:
        return False
    return hmac.compare_digest(actual, expected)
