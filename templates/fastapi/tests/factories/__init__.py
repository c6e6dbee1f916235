"""Rows for tests, one module per resource made by `scaffold add resource`: `<name>_body()`
is a valid request body, `make_<name>()` a stored row (other resources' tests use them
for their references)."""
