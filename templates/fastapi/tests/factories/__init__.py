"""Rows for tests, one module per resource (the starter's and those `scaffold add resource`
makes): `<name>_body()` is a valid request body, `make_<name>()` a stored row (other
resources' tests use them for their references)."""
