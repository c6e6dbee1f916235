"""Students: a CRUD resource to copy when you add your own."""
