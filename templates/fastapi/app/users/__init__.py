"""Users and the Bearer tokens that let them write: `POST /api/auth/token`, `CurrentUser`."""
